#include "jsonbytes.h"

#include "domain/money.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace storedesk::server {

void appendMoney(QByteArray& out, const Money& money)
{
    const QString code = money.currencyCode();
    const bool plain =
        money.isValid() && !money.isHighPrecision() && code.size() == 3 &&
        std::all_of(code.begin(), code.end(), [](QChar c) { return c >= u'A' && c <= u'Z'; });
    if (!plain) {
        out.append(QJsonDocument(money.toJson()).toJson(QJsonDocument::Compact));
        return;
    }
    out.append("{\"centAmount\":")
        .append(QByteArray::number(money.minorUnits()))
        .append(",\"currencyCode\":\"")
        .append(code.toLatin1())
        .append("\",\"fractionDigits\":")
        .append(QByteArray::number(money.fractionDigits()))
        .append(",\"type\":\"centPrecision\"}");
}

void appendString(QByteArray& out, const QString& text)
{
    // Ids and keys are plain ASCII; anything else is escaped by Qt's own writer.
    const bool plain = std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\';
    });
    if (plain) {
        out.append('"').append(text.toLatin1()).append('"');
        return;
    }
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    out.append(QByteArrayView(array).sliced(1, array.size() - 2)); // without the brackets
}

} // namespace storedesk::server
