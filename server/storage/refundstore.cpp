#include "refundstore.h"

#include "tillstore.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace storedesk::server {

RefundStore::RefundStore(Database& database, Clock clock)
    : m_database(database)
    , m_clock(std::move(clock))
{
}

StorageResult<RefundRecord> RefundStore::findByIdempotencyKey(const QString& key) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT id, idempotency_key, store_key, order_id, username, approved_by, "
                       "amount_minor_units, amount_currency, amount_fraction_digits, plan, state, "
                       "created_at, workstation_id, till_session_id, cash_minor_units FROM refunds "
                       "WHERE idempotency_key = ?"),
        {key.toLower()}, QStringLiteral("reading a refund"));
    if (!query)
        return query.error();
    if (!query->next())
        return StorageError{StorageError::Kind::NotFound, QStringLiteral("No such refund."), {}};
    RefundRecord record;
    record.id = query->value(0).toString();
    record.idempotencyKey = query->value(1).toString();
    record.storeKey = query->value(2).toString();
    record.orderId = query->value(3).toString();
    record.username = query->value(4).toString();
    record.approvedBy = query->value(5).toString();
    const Expected<Money> amount = Money::fromPreciseUnits(
        query->value(6).toLongLong(), query->value(7).toString(), query->value(8).toInt());
    if (!amount)
        return StorageError{StorageError::Kind::Unavailable,
                            QStringLiteral("refund %1 has an unreadable amount").arg(record.id),
                            {}};
    record.amount = *amount;
    record.plan = QJsonDocument::fromJson(query->value(9).toString().toUtf8()).object();
    record.completed = query->value(10).toString() == QLatin1String("completed");
    record.createdAt = Database::fromMillis(query->value(11).toLongLong());
    record.workstationId = query->value(12).toString();
    record.tillSessionId = query->value(13).toString();
    record.cashMinorUnits = query->value(14).toLongLong();
    return record;
}

StorageResult<RefundStore::Creation> RefundStore::create(const RefundRecord& record)
{
    Database::Transaction transaction(m_database);
    if (!transaction.started())
        return transaction.started().error();
    if (auto locked = m_database.serialize(QStringLiteral("order:") + record.orderId,
                                           QStringLiteral("locking the order's refunds"));
        !locked)
        return locked.error();
    if (StorageResult<RefundRecord> existing = findByIdempotencyKey(record.idempotencyKey))
        return Creation{false, *existing};
    auto unfinished =
        m_database.run(QStringLiteral("SELECT COUNT(*) FROM refunds WHERE order_id = ? AND state = "
                                      "'in_progress'"),
                       {record.orderId}, QStringLiteral("looking for unfinished refunds"));
    if (!unfinished)
        return unfinished.error();
    if (unfinished->next() && unfinished->value(0).toLongLong() > 0)
        return StorageError{StorageError::Kind::Conflict,
                            QStringLiteral("Another refund of this order is still being "
                                           "processed; try again in a moment."),
                            {}};
    const StorageResult<QString> tillSession =
        TillStore::lockOpenSession(m_database, record.storeKey, record.workstationId);
    if (!tillSession)
        return tillSession.error();
    if (record.cashMinorUnits > 0 && tillSession->isEmpty()) {
        Creation refused;
        refused.tillNotOpen = true;
        return refused;
    }
    const qint64 now = Database::toMillis(m_clock());
    auto inserted = m_database.run(
        QStringLiteral("INSERT INTO refunds (id, idempotency_key, store_key, order_id, username, "
                       "approved_by, amount_minor_units, amount_currency, amount_fraction_digits, "
                       "plan, state, created_at, updated_at, workstation_id, till_session_id, "
                       "cash_minor_units) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'in_progress', ?, ?, ?, ?, ?)"),
        {record.id, record.idempotencyKey.toLower(), record.storeKey, record.orderId,
         record.username, Database::textOrNull(record.approvedBy),
         qlonglong(record.amount.minorUnits()), record.amount.currencyCode(),
         record.amount.fractionDigits(),
         QString::fromUtf8(QJsonDocument(record.plan).toJson(QJsonDocument::Compact)), now, now,
         Database::textOrNull(record.workstationId), Database::textOrNull(*tillSession),
         qlonglong(record.cashMinorUnits)},
        QStringLiteral("recording a refund"));
    if (!inserted)
        return inserted.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    StorageResult<RefundRecord> stored = findByIdempotencyKey(record.idempotencyKey);
    if (!stored)
        return stored.error();
    return Creation{true, *stored};
}

StorageResult<void> RefundStore::complete(const QString& id)
{
    auto updated = m_database.run(
        QStringLiteral("UPDATE refunds SET state = 'completed', updated_at = ? WHERE id = ?"),
        {Database::toMillis(m_clock()), id}, QStringLiteral("completing a refund"));
    if (!updated)
        return updated.error();
    return {};
}

} // namespace storedesk::server
