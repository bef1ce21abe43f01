#include "tillstore.h"

#include "idempotencystore.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <cstdlib>

namespace storedesk::server {

namespace {

const QString sessionColumns = QStringLiteral(
    "id, store_key, workstation_id, state, currency, opened_at, opened_by, float_minor_units, "
    "float_count, expected_float_minor_units, closed_at, closed_by, counted_minor_units, count, "
    "over_short_minor_units, approved_by, difference_reason, z_number, z_report");

const QString movementColumns =
    QStringLiteral("id, session_id, kind, amount_minor_units, reason, note, bag_number, "
                   "username, approved_by, at");

QJsonObject objectOf(const QVariant& text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QString textOf(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<qint64> optionalInteger(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

QVariant integerOrNull(const std::optional<qint64>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qlonglong>());
}

TillSessionRecord readSession(const QSqlQuery& query)
{
    TillSessionRecord session;
    session.id = query.value(0).toString();
    session.storeKey = query.value(1).toString();
    session.workstationId = query.value(2).toString();
    session.open = query.value(3).toString() == QLatin1StringView("open");
    session.currency = query.value(4).toString();
    session.openedAt = Database::fromMillis(query.value(5).toLongLong());
    session.openedBy = query.value(6).toString();
    session.floatMinorUnits = query.value(7).toLongLong();
    session.floatCount = objectOf(query.value(8));
    session.expectedFloat = optionalInteger(query.value(9));
    if (!query.value(10).isNull())
        session.closedAt = Database::fromMillis(query.value(10).toLongLong());
    session.closedBy = query.value(11).toString();
    session.counted = optionalInteger(query.value(12));
    if (!query.value(13).isNull())
        session.count = objectOf(query.value(13));
    session.overShort = optionalInteger(query.value(14));
    session.approvedBy = query.value(15).toString();
    session.differenceReason = query.value(16).toString();
    session.zNumber = query.value(17).toString();
    if (!query.value(18).isNull())
        session.zReport = objectOf(query.value(18));
    return session;
}

TillMovementRecord readMovement(const QSqlQuery& query)
{
    TillMovementRecord movement;
    movement.id = query.value(0).toString();
    movement.sessionId = query.value(1).toString();
    movement.kind = query.value(2).toString();
    movement.amount = optionalInteger(query.value(3));
    movement.reason = query.value(4).toString();
    movement.note = query.value(5).toString();
    movement.bagNumber = query.value(6).toString();
    movement.username = query.value(7).toString();
    movement.approvedBy = query.value(8).toString();
    movement.at = Database::fromMillis(query.value(9).toLongLong());
    return movement;
}

StorageError notFound(const QString& message)
{
    return StorageError{StorageError::Kind::NotFound, message, {}};
}

} // namespace

QString TillStore::formatZNumber(const QString& storeKey, const QString& workstationId,
                                 qint64 number)
{
    return QStringLiteral("%1-%2-Z%3").arg(storeKey, workstationId).arg(number, 6, 10, QChar(u'0'));
}

QString TillStore::lockName(const QString& storeKey, const QString& workstationId)
{
    return QStringLiteral("till:%1/%2").arg(storeKey, workstationId);
}

TillStore::TillStore(Database& database, IdempotencyStore& idempotency, Clock clock)
    : m_database(database)
    , m_idempotency(idempotency)
    , m_clock(std::move(clock))
{
}

StorageResult<QString> TillStore::lockOpenSession(const QString& storeKey,
                                                  const QString& workstationId)
{
    return lockOpenSession(m_database, storeKey, workstationId);
}

StorageResult<QString> TillStore::lockOpenSession(Database& database, const QString& storeKey,
                                                  const QString& workstationId)
{
    if (auto locked = database.serialize(lockName(storeKey, workstationId),
                                         QStringLiteral("locking the till"));
        !locked)
        return locked.error();
    auto query = database.run(QStringLiteral("SELECT id FROM till_sessions WHERE store_key = ? "
                                             "AND workstation_id = ? AND state = 'open'"),
                              {storeKey, workstationId}, QStringLiteral("reading the open till"));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toString() : QString();
}

StorageResult<std::optional<TillSessionRecord>>
TillStore::current(const QString& storeKey, const QString& workstationId) const
{
    auto query = m_database.run(QStringLiteral("SELECT %1 FROM till_sessions WHERE store_key = ? "
                                               "AND workstation_id = ? AND state = 'open'")
                                    .arg(sessionColumns),
                                {storeKey, workstationId}, QStringLiteral("reading the open till"));
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<TillSessionRecord>();
    return std::optional<TillSessionRecord>(readSession(*query));
}

StorageResult<TillSessionRecord> TillStore::session(const QString& id) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT %1 FROM till_sessions WHERE id = ?").arg(sessionColumns), {id},
        QStringLiteral("reading a till session"));
    if (!query)
        return query.error();
    if (!query->next())
        return notFound(QStringLiteral("There is no such till session."));
    return readSession(*query);
}

StorageResult<QList<TillSessionRecord>>
TillStore::sessionsOpened(const QString& storeKey, const QDateTime& from, const QDateTime& to) const
{
    auto query =
        m_database.run(QStringLiteral("SELECT %1 FROM till_sessions WHERE store_key = ? AND "
                                      "opened_at >= ? AND opened_at < ? ORDER BY opened_at, id")
                           .arg(sessionColumns),
                       {storeKey, Database::toMillis(from), Database::toMillis(to)},
                       QStringLiteral("listing till sessions"));
    if (!query)
        return query.error();
    QList<TillSessionRecord> sessions;
    while (query->next())
        sessions.append(readSession(*query));
    return sessions;
}

StorageResult<TillMovementRecord> TillStore::movement(const QString& id) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT %1 FROM till_movements WHERE id = ?").arg(movementColumns), {id},
        QStringLiteral("reading a till movement"));
    if (!query)
        return query.error();
    if (!query->next())
        return notFound(QStringLiteral("There is no such till movement."));
    return readMovement(*query);
}

