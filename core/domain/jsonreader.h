#pragma once

#include "../base/expected.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <type_traits>

namespace storedesk {

class JsonValue;

// Reads one JSON object while remembering where it is ("lineItems[3].totalPrice"). The first
// problem found is kept as an Error naming the JSON path; later reads return empty values, so a
// parser can read straight through and check failed() once at the end. It never asserts.
//
// The path is not built while reading (that cost more than the reading itself on a large cart): a
// reader for a nested object keeps a pointer to the reader it came from plus its key (and index in
// an array), and the path is composed only when a problem is reported or path() is asked for. So a
// nested reader must not outlive the reader it came from, and keys must outlive the readers made
// with them (string literals do) — which is how parsers use readers: on the stack, top down.
//
// One interface over two kinds of document: a QJsonObject (from callers that already hold one),
// or bytes parsed by json::read<T>(bytes) with simdjson (jsonvalue.cpp), which is several times
// faster than QJsonDocument::fromJson and turns into QStrings only the values a parser asks for.
// Both answer every question the same way, errors and paths included (tst_jsonreader runs its
// cases through both).
class JsonObjectReader {
    Q_DECLARE_TR_FUNCTIONS(storedesk::JsonObjectReader)

public:
    explicit JsonObjectReader(QJsonObject object);

    QString path() const;
    // This object as a QJsonObject, for callers that hand it on whole; built on demand (and so not
    // for hot paths) when the reader was made from bytes.
    QJsonObject object() const;
    bool failed() const { return m_state->error.has_value(); }
    Error error() const { return m_state->error.value_or(Error{}); }

    // Present and not null.
    bool has(QLatin1StringView key) const;

    QString requiredString(QLatin1StringView key);
    QString optionalString(QLatin1StringView key);
    qint64 requiredInteger(QLatin1StringView key);
    std::optional<qint64> optionalInteger(QLatin1StringView key);
    bool optionalBool(QLatin1StringView key, bool fallback);
    double optionalNumber(QLatin1StringView key, double fallback); // for ratios, never for money
    QStringList optionalStringList(QLatin1StringView key);
    // Every member of this object, each of which must be a string (a language-tagged text); the
    // first one in key order that is not fails at its own path.
    QMap<QString, QString> stringMembers();

    JsonObjectReader requiredObject(QLatin1StringView key);
    std::optional<JsonObjectReader> optionalObject(QLatin1StringView key);

    // Calls read(JsonObjectReader&) for each element of an array of objects; an absent or null
    // array is empty unless required. Stops at the first failure.
    template <typename Read>
    void forEachObject(QLatin1StringView key, Read&& read, bool required = false)
    {
        using Function = std::remove_reference_t<Read>;
        forEachObject(
            key, required,
            [](void* context, JsonObjectReader& element) {
                (*static_cast<Function*>(context))(element);
            },
            const_cast<void*>(static_cast<const void*>(std::addressof(read))));
    }

    // Records a problem with the value at `key` (or with this object when key is empty).
    void fail(QLatin1StringView key, const QString& message,
              Error::Kind kind = Error::Kind::InvalidValue);
    void failAt(const QString& path, const QString& message,
                Error::Kind kind = Error::Kind::InvalidValue);
    // Composed on demand; for error reports, not for reading.
    QString childPath(QLatin1StringView key) const;

    // What forEachObject and json::read<T> call a parser's function through (with the function
    // as `context`), so that the walking itself is not a template.
    using ReadFunction = void (*)(void* context, JsonObjectReader& reader);

private:
    friend class JsonValue;
    struct State {
        std::optional<Error> error;
    };
    // simdjson's handle of an object in a parsed document (a pointer to the document and a
    // position in it), kept as plain bytes so that this header does not include simdjson's;
    // jsonvalue.cpp checks that the type fits and may be copied byte for byte.
    struct ParsedObject {
        alignas(8) std::array<std::byte, 16> bytes{};
    };
    JsonObjectReader() = default; // for JsonValue, which fills it in
    void forEachObject(QLatin1StringView key, bool required, ReadFunction read, void* context);
    // A reader for the object `value` at `key` of `parent` (element `index` of the array there
    // when index >= 0), sharing the parent's error state.
    JsonObjectReader(const JsonValue& value, const JsonObjectReader* parent, QLatin1StringView key,
                     qsizetype index = -1);
    void appendPath(QString& out) const;
    QString elementPath(QLatin1StringView key, qsizetype index) const;
    void failMissing(QLatin1StringView key);
    // The value at key; absent when absent or null (recorded as an error if required) or when
    // an earlier read failed.
    JsonValue take(QLatin1StringView key, bool required);
    QString string(QLatin1StringView key, bool required);
    std::optional<qint64> integer(QLatin1StringView key, bool required);
    std::optional<JsonObjectReader> object(QLatin1StringView key, bool required);

    QJsonObject m_object;  // when read from a QJsonObject
    ParsedObject m_parsed; // when read from bytes (m_isParsed)
    bool m_isParsed = false;
    std::shared_ptr<State> m_state;
    const JsonObjectReader* m_parent = nullptr; // nullptr for the document's root
    QLatin1StringView m_key;                    // where this object sits in m_parent
    qsizetype m_index = -1;                     // >= 0: element m_index of the array at m_key
};

namespace json {

// Parses bytes that must hold one JSON object. Syntax errors, too-deep nesting and non-object
// documents become Error::Kind::InvalidJson.
Expected<QJsonObject> parseObject(const QByteArray& bytes);

// Runs T::read over a whole document or object and returns the value or the first error.
template <typename T>
Expected<T> read(const QJsonObject& object)
{
    JsonObjectReader reader(object);
    T value = T::read(reader);
    if (reader.failed())
        return reader.error();
    return value;
}

namespace detail {
std::optional<Error> readBytes(const QByteArray& bytes, JsonObjectReader::ReadFunction read,
                               void* context);
} // namespace detail

// Calls read(JsonObjectReader&) with a reader over the object that `bytes` must hold, which lives
// only as long as the call; returns the first error: of the bytes (InvalidJson, worded as
// parseObject words it) or of the reading.
template <typename Read>
std::optional<Error> readObject(const QByteArray& bytes, Read&& read)
{
    using Function = std::remove_reference_t<Read>;
    return detail::readBytes(
        bytes,
        [](void* context, JsonObjectReader& reader) { (*static_cast<Function*>(context))(reader); },
        const_cast<void*>(static_cast<const void*>(std::addressof(read))));
}

template <typename T>
Expected<T> read(const QByteArray& bytes)
{
    std::optional<T> value;
    const std::optional<Error> error =
        readObject(bytes, [&value](JsonObjectReader& reader) { value.emplace(T::read(reader)); });
    if (error)
        return *error;
    return std::move(*value);
}

} // namespace json
} // namespace storedesk
