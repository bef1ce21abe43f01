#include "paymentcoordinator.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "providerregistry.h"
#include "servicedeps.h"
#include "storage/storageexecutor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace storedesk::server {

namespace {

using State = PaymentAttemptRecord::State;

using Lane = StorageExecutor::Lane;

// How many Payments the coordinator keeps: those of the attempts under way, with room to spare.
constexpr qsizetype knownPayments = 512;

// A state change and the attempt as it is afterwards, read in the same job.
struct Transition {
    bool won = false; // this change happened; false: another one came first, nothing changed
    PaymentAttemptRecord record;
};

StorageResult<Transition> readAfter(Stores& stores, const QString& paymentKey, bool won)
{
    StorageResult<PaymentAttemptRecord> record = stores.attempts.find(paymentKey);
    if (!record)
        return record.error();
    return Transition{won, std::move(record).value()};
}

QString transactionStateFor(State state)
{
    return state == State::Succeeded ? QStringLiteral("Success") : QStringLiteral("Failure");
}

QJsonObject paymentDraft(const PaymentAttemptRecord& record)
{
    const PaymentAttempt& attempt = record.attempt;
    return QJsonObject{
        {QStringLiteral("key"), attempt.paymentKey},
        {QStringLiteral("amountPlanned"), attempt.amount.toDraftJson()},
        {QStringLiteral("paymentMethodInfo"),
         QJsonObject{
             {QStringLiteral("method"), attempt.tender},
             {QStringLiteral("paymentInterface"), record.provider},
             {QStringLiteral("name"), QJsonObject{{QStringLiteral("en"), attempt.tender}}}}},
        {QStringLiteral("transactions"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Charge")},
                                {QStringLiteral("amount"), attempt.amount.toDraftJson()},
                                {QStringLiteral("state"), QStringLiteral("Pending")},
                                {QStringLiteral("timestamp"),
                                 QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}}}},
    };
}

// The Payment with the attempt's key, when it is the one paymentDraft() describes.
void adoptPayment(CtClient* ct, const PaymentAttemptRecord& record, const QString& correlationId,
                  const std::function<void(const Expected<QJsonObject, ServiceFailure>&)>& done)
{
    ct->get(
        QStringLiteral("payments/key=") + record.attempt.paymentKey, {}, correlationId,
        [record, done](const CtResponse& found) {
            if (!found.ok()) {
                done(ServiceFailure::fromUpstream(found));
                return;
            }
            const Expected<Money> planned =
                Money::fromJson(found.body.value(QStringLiteral("amountPlanned")).toObject());
            const QJsonObject method =
                found.body.value(QStringLiteral("paymentMethodInfo")).toObject();
            const Expected<int> same =
                planned ? planned->compare(record.attempt.amount) : Expected<int>(-1);
            if (same && *same == 0 &&
                method.value(QStringLiteral("paymentInterface")).toString() == record.provider &&
                method.value(QStringLiteral("method")).toString() == record.attempt.tender) {
                done(found.body);
                return;
            }
            qCCritical(lcServerCt).noquote() << "payment key" << record.attempt.paymentKey
                                             << "is taken by a Payment this server did not draft";
            done(ServiceFailure::conflict(
                QStringLiteral("The payment's key is already used in commercetools by "
                               "another payment; ask an administrator.")));
        });
}

} // namespace

PaymentCoordinator::PaymentCoordinator(const ServiceDeps& deps, ProviderRegistry& providers,
                                       std::chrono::seconds statusAfter, QObject* parent)
    : QObject(parent)
    , m_deps(deps)
    , m_storage(*deps.storage)
    , m_providers(providers)
    , m_statusAfter(statusAfter)
{
    connect(&m_providers, &ProviderRegistry::outcome, this, &PaymentCoordinator::applyFrom);
}

void PaymentCoordinator::reply(const QString& paymentKey, const Done& done)
{
    m_storage.run(
        Lane::Read, this, [paymentKey](Stores& stores) { return stores.attempts.find(paymentKey); },
        [done](const StorageResult<PaymentAttemptRecord>& current) {
            if (!current)
                done(ServiceFailure::fromStorage(current.error()));
            else
                done(*current);
        });
}

