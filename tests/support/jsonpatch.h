#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

namespace storedesk::test {

namespace detail {

inline QJsonValue withValueAt(const QJsonValue& node, QStringList steps, const QJsonValue& value)
{
    if (steps.isEmpty())
        return value;
    const QString step = steps.takeFirst();
    bool isIndex = false;
    const qsizetype index = step.toLongLong(&isIndex);
    if (isIndex) {
        QJsonArray array = node.toArray();
        Q_ASSERT_X(index < array.size(), "withValue", "index beyond the array");
        if (steps.isEmpty() && value.isUndefined())
            array.removeAt(index);
        else
            array.replace(index, withValueAt(array.at(index), steps, value));
        return array;
    }
    QJsonObject object = node.toObject();
    if (steps.isEmpty() && value.isUndefined())
        object.remove(step);
    else
        object.insert(step, withValueAt(object.value(step), steps, value));
    return object;
}

} // namespace detail

// A copy of `root` with the value at `path` ("lineItems[1].totalPrice.currencyCode") replaced, or
// removed when `value` is undefined. Lets a test state one defect against a known-good document.
inline QJsonObject withValue(const QJsonObject& root, const QString& path, const QJsonValue& value)
{
    QString dotted = path;
    dotted.replace(QRegularExpression(QStringLiteral("\\[(\\d+)\\]")), QStringLiteral(".\\1"));
    return detail::withValueAt(root, dotted.split(QLatin1Char('.')), value).toObject();
}

inline QJsonObject without(const QJsonObject& root, const QString& path)
{
    return withValue(root, path, QJsonValue(QJsonValue::Undefined));
}

inline QByteArray toBytes(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace storedesk::test
