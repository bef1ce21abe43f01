#include "paymentattemptstore.h"

#include "payments/openbalance.h"
#include "tillstore.h"

#include <QSqlQuery>

namespace storedesk::server {

namespace {

using State = PaymentAttemptRecord::State;

QString stateName(State state)
{
    switch (state) {
    case State::Creating:
        return QStringLiteral("creating");
    case State::Pending:
        return QStringLiteral("pending");
    case State::Succeeded:
        return QStringLiteral("succeeded");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("pending");
}

State stateFromName(const QString& name)
{
    for (State state :
         {State::Creating, State::Pending, State::Succeeded, State::Failed, State::Cancelled}) {
        if (stateName(state) == name)
            return state;
    }
    return State::Pending; // unreadable: treat as unknown outcome, never as paid or unpaid
}

State finalState(ProviderStatus::State state)
{
    switch (state) {
    case ProviderStatus::State::Succeeded:
        return State::Succeeded;
    case ProviderStatus::State::Cancelled:
        return State::Cancelled;
    default:
        return State::Failed;
    }
}

QVariant nullableUnits(const std::optional<Money>& money)
{
    return money ? QVariant(qlonglong(money->minorUnits()))
                 : QVariant(QMetaType::fromType<qlonglong>());
}

const QString selectColumns = QStringLiteral(
    "SELECT payment_key, idempotency_key, payment_id, cart_id, store_key, workstation_id, "
    "terminal_id, tender, provider, username, correlation_id, amount_minor_units, "
    "amount_currency, amount_fraction_digits, cash_tendered_minor_units, state, "
    "provider_reference, message, change_due_minor_units, synced, started_at, "
    "cancel_requested_at, created_at, updated_at, till_session_id FROM payment_attempts ");

QDateTime optionalTime(const QVariant& value)
{
    return value.isNull() ? QDateTime() : Database::fromMillis(value.toLongLong());
}

StorageResult<PaymentAttemptRecord> readRecord(const QSqlQuery& query)
{
    PaymentAttemptRecord record;
    PaymentAttempt& attempt = record.attempt;
    attempt.paymentKey = query.value(0).toString();
    record.idempotencyKey = query.value(1).toString();
    attempt.paymentId = query.value(2).toString();
    record.cartId = query.value(3).toString();
    attempt.storeKey = query.value(4).toString();
    attempt.workstationId = query.value(5).toString();
    attempt.terminalId = query.value(6).toString();
    attempt.tender = query.value(7).toString();
    record.provider = query.value(8).toString();
    record.username = query.value(9).toString();
    attempt.correlationId = query.value(10).toString();
    const QString currency = query.value(12).toString();
    const int digits = query.value(13).toInt();
    const auto money = [&](const QVariant& units) -> std::optional<Money> {
        if (units.isNull())
            return std::nullopt;
        Expected<Money> amount = Money::fromPreciseUnits(units.toLongLong(), currency, digits);
        return amount ? std::optional<Money>(*amount) : std::nullopt;
    };
    const std::optional<Money> amount = money(query.value(11));
    if (!amount)
        return StorageError{StorageError::Kind::Unavailable,
                            QStringLiteral("the payment attempt %1 has an unreadable amount")
                                .arg(attempt.paymentKey),
                            {}};
    attempt.amount = *amount;
    attempt.cashTendered = money(query.value(14));
    record.state = stateFromName(query.value(15).toString());
    record.providerReference = query.value(16).toString();
    record.message = query.value(17).toString();
    record.changeDue = money(query.value(18));
    record.synced = query.value(19).toInt() != 0;
    attempt.startedAt = optionalTime(query.value(20));
    attempt.cancelRequestedAt = optionalTime(query.value(21));
    record.createdAt = optionalTime(query.value(22));
    record.updatedAt = optionalTime(query.value(23));
    record.tillSessionId = query.value(24).toString();
    return record;
}

} // namespace

QString PaymentAttemptRecord::apiState() const
{
    return state == State::Creating ? stateName(State::Pending) : stateName(state);
}

PaymentAttemptStore::PaymentAttemptStore(Database& database, Clock clock)
    : m_database(database)
    , m_clock(std::move(clock))
{
}

StorageResult<PaymentAttemptStore::Insertion>
PaymentAttemptStore::insert(const PaymentAttemptRecord& record, const Money& cartTotal,
                            bool needsOpenTill)
{
    const PaymentAttempt& attempt = record.attempt;
    if (!attempt.amount.isValid() || attempt.amount.currencyCode() != cartTotal.currencyCode())
        return StorageError{StorageError::Kind::InvalidInput,
                            QStringLiteral("The amount is not in the cart's currency."),
                            {}};
    if (attempt.amount.isNegative() || attempt.amount.isZero())
        return StorageError{StorageError::Kind::InvalidInput,
                            QStringLiteral("A payment's amount must be more than 0."),
                            {}};
    Database::Transaction transaction(m_database);
    if (!transaction.started())
        return transaction.started().error();
    if (auto locked = m_database.serialize(QStringLiteral("cart:") + record.cartId,
                                           QStringLiteral("locking the cart's payments"));
        !locked)
        return locked.error();
    const StorageResult<QString> tillSession =
        TillStore::lockOpenSession(m_database, attempt.storeKey, attempt.workstationId);
    if (!tillSession)
        return tillSession.error();
    Insertion result;
    if (needsOpenTill && tillSession->isEmpty()) {
        result.tillNotOpen = true;
        return result;
    }

    auto taken = m_database.run(
        QStringLiteral("SELECT amount_minor_units, amount_currency, amount_fraction_digits, state "
                       "FROM payment_attempts WHERE cart_id = ? AND state IN ('creating', "
                       "'pending', 'succeeded')"),
        {record.cartId}, QStringLiteral("adding up the cart's payments"));
    if (!taken)
        return taken.error();
    OpenBalance balance(cartTotal);
    while (taken->next()) {
        const Expected<Money> amount = Money::fromPreciseUnits(
            taken->value(0).toLongLong(), taken->value(1).toString(), taken->value(2).toInt());
        const Expected<void> counted =
            amount ? balance.add(*amount, stateFromName(taken->value(3).toString()))
                   : Expected<void>(amount.error());
        if (!counted)
            return StorageError{StorageError::Kind::Unavailable,
                                QStringLiteral("cannot add up the payments of cart %1: %2")
                                    .arg(record.cartId, counted.error().message),
                                {}};
    }
    result.openBalance = balance.open();
    if (!balance.fits(attempt.amount))
        return result;

    const QDateTime now = m_clock();
    auto inserted = m_database.run(
        QStringLiteral(
            "INSERT INTO payment_attempts (payment_key, idempotency_key, payment_id, "
            "cart_id, store_key, workstation_id, terminal_id, tender, provider, "
            "username, correlation_id, amount_minor_units, amount_currency, "
            "amount_fraction_digits, cash_tendered_minor_units, state, synced, "
            "created_at, updated_at, till_session_id) "
            "VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'creating', 0, ?, ?, ?)"),
        {attempt.paymentKey, record.idempotencyKey.toLower(), record.cartId, attempt.storeKey,
         attempt.workstationId, Database::textOrNull(attempt.terminalId), attempt.tender,
         record.provider, record.username, Database::textOrNull(attempt.correlationId),
         qlonglong(attempt.amount.minorUnits()), attempt.amount.currencyCode(),
         attempt.amount.fractionDigits(), nullableUnits(attempt.cashTendered),
         Database::toMillis(now), Database::toMillis(now), Database::textOrNull(*tillSession)},
        QStringLiteral("recording a payment attempt"));
    if (!inserted)
        return inserted.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    result.inserted = true;
    return result;
}

StorageResult<QList<PaymentAttemptRecord>>
PaymentAttemptStore::select(const QString& where, const QVariantList& values) const
{
    // Every balance request reads its cart's attempts: the statements stay prepared.
    auto query = m_database.runPrepared(selectColumns + where, values,
                                        QStringLiteral("reading payment attempts"));
    if (!query)
        return query.error();
    QSqlQuery& rows = **query;
    QList<PaymentAttemptRecord> records;
    while (rows.next()) {
        StorageResult<PaymentAttemptRecord> record = readRecord(rows);
        if (!record) {
            rows.finish();
            return record.error();
        }
        records.append(*record);
    }
    rows.finish();
    return records;
}

StorageResult<PaymentAttemptRecord> PaymentAttemptStore::selectOne(const QString& where,
                                                                   const QVariantList& values) const
{
    StorageResult<QList<PaymentAttemptRecord>> records = select(where, values);
    if (!records)
        return records.error();
    if (records->isEmpty())
        return StorageError{
            StorageError::Kind::NotFound, QStringLiteral("There is no such payment."), {}};
    return records->constFirst();
}

StorageResult<PaymentAttemptRecord> PaymentAttemptStore::find(const QString& paymentKey) const
{
    return selectOne(QStringLiteral("WHERE payment_key = ?"), {paymentKey});
}

StorageResult<PaymentAttemptRecord>
PaymentAttemptStore::findByPaymentId(const QString& paymentId) const
{
    return selectOne(QStringLiteral("WHERE payment_id = ?"), {paymentId});
}

StorageResult<PaymentAttemptRecord>
PaymentAttemptStore::findByIdempotencyKey(const QString& key) const
{
    return selectOne(QStringLiteral("WHERE idempotency_key = ?"), {key.toLower()});
}

StorageResult<QList<PaymentAttemptRecord>> PaymentAttemptStore::forCart(const QString& cartId) const
{
    return select(QStringLiteral("WHERE cart_id = ? ORDER BY created_at, payment_key"), {cartId});
}

StorageResult<QList<PaymentAttemptRecord>>
PaymentAttemptStore::unresolved(const QDateTime& olderThan) const
{
    return select(
        QStringLiteral("WHERE (state IN ('creating', 'pending') AND updated_at < ?) "
                       "OR (state IN ('succeeded', 'failed', 'cancelled') AND synced = 0) "
                       "ORDER BY created_at LIMIT 500"),
        {Database::toMillis(olderThan)});
}

StorageResult<bool> PaymentAttemptStore::markPending(const QString& paymentKey,
                                                     const QString& paymentId,
                                                     const QDateTime& startedAt)
{
    auto updated = m_database.run(
        QStringLiteral("UPDATE payment_attempts SET state = 'pending', payment_id = ?, "
                       "started_at = ?, updated_at = ? WHERE payment_key = ? AND state = "
                       "'creating'"),
        {paymentId, Database::toMillis(startedAt), Database::toMillis(m_clock()), paymentKey},
        QStringLiteral("marking a payment attempt pending"));
    if (!updated)
        return updated.error();
    return updated->numRowsAffected() == 1;
}

StorageResult<void> PaymentAttemptStore::requestCancel(const QString& paymentKey,
                                                       const QDateTime& at)
{
    auto updated = m_database.run(
        QStringLiteral("UPDATE payment_attempts SET cancel_requested_at = ?, updated_at = ? "
                       "WHERE payment_key = ? AND cancel_requested_at IS NULL"),
        {Database::toMillis(at), Database::toMillis(m_clock()), paymentKey},
        QStringLiteral("recording a cancel request"));
    if (!updated)
        return updated.error();
    return {};
}

StorageResult<bool> PaymentAttemptStore::finish(const QString& paymentKey,
                                                const ProviderStatus& status, bool fromCreating)
{
    if (!status.isFinal())
        return StorageError{StorageError::Kind::InvalidInput,
                            QStringLiteral("A payment attempt can only finish in a final state."),
                            {}};
    auto updated = m_database.run(
        QStringLiteral("UPDATE payment_attempts SET state = ?, provider_reference = ?, message = "
                       "?, change_due_minor_units = ?, updated_at = ? WHERE payment_key = ? AND "
                       "state IN ('pending', ?)"),
        {stateName(finalState(status.state)), Database::textOrNull(status.reference),
         Database::textOrNull(status.message.left(500)), nullableUnits(status.changeDue),
         Database::toMillis(m_clock()), paymentKey,
         fromCreating ? QStringLiteral("creating") : QStringLiteral("pending")},
        QStringLiteral("recording a payment outcome"));
    if (!updated)
        return updated.error();
    return updated->numRowsAffected() == 1;
}

StorageResult<void> PaymentAttemptStore::markSynced(const QString& paymentKey)
{
    auto updated = m_database.run(
        QStringLiteral("UPDATE payment_attempts SET synced = 1, updated_at = ? WHERE payment_key "
                       "= ?"),
        {Database::toMillis(m_clock()), paymentKey},
        QStringLiteral("marking a payment outcome written"));
    if (!updated)
        return updated.error();
    return {};
}

} // namespace storedesk::server
