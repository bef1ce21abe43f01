#include "jsonreader.h"

#include <QJsonParseError>
#include <QVariant>

#include <cmath>
#include <limits>

namespace storedesk {

JsonObjectReader::JsonObjectReader(QJsonObject object)
    : m_object(std::move(object))
    , m_state(std::make_shared<State>())
{
}

JsonObjectReader::JsonObjectReader(QJsonObject object, const JsonObjectReader* parent,
                                   QLatin1StringView key, qsizetype index)
    : m_object(std::move(object))
    , m_state(parent->m_state)
    , m_parent(parent)
    , m_key(key)
    , m_index(index)
{
}

void JsonObjectReader::appendPath(QString& out) const
{
    if (!m_parent)
        return;
    m_parent->appendPath(out);
    if (!out.isEmpty())
        out += QLatin1Char('.');
    out += m_key;
    if (m_index >= 0)
        out += QLatin1Char('[') + QString::number(m_index) + QLatin1Char(']');
}

QString JsonObjectReader::path() const
{
    QString out;
    appendPath(out);
    return out;
}

QString JsonObjectReader::childPath(QLatin1StringView key) const
{
    QString out = path();
    if (key.isEmpty())
        return out;
    if (!out.isEmpty())
        out += QLatin1Char('.');
    return out += key;
}

QString JsonObjectReader::elementPath(QLatin1StringView key, qsizetype index) const
{
    return childPath(key) + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

bool JsonObjectReader::has(QLatin1StringView key) const
{
    const QJsonValue value = m_object.value(key);
    return !value.isUndefined() && !value.isNull();
}

void JsonObjectReader::fail(QLatin1StringView key, const QString& message, Error::Kind kind)
{
    failAt(childPath(key), message, kind);
}

void JsonObjectReader::failAt(const QString& path, const QString& message, Error::Kind kind)
{
    if (!m_state->error) // the first problem is the one worth reporting
        m_state->error = Error{kind, message, path};
}

void JsonObjectReader::failMissing(QLatin1StringView key)
{
    fail(key, tr("is required"), Error::Kind::MissingValue);
}

QJsonValue JsonObjectReader::take(QLatin1StringView key, bool required)
{
    // Undefined, not `{}`: a default QJsonValue is Null, which the accessors would report as a
    // value of the wrong type.
    if (failed())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            failMissing(key);
        return QJsonValue(QJsonValue::Undefined);
    }
    return value;
}

QString JsonObjectReader::string(QLatin1StringView key, bool required)
{
    const QJsonValue value = take(key, required);
    if (value.isUndefined())
        return {};
    if (!value.isString()) {
        fail(key, tr("expected a string"));
        return {};
    }
    return value.toString();
}

QString JsonObjectReader::requiredString(QLatin1StringView key)
{
    return string(key, true);
}

QString JsonObjectReader::optionalString(QLatin1StringView key)
{
    return string(key, false);
}

static std::optional<qint64> exactInteger(const QJsonValue& value)
{
    // Qt keeps integral numbers that fit in 64 bits as qlonglong; anything else arrives as a double
    // and would lose precision, so it is not an integer for our purposes.
    // Qt also stores a double that lands exactly on -2^63 as that integer, so
    // -9223372036854775809 would read as INT64_MIN; the two cannot be told apart, and no amount
    // or count is ever that large, so INT64_MIN is treated as out of range.
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong &&
        variant.toLongLong() != std::numeric_limits<qint64>::min())
        return variant.toLongLong();
    return std::nullopt;
}

std::optional<qint64> JsonObjectReader::integer(QLatin1StringView key, bool required)
{
    const QJsonValue value = take(key, required);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isDouble()) {
        fail(key, tr("expected an integer"));
        return std::nullopt;
    }
    if (const auto integer = exactInteger(value))
        return integer;
    // An integral value that still is not a qlonglong can only be one beyond the 64-bit range.
    const double number = value.toDouble();
    if (std::isfinite(number) && std::trunc(number) == number)
        fail(key, tr("integer out of range (beyond 64 bits)"), Error::Kind::Overflow);
    else
        fail(key, tr("expected an integer"));
    return std::nullopt;
}

std::optional<qint64> JsonObjectReader::optionalInteger(QLatin1StringView key)
{
    return integer(key, false);
}

qint64 JsonObjectReader::requiredInteger(QLatin1StringView key)
{
    return integer(key, true).value_or(0);
}

bool JsonObjectReader::optionalBool(QLatin1StringView key, bool fallback)
{
    const QJsonValue value = take(key, false);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool()) {
        fail(key, tr("expected true or false"));
        return fallback;
    }
    return value.toBool();
}

double JsonObjectReader::optionalNumber(QLatin1StringView key, double fallback)
{
    const QJsonValue value = take(key, false);
    if (value.isUndefined())
        return fallback;
    if (!value.isDouble()) {
        fail(key, tr("expected a number"));
        return fallback;
    }
    return value.toDouble();
}

QStringList JsonObjectReader::optionalStringList(QLatin1StringView key)
{
    const QJsonValue value = take(key, false);
    if (value.isUndefined())
        return {};
    if (!value.isArray()) {
        fail(key, tr("expected an array"));
        return {};
    }
    QStringList strings;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            failAt(elementPath(key, i), tr("expected a string"));
            return {};
        }
        strings.append(array.at(i).toString());
    }
    return strings;
}

std::optional<JsonObjectReader> JsonObjectReader::object(QLatin1StringView key, bool required)
{
    const QJsonValue value = take(key, required);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isObject()) {
        fail(key, tr("expected an object"));
        return std::nullopt;
    }
    return JsonObjectReader(value.toObject(), this, key);
}

JsonObjectReader JsonObjectReader::requiredObject(QLatin1StringView key)
{
    // A missing object still yields a reader: it shares the recorded error, so reads from it are
    // harmless no-ops and the caller can go on and check failed() once.
    if (std::optional<JsonObjectReader> found = object(key, true))
        return std::move(*found);
    return JsonObjectReader(QJsonObject(), this, key);
}

std::optional<JsonObjectReader> JsonObjectReader::optionalObject(QLatin1StringView key)
{
    return object(key, false);
}

namespace json {

Expected<QJsonObject> parseObject(const QByteArray& bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{Error::Kind::InvalidJson,
                     JsonObjectReader::tr("malformed JSON at byte %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString()),
                     QString()};
    }
    if (!document.isObject())
        return Error{Error::Kind::InvalidJson, JsonObjectReader::tr("expected a JSON object"),
                     QString()};
    return document.object();
}

} // namespace json
} // namespace storedesk