void PaymentCoordinator::audit(const PaymentAttemptRecord& record, const QString& action) const
{
    QJsonObject details{{QStringLiteral("paymentKey"), record.attempt.paymentKey},
                        {QStringLiteral("paymentId"), record.attempt.paymentId},
                        {QStringLiteral("cartId"), record.cartId},
                        {QStringLiteral("tender"), record.attempt.tender},
                        {QStringLiteral("provider"), record.provider}};
    if (!record.attempt.terminalId.isEmpty())
        details.insert(QStringLiteral("terminalId"), record.attempt.terminalId);
    if (!record.message.isEmpty())
        details.insert(QStringLiteral("message"), record.message);
    if (record.changeDue)
        details.insert(QStringLiteral("changeDue"), record.changeDue->toJson());
    m_deps.record(action, record.username, record.attempt.storeKey, record.attempt.workstationId,
                  record.attempt.correlationId, details, record.attempt.amount);
}

void PaymentCoordinator::advance(const PaymentAttemptRecord& record, Done done)
{
    advanceFrom(record, std::nullopt, std::move(done));
}

void PaymentCoordinator::advanceNew(const PaymentAttemptRecord& record, const QJsonObject& cart,
                                    Done done)
{
    advanceFrom(record, FirstTry{cart}, std::move(done));
}

void PaymentCoordinator::advanceFrom(const PaymentAttemptRecord& record,
                                     std::optional<FirstTry> first, Done done)
{
    if (record.state != State::Creating) {
        if (record.isFinal() && !record.synced)
            sync(record);
        done(record);
        return;
    }
    QPointer<PaymentCoordinator> self(this);
    ensurePayment(
        record, first.has_value(),
        [this, self, record, first, done](const Expected<QJsonObject, ServiceFailure>& payment) {
            if (!self)
                return;
            if (!payment) {
                done(payment.error());
                return;
            }
            const QString paymentId = payment->value(QStringLiteral("id")).toString();
            remember(record.attempt.paymentKey, *payment);
            attachToCart(record, paymentId, first,
                         [this, self, record, paymentId,
                          done](const std::optional<ServiceFailure>& failure) {
                             if (!self)
                                 return;
                             if (failure) {
                                 done(*failure);
                                 return;
                             }
                             m_storage.run(
                                 Lane::Write, this,
                                 [key = record.attempt.paymentKey, paymentId](Stores& stores) {
                                     const StorageResult<bool> won = stores.attempts.markPending(
                                         key, paymentId, QDateTime::currentDateTimeUtc());
                                     if (!won)
                                         return StorageResult<Transition>(won.error());
                                     return readAfter(stores, key, *won);
                                 },
                                 [this, done](const StorageResult<Transition>& pending) {
                                     if (!pending) {
                                         done(ServiceFailure::fromStorage(pending.error()));
                                         return;
                                     }
                                     if (!pending->won) {
                                         // Another request (or a cancel, or recovery) moved it on:
                                         // it asks, not us. Had it ended the attempt before our
                                         // Payment existed, that Payment still says Pending.
                                         if (pending->record.isFinal())
                                             sync(pending->record);
                                         done(pending->record);
                                         return;
                                     }
                                     audit(pending->record, QStringLiteral("payment.started"));
                                     askProvider(pending->record, done);
                                 });
                         });
        });
}