StorageResult<TillFigures> TillStore::figures(const QString& sessionId) const
{
    const QString what = QStringLiteral("adding up the till");
    TillFigures figures;
    // The amount applied to the cart: change handed back never stayed in the drawer.
    auto cash = m_database.run(
        QStringLiteral("SELECT COALESCE(SUM(amount_minor_units), 0), COUNT(*) FROM "
                       "payment_attempts WHERE till_session_id = ? AND state = 'succeeded' AND "
                       "tender = 'cash'"),
        {sessionId}, what);
    if (!cash)
        return cash.error();
    if (cash->next()) {
        figures.cashSales = cash->value(0).toLongLong();
        figures.cashSalesCount = cash->value(1).toInt();
    }
    auto cards = m_database.run(
        QStringLiteral("SELECT COALESCE(terminal_id, ''), SUM(amount_minor_units), COUNT(*) FROM "
                       "payment_attempts WHERE till_session_id = ? AND state = 'succeeded' AND "
                       "tender <> 'cash' GROUP BY COALESCE(terminal_id, '') "
                       "ORDER BY COALESCE(terminal_id, '')"),
        {sessionId}, what);
    if (!cards)
        return cards.error();
    while (cards->next())
        figures.cardTotals.append(
            {cards->value(0).toString(), cards->value(1).toLongLong(), cards->value(2).toInt()});
    auto refunds = m_database.run(
        QStringLiteral("SELECT COALESCE(SUM(cash_minor_units), 0), "
                       "COALESCE(SUM(CASE WHEN cash_minor_units > 0 THEN 1 ELSE 0 END), 0), "
                       "COUNT(*) FROM refunds WHERE till_session_id = ? AND state = 'completed'"),
        {sessionId}, what);
    if (!refunds)
        return refunds.error();
    if (refunds->next()) {
        figures.cashRefunds = refunds->value(0).toLongLong();
        figures.cashRefundsCount = refunds->value(1).toInt();
        figures.refundsCount = refunds->value(2).toInt();
    }
    auto orders = m_database.run(
        QStringLiteral("SELECT order_number FROM cart_orders WHERE cart_id IN (SELECT cart_id "
                       "FROM payment_attempts WHERE till_session_id = ? AND state = 'succeeded') "
                       "ORDER BY created_at, order_number"),
        {sessionId}, what);
    if (!orders)
        return orders.error();
    while (orders->next()) {
        if (figures.firstOrderNumber.isEmpty())
            figures.firstOrderNumber = orders->value(0).toString();
        figures.lastOrderNumber = orders->value(0).toString();
    }
    auto sales =
        m_database.run(QStringLiteral("SELECT COUNT(DISTINCT cart_id) FROM payment_attempts WHERE "
                                      "till_session_id = ? AND state = 'succeeded'"),
                       {sessionId}, what);
    if (!sales)
        return sales.error();
    if (sales->next())
        figures.salesCount = sales->value(0).toInt();
    auto movements = m_database.run(QStringLiteral("SELECT %1 FROM till_movements WHERE "
                                                   "session_id = ? ORDER BY at, id")
                                        .arg(movementColumns),
                                    {sessionId}, what);
    if (!movements)
        return movements.error();
    while (movements->next()) {
        const TillMovementRecord movement = readMovement(*movements);
        const qint64 amount = movement.amount.value_or(0);
        if (movement.kind == QLatin1StringView("pay_in")) {
            figures.payIns += amount;
            ++figures.payInsCount;
        } else if (movement.kind == QLatin1StringView("pay_out")) {
            figures.payOuts += amount;
            ++figures.payOutsCount;
        } else if (movement.kind == QLatin1StringView("safe_drop")) {
            figures.safeDrops += amount;
            ++figures.safeDropsCount;
        } else {
            ++figures.noSalesCount;
        }
        figures.movements.append(movement);
    }
    return figures;
}

