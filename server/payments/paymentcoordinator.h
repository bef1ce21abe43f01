#pragma once

#include "services/servicefailure.h"
#include "storage/paymentattemptstore.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <chrono>
#include <functional>

namespace storedesk::server {

struct ServiceDeps;
class ProviderRegistry;
class StorageExecutor;

// Moves payment attempts through their states, in this order and no other:
//
//   1. the attempt is recorded in the server's database (Creating), within the open balance;
//   2. a commercetools Payment with the attempt's key and a Pending Charge is made (or found,
//      when a crash cut the first try short) and attached to the cart;
//   3. the attempt becomes Pending — only the caller that wins this step asks the provider;
//   4. the provider's final answer (at once, through a callback, or when asked for the status of
//      that attempt) is recorded once, then written to the commercetools Payment.
//
// A crash after 1 or 2 leaves an attempt no provider was asked about (recovery fails it); after 3,
// one that recovery resolves by asking the provider about that very attempt. Nothing ever asks a
// provider for money twice.
//
// commercetools is asked as little as it can be: the Payment this instance last read or wrote is
// kept (with its version) for the attempt's life, so writing the outcome is one update and the
// answers need no read; an update built on a version someone else changed meanwhile is answered
// 409 ConcurrentModification, and CtClient::update() reads the resource once more and retries.
class PaymentCoordinator : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(const Expected<PaymentAttemptRecord, ServiceFailure>&)>;

    // Its database work runs on deps.storage's lanes; every step continues on the event loop.
    PaymentCoordinator(const ServiceDeps& deps, ProviderRegistry& providers,
                       std::chrono::seconds statusAfter, QObject* parent = nullptr);

    // Steps 2 to 4 for a Creating attempt; for any other, its current record.
    void advance(const PaymentAttemptRecord& record, Done done);
    // The same for an attempt the caller has just recorded: no earlier try can have sent anything
    // for it, so its Payment is created without looking for one first, and it is added to `cart`
    // (the cart as the caller read it, with its version) without reading the cart again.
    void advanceNew(const PaymentAttemptRecord& record, const QJsonObject& cart, Done done);
    // The attempt's commercetools Payment as this instance last knew it, read when it does not
    // know it; after an outcome being written, once it is written. Empty when there is none or it
    // cannot be read.
    void paymentOf(const PaymentAttemptRecord& record,
                   std::function<void(const QJsonObject&)> done);
    // Asks the provider to abort, then for the status; the answer is the attempt afterwards,
    // which may be Succeeded when an approval won the race.
    void cancel(const PaymentAttemptRecord& record, Done done);
    // Asks the provider about a Pending attempt nobody has heard of for statusAfter.
    void refreshIfOverdue(const PaymentAttemptRecord& record);
    // Resolves what a crash or a lost message left behind; run at start-up and periodically.
    // Also settles payment claims of server instances that are gone (ServerInstances).
    void recover();

    // A provider's final answer about the attempt with this key, from wherever it came.
    // Applying it again, or after another answer, changes nothing. done (optional) gets the
    // attempt afterwards.
    void apply(const QString& paymentKey, const ProviderStatus& status, Done done = {});
    // The same for an outcome a provider reported on its own; ignored unless that provider is
    // the attempt's.
    void applyFrom(const QString& source, const QString& paymentKey, const ProviderStatus& status);

signals:
    // This instance changed the attempt's state (long-polls wait for it).
    void changed(const QString& paymentKey);

private:
    // What advance() knows from the caller: a new attempt (nothing sent for it yet) and its cart.
    struct FirstTry {
        QJsonObject cart;
    };
    void advanceFrom(const PaymentAttemptRecord& record, std::optional<FirstTry> first, Done done);
    void ensurePayment(const PaymentAttemptRecord& record, bool known,
                       std::function<void(const Expected<QJsonObject, ServiceFailure>&)> done);
    void attachToCart(const PaymentAttemptRecord& record, const QString& paymentId,
                      const std::optional<FirstTry>& first,
                      std::function<void(const std::optional<ServiceFailure>&)> done);
    void remember(const QString& paymentKey, const QJsonObject& payment);
    void askProvider(const PaymentAttemptRecord& record, Done done);
    void cancelWithProvider(const PaymentAttemptRecord& current, Done done);
    void sync(const PaymentAttemptRecord& record);
    void reply(const QString& paymentKey, const Done& done);
    // A Creating attempt nobody asked a provider about ends with status (cancel, recovery).
    void endUnstarted(const QString& paymentKey, const ProviderStatus& status,
                      const QString& logLine, std::function<void()> then);
    void audit(const PaymentAttemptRecord& record, const QString& action) const;

    const ServiceDeps& m_deps;
    StorageExecutor& m_storage;
    ProviderRegistry& m_providers;
    std::chrono::seconds m_statusAfter;
    QSet<QString> m_asking; // attempts whose status is being asked right now
    QSet<QString> m_syncing;
    // Answers waiting for the outcome being written to the Payment, by payment key.
    QHash<QString, QList<std::function<void(const QJsonObject&)>>> m_waiting;
    // The Payment last read or written, by payment key; the oldest go first past a bound.
    QHash<QString, QJsonObject> m_known;
    QList<QString> m_knownOrder;
};

} // namespace storedesk::server
