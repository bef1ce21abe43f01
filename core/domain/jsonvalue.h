#pragma once

// Private to the JSON reader (jsonreader.cpp, jsonvalue.cpp): includes simdjson's header, which
// nothing else needs to see.
#include "jsonreader.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QMap>

#include <optional>
#include <simdjson.h>

namespace storedesk {

// One JSON value as the reader sees it, from either kind of document: a QJsonValue, or an
// element of a document simdjson parsed. Each question is answered as Qt answers it for the same
// bytes (QJsonDocument::fromJson's numbers, last of repeated keys), so a parser cannot tell which
// kind it reads.
class JsonValue {
public:
    // Absent covers undefined and null: the reader treats both as "not there".
    enum class Type { Absent, Bool, Number, String, Array, Object };
    // What a number is as an integer: exactly one, out of the 64-bit range, or not integral.
    enum class IntegerKind { Exact, Overflow, NotIntegral };

    JsonValue() = default;
    explicit JsonValue(const QJsonValue& value);
    explicit JsonValue(simdjson::dom::element element);

    // The member `key` of a reader's object.
    static JsonValue member(const JsonObjectReader& reader, QLatin1StringView key);
    // A root reader over an object of a document simdjson parsed; the document must outlive it.
    static JsonObjectReader rootReader(simdjson::dom::object object);
    // Sets `reader` up to read this value, which must be an object.
    void assignTo(JsonObjectReader& reader) const;

    Type type() const { return m_type; }
    QString toString() const;
    bool toBool() const;
    double toDouble() const;
    IntegerKind integerKind(qint64* value) const;
    QJsonValue toQt() const;
    // A reader's object as a QJsonObject (built when it was read from bytes).
    static QJsonObject toQtObject(const JsonObjectReader& reader);

    // Calls visit(index, element) for each element of an array until it returns false.
    template <typename Visit>
    void forEachElement(Visit&& visit) const
    {
        qsizetype index = 0;
        if (m_isParsed) {
            const simdjson::dom::array array = m_parsed.get_array().value_unsafe();
            for (simdjson::dom::element element : array) {
                if (!visit(index++, JsonValue(element)))
                    return;
            }
            return;
        }
        const QJsonArray array = m_qt.toArray();
        for (const QJsonValue& element : array) {
            if (!visit(index++, JsonValue(element)))
                return;
        }
    }

    // The members of a reader's object as QJsonObject keeps them: by key, the last of a
    // repeated key.
    static QMap<QString, JsonValue> members(const JsonObjectReader& reader);

private:
    static simdjson::dom::object parsedObject(const JsonObjectReader& reader);
    static QJsonObject toQtObject(simdjson::dom::object parsed);

    QJsonValue m_qt;
    simdjson::dom::element m_parsed;
    bool m_isParsed = false;
    Type m_type = Type::Absent;
};

} // namespace storedesk