StorageResult<std::optional<qint64>> TillStore::expectedFloat(const QString& storeKey,
                                                              const QString& workstationId) const
{
    auto query =
        m_database.run(QStringLiteral("SELECT amount_minor_units FROM "
                                      "till_expected_floats WHERE store_key = ? AND "
                                      "workstation_id = ?"),
                       {storeKey, workstationId}, QStringLiteral("reading the expected float"));
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<qint64>();
    return std::optional<qint64>(query->value(0).toLongLong());
}

StorageResult<void> TillStore::setExpectedFloat(const QString& storeKey,
                                                const QString& workstationId, qint64 minorUnits,
                                                const QString& currency, const QString& setBy)
{
    auto written = m_database.run(
        QStringLiteral("INSERT INTO till_expected_floats (store_key, workstation_id, "
                       "amount_minor_units, currency, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (store_key, workstation_id) DO UPDATE SET "
                       "amount_minor_units = excluded.amount_minor_units, "
                       "currency = excluded.currency, set_by = excluded.set_by, "
                       "set_at = excluded.set_at"),
        {storeKey, workstationId, minorUnits, currency, setBy, Database::toMillis(m_clock())},
        QStringLiteral("setting the expected float"));
    if (!written)
        return written.error();
    return {};
}

StorageResult<QString> TillStore::resourceOfKey(const QString& idempotencyKey) const
{
    if (idempotencyKey.isEmpty())
        return QString();
    StorageResult<IdempotencyRecord> record = m_idempotency.find(idempotencyKey);
    if (!record) {
        if (record.error().kind == StorageError::Kind::NotFound)
            return QString();
        return record.error();
    }
    return record->resourceId;
}

