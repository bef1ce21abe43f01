#include "paymentcoordinator.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "providerregistry.h"
#include "routes/servicecontext.h"
#include "storage/idempotencystore.h"

#include <QJsonDocument>
#include <QPointer>

namespace storedesk::server {

namespace {

using State = PaymentAttemptRecord::State;

ApiError storageFailure(const StorageError& error)
{
    qCWarning(lcServerDb).noquote() << "payment attempt storage:" << error.message;
    return ApiError::internal();
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
                  const std::function<void(const Expected<QJsonObject, ApiError>&)>& done)
{
    ct->get(
        QStringLiteral("payments/key=") + record.attempt.paymentKey, {}, correlationId,
        [record, done](const CtResponse& found) {
            if (!found.ok()) {
                done(ApiError::upstream(found));
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
            done(ApiError::conflict(
                QStringLiteral("The payment's key is already used in commercetools by "
                               "another payment; ask an administrator.")));
        });
}

} // namespace

PaymentCoordinator::PaymentCoordinator(const ServiceContext& context, PaymentAttemptStore& attempts,
                                       IdempotencyStore& idempotency, ProviderRegistry& providers,
                                       std::chrono::seconds statusAfter, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_attempts(attempts)
    , m_idempotency(idempotency)
    , m_providers(providers)
    , m_statusAfter(statusAfter)
{
    connect(&m_providers, &ProviderRegistry::outcome, this, &PaymentCoordinator::applyFrom);
}

void PaymentCoordinator::reply(const QString& paymentKey, const Done& done)
{
    StorageResult<PaymentAttemptRecord> current = m_attempts.find(paymentKey);
    if (!current)
        done(storageFailure(current.error()));
    else
        done(*current);
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
    m_context.record(action, record.username, record.attempt.storeKey, record.attempt.workstationId,
                     record.attempt.correlationId, details, record.attempt.amount);
}

void PaymentCoordinator::advance(const PaymentAttemptRecord& record, Done done)
{
    if (record.state != State::Creating) {
        if (record.isFinal() && !record.synced)
            sync(record);
        done(record);
        return;
    }
    QPointer<PaymentCoordinator> self(this);
    ensurePayment(record, [this, self, record,
                           done](const Expected<QJsonObject, ApiError>& payment) {
        if (!self)
            return;
        if (!payment) {
            done(payment.error());
            return;
        }
        const QString paymentId = payment->value(QStringLiteral("id")).toString();
        attachToCart(record, paymentId,
                     [this, self, record, paymentId, done](const std::optional<ApiError>& failure) {
                         if (!self)
                             return;
                         if (failure) {
                             done(*failure);
                             return;
                         }
                         const StorageResult<bool> won = m_attempts.markPending(
                             record.attempt.paymentKey, paymentId, QDateTime::currentDateTimeUtc());
                         if (!won) {
                             done(storageFailure(won.error()));
                             return;
                         }
                         StorageResult<PaymentAttemptRecord> pending =
                             m_attempts.find(record.attempt.paymentKey);
                         if (!pending) {
                             done(storageFailure(pending.error()));
                             return;
                         }
                         if (!*won) {
                             // Another request (or a cancel, or recovery) moved it on: it asks, not
                             // us. Had it ended the attempt before our Payment existed, that
                             // Payment still says Pending.
                             if (pending->isFinal())
                                 sync(*pending);
                             done(*pending);
                             return;
                         }
                         audit(*pending, QStringLiteral("payment.started"));
                         askProvider(*pending, done);
                     });
    });
}

void PaymentCoordinator::ensurePayment(
    const PaymentAttemptRecord& record,
    std::function<void(const Expected<QJsonObject, ApiError>&)> done)
{
    const QString key = record.attempt.paymentKey;
    const QString correlationId = record.attempt.correlationId;
    CtClient* ct = m_context.commercetools;
    // Looked up first: a crash or a lost answer may have left the Payment made already. In
    // commercetools the key is unique, so even two instances racing here make one Payment.
    ct->get(QStringLiteral("payments/key=") + key, {}, correlationId,
            [ct, record, correlationId, done](const CtResponse& found) {
                if (found.ok()) {
                    done(found.body);
                    return;
                }
                if (found.status != 404) {
                    done(ApiError::upstream(found));
                    return;
                }
                ct->post(
                    QStringLiteral("payments"), paymentDraft(record), correlationId,
                    [ct, record, correlationId, done](const CtResponse& created) {
                        if (created.ok()) {
                            done(created.body);
                            return;
                        }
                        if (created.errorCode() != QLatin1StringView("DuplicateField")) {
                            done(ApiError::upstream(created));
                            return;
                        }
                        // The key is taken: by our own earlier try (its answer lost) when the
                        // Payment is the one we draft; anything else is not ours to use.
                        adoptPayment(ct, record, correlationId, done);
                    },
                    true);
            });
}

void PaymentCoordinator::attachToCart(const PaymentAttemptRecord& record, const QString& paymentId,
                                      std::function<void(const std::optional<ApiError>&)> done)
{
    const QString path =
        QStringLiteral("in-store/key=%1/carts/%2").arg(record.attempt.storeKey, record.cartId);
    const QString correlationId = record.attempt.correlationId;
    m_context.commercetools->updateLatest(
        path,
        [paymentId](const QJsonObject& current) {
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
        },
        correlationId,
        [done](const CtResponse& updated) {
            if (updated.ok())
                done(std::nullopt);
            else
                done(ApiError::upstream(updated));
        });
}

void PaymentCoordinator::askProvider(const PaymentAttemptRecord& record, Done done)
{
    PaymentProvider* provider =
        m_providers.provider(record.provider, record.attempt.storeKey, record.attempt.terminalId);
    if (!provider) {
        apply(record.attempt.paymentKey,
              ProviderStatus::make(ProviderStatus::State::Failed, {},
                                   QStringLiteral("This workstation's payment terminal is not "
                                                  "configured on the server.")));
        reply(record.attempt.paymentKey, done);
        return;
    }
    QPointer<PaymentCoordinator> self(this);
    const QString key = record.attempt.paymentKey;
    provider->start(record.attempt, [this, self, key, done](ProviderStatus status) {
        if (!self)
            return;
        if (status.isFinal())
            apply(key, status);
        reply(key, done);
    });
}

void PaymentCoordinator::applyFrom(const QString& source, const QString& paymentKey,
                                   const ProviderStatus& status)
{
    const StorageResult<PaymentAttemptRecord> record = m_attempts.find(paymentKey);
    if (!record)
        return; // not ours (or not yet recorded): nothing to apply it to
    const QString expected = ProviderRegistry::sourceOf(record->provider, record->attempt.storeKey,
                                                        record->attempt.terminalId);
    if (source != expected) {
        qCWarning(lcServer).noquote() << "ignoring an outcome for payment" << paymentKey << "from"
                                      << source << "- it belongs to" << expected;
        return;
    }
    apply(paymentKey, status);
}

void PaymentCoordinator::apply(const QString& paymentKey, const ProviderStatus& status)
{
    if (!status.isFinal())
        return;
    const StorageResult<bool> won = m_attempts.finish(paymentKey, status);
    if (!won) {
        storageFailure(won.error());
        return;
    }
    StorageResult<PaymentAttemptRecord> record = m_attempts.find(paymentKey);
    if (!record) {
        storageFailure(record.error());
        return;
    }
    if (!*won) {
        // A repeated delivery, or an answer after another one: the first one stands.
        if (record->isFinal() && status.state == ProviderStatus::State::Succeeded &&
            record->state != State::Succeeded)
            qCCritical(lcServer).noquote()
                << "payment" << paymentKey << "was recorded" << record->apiState()
                << "but the provider now reports it succeeded; reconcile it with the provider";
        if (record->isFinal() && !record->synced)
            sync(*record);
        return;
    }
    qCInfo(lcServer).noquote() << "payment" << paymentKey << "→" << record->apiState();
    audit(*record, QStringLiteral("payment.") + record->apiState());
    const QJsonObject summary{{QStringLiteral("paymentId"), record->attempt.paymentId},
                              {QStringLiteral("state"), record->apiState()}};
    if (auto completed = m_idempotency.complete(
            record->idempotencyKey, 200, QJsonDocument(summary).toJson(QJsonDocument::Compact));
        !completed && completed.error().kind != StorageError::Kind::Conflict)
        qCWarning(lcServerDb).noquote() << "cannot complete the idempotency record of payment"
                                        << paymentKey << ":" << completed.error().message;
    sync(*record);
    emit changed(paymentKey);
}

void PaymentCoordinator::sync(const PaymentAttemptRecord& record)
{
    const QString key = record.attempt.paymentKey;
    if (m_syncing.contains(key))
        return;
    m_syncing.insert(key);
    CtClient* ct = m_context.commercetools;
    const QString path = QStringLiteral("payments/key=") + key;
    const QString target = transactionStateFor(record.state);
    const QString reference = record.providerReference;
    QPointer<PaymentCoordinator> self(this);
    const auto finished = [this, self, key](bool ok) {
        if (!self)
            return;
        m_syncing.remove(key);
        if (ok) {
            if (auto marked = m_attempts.markSynced(key); !marked)
                storageFailure(marked.error());
        }
    };
    ct->updateLatest(
        path,
        [target, reference](const QJsonObject& current) {
            QJsonArray actions;
            for (const QJsonValue& value :
                 current.value(QStringLiteral("transactions")).toArray()) {
                const QJsonObject transaction = value.toObject();
                if (transaction.value(QStringLiteral("type")).toString() !=
                    QLatin1StringView("Charge"))
                    continue;
                const QString id = transaction.value(QStringLiteral("id")).toString();
                if (transaction.value(QStringLiteral("state")).toString() != target)
                    actions.append(QJsonObject{
                        {QStringLiteral("action"), QStringLiteral("changeTransactionState")},
                        {QStringLiteral("transactionId"), id},
                        {QStringLiteral("state"), target}});
                if (!reference.isEmpty() &&
                    transaction.value(QStringLiteral("interactionId")).toString() != reference)
                    actions.append(QJsonObject{{QStringLiteral("action"),
                                                QStringLiteral("changeTransactionInteractionId")},
                                               {QStringLiteral("transactionId"), id},
                                               {QStringLiteral("interactionId"), reference}});
                break;
            }
            return actions;
        },
        record.attempt.correlationId,
        [finished](const CtResponse& updated) {
            // Never made (404): nothing to write. Anything else: recovery retries.
            finished(updated.ok() || updated.status == 404);
        });
}

void PaymentCoordinator::cancel(const PaymentAttemptRecord& record, Done done)
{
    const QString key = record.attempt.paymentKey;
    if (record.isFinal()) {
        done(record);
        return;
    }
    if (auto requested = m_attempts.requestCancel(key, QDateTime::currentDateTimeUtc());
        !requested) {
        done(storageFailure(requested.error()));
        return;
    }
    StorageResult<PaymentAttemptRecord> current = m_attempts.find(key);
    if (!current) {
        done(storageFailure(current.error()));
        return;
    }
    audit(*current, QStringLiteral("payment.cancel_requested"));
    if (current->state == State::Creating) {
        // No provider has been asked yet: the cancel simply wins.
        const ProviderStatus cancelled =
            ProviderStatus::make(ProviderStatus::State::Cancelled, {},
                                 QStringLiteral("Cancelled before the terminal was asked."));
        if (StorageResult<bool> finished = m_attempts.finish(key, cancelled, true);
            finished && *finished) {
            if (StorageResult<PaymentAttemptRecord> cancelledRecord = m_attempts.find(key)) {
                audit(*cancelledRecord, QStringLiteral("payment.cancelled"));
                sync(*cancelledRecord);
                emit changed(key);
            }
        }
        reply(key, done);
        return;
    }
    PaymentProvider* provider = m_providers.provider(current->provider, current->attempt.storeKey,
                                                     current->attempt.terminalId);
    if (!provider || current->isFinal()) {
        done(*current);
        return;
    }
    QPointer<PaymentCoordinator> self(this);
    const PaymentAttempt attempt = current->attempt;
    provider->cancel(attempt, [this, self, key, attempt, provider, done](ProviderStatus status) {
        if (!self)
            return;
        if (status.isFinal()) {
            apply(key, status);
            reply(key, done);
            return;
        }
        // The terminal took the request but has not said how it ended: ask, once.
        provider->status(attempt, [this, self, key, done](ProviderStatus checked) {
            if (!self)
                return;
            apply(key, checked);
            reply(key, done);
        });
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
    const QDateTime now = QDateTime::currentDateTimeUtc();
    StorageResult<QList<PaymentAttemptRecord>> open =
        m_attempts.unresolved(now.addSecs(-m_statusAfter.count()));
    if (!open) {
        storageFailure(open.error());
        return;
    }
    for (const PaymentAttemptRecord& record : std::as_const(*open)) {
        switch (record.state) {
        case State::Creating: {
            // Cut short before any provider was asked: nothing can have been charged.
            const ProviderStatus failed = ProviderStatus::make(
                ProviderStatus::State::Failed, {},
                QStringLiteral("The payment was interrupted before the terminal was asked; "
                               "nothing was charged."));
            if (StorageResult<bool> finished =
                    m_attempts.finish(record.attempt.paymentKey, failed, true);
                finished && *finished) {
                qCInfo(lcServer).noquote() << "recovery: payment" << record.attempt.paymentKey
                                           << "never reached a provider";
                if (StorageResult<PaymentAttemptRecord> updated =
                        m_attempts.find(record.attempt.paymentKey)) {
                    audit(*updated, QStringLiteral("payment.failed"));
                    sync(*updated);
                    emit changed(record.attempt.paymentKey);
                }
            }
            break;
        }
        case State::Pending:
            refreshIfOverdue(record);
            break;
        default:
            sync(record);
        }
    }
}

} // namespace storedesk::server