void PaymentCoordinator::ensurePayment(
    const PaymentAttemptRecord& record, bool known,
    std::function<void(const Expected<QJsonObject, ServiceFailure>&)> done)
{
    const QString key = record.attempt.paymentKey;
    const QString correlationId = record.attempt.correlationId;
    CtClient* ct = m_deps.commercetools;
    const auto create = [ct, record, correlationId, done] {
        ct->post(
            QStringLiteral("payments"), paymentDraft(record), correlationId,
            [ct, record, correlationId, done](const CtResponse& created) {
                if (created.ok()) {
                    done(created.body);
                    return;
                }
                if (created.errorCode() != QLatin1StringView("DuplicateField")) {
                    done(ServiceFailure::fromUpstream(created));
                    return;
                }
                // The key is taken: by our own earlier try (its answer lost) when the Payment is
                // the one we draft; anything else is not ours to use.
                adoptPayment(ct, record, correlationId, done);
            },
            true);
    };
    // A new attempt has sent nothing yet: create at once. Otherwise a crash or a lost answer may
    // have left the Payment made already, so it is looked up first. In commercetools the key is
    // unique, so even two instances racing here make one Payment.
    if (known) {
        create();
        return;
    }
    ct->get(QStringLiteral("payments/key=") + key, {}, correlationId,
            [create, done](const CtResponse& found) {
                if (found.ok()) {
                    done(found.body);
                    return;
                }
                if (found.status != 404) {
                    done(ServiceFailure::fromUpstream(found));
                    return;
                }
                create();
            });
}

void PaymentCoordinator::attachToCart(
    const PaymentAttemptRecord& record, const QString& paymentId,
    const std::optional<FirstTry>& first,
    std::function<void(const std::optional<ServiceFailure>&)> done)
{
    const QString path =
        QStringLiteral("in-store/key=%1/carts/%2").arg(record.attempt.storeKey, record.cartId);
    const QString correlationId = record.attempt.correlationId;
    // Built from the cart as it is: nothing when a previous try attached the Payment already.
    const auto addPayment = [paymentId](const QJsonObject& current) {
        const QJsonArray payments = current.value(QStringLiteral("paymentInfo"))
                                        .toObject()
                                        .value(QStringLiteral("payments"))
                                        .toArray();
        for (const QJsonValue& payment : payments) {
            if (payment.toObject().value(QStringLiteral("id")).toString() == paymentId)
                return QJsonArray();
        }
        return QJsonArray{
            QJsonObject{{QStringLiteral("action"), QStringLiteral("addPayment")},
                        {QStringLiteral("payment"),
                         QJsonObject{{QStringLiteral("typeId"), QStringLiteral("payment")},
                                     {QStringLiteral("id"), paymentId}}}}};
    };
    const auto finished = [done](const CtResponse& updated) {
        if (updated.ok())
            done(std::nullopt);
        else
            done(ServiceFailure::fromUpstream(updated));
    };
    // The cart the caller has just read carries its version: no second read. Should it have
    // changed since, commercetools answers ConcurrentModification and update() reads it again.
    if (first && !first->cart.isEmpty())
        m_deps.commercetools->update(path, first->cart, addPayment, correlationId, finished);
    else
        m_deps.commercetools->updateLatest(path, addPayment, correlationId, finished);
}

void PaymentCoordinator::askProvider(const PaymentAttemptRecord& record, Done done)
{
    PaymentProvider* provider =
        m_providers.provider(record.provider, record.attempt.storeKey, record.attempt.terminalId);
    if (!provider) {
        apply(record.attempt.paymentKey,
              ProviderStatus::make(ProviderStatus::State::Failed, {},
                                   QStringLiteral("This workstation's payment terminal is not "
                                                  "configured on the server.")),
              done);
        return;
    }
    QPointer<PaymentCoordinator> self(this);
    const QString key = record.attempt.paymentKey;
    provider->start(record.attempt, [this, self, key, done](ProviderStatus status) {
        if (!self)
            return;
        if (status.isFinal())
            apply(key, status, done);
        else
            reply(key, done);
    });
}

void PaymentCoordinator::applyFrom(const QString& source, const QString& paymentKey,
                                   const ProviderStatus& status)
{
    m_storage.run(
        Lane::Read, this, [paymentKey](Stores& stores) { return stores.attempts.find(paymentKey); },
        [this, source, paymentKey, status](const StorageResult<PaymentAttemptRecord>& record) {
            if (!record)
                return; // not ours (or not yet recorded): nothing to apply it to
            const QString expected = ProviderRegistry::sourceOf(
                record->provider, record->attempt.storeKey, record->attempt.terminalId);
            if (source != expected) {
                qCWarning(lcServer).noquote() << "ignoring an outcome for payment" << paymentKey
                                              << "from" << source << "- it belongs to" << expected;
                return;
            }
            apply(paymentKey, status);
        });
}