StorageResult<TillStore::Opening> TillStore::open(TillSessionRecord session,
                                                  const QString& idempotencyKey)
{
    Database::Transaction transaction(m_database);
    if (!transaction.started())
        return transaction.started().error();
    if (auto locked = m_database.serialize(lockName(session.storeKey, session.workstationId),
                                           QStringLiteral("locking the till"));
        !locked)
        return locked.error();
    // Under the lock: a repeat of the same key running at the same moment waits and then finds
    // what the first one made.
    StorageResult<QString> earlier = resourceOfKey(idempotencyKey);
    if (!earlier)
        return earlier.error();
    if (!earlier->isEmpty()) {
        StorageResult<TillSessionRecord> found = this->session(*earlier);
        if (!found)
            return found.error();
        return Opening{Outcome::Repeated, *found};
    }
    StorageResult<std::optional<qint64>> expected =
        expectedFloat(session.storeKey, session.workstationId);
    if (!expected)
        return expected.error();
    session.open = true;
    session.openedAt = m_clock();
    session.expectedFloat = *expected;
    // The partial unique index refuses a second open session of the workstation, also one that
    // another server instance opens at this very moment (it waits for our transaction, then
    // does nothing).
    auto inserted = m_database.run(
        QStringLiteral("INSERT INTO till_sessions (id, store_key, workstation_id, state, currency, "
                       "opened_at, opened_by, float_minor_units, float_count, "
                       "expected_float_minor_units) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT DO NOTHING"),
        {session.id, session.storeKey, session.workstationId, session.currency,
         Database::toMillis(session.openedAt), session.openedBy, session.floatMinorUnits,
         textOf(session.floatCount), integerOrNull(session.expectedFloat)},
        QStringLiteral("opening the till"));
    if (!inserted)
        return inserted.error();
    if (inserted->numRowsAffected() != 1) {
        StorageResult<std::optional<TillSessionRecord>> open =
            current(session.storeKey, session.workstationId);
        if (!open)
            return open.error();
        return Opening{Outcome::AlreadyOpen, open->value_or(TillSessionRecord{})};
    }
    if (!idempotencyKey.isEmpty()) {
        if (auto attached = m_idempotency.attachResource(idempotencyKey, session.id); !attached)
            return attached.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return Opening{Outcome::Done, session};
}

QStringList TillStore::approvalReasons(const TillMovementRecord& movement,
                                       const MovementRules& rules, const TillFigures& figures)
{
    if (movement.kind == QLatin1StringView("pay_out") &&
        movement.amount.value_or(0) > rules.payOutApprovalAbove)
        return {QStringLiteral("amount")};
    if (movement.kind == QLatin1StringView("no_sale") &&
        figures.noSalesCount >= rules.noSaleApprovalAfter)
        return {QStringLiteral("no_sale_count")};
    return {};
}

StorageResult<TillStore::MovementResult> TillStore::addMovement(const QString& storeKey,
                                                                const QString& workstationId,
                                                                TillMovementRecord movement,
                                                                const MovementRules& rules,
                                                                const QString& idempotencyKey)
{
    Database::Transaction transaction(m_database);
    if (!transaction.started())
        return transaction.started().error();
    MovementResult result;
    StorageResult<QString> openId = lockOpenSession(storeKey, workstationId);
    if (!openId)
        return openId.error();
    StorageResult<QString> earlier = resourceOfKey(idempotencyKey);
    if (!earlier)
        return earlier.error();
    if (!earlier->isEmpty()) {
        StorageResult<TillMovementRecord> found = this->movement(*earlier);
        if (!found)
            return found.error();
        StorageResult<TillSessionRecord> session = this->session(found->sessionId);
        if (!session)
            return session.error();
        return MovementResult{Outcome::Repeated, *found, *session, {}, 0};
    }
    if (openId->isEmpty()) {
        result.outcome = Outcome::NotOpen;
        return result;
    }
    StorageResult<TillSessionRecord> session = this->session(*openId);
    if (!session)
        return session.error();
    result.session = *session;
    StorageResult<TillFigures> figures = this->figures(*openId);
    if (!figures)
        return figures.error();
    const qint64 expectedCash = figures->expectedCash(session->floatMinorUnits);
    const bool takesCash = movement.kind == QLatin1StringView("pay_out") ||
                           movement.kind == QLatin1StringView("safe_drop");
    if (takesCash && movement.amount.value_or(0) > expectedCash) {
        result.outcome = Outcome::InsufficientCash;
        result.expectedCash = expectedCash;
        return result;
    }
    result.approvalReasons = approvalReasons(movement, rules, *figures);
    if (!result.approvalReasons.isEmpty() && movement.approvedBy.isEmpty()) {
        result.outcome = Outcome::NeedsApproval;
        return result;
    }
    if (result.approvalReasons.isEmpty())
        movement.approvedBy.clear(); // an approval nobody needed is not recorded as one
    movement.sessionId = *openId;
    movement.at = m_clock();
    auto inserted = m_database.run(
        QStringLiteral("INSERT INTO till_movements (id, session_id, kind, amount_minor_units, "
                       "reason, note, bag_number, username, approved_by, at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {movement.id, movement.sessionId, movement.kind, integerOrNull(movement.amount),
         movement.reason, Database::textOrNull(movement.note),
         Database::textOrNull(movement.bagNumber), movement.username,
         Database::textOrNull(movement.approvedBy), Database::toMillis(movement.at)},
        QStringLiteral("recording a till movement"));
    if (!inserted)
        return inserted.error();
    if (!idempotencyKey.isEmpty()) {
        if (auto attached = m_idempotency.attachResource(idempotencyKey, movement.id); !attached)
            return attached.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    result.movement = movement;
    return result;
}

StorageResult<qint64> TillStore::nextZNumber(const QString& storeKey, const QString& workstationId)
{
    const QString what = QStringLiteral("numbering a Z report");
    if (auto created = m_database.run(
            QStringLiteral("INSERT INTO z_report_sequences (store_key, workstation_id, "
                           "last_number) VALUES (?, ?, 0) ON CONFLICT (store_key, "
                           "workstation_id) DO NOTHING"),
            {storeKey, workstationId}, what);
        !created)
        return created.error();
    if (auto counted = m_database.run(
            QStringLiteral("UPDATE z_report_sequences SET last_number = last_number + 1 WHERE "
                           "store_key = ? AND workstation_id = ?"),
            {storeKey, workstationId}, what);
        !counted)
        return counted.error();
    auto number = m_database.run(QStringLiteral("SELECT last_number FROM z_report_sequences "
                                                "WHERE store_key = ? AND workstation_id = ?"),
                                 {storeKey, workstationId}, what);
    if (!number)
        return number.error();
    if (!number->next())
        return StorageError{
            StorageError::Kind::Unavailable,
            QStringLiteral("the Z report counter of %1/%2 is missing").arg(storeKey, workstationId),
            {}};
    return number->value(0).toLongLong();
}

StorageResult<TillStore::CloseResult>
TillStore::close(const QString& storeKey, const QString& workstationId, const Closing& closing,
                 const ZReportBuilder& buildReport, const QString& idempotencyKey)
{
    Database::Transaction transaction(m_database);
    if (!transaction.started())
        return transaction.started().error();
    CloseResult result;
    StorageResult<QString> openId = lockOpenSession(storeKey, workstationId);
    if (!openId)
        return openId.error();
    StorageResult<QString> earlier = resourceOfKey(idempotencyKey);
    if (!earlier)
        return earlier.error();
    if (!earlier->isEmpty()) {
        // This key's close committed before (its answer may have been lost with a crash).
        StorageResult<TillSessionRecord> closed = session(*earlier);
        if (!closed)
            return closed.error();
        result.outcome = Outcome::Repeated;
        result.session = *closed;
        result.overShort = closed->overShort.value_or(0);
        return result;
    }
    if (openId->isEmpty()) {
        result.outcome = Outcome::NotOpen;
        return result;
    }
    StorageResult<TillSessionRecord> open = session(*openId);
    if (!open)
        return open.error();
    result.session = *open;
    auto unfinished = m_database.run(QStringLiteral("SELECT COUNT(*) FROM payment_attempts WHERE "
                                                    "till_session_id = ? AND state IN "
                                                    "('creating', 'pending')"),
                                     {*openId}, QStringLiteral("looking for unfinished payments"));
    if (!unfinished)
        return unfinished.error();
    if (unfinished->next() && unfinished->value(0).toLongLong() > 0) {
        result.outcome = Outcome::Busy;
        return result;
    }
    StorageResult<TillFigures> figures = this->figures(*openId);
    if (!figures)
        return figures.error();
    result.figures = *figures;
    result.expectedCash = figures->expectedCash(open->floatMinorUnits);
    result.overShort = closing.counted - result.expectedCash;
    const bool needsApproval = std::llabs(result.overShort) > closing.approvalAbove;
    if (needsApproval && closing.approvedBy.isEmpty()) {
        result.outcome = Outcome::NeedsApproval;
        return result;
    }
    StorageResult<qint64> number = nextZNumber(storeKey, workstationId);
    if (!number)
        return number.error();
    TillSessionRecord closed = *open;
    closed.open = false;
    closed.closedAt = m_clock();
    closed.closedBy = closing.closedBy;
    closed.counted = closing.counted;
    closed.count = closing.count;
    closed.overShort = result.overShort;
    closed.approvedBy = needsApproval ? closing.approvedBy : QString();
    closed.differenceReason = needsApproval ? closing.differenceReason : QString();
    closed.zNumber = formatZNumber(storeKey, workstationId, *number);
    closed.zReport = buildReport(closed, *figures);
    // "AND state = 'open'": a session closed meanwhile is never written again.
    auto updated = m_database.run(
        QStringLiteral("UPDATE till_sessions SET state = 'closed', closed_at = ?, closed_by = ?, "
                       "counted_minor_units = ?, count = ?, over_short_minor_units = ?, "
                       "approved_by = ?, difference_reason = ?, z_number = ?, z_report = ? "
                       "WHERE id = ? AND state = 'open'"),
        {Database::toMillis(closed.closedAt), closed.closedBy, *closed.counted,
         textOf(closed.count), *closed.overShort, Database::textOrNull(closed.approvedBy),
         Database::textOrNull(closed.differenceReason), closed.zNumber, textOf(closed.zReport),
         closed.id},
        QStringLiteral("closing the till"));
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() != 1) {
        result.outcome = Outcome::NotOpen;
        return result;
    }
    if (!idempotencyKey.isEmpty()) {
        if (auto attached = m_idempotency.attachResource(idempotencyKey, closed.id); !attached)
            return attached.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    result.session = closed;
    return result;
}

} // namespace storedesk::server
