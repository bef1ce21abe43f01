#pragma once

#include <QByteArray>
#include <QString>

namespace storedesk {
class Money;
}

namespace storedesk::server {

// Pieces of a JSON answer appended as bytes, for routes that write their answer directly rather
// than through a QJsonObject per value (each of which costs allocations and a sorted insert).
// They write what QJsonDocument's compact form would.

// A Money as Money::toJson() writes it, members in QJsonDocument's (sorted) order.
// High-precision amounts, which no cart or order total has, take the general way.
void appendMoney(QByteArray& out, const Money& money);

// A JSON string literal.
void appendString(QByteArray& out, const QString& text);

} // namespace storedesk::server