void PaymentCoordinator::apply(const QString& paymentKey, const ProviderStatus& status, Done done)
{
    if (!status.isFinal()) {
        if (done)
            reply(paymentKey, done);
        return;
    }
    // The final state and the idempotency record's final answer are written in one job.
    m_storage.run(
        Lane::Write, this,
        [paymentKey, status](Stores& stores) -> StorageResult<Transition> {
            const StorageResult<bool> won = stores.attempts.finish(paymentKey, status);
            if (!won)
                return won.error();
            StorageResult<Transition> after = readAfter(stores, paymentKey, *won);
            if (!after || !after->won)
                return after;
            const PaymentAttemptRecord& record = after->record;
            const QJsonObject summary{{QStringLiteral("paymentId"), record.attempt.paymentId},
                                      {QStringLiteral("state"), record.apiState()}};
            if (auto completed = stores.idempotency.complete(
                    record.idempotencyKey, 200,
                    QJsonDocument(summary).toJson(QJsonDocument::Compact));
                !completed && completed.error().kind != StorageError::Kind::Conflict)
                qCWarning(lcServerDb).noquote()
                    << "cannot complete the idempotency record of payment" << paymentKey << ":"
                    << completed.error().message;
            return after;
        },
        [this, paymentKey, status, done](const StorageResult<Transition>& after) {
            if (!after) {
                // The route answering `done` logs it; an outcome nobody waits for is logged here.
                if (done)
                    done(ServiceFailure::fromStorage(after.error()));
                else
                    qCWarning(lcServerDb).noquote() << "storage:" << after.error().message;
                return;
            }
            const PaymentAttemptRecord& record = after->record;
            if (!after->won) {
                // A repeated delivery, or an answer after another one: the first one stands.
                if (record.isFinal() && status.state == ProviderStatus::State::Succeeded &&
                    record.state != State::Succeeded)
                    qCCritical(lcServer).noquote()
                        << "payment" << paymentKey << "was recorded" << record.apiState()
                        << "but the provider now reports it succeeded; reconcile it with the "
                           "provider";
                if (record.isFinal() && !record.synced)
                    sync(record);
            } else {
                qCInfo(lcServer).noquote() << "payment" << paymentKey << "→" << record.apiState();
                audit(record, QStringLiteral("payment.") + record.apiState());
                sync(record);
                emit changed(paymentKey);
            }
            if (done)
                done(record);
        });
}

void PaymentCoordinator::sync(const PaymentAttemptRecord& record)
{
    const QString key = record.attempt.paymentKey;
    if (m_syncing.contains(key))
        return;
    m_syncing.insert(key);
    CtClient* ct = m_deps.commercetools;
    const QString path = QStringLiteral("payments/key=") + key;
    const QString target = transactionStateFor(record.state);
    const QString reference = record.providerReference;
    QPointer<PaymentCoordinator> self(this);
    const auto finished = [this, self, key](const CtResponse& updated) {
        if (!self)
            return;
        m_syncing.remove(key);
        if (updated.ok())
            remember(key, updated.body);
        // Never made (404): nothing to write. Anything else: recovery retries.
        if (updated.ok() || updated.status == 404) {
            m_storage.post(Lane::Write, [key](Stores& stores) {
                if (auto marked = stores.attempts.markSynced(key); !marked)
                    qCWarning(lcServerDb).noquote() << marked.error().message;
            });
        }
        const QJsonObject payment = m_known.value(key);
        for (const auto& waiting : m_waiting.take(key))
            waiting(payment);
    };
    const auto actions = [target, reference](const QJsonObject& current) {
        QJsonArray built;
        for (const QJsonValue& value : current.value(QStringLiteral("transactions")).toArray()) {
            const QJsonObject transaction = value.toObject();
            if (transaction.value(QStringLiteral("type")).toString() != QLatin1StringView("Charge"))
                continue;
            const QString id = transaction.value(QStringLiteral("id")).toString();
            if (transaction.value(QStringLiteral("state")).toString() != target)
                built.append(QJsonObject{
                    {QStringLiteral("action"), QStringLiteral("changeTransactionState")},
                    {QStringLiteral("transactionId"), id},
                    {QStringLiteral("state"), target}});
            if (!reference.isEmpty() &&
                transaction.value(QStringLiteral("interactionId")).toString() != reference)
                built.append(QJsonObject{
                    {QStringLiteral("action"), QStringLiteral("changeTransactionInteractionId")},
                    {QStringLiteral("transactionId"), id},
                    {QStringLiteral("interactionId"), reference}});
            break;
        }
        return built;
    };
    // Built on the Payment this instance made or last wrote when it still has it (its version may
    // be stale: then commercetools refuses it and update() reads the Payment again), else on the
    // Payment read now.
    if (const auto known = m_known.constFind(key); known != m_known.cend())
        ct->update(path, *known, actions, record.attempt.correlationId, finished);
    else
        ct->updateLatest(path, actions, record.attempt.correlationId, finished);
}

