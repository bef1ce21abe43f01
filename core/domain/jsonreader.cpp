#include "jsonreader.h"

#include "jsonvalue.h"

#include <QJsonParseError>

namespace storedesk {

JsonObjectReader::JsonObjectReader(QJsonObject object)
    : m_object(std::move(object))
    , m_state(std::make_shared<State>())
{
}

JsonObjectReader::JsonObjectReader(const JsonValue& value, const JsonObjectReader* parent,
                                   QLatin1StringView key, qsizetype index)
    : m_state(parent->m_state)
    , m_parent(parent)
    , m_key(key)
    , m_index(index)
{
    value.assignTo(*this);
}

QJsonObject JsonObjectReader::object() const
{
    return JsonValue::toQtObject(*this);
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
    return JsonValue::member(*this, key).type() != JsonValue::Type::Absent;
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

JsonValue JsonObjectReader::take(QLatin1StringView key, bool required)
{
    if (failed())
        return {};
    JsonValue value = JsonValue::member(*this, key);
    if (value.type() == JsonValue::Type::Absent && required)
        failMissing(key);
    return value;
}

QString JsonObjectReader::string(QLatin1StringView key, bool required)
{
    const JsonValue value = take(key, required);
    if (value.type() == JsonValue::Type::Absent)
        return {};
    if (value.type() != JsonValue::Type::String) {
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

std::optional<qint64> JsonObjectReader::integer(QLatin1StringView key, bool required)
{
    const JsonValue value = take(key, required);
    if (value.type() == JsonValue::Type::Absent)
        return std::nullopt;
    if (value.type() != JsonValue::Type::Number) {
        fail(key, tr("expected an integer"));
        return std::nullopt;
    }
    qint64 integer = 0;
    switch (value.integerKind(&integer)) {
    case JsonValue::IntegerKind::Exact:
        return integer;
    case JsonValue::IntegerKind::Overflow:
        fail(key, tr("integer out of range (beyond 64 bits)"), Error::Kind::Overflow);
        break;
    case JsonValue::IntegerKind::NotIntegral:
        fail(key, tr("expected an integer"));
        break;
    }
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
    const JsonValue value = take(key, false);
    if (value.type() == JsonValue::Type::Absent)
        return fallback;
    if (value.type() != JsonValue::Type::Bool) {
        fail(key, tr("expected true or false"));
        return fallback;
    }
    return value.toBool();
}

double JsonObjectReader::optionalNumber(QLatin1StringView key, double fallback)
{
    const JsonValue value = take(key, false);
    if (value.type() == JsonValue::Type::Absent)
        return fallback;
    if (value.type() != JsonValue::Type::Number) {
        fail(key, tr("expected a number"));
        return fallback;
    }
    return value.toDouble();
}

QStringList JsonObjectReader::optionalStringList(QLatin1StringView key)
{
    const JsonValue value = take(key, false);
    if (value.type() == JsonValue::Type::Absent)
        return {};
    if (value.type() != JsonValue::Type::Array) {
        fail(key, tr("expected an array"));
        return {};
    }
    QStringList strings;
    bool wrong = false;
    value.forEachElement([&](qsizetype i, const JsonValue& element) {
        if (element.type() != JsonValue::Type::String) {
            failAt(elementPath(key, i), tr("expected a string"));
            wrong = true;
            return false;
        }
        strings.append(element.toString());
        return true;
    });
    return wrong ? QStringList() : strings;
}

QMap<QString, QString> JsonObjectReader::stringMembers()
{
    if (failed())
        return {};
    QMap<QString, QString> strings;
    const QMap<QString, JsonValue> members = JsonValue::members(*this);
    for (auto it = members.constBegin(); it != members.constEnd(); ++it) {
        if (it.value().type() != JsonValue::Type::String) {
            // Keys are language tags, not Latin-1 literals, so the path is built here.
            const QString here = path();
            failAt(here.isEmpty() ? it.key() : here + QLatin1Char('.') + it.key(),
                   tr("expected a string"));
            return {};
        }
        strings.insert(it.key(), it.value().toString());
    }
    return strings;
}

void JsonObjectReader::forEachObject(QLatin1StringView key, bool required, ReadFunction read,
                                     void* context)
{
    const JsonValue value = JsonValue::member(*this, key);
    if (value.type() == JsonValue::Type::Absent) {
        if (required)
            failMissing(key);
        return;
    }
    if (value.type() != JsonValue::Type::Array) {
        fail(key, tr("expected an array"));
        return;
    }
    value.forEachElement([&](qsizetype i, const JsonValue& element) {
        if (failed())
            return false;
        if (element.type() != JsonValue::Type::Object) {
            failAt(elementPath(key, i), tr("expected an object"));
            return false;
        }
        JsonObjectReader reader(element, this, key, i);
        read(context, reader);
        return true;
    });
}

std::optional<JsonObjectReader> JsonObjectReader::object(QLatin1StringView key, bool required)
{
    const JsonValue value = take(key, required);
    if (value.type() == JsonValue::Type::Absent)
        return std::nullopt;
    if (value.type() != JsonValue::Type::Object) {
        fail(key, tr("expected an object"));
        return std::nullopt;
    }
    return JsonObjectReader(value, this, key);
}

JsonObjectReader JsonObjectReader::requiredObject(QLatin1StringView key)
{
    // A missing object still yields a reader: it shares the recorded error, so reads from it are
    // harmless no-ops and the caller can go on and check failed() once.
    if (std::optional<JsonObjectReader> found = object(key, true))
        return std::move(*found);
    return JsonObjectReader(JsonValue(QJsonValue(QJsonObject())), this, key);
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
