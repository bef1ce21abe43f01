#include "jsonvalue.h"

#include <QJsonObject>
#include <QVariant>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

namespace storedesk {

namespace dom = simdjson::dom;

namespace {

constexpr double twoTo63 = 9223372036854775808.0;

// Qt's parser keeps a number as an integer when it is written as one and fits in 64 bits, or when
// its double value is integral and within [-2^63, 2^63) ("1.0", "1E2", "-0.0"); otherwise as a
// double. This answers the second half for a double simdjson read.
std::optional<qint64> integralDouble(double number)
{
    if (std::isfinite(number) && std::trunc(number) == number && number >= -twoTo63 &&
        number < twoTo63)
        return static_cast<qint64>(number);
    return std::nullopt;
}

JsonValue::Type parsedType(dom::element element)
{
    switch (element.type()) {
    case dom::element_type::ARRAY:
        return JsonValue::Type::Array;
    case dom::element_type::OBJECT:
        return JsonValue::Type::Object;
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE:
        return JsonValue::Type::Number;
    case dom::element_type::STRING:
        return JsonValue::Type::String;
    case dom::element_type::BOOL:
        return JsonValue::Type::Bool;
    case dom::element_type::NULL_VALUE:
        break;
    }
    return JsonValue::Type::Absent;
}

JsonValue::Type qtType(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return JsonValue::Type::Bool;
    case QJsonValue::Double:
        return JsonValue::Type::Number;
    case QJsonValue::String:
        return JsonValue::Type::String;
    case QJsonValue::Array:
        return JsonValue::Type::Array;
    case QJsonValue::Object:
        return JsonValue::Type::Object;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return JsonValue::Type::Absent;
}

QString parsedString(dom::element element)
{
    const std::string_view text = element.get_string().value_unsafe();
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool sameKey(std::string_view a, QLatin1StringView b)
{
    // Keys are ASCII literals: the bytes compare as they are (UTF-8 and Latin-1 agree on ASCII).
    return a.size() == size_t(b.size()) && std::memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace

JsonValue::JsonValue(const QJsonValue& value)
    : m_qt(value)
    , m_type(qtType(value))
{
}

JsonValue::JsonValue(dom::element element)
    : m_parsed(element)
    , m_isParsed(true)
    , m_type(parsedType(element))
{
}

dom::object JsonValue::parsedObject(const JsonObjectReader& reader)
{
    // JsonObjectReader keeps a dom::object as plain bytes (jsonreader.h): it must fit and be
    // copyable byte for byte (it is a pointer to the document and a position in it).
    static_assert(sizeof(dom::object) <= sizeof(JsonObjectReader::ParsedObject::bytes));
    static_assert(alignof(dom::object) <= alignof(JsonObjectReader::ParsedObject));
    static_assert(std::is_trivially_copyable_v<dom::object>);
    dom::object object;
    std::memcpy(static_cast<void*>(&object), reader.m_parsed.bytes.data(), sizeof object);
    return object;
}

JsonObjectReader JsonValue::rootReader(dom::object object)
{
    JsonObjectReader reader;
    std::memcpy(reader.m_parsed.bytes.data(), static_cast<const void*>(&object), sizeof object);
    reader.m_isParsed = true;
    reader.m_state = std::make_shared<JsonObjectReader::State>();
    return reader;
}

void JsonValue::assignTo(JsonObjectReader& reader) const
{
    if (m_isParsed) {
        const dom::object object = m_parsed.get_object().value_unsafe();
        std::memcpy(reader.m_parsed.bytes.data(), static_cast<const void*>(&object), sizeof object);
        reader.m_isParsed = true;
    } else {
        reader.m_object = m_qt.toObject();
    }
}

JsonValue JsonValue::member(const JsonObjectReader& reader, QLatin1StringView key)
{
    if (!reader.m_isParsed)
        return JsonValue(reader.m_object.value(key));
    // The last of a repeated key, as QJsonObject keeps it; carts have a few dozen keys at most,
    // so the walk over all of them costs less than anything that would index them.
    std::optional<dom::element> found;
    for (const dom::key_value_pair field : parsedObject(reader)) {
        if (sameKey(field.key, key))
            found = field.value;
    }
    return found ? JsonValue(*found) : JsonValue();
}

QMap<QString, JsonValue> JsonValue::members(const JsonObjectReader& reader)
{
    QMap<QString, JsonValue> members;
    if (!reader.m_isParsed) {
        for (auto it = reader.m_object.constBegin(); it != reader.m_object.constEnd(); ++it)
            members.insert(it.key(), JsonValue(it.value()));
        return members;
    }
    for (const dom::key_value_pair field : parsedObject(reader))
        members.insert(QString::fromUtf8(field.key.data(), qsizetype(field.key.size())),
                       JsonValue(field.value));
    return members;
}

QString JsonValue::toString() const
{
    if (m_type != Type::String)
        return {};
    return m_isParsed ? parsedString(m_parsed) : m_qt.toString();
}

bool JsonValue::toBool() const
{
    if (m_type != Type::Bool)
        return false;
    return m_isParsed ? m_parsed.get_bool().value_unsafe() : m_qt.toBool();
}

double JsonValue::toDouble() const
{
    if (m_type != Type::Number)
        return 0;
    if (!m_isParsed)
        return m_qt.toDouble();
    switch (m_parsed.type()) {
    case dom::element_type::INT64:
        return double(m_parsed.get_int64().value_unsafe());
    case dom::element_type::UINT64:
        return double(m_parsed.get_uint64().value_unsafe());
    default: {
        // Through the integer Qt would keep, so that -0.0 reads as 0 as it does from Qt.
        const double number = m_parsed.get_double().value_unsafe();
        const std::optional<qint64> integral = integralDouble(number);
        return integral ? double(*integral) : number;
    }
    }
}

JsonValue::IntegerKind JsonValue::integerKind(qint64* value) const
{
    // Qt stores a double that lands exactly on -2^63 as that integer, so -9223372036854775809
    // would read as INT64_MIN from Qt; the two cannot be told apart, and no amount or count is
    // ever that large, so INT64_MIN is treated as out of range.
    constexpr qint64 ambiguous = std::numeric_limits<qint64>::min();
    std::optional<qint64> integer;
    if (m_isParsed) {
        switch (m_parsed.type()) {
        case dom::element_type::INT64:
            integer = m_parsed.get_int64().value_unsafe();
            break;
        case dom::element_type::UINT64: // beyond qint64
            return IntegerKind::Overflow;
        default: {
            const double number = m_parsed.get_double().value_unsafe();
            integer = integralDouble(number);
            if (!integer)
                return std::isfinite(number) && std::trunc(number) == number
                           ? IntegerKind::Overflow
                           : IntegerKind::NotIntegral;
        }
        }
    } else {
        // Qt keeps integral numbers that fit in 64 bits as qlonglong; anything else arrives as a
        // double and would lose precision, so it is not an integer for our purposes.
        const QVariant variant = m_qt.toVariant();
        if (variant.typeId() == QMetaType::LongLong) {
            integer = variant.toLongLong();
        } else {
            // An integral value that still is not a qlonglong can only be one beyond the range.
            const double number = m_qt.toDouble();
            return std::isfinite(number) && std::trunc(number) == number ? IntegerKind::Overflow
                                                                         : IntegerKind::NotIntegral;
        }
    }
    if (*integer == ambiguous)
        return IntegerKind::Overflow;
    *value = *integer;
    return IntegerKind::Exact;
}

QJsonValue JsonValue::toQt() const
{
    if (!m_isParsed)
        return m_qt;
    switch (m_parsed.type()) {
    case dom::element_type::ARRAY: {
        QJsonArray array;
        forEachElement([&](qsizetype, const JsonValue& element) {
            array.append(element.toQt());
            return true;
        });
        return array;
    }
    case dom::element_type::OBJECT:
        return toQtObject(m_parsed.get_object().value_unsafe());
    case dom::element_type::INT64:
        return QJsonValue(qint64(m_parsed.get_int64().value_unsafe()));
    case dom::element_type::UINT64:
        return QJsonValue(double(m_parsed.get_uint64().value_unsafe()));
    case dom::element_type::DOUBLE: {
        const double number = m_parsed.get_double().value_unsafe();
        if (const std::optional<qint64> integral = integralDouble(number))
            return QJsonValue(*integral);
        return QJsonValue(number);
    }
    case dom::element_type::STRING:
        return parsedString(m_parsed);
    case dom::element_type::BOOL:
        return m_parsed.get_bool().value_unsafe();
    case dom::element_type::NULL_VALUE:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

QJsonObject JsonValue::toQtObject(dom::object parsed)
{
    // insert() replaces a repeated key: the last one stays, as from Qt's parser.
    QJsonObject object;
    for (const dom::key_value_pair field : parsed)
        object.insert(QString::fromUtf8(field.key.data(), qsizetype(field.key.size())),
                      JsonValue(field.value).toQt());
    return object;
}

QJsonObject JsonValue::toQtObject(const JsonObjectReader& reader)
{
    return reader.m_isParsed ? toQtObject(parsedObject(reader)) : reader.m_object;
}

namespace {

// A parser is worth keeping: it holds buffers sized for the largest document it has read, and
// allocating them again for every cart costs more than the parse. One per thread (the server
// reads on several), and a fresh one if a read nests another on the same thread.
class ParserLease {
public:
    ParserLease()
    {
        if (!busy) {
            busy = true;
            m_parser = &shared;
            m_owned = false;
        } else {
            m_parser = new dom::parser;
        }
    }
    ~ParserLease()
    {
        if (m_owned)
            delete m_parser;
        else
            busy = false;
    }
    ParserLease(const ParserLease&) = delete;
    ParserLease& operator=(const ParserLease&) = delete;
    dom::parser& operator*() { return *m_parser; }

private:
    static thread_local dom::parser shared;
    static thread_local bool busy;
    dom::parser* m_parser = nullptr;
    bool m_owned = true;
};

thread_local dom::parser ParserLease::shared;
thread_local bool ParserLease::busy = false;

// Qt refuses a number that is not zero but rounds to zero ("1e-400"); simdjson reads it as 0.
// Rather than tell the two apart, a document with a double zero anywhere goes to Qt's parser (the
// tape is simdjson's documented layout: one word a value, numbers followed by their 64 bits).
bool hasDoubleZero(const dom::document& document)
{
    const uint64_t* tape = document.tape.get();
    const size_t end = tape[0] & ((uint64_t(1) << 56) - 1); // the root word points past the end
    for (size_t i = 1; i < end; ++i) {
        switch (char(tape[i] >> 56)) {
        case 'd':
            if (std::bit_cast<double>(tape[i + 1]) == 0)
                return true;
            ++i;
            break;
        case 'l':
        case 'u':
            ++i;
            break;
        default:
            break;
        }
    }
    return false;
}

} // namespace

namespace json::detail {

std::optional<Error> readBytes(const QByteArray& bytes, JsonObjectReader::ReadFunction read,
                               void* context)
{
    ParserLease parser;
    // simdjson reads up to SIMDJSON_PADDING bytes past the end: the bytes are copied into the
    // parser's own padded buffer unless the array has that much room after them.
    const bool copy = bytes.capacity() - bytes.size() < qsizetype(simdjson::SIMDJSON_PADDING);
    dom::element root;
    const bool parsed = !(*parser).parse(bytes.constData(), size_t(bytes.size()), copy).get(root) &&
                        root.is_object() && !hasDoubleZero((*parser).doc);
    if (parsed) {
        JsonObjectReader reader = JsonValue::rootReader(root.get_object().value_unsafe());
        read(context, reader);
        if (reader.failed())
            return reader.error();
        return std::nullopt;
    }
    // Not an object, or bytes simdjson refuses or might read otherwise than Qt: Qt's parser gives
    // the answer and words the error as it always has.
    const Expected<QJsonObject> object = parseObject(bytes);
    if (!object)
        return object.error();
    JsonObjectReader reader(*object);
    read(context, reader);
    if (reader.failed())
        return reader.error();
    return std::nullopt;
}

} // namespace json::detail
} // namespace storedesk
