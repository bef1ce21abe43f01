#include "ordernumberstore.h"

#include <QSqlQuery>

namespace storedesk::server {

OrderNumberStore::OrderNumberStore(Database& database, Clock clock)
    : m_database(database)
    , m_clock(std::move(clock))
{
}

QString OrderNumberStore::format(const QString& storeKey, qint64 number)
{
    return QStringLiteral("%1-%2").arg(storeKey).arg(number, 6, 10, QLatin1Char('0'));
}

StorageResult<CartOrder> OrderNumberStore::find(const QString& cartId) const
{
    auto query = m_database.run(QStringLiteral("SELECT cart_id, store_key, order_number, order_id "
                                               "FROM cart_orders WHERE cart_id = ?"),
                                {cartId}, QStringLiteral("reading the cart's order"));
    if (!query)
        return query.error();
    if (!query->next())
        return StorageError{
            StorageError::Kind::NotFound, QStringLiteral("This cart has no order yet."), {}};
    return CartOrder{query->value(0).toString(), query->value(1).toString(),
                     query->value(2).toString(), query->value(3).toString()};
}

// Inside a transaction.
StorageResult<QString> OrderNumberStore::nextNumber(const QString& storeKey)
{
    const QString what = QStringLiteral("numbering an order");
    if (auto created = m_database.run(QStringLiteral("INSERT INTO order_number_sequences "
                                                     "(store_key, last_number) VALUES (?, 0) "
                                                     "ON CONFLICT (store_key) DO NOTHING"),
                                      {storeKey}, what);
        !created)
        return created.error();
    if (auto counted = m_database.run(QStringLiteral("UPDATE order_number_sequences SET "
                                                     "last_number = last_number + 1 WHERE "
                                                     "store_key = ?"),
                                      {storeKey}, what);
        !counted)
        return counted.error();
    auto number = m_database.run(
        QStringLiteral("SELECT last_number FROM order_number_sequences WHERE store_key = ?"),
        {storeKey}, what);
    if (!number)
        return number.error();
    if (!number->next())
        return StorageError{
            StorageError::Kind::Unavailable,
            QStringLiteral("the order number counter of %1 is missing").arg(storeKey),
            {}};
    return format(storeKey, number->value(0).toLongLong());
}

StorageResult<CartOrder> OrderNumberStore::reserve(const QString& cartId, const QString& storeKey)
{
    Database::Transaction transaction(m_database);
    if (!transaction.started())
        return transaction.started().error();
    // The counter row's lock orders concurrent reservations; the cart's row decides who won.
    if (StorageResult<CartOrder> existing = find(cartId); existing)
        return existing;
    else if (existing.error().kind != StorageError::Kind::NotFound)
        return existing.error();
    StorageResult<QString> number = nextNumber(storeKey);
    if (!number)
        return number.error();
    if (auto inserted = m_database.run(
            QStringLiteral("INSERT INTO cart_orders (cart_id, store_key, order_number, created_at) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT (cart_id) DO NOTHING"),
            {cartId, storeKey, *number, Database::toMillis(m_clock())},
            QStringLiteral("reserving an order number"));
        !inserted)
        return inserted.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return find(cartId);
}

StorageResult<CartOrder> OrderNumberStore::renumber(const QString& cartId)
{
    Database::Transaction transaction(m_database);
    if (!transaction.started())
        return transaction.started().error();
    StorageResult<CartOrder> order = find(cartId);
    if (!order)
        return order.error();
    StorageResult<QString> number = nextNumber(order->storeKey);
    if (!number)
        return number.error();
    if (auto updated = m_database.run(QStringLiteral("UPDATE cart_orders SET order_number = ? "
                                                     "WHERE cart_id = ? AND order_id IS NULL"),
                                      {*number, cartId}, QStringLiteral("renumbering an order"));
        !updated)
        return updated.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return find(cartId);
}

StorageResult<void> OrderNumberStore::attachOrder(const QString& cartId, const QString& orderId)
{
    auto updated =
        m_database.run(QStringLiteral("UPDATE cart_orders SET order_id = ? WHERE cart_id = ?"),
                       {orderId, cartId}, QStringLiteral("recording the cart's order"));
    if (!updated)
        return updated.error();
    return {};
}

} // namespace storedesk::server