void PaymentCoordinator::remember(const QString& paymentKey, const QJsonObject& payment)
{
    if (payment.isEmpty())
        return;
    if (!m_known.contains(paymentKey)) {
        m_knownOrder.append(paymentKey);
        while (m_knownOrder.size() > knownPayments)
            m_known.remove(m_knownOrder.takeFirst());
    }
    m_known.insert(paymentKey, payment);
}

void PaymentCoordinator::paymentOf(const PaymentAttemptRecord& record,
                                   std::function<void(const QJsonObject&)> done)
{
    const QString key = record.attempt.paymentKey;
    if (record.attempt.paymentId.isEmpty()) {
        done({});
        return;
    }
    // A final attempt's Payment is this instance's no longer (refunds write to it): answers after
    // this one read it.
    const auto answer = [this, key, final = record.isFinal(),
                         done = std::move(done)](const QJsonObject& payment) {
        if (final && m_known.remove(key) > 0)
            m_knownOrder.removeOne(key);
        done(payment);
    };
    // The outcome is being written: answer with the Payment that says so.
    if (m_syncing.contains(key)) {
        m_waiting[key].append(answer);
        return;
    }
    if (const auto known = m_known.constFind(key); known != m_known.cend()) {
        const QJsonObject payment = *known; // a copy: answer() may drop the entry
        answer(payment);
        return;
    }
    m_deps.commercetools->get(QStringLiteral("payments/") + record.attempt.paymentId, {},
                              record.attempt.correlationId, [answer](const CtResponse& payment) {
                                  answer(payment.ok() ? payment.body.object() : QJsonObject());
                              });
}

void PaymentCoordinator::cancel(const PaymentAttemptRecord& record, Done done)
{
    const QString key = record.attempt.paymentKey;
    if (record.isFinal()) {
        done(record);
        return;
    }
    m_storage.run(
        Lane::Write, this,
        [key](Stores& stores) -> StorageResult<PaymentAttemptRecord> {
            if (auto requested =
                    stores.attempts.requestCancel(key, QDateTime::currentDateTimeUtc());
                !requested)
                return requested.error();
            return stores.attempts.find(key);
        },
        [this, key, done](const StorageResult<PaymentAttemptRecord>& current) {
            if (!current) {
                done(ServiceFailure::fromStorage(current.error()));
                return;
            }
            audit(*current, QStringLiteral("payment.cancel_requested"));
            if (current->state == State::Creating) {
                // No provider has been asked yet: the cancel simply wins.
                endUnstarted(key,
                             ProviderStatus::make(
                                 ProviderStatus::State::Cancelled, {},
                                 QStringLiteral("Cancelled before the terminal was asked.")),
                             {}, [this, key, done] { reply(key, done); });
                return;
            }
            cancelWithProvider(*current, done);
        });
}

