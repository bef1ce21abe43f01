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
//
// The path is not built while reading (that cost more than the reading itself on a large cart): a
// reader for a nested object keeps a pointer to the reader it came from plus its key (and index in
// an array), and the path is composed only when a problem is reported or path() is asked for. So a
// nested reader must not outlive the reader it came from, and keys must outlive the readers made
// with them (string literals do) — which is how parsers use readers: on the stack, top down.
class JsonObjectReader {
    Q_DECLARE_TR_FUNCTIONS(storedesk::JsonObjectReader)

public:
    explicit JsonObjectReader(QJsonObject object);

    QString path() const;
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
        const qsizetype size = array.size();
        for (qsizetype i = 0; i < size && !failed(); ++i) {
            QJsonValue elementValue = array.at(i);
            if (!elementValue.isObject()) {
                failAt(elementPath(key, i), tr("expected an object"));
                return;
            }
            JsonObjectReader element(elementValue.toObject(), this, key, i);
            read(element);
        }
    }

    // Records a problem with the value at `key` (or with this object when key is empty).
    void fail(QLatin1StringView key, const QString& message,
              Error::Kind kind = Error::Kind::InvalidValue);
    void failAt(const QString& path, const QString& message,
                Error::Kind kind = Error::Kind::InvalidValue);
    // Composed on demand; for error reports, not for reading.
    QString childPath(QLatin1StringView key) const;

private:
    struct State {
        std::optional<Error> error;
    };
    // A reader for the object at `key` of `parent` (element `index` of the array there when
    // index >= 0), sharing the parent's error state.
    JsonObjectReader(QJsonObject object, const JsonObjectReader* parent, QLatin1StringView key,
                     qsizetype index = -1);
    void appendPath(QString& out) const;
    QString elementPath(QLatin1StringView key, qsizetype index) const;
    void failMissing(QLatin1StringView key);
    // The value at key; undefined when absent or null (recorded as an error if required) or when
    // an earlier read failed.
    QJsonValue take(QLatin1StringView key, bool required);
    QString string(QLatin1StringView key, bool required);
    std::optional<qint64> integer(QLatin1StringView key, bool required);
    std::optional<JsonObjectReader> object(QLatin1StringView key, bool required);

    QJsonObject m_object;
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
