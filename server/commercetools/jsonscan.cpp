#include "jsonscan.h"

#include <charconv>
#include <cstring>
#include <simdjson.h>
#include <vector>

namespace storedesk::server {
namespace {

// simdjson's parsers, kept per thread so that their buffers are allocated once and reused. Both
// read up to SIMDJSON_PADDING bytes past the end of the text, which a QByteArrayView does not
// promise: the text is copied into a padded buffer first (a memcpy, a few percent of a parse).
// The DOM parser validates the whole document (grammar, UTF-8, nesting as deep as Qt allows:
// 1024, simdjson's default as well); the on-demand parser, which validates only what it visits,
// is used after it for the byte spans of members, which the DOM does not keep.
class Parsers {
public:
    static Parsers& ofThisThread()
    {
        thread_local Parsers parsers;
        return parsers;
    }

    // `json` copied into the padded buffer; valid until the next call.
    std::string_view padded(QByteArrayView json)
    {
        const size_t size = size_t(json.size());
        if (m_buffer.size() < size + simdjson::SIMDJSON_PADDING)
            m_buffer.resize(size + simdjson::SIMDJSON_PADDING);
        if (size > 0)
            std::memcpy(m_buffer.data(), json.data(), size);
        std::memset(m_buffer.data() + size, 0, simdjson::SIMDJSON_PADDING);
        return std::string_view(m_buffer.data(), size);
    }
    size_t capacity() const { return m_buffer.size(); }

    simdjson::dom::parser dom;
    simdjson::ondemand::parser onDemand;

private:
    std::vector<char> m_buffer;
};

QByteArrayView viewOf(std::string_view text)
{
    return QByteArrayView(text.data(), qsizetype(text.size()));
}

} // namespace

std::optional<JsonObjectScan> JsonObjectScan::scan(QByteArrayView json)
{
    return read(json, true);
}

std::optional<JsonObjectScan> JsonObjectScan::scanValidated(QByteArrayView json)
{
    return read(json, false);
}

std::optional<JsonObjectScan> JsonObjectScan::read(QByteArrayView json, bool validate)
{
    Parsers& parsers = Parsers::ofThisThread();
    const std::string_view text = parsers.padded(json);
    simdjson::dom::object validated;
    if (validate && parsers.dom.parse(text.data(), text.size(), false).get(validated))
        return std::nullopt;

    simdjson::ondemand::document document;
    simdjson::ondemand::object object;
    if (parsers.onDemand.iterate(text.data(), text.size(), parsers.capacity()).get(document) ||
        document.get_object().get(object))
        return std::nullopt;
    // Spans found in the copy point into `json` at the same offsets.
    const auto original = [&](std::string_view inCopy) {
        return QByteArrayView(json.data() + (inCopy.data() - text.data()),
                              qsizetype(inCopy.size()));
    };
    JsonObjectScan result;
    for (simdjson::simdjson_result<simdjson::ondemand::field> member : object) {
        simdjson::ondemand::field field;
        if (std::move(member).get(field))
            return std::nullopt;
        const char* keyStart = reinterpret_cast<const char*>(field.key().raw());
        simdjson::ondemand::value value = field.value();
        std::string_view valueText;
        if (simdjson::to_json_string(value).get(valueText))
            return std::nullopt;
        // Between the key's first character and the value lie only the key's closing quote, a
        // colon and white space: the key ends at the last quote before the value.
        const std::string_view keyAndColon(keyStart, size_t(valueText.data() - keyStart));
        const std::string_view key = keyAndColon.substr(0, keyAndColon.rfind('"'));
        result.m_members.append({original(key), original(valueText)});
    }
    return result;
}

std::optional<QList<QByteArrayView>> scanArrayValidated(QByteArrayView json)
{
    Parsers& parsers = Parsers::ofThisThread();
    const std::string_view text = parsers.padded(json);
    simdjson::ondemand::document document;
    simdjson::ondemand::array array;
    if (parsers.onDemand.iterate(text.data(), text.size(), parsers.capacity()).get(document) ||
        document.get_array().get(array))
        return std::nullopt;
    QList<QByteArrayView> elements;
    for (simdjson::simdjson_result<simdjson::ondemand::value> element : array) {
        simdjson::ondemand::value value;
        std::string_view valueText;
        if (std::move(element).get(value) || simdjson::to_json_string(value).get(valueText))
            return std::nullopt;
        elements.append(QByteArrayView(json.data() + (valueText.data() - text.data()),
                                       qsizetype(valueText.size())));
    }
    return elements;
}

QByteArrayView JsonObjectScan::member(QLatin1StringView key) const
{
    for (auto it = m_members.crbegin(); it != m_members.crend(); ++it)
        if (it->key == QByteArrayView(key.data(), key.size()))
            return it->value;
    return {};
}

std::optional<QString> JsonObjectScan::decodeString(QByteArrayView literal)
{
    Parsers& parsers = Parsers::ofThisThread();
    const std::string_view text = parsers.padded(literal);
    std::string_view decoded;
    if (parsers.dom.parse(text.data(), text.size(), false).get(decoded))
        return std::nullopt;
    return QString::fromUtf8(viewOf(decoded));
}

std::optional<QString> JsonObjectScan::string(QLatin1StringView key) const
{
    return decodeString(member(key));
}

std::optional<qint64> JsonObjectScan::integer(QLatin1StringView key) const
{
    // The span is a validated JSON value: a number without fraction or exponent is read whole.
    const QByteArrayView text = member(key);
    qint64 value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.isEmpty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::optional<ResourceHeader> readResourceHeader(QByteArrayView json)
{
    // The DOM alone: it validates and holds the three fields; no spans needed.
    Parsers& parsers = Parsers::ofThisThread();
    const std::string_view text = parsers.padded(json);
    simdjson::dom::object resource;
    if (parsers.dom.parse(text.data(), text.size(), false).get(resource))
        return std::nullopt;
    // The last of a repeated key counts, as in QJsonDocument (which the app reads the bytes with).
    const auto last = [](simdjson::dom::object object, std::string_view key) {
        std::optional<simdjson::dom::element> found;
        for (const simdjson::dom::key_value_pair member : object)
            if (member.key == key)
                found = member.value;
        return found;
    };
    const std::optional<simdjson::dom::element> id = last(resource, "id");
    const std::optional<simdjson::dom::element> version = last(resource, "version");
    const std::optional<simdjson::dom::element> store = last(resource, "store");
    std::string_view idText;
    int64_t versionNumber = 0;
    if (!id || id->get(idText) || !version || version->get(versionNumber))
        return std::nullopt;
    ResourceHeader header;
    header.id = QString::fromUtf8(viewOf(idText));
    header.version = versionNumber;
    if (!store || store->is_null())
        return header;
    simdjson::dom::object storeReference;
    std::string_view storeKey;
    if (store->get(storeReference))
        return std::nullopt;
    const std::optional<simdjson::dom::element> key = last(storeReference, "key");
    if (!key || key->get(storeKey))
        return std::nullopt;
    header.storeKey = QString::fromUtf8(viewOf(storeKey));
    return header;
}

} // namespace storedesk::server
