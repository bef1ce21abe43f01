#pragma once

#include "../base/expected.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace storedesk {

// Reads one JSON object while remembering where it is ("lineItems[3].totalPrice"). The first
// problem found is kept as an Error naming the JSON path; later reads return empty values, so a
// parser can read straight through and check failed() once at the end. It never asserts.
class JsonObjectReader {
    Q_DECLARE_TR_FUNCTIONS(storedesk::JsonObjectReader)

public:
    explicit JsonObjectReader(QJsonObject object);

    const QString& path() const { return m_path; }
    const QJsonObject& object() const { return m_object; }
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

    JsonObjectReader requiredObject(QLatin1StringView key);
    std::optional<JsonObjectReader> optionalObject(QLatin1StringView key);

    // Calls read(JsonObjectReader&) for each element of an array of objects; an absent or null
    // array is empty unless required. Stops at the first failure.
    template <typename Read>
    void forEachObject(QLatin1StringView key, Read&& read, bool required = false)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                failMissing(key);
            return;
        }
        if (!value.isArray()) {
            fail(key, tr("expected an array"));
            return;
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size() && !failed(); ++i) {
            const QString elementPath =
                childPath(key) + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
            if (!array.at(i).isObject()) {
                failAt(elementPath, tr("expected an object"));
                return;
            }
            JsonObjectReader element(array.at(i).toObject(), elementPath, m_state);
            read(element);
        }
    }

    // Records a problem with the value at `key` (or with this object when key is empty).
    void fail(QLatin1StringView key, const QString& message,
              Error::Kind kind = Error::Kind::InvalidValue);
    void failAt(const QString& path, const QString& message,
                Error::Kind kind = Error::Kind::InvalidValue);
    QString childPath(QLatin1StringView key) const;

private:
    struct State {
        std::optional<Error> error;
    };
    JsonObjectReader(QJsonObject object, QString path, std::shared_ptr<State> state);
    void failMissing(QLatin1StringView key);
    // The value at key; undefined when absent or null (recorded as an error if required) or when
    // an earlier read failed.
    QJsonValue take(QLatin1StringView key, bool required);
    QString string(QLatin1StringView key, bool required);
    std::optional<JsonObjectReader> object(QLatin1StringView key, bool required);

    QJsonObject m_object;
    QString m_path;
    std::shared_ptr<State> m_state;
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

template <typename T>
Expected<T> read(const QByteArray& bytes)
{
    Expected<QJsonObject> object = parseObject(bytes);
    if (!object)
        return object.error();
    return read<T>(*object);
}

} // namespace json
} // namespace storedesk
