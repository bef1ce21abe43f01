#pragma once

#include "openbalance.h"
#include "services/servicefailure.h"
#include "storage/idempotencystore.h"
#include "storage/paymentattemptstore.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <functional>

namespace storedesk::server {

struct ServiceDeps;
class PaymentCoordinator;
class StorageExecutor;

// The payment decisions behind the API's payment routes, free of HTTP: starting a payment (fence
// the cart, check its currency and open balance, record the attempt once per idempotency key,
// hand it to the coordinator), what a repeat of a claimed key gets, a cart's balance, and finding
// an attempt for a caller. The routes parse requests, claim the key and turn the outcomes into
// answers.
class PaymentService : public QObject {
    Q_OBJECT

public:
    // What starting (or repeating) a payment came to.
    struct Started {
        enum class Kind {
            Attempt, // the attempt as the coordinator left it: answer with it
            Replay,  // the key's stored answer: replay claim's response
            Refused, // the request cannot be done, ever: the key's final answer is `error`
            Failed,  // this try failed (upstream, database, busy): the caller may ask again
        };
        Kind kind = Kind::Failed;
        PaymentAttemptRecord attempt;
        IdempotencyRecord claim;
        ServiceFailure error;
    };
    using StartDone = std::function<void(const Started&)>;

    // A cart's payments: what commercetools holds (the cart, as read) and what the server does.
    struct Balance {
        QByteArray cart; // as commercetools sent it (a JSON object, validated)
        OpenBalance balance;
        QList<PaymentAttemptRecord> attempts;
    };

    PaymentService(const ServiceDeps& deps, PaymentCoordinator& coordinator,
                   QObject* parent = nullptr);

    // `record` describes the attempt (its idempotency and payment keys from `claim`). With
    // needsOpenTill (cash; card where the store's till.cardNeedsOpenTill says so) it is refused
    // with till_not_open, as the key's final answer and with nothing created, unless the
    // workstation's till is open; every attempt is stamped with the session open when it is
    // recorded.
    void start(const IdempotencyStore::Claim& claim, const PaymentAttemptRecord& record,
               bool needsOpenTill, StartDone done);
    void balance(const QString& storeKey, const QString& cartId, const QString& correlationId,
                 std::function<void(const Expected<Balance, ServiceFailure>&)> done);
    // The attempt with this commercetools Payment id, when `mayUseStore` admits its store; else
    // NotFound, as if it did not exist.
    void find(const QString& paymentId, std::function<bool(const QString&)> mayUseStore,
              std::function<void(const Expected<PaymentAttemptRecord, ServiceFailure>&)> done);
    // The attempt as it is now, read again (a long-poll's check); runs while `context` lives.
    void reread(const QString& paymentKey, const QObject* context,
                std::function<void(const Expected<PaymentAttemptRecord, ServiceFailure>&)> done);

    PaymentCoordinator& coordinator() { return m_coordinator; }

private:
    void repeat(const IdempotencyRecord& claim, const PaymentAttemptRecord& record,
                bool needsOpenTill, StartDone done);
    void createAttempt(const PaymentAttemptRecord& record, bool needsOpenTill, StartDone done);
    void setUp(const PaymentAttemptRecord& record, bool needsOpenTill, StartDone done);
    // The cart, when it is in the store; NotFound or Upstream otherwise.
    void readCart(const QString& storeKey, const QString& cartId, const QString& correlationId,
                  std::function<void(const Expected<QJsonObject, ServiceFailure>&)> done);

    const ServiceDeps& m_deps;
    StorageExecutor& m_storage;
    PaymentCoordinator& m_coordinator;
    // Keys whose first request this instance is still setting up (reading the cart, recording
    // the attempt). A key claimed here with no attempt and not in this set was cut short before
    // anything was recorded or sent (e.g. commercetools failed the cart read): a repeat may do
    // the work instead of waiting for a request that has already ended.
    QSet<QString> m_settingUp;
};

} // namespace storedesk::server
