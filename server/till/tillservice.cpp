#include "tillservice.h"

#include "serverconfig.h"
#include "services/managerapproval.h"
#include "storage/storageexecutor.h"
#include "till/tillreport.h"

#include <QJsonArray>
#include <QPointer>
#include <QUuid>

namespace storedesk::server {

namespace {

using Outcome = TillStore::Outcome;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::optional<Money> moneyOf(qint64 minorUnits, const QString& currency)
{
    const Expected<Money> money = Money::fromMinorUnits(minorUnits, currency);
    return money ? std::optional<Money>(*money) : std::nullopt;
}

ServiceFailure noDrawer()
{
    return ServiceFailure::conflict(
        QStringLiteral("This workstation has no cash drawer, so it has no till."));
}

QJsonObject statusJson(const StoreConfig& store, const WorkstationConfig& workstation,
                       const std::optional<TillSessionRecord>& session,
                       const std::optional<qint64>& expectedFloat)
{
    const TillConfig& till = store.till;
    return QJsonObject{
        {QStringLiteral("storeKey"), store.key},
        {QStringLiteral("workstationId"), workstation.id},
        {QStringLiteral("hasDrawer"), workstation.cashDrawer},
        {QStringLiteral("currency"), store.currency},
        {QStringLiteral("session"),
         session ? QJsonValue(tilljson::session(*session)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("expectedFloat"),
         expectedFloat ? QJsonValue(tilljson::money(*expectedFloat, store.currency))
                       : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("reasons"),
         QJsonObject{{QStringLiteral("payIn"), QJsonArray::fromStringList(till.payInReasons)},
                     {QStringLiteral("payOut"), QJsonArray::fromStringList(till.payOutReasons)},
                     {QStringLiteral("noSale"), QJsonArray::fromStringList(till.noSaleReasons)}}},
        {QStringLiteral("limits"),
         QJsonObject{{QStringLiteral("payOutApprovalAbove"),
                      tilljson::money(till.payOutApprovalAbove, store.currency)},
                     {QStringLiteral("noSaleApprovalAfter"), till.noSaleApprovalAfter},
                     {QStringLiteral("closeApprovalAbove"),
                      tilljson::money(till.closeApprovalAbove, store.currency)}}},
        {QStringLiteral("cardNeedsOpenTill"), till.cardNeedsOpenTill}};
}

} // namespace

struct TillService::MovementRun {
    Where where;
    Movement movement;
    QString idempotencyKey;
    QString currency;
    TillStore::MovementRules rules;
    Done done;
};

struct TillService::CloseRun {
    Where where;
    Close close;
    QString idempotencyKey;
    QString currency;
    qint64 counted = 0;
    qint64 approvalAbove = 0;
    Done done;
};

TillService::TillService(StorageExecutor* storage, const ServerConfig* config, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_config(config)
    , m_audit(storage)
{
}

const StoreConfig* TillService::storeOf(const Where& where) const
{
    return m_config->store(where.storeKey);
}

void TillService::status(const Where& where, Done done)
{
    const StoreConfig* store = storeOf(where);
    const WorkstationConfig* workstation =
        store ? store->workstation(where.workstationId) : nullptr;
    if (!workstation) {
        done(ServiceFailure::notFound(
            QStringLiteral("There is no such workstation in this store.")));
        return;
    }
    struct Read {
        std::optional<TillSessionRecord> session;
        std::optional<qint64> expectedFloat;
    };
    m_storage->run(
        StorageExecutor::Lane::Read, this,
        [where](Stores& stores) -> StorageResult<Read> {
            auto session = stores.till.current(where.storeKey, where.workstationId);
            if (!session)
                return session.error();
            auto expected = stores.till.expectedFloat(where.storeKey, where.workstationId);
            if (!expected)
                return expected.error();
            return Read{*session, *expected};
        },
        [store, workstation, done](const StorageResult<Read>& read) {
            if (!read) {
                done(ServiceFailure::fromStorage(read.error()));
                return;
            }
            done(statusJson(*store, *workstation, read->session, read->expectedFloat));
        });
}

void TillService::open(const Where& where, const TillCount& floatCount,
                       const QString& idempotencyKey, Done done)
{
    const StoreConfig* store = storeOf(where);
    const WorkstationConfig* workstation =
        store ? store->workstation(where.workstationId) : nullptr;
    if (!workstation || !workstation->cashDrawer) {
        done(noDrawer());
        return;
    }
    if (floatCount.currency != store->currency) {
        done(ServiceFailure::invalidInput(
            QStringLiteral("The float must be counted in %1, the store's currency.")
                .arg(store->currency)));
        return;
    }
    const Expected<Money> total = floatCount.total();
    if (!total) {
        done(ServiceFailure::invalidInput(total.error().message));
        return;
    }
    TillSessionRecord session;
    session.id = newId();
    session.storeKey = where.storeKey;
    session.workstationId = where.workstationId;
    session.currency = store->currency;
    session.openedBy = where.username;
    session.floatMinorUnits = total->minorUnits();
    session.floatCount = floatCount.toJson();
    m_storage->run(
        StorageExecutor::Lane::Write, this,
        [session, idempotencyKey](Stores& stores) {
            return stores.till.open(session, idempotencyKey);
        },
        [this, where, total = *total, done](const StorageResult<TillStore::Opening>& opening) {
            if (!opening) {
                done(ServiceFailure::fromStorage(opening.error()));
                return;
            }
            if (opening->outcome == Outcome::AlreadyOpen) {
                ServiceFailure failure = ServiceFailure::tillAlreadyOpen();
                failure.details.insert(QStringLiteral("sessionId"), opening->session.id);
                done(failure);
                return;
            }
            if (opening->outcome == Outcome::Done)
                m_audit.record(QStringLiteral("till.opened"), where.username, where.storeKey,
                               where.workstationId, where.correlationId,
                               {{QStringLiteral("sessionId"), opening->session.id}}, total);
            done(tilljson::session(opening->session));
        });
}

void TillService::addMovement(const Where& where, Movement movement, const QString& idempotencyKey,
                              Done done)
{
    const StoreConfig* store = storeOf(where);
    const WorkstationConfig* workstation =
        store ? store->workstation(where.workstationId) : nullptr;
    if (!workstation || !workstation->cashDrawer) {
        done(noDrawer());
        return;
    }
    auto run = std::make_shared<MovementRun>();
    run->where = where;
    run->movement = std::move(movement);
    run->idempotencyKey = idempotencyKey;
    run->currency = store->currency;
    run->rules = {store->till.payOutApprovalAbove, store->till.noSaleApprovalAfter};
    run->done = std::move(done);
    // First without an approval: most movements need none, and the store tells which does.
    recordMovement(run, {});
}

ServiceFailure TillService::approvalDenied(const Where& where, const QString& kind,
                                           const QString& approver, bool knownUser,
                                           const QJsonObject& required,
                                           const std::optional<Money>& amount) const
{
    m_audit.record(
        QStringLiteral("till.approval_denied"), where.username, where.storeKey, where.workstationId,
        where.correlationId,
        {{QStringLiteral("kind"), kind}, {QStringLiteral("approver"), approver.left(64)}}, amount);
    QJsonObject denied = required;
    denied.insert(QStringLiteral("approvalDenied"), true);
    return ServiceFailure::forbidden(
        knownUser ? QStringLiteral("%1 may not approve this in this store.").arg(approver.left(64))
                  : QStringLiteral("The manager's user name or secret is wrong."),
        denied);
}

void TillService::recordMovement(const std::shared_ptr<MovementRun>& run, const QString& approvedBy)
{
    TillMovementRecord record;
    record.id = newId();
    record.kind = run->movement.kind;
    record.amount = run->movement.amount;
    record.reason = run->movement.reason;
    record.note = run->movement.note;
    record.bagNumber = run->movement.bagNumber;
    record.username = run->where.username;
    record.approvedBy = approvedBy;
    m_storage->run(
        StorageExecutor::Lane::Write, this,
        [run, record](Stores& stores) {
            return stores.till.addMovement(run->where.storeKey, run->where.workstationId, record,
                                           run->rules, run->idempotencyKey);
        },
        [this, run, approvedBy](const StorageResult<TillStore::MovementResult>& result) {
            const Where& where = run->where;
            if (!result) {
                run->done(ServiceFailure::fromStorage(result.error()));
                return;
            }
            const std::optional<Money> amount =
                run->movement.amount ? moneyOf(*run->movement.amount, run->currency) : std::nullopt;
            switch (result->outcome) {
            case Outcome::NotOpen:
                run->done(ServiceFailure::tillNotOpen());
                return;
            case Outcome::InsufficientCash:
                run->done(ServiceFailure::insufficientCash(
                    {{QStringLiteral("expectedCash"),
                      tilljson::money(result->expectedCash, run->currency)}}));
                return;
            case Outcome::NeedsApproval: {
                const QJsonObject required{{QStringLiteral("approvalRequired"), true},
                                           {QStringLiteral("reasons"),
                                            QJsonArray::fromStringList(result->approvalReasons)}};
                const Approval approval = std::exchange(run->movement.approval, {});
                if (!approval.given() || !approvedBy.isEmpty()) {
                    run->done(ServiceFailure::forbidden(
                        QStringLiteral("This needs a manager's approval."), required));
                    return;
                }
                checkManagerApproval(
                    m_storage, this, approval.username, approval.secret, where.storeKey,
                    [this, run, required, amount,
                     approver = approval.username](const StorageResult<ManagerApproval>& checked) {
                        if (!checked) {
                            run->done(ServiceFailure::fromStorage(checked.error()));
                            return;
                        }
                        if (!checked->approved) {
                            run->done(approvalDenied(run->where, run->movement.kind, approver,
                                                     checked->knownUser, required, amount));
                            return;
                        }
                        recordMovement(run, checked->approver);
                    });
                return;
            }
            case Outcome::Done: {
                QJsonObject details{{QStringLiteral("sessionId"), result->movement.sessionId},
                                    {QStringLiteral("movementId"), result->movement.id},
                                    {QStringLiteral("reason"), result->movement.reason}};
                if (!result->movement.approvedBy.isEmpty())
                    details.insert(QStringLiteral("approvedBy"), result->movement.approvedBy);
                if (!result->movement.bagNumber.isEmpty())
                    details.insert(QStringLiteral("bagNumber"), result->movement.bagNumber);
                m_audit.record(QStringLiteral("till.") + result->movement.kind, where.username,
                               where.storeKey, where.workstationId, where.correlationId, details,
                               amount);
                break;
            }
            default:
                break;
            }
            run->done(tilljson::movement(result->movement, run->currency));
        });
}

void TillService::xReport(const Where& where, Done done)
{
    const StoreConfig* store = storeOf(where);
    const WorkstationConfig* workstation =
        store ? store->workstation(where.workstationId) : nullptr;
    if (!workstation || !workstation->cashDrawer) {
        done(noDrawer());
        return;
    }
    using Read = std::optional<std::pair<TillSessionRecord, TillFigures>>;
    m_storage->run(
        StorageExecutor::Lane::Read, this,
        [where](Stores& stores) -> StorageResult<Read> {
            auto session = stores.till.current(where.storeKey, where.workstationId);
            if (!session)
                return session.error();
            if (!*session)
                return Read();
            auto figures = stores.till.figures((*session)->id);
            if (!figures)
                return figures.error();
            return Read(std::pair(**session, *figures));
        },
        [done](const StorageResult<Read>& read) {
            if (!read) {
                done(ServiceFailure::fromStorage(read.error()));
                return;
            }
            if (!*read) {
                done(ServiceFailure::tillNotOpen());
                return;
            }
            done(tilljson::report((*read)->first, (*read)->second, false,
                                  QDateTime::currentDateTimeUtc()));
        });
}

void TillService::close(const Where& where, Close close, const QString& idempotencyKey, Done done)
{
    const StoreConfig* store = storeOf(where);
    const WorkstationConfig* workstation =
        store ? store->workstation(where.workstationId) : nullptr;
    if (!workstation || !workstation->cashDrawer) {
        done(noDrawer());
        return;
    }
    if (close.count.currency != store->currency) {
        done(ServiceFailure::invalidInput(
            QStringLiteral("The drawer must be counted in %1, the store's currency.")
                .arg(store->currency)));
        return;
    }
    const Expected<Money> counted = close.count.total();
    if (!counted) {
        done(ServiceFailure::invalidInput(counted.error().message));
        return;
    }
    auto run = std::make_shared<CloseRun>();
    run->where = where;
    run->close = std::move(close);
    run->idempotencyKey = idempotencyKey;
    run->currency = store->currency;
    run->counted = counted->minorUnits();
    run->approvalAbove = store->till.closeApprovalAbove;
    run->done = std::move(done);
    // Blind: the count is in before anything about the expected cash is said. Without an
    // approval first; the store says whether the difference needs one.
    finishClose(run, {});
}

void TillService::finishClose(const std::shared_ptr<CloseRun>& run, const QString& approvedBy)
{
    TillStore::Closing closing;
    closing.count = run->close.count.toJson();
    closing.counted = run->counted;
    closing.closedBy = run->where.username;
    closing.approvedBy = approvedBy;
    closing.differenceReason = run->close.reason;
    closing.approvalAbove = run->approvalAbove;
    m_storage->run(
        StorageExecutor::Lane::Write, this,
        [run, closing](Stores& stores) {
            return stores.till.close(
                run->where.storeKey, run->where.workstationId, closing,
                [](const TillSessionRecord& closed, const TillFigures& figures) {
                    return tilljson::report(closed, figures, true, closed.closedAt);
                },
                run->idempotencyKey);
        },
        [this, run, approvedBy](const StorageResult<TillStore::CloseResult>& result) {
            const Where& where = run->where;
            if (!result) {
                run->done(ServiceFailure::fromStorage(result.error()));
                return;
            }
            switch (result->outcome) {
            case Outcome::NotOpen:
                run->done(ServiceFailure::tillNotOpen());
                return;
            case Outcome::Busy:
                run->done(ServiceFailure::tillBusy());
                return;
            case Outcome::NeedsApproval: {
                const QJsonObject required{
                    {QStringLiteral("approvalRequired"), true},
                    {QStringLiteral("reasons"), QJsonArray{QStringLiteral("difference")}},
                    {QStringLiteral("expectedCash"),
                     tilljson::money(result->expectedCash, run->currency)},
                    {QStringLiteral("counted"), tilljson::money(run->counted, run->currency)},
                    {QStringLiteral("overShort"),
                     tilljson::money(result->overShort, run->currency)}};
                const Approval approval = std::exchange(run->close.approval, {});
                if (!approval.given() || !approvedBy.isEmpty()) {
                    run->done(ServiceFailure::forbidden(
                        QStringLiteral("The drawer is over or short by more than the store "
                                       "allows: a manager must approve the close, with a reason."),
                        required));
                    return;
                }
                if (run->close.reason.isEmpty()) {
                    run->done(ServiceFailure::invalidInput(
                        QStringLiteral("Give a reason for the difference (at most 200 "
                                       "characters).")));
                    return;
                }
                const std::optional<Money> overShort = moneyOf(result->overShort, run->currency);
                checkManagerApproval(
                    m_storage, this, approval.username, approval.secret, where.storeKey,
                    [this, run, required, overShort,
                     approver = approval.username](const StorageResult<ManagerApproval>& checked) {
                        if (!checked) {
                            run->done(ServiceFailure::fromStorage(checked.error()));
                            return;
                        }
                        if (!checked->approved) {
                            run->done(approvalDenied(run->where, QStringLiteral("close"), approver,
                                                     checked->knownUser, required, overShort));
                            return;
                        }
                        finishClose(run, checked->approver);
                    });
                return;
            }
            case Outcome::Done: {
                const TillSessionRecord& closed = result->session;
                QJsonObject details{{QStringLiteral("sessionId"), closed.id},
                                    {QStringLiteral("zNumber"), closed.zNumber},
                                    {QStringLiteral("overShort"), closed.overShort.value_or(0)}};
                if (!closed.approvedBy.isEmpty())
                    details.insert(QStringLiteral("approvedBy"), closed.approvedBy);
                m_audit.record(QStringLiteral("till.closed"), where.username, where.storeKey,
                               where.workstationId, where.correlationId, details,
                               moneyOf(closed.counted.value_or(0), run->currency));
                break;
            }
            default:
                break;
            }
            run->done(result->session.zReport);
        });
}

void TillService::setExpectedFloat(const Where& where, qint64 minorUnits, Done done)
{
    const StoreConfig* store = storeOf(where);
    const WorkstationConfig* workstation =
        store ? store->workstation(where.workstationId) : nullptr;
    if (!workstation || !workstation->cashDrawer) {
        done(noDrawer());
        return;
    }
    m_storage->run(
        StorageExecutor::Lane::Write, this,
        [where, minorUnits, currency = store->currency](Stores& stores) -> StorageResult<void> {
            return stores.till.setExpectedFloat(where.storeKey, where.workstationId, minorUnits,
                                                currency, where.username);
        },
        [this, where, minorUnits, currency = store->currency,
         done](const StorageResult<void>& written) {
            if (!written) {
                done(ServiceFailure::fromStorage(written.error()));
                return;
            }
            m_audit.record(QStringLiteral("till.expected_float_set"), where.username,
                           where.storeKey, where.workstationId, where.correlationId, {},
                           moneyOf(minorUnits, currency));
            status(where, done);
        });
}

void TillService::sessions(const QString& storeKey, const QDate& date, Done done)
{
    const QDateTime from(date, QTime(0, 0), Qt::UTC);
    m_storage->run(
        StorageExecutor::Lane::Read, this,
        [storeKey, from](Stores& stores) {
            return stores.till.sessionsOpened(storeKey, from, from.addDays(1));
        },
        [date, done](const StorageResult<QList<TillSessionRecord>>& found) {
            if (!found) {
                done(ServiceFailure::fromStorage(found.error()));
                return;
            }
            QJsonArray sessions;
            for (const TillSessionRecord& session : *found)
                sessions.append(tilljson::session(session));
            done(QJsonObject{{QStringLiteral("date"), date.toString(Qt::ISODate)},
                             {QStringLiteral("sessions"), sessions}});
        });
}

void TillService::zReport(const QString& storeKey, const QString& sessionId,
                          const QString& workstationId, Done done)
{
    m_storage->run(
        StorageExecutor::Lane::Read, this,
        [sessionId](Stores& stores) { return stores.till.session(sessionId); },
        [storeKey, workstationId, done](const StorageResult<TillSessionRecord>& found) {
            if (!found && found.error().kind != StorageError::Kind::NotFound) {
                done(ServiceFailure::fromStorage(found.error()));
                return;
            }
            if (!found || found->storeKey != storeKey) {
                done(ServiceFailure::notFound(
                    QStringLiteral("There is no such till session in this store.")));
                return;
            }
            if (!workstationId.isEmpty() && found->workstationId != workstationId) {
                done(ServiceFailure::forbidden(QStringLiteral(
                    "Only a manager may read the Z reports of another workstation.")));
                return;
            }
            if (found->open) {
                done(ServiceFailure::notFound(
                    QStringLiteral("This till session is still open: it has no Z report yet.")));
                return;
            }
            done(found->zReport);
        });
}

} // namespace storedesk::server
