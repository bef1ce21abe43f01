#pragma once

#include "database.h"
#include "storageerror.h"

namespace storedesk::server {

// The order a cart became, or is becoming.
struct CartOrder {
    QString cartId;
    QString storeKey;
    QString orderNumber; // "{storeKey}-{000001}"
    QString orderId;     // empty until commercetools has created the order
};

// Order numbers unique in the project: the store key and a counter per store, kept in the
// server's database. A cart gets its number once and keeps it, so a retry after an unclear
// answer from commercetools looks that very number up instead of creating a second order.
class OrderNumberStore {
public:
    explicit OrderNumberStore(Database& database, Clock clock = systemClock);

    static QString format(const QString& storeKey, qint64 number);

    // The cart's order, reserving the store's next number when it has none yet.
    StorageResult<CartOrder> reserve(const QString& cartId, const QString& storeKey);
    // The cart's number turned out to be taken in commercetools (by an order made elsewhere):
    // gives the cart the store's next number.
    StorageResult<CartOrder> renumber(const QString& cartId);
    StorageResult<void> attachOrder(const QString& cartId, const QString& orderId);
    StorageResult<CartOrder> find(const QString& cartId) const;

private:
    StorageResult<QString> nextNumber(const QString& storeKey);

    Database& m_database;
    Clock m_clock;
};

} // namespace storedesk::server