void PaymentCoordinator::cancelWithProvider(const PaymentAttemptRecord& current, Done done)
{
    const QString key = current.attempt.paymentKey;
    PaymentProvider* provider = m_providers.provider(current.provider, current.attempt.storeKey,
                                                     current.attempt.terminalId);
    if (!provider || current.isFinal()) {
        done(current);
        return;
    }
    QPointer<PaymentCoordinator> self(this);
    const PaymentAttempt attempt = current.attempt;
    provider->cancel(attempt, [this, self, key, attempt, provider, done](ProviderStatus status) {
        if (!self)
            return;
        if (status.isFinal()) {
            apply(key, status, done);
            return;
        }
        // The terminal took the request but has not said how it ended: ask, once.
        provider->status(attempt, [this, self, key, done](ProviderStatus checked) {
            if (!self)
                return;
            apply(key, checked, done);
        });
    });
}

void PaymentCoordinator::endUnstarted(const QString& paymentKey, const ProviderStatus& status,
                                      const QString& logLine, std::function<void()> then)
{
    m_storage.run(
        Lane::Write, this,
        [paymentKey, status](Stores& stores) -> StorageResult<Transition> {
            const StorageResult<bool> finished = stores.attempts.finish(paymentKey, status, true);
            if (!finished)
                return finished.error();
            return readAfter(stores, paymentKey, *finished);
        },
        [this, paymentKey, logLine, then](const StorageResult<Transition>& ended) {
            if (ended && ended->won) {
                if (!logLine.isEmpty())
                    qCInfo(lcServer).noquote() << logLine;
                audit(ended->record, QStringLiteral("payment.") + ended->record.apiState());
                sync(ended->record);
                emit changed(paymentKey);
            }
            if (then)
                then();
        });
}

void PaymentCoordinator::refreshIfOverdue(const PaymentAttemptRecord& record)
{
    if (record.state != State::Pending || !record.attempt.startedAt.isValid() ||
        record.attempt.startedAt.secsTo(QDateTime::currentDateTimeUtc()) < m_statusAfter.count())
        return;
    const QString key = record.attempt.paymentKey;
    if (m_asking.contains(key))
        return;
    PaymentProvider* provider =
        m_providers.provider(record.provider, record.attempt.storeKey, record.attempt.terminalId);
    if (!provider) {
        qCWarning(lcServer).noquote()
            << "payment" << key << "is pending with provider" << record.provider
            << record.attempt.terminalId << "which is no longer configured; resolve it by hand";
        return;
    }
    m_asking.insert(key);
    qCInfo(lcServer).noquote() << "asking the provider about overdue payment" << key;
    QPointer<PaymentCoordinator> self(this);
    provider->status(record.attempt, [this, self, key](ProviderStatus status) {
        if (!self)
            return;
        m_asking.remove(key);
        apply(key, status);
    });
}

void PaymentCoordinator::recover()
{
    const QDateTime olderThan = QDateTime::currentDateTimeUtc().addSecs(-m_statusAfter.count());
    m_storage.run(
        Lane::Write, this,
        [olderThan](Stores& stores) {
            if (auto settled = stores.instances.settleAbandonedClaims(); !settled)
                qCWarning(lcServerDb).noquote() << settled.error().message;
            return stores.attempts.unresolved(olderThan);
        },
        [this](const StorageResult<QList<PaymentAttemptRecord>>& open) {
            if (!open) {
                qCWarning(lcServerDb).noquote() << "storage:" << open.error().message;
                return;
            }
            for (const PaymentAttemptRecord& record : std::as_const(*open)) {
                switch (record.state) {
                case State::Creating:
                    // Cut short before any provider was asked: nothing can have been charged.
                    endUnstarted(
                        record.attempt.paymentKey,
                        ProviderStatus::make(
                            ProviderStatus::State::Failed, {},
                            QStringLiteral("The payment was interrupted before the terminal was "
                                           "asked; nothing was charged.")),
                        QStringLiteral("recovery: payment %1 never reached a provider")
                            .arg(record.attempt.paymentKey),
                        {});
                    break;
                case State::Pending:
                    refreshIfOverdue(record);
                    break;
                default:
                    sync(record);
                }
            }
        });
}

} // namespace storedesk::server
