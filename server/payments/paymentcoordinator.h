#pragma once

#include "http/apierror.h"
#include "storage/paymentattemptstore.h"

#include <QObject>

#include <chrono>
#include <functional>

namespace storedesk::server {

struct ServiceContext;
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
class PaymentCoordinator : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(const Expected<PaymentAttemptRecord, ApiError>&)>;

    // Its database work runs on context.storage's lanes; every step continues on the event loop.
    PaymentCoordinator(const ServiceContext& context, ProviderRegistry& providers,
                       std::chrono::seconds statusAfter, QObject* parent = nullptr);

    // Steps 2 to 4 for a Creating attempt; for any other, its current record.
    void advance(const PaymentAttemptRecord& record, Done done);
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
    void ensurePayment(const PaymentAttemptRecord& record,
                       std::function<void(const Expected<QJsonObject, ApiError>&)> done);
    void attachToCart(const PaymentAttemptRecord& record, const QString& paymentId,
                      std::function<void(const std::optional<ApiError>&)> done);
    void askProvider(const PaymentAttemptRecord& record, Done done);
    void cancelWithProvider(const PaymentAttemptRecord& current, Done done);
    void sync(const PaymentAttemptRecord& record);
    void reply(const QString& paymentKey, const Done& done);
    // A Creating attempt nobody asked a provider about ends with status (cancel, recovery).
    void endUnstarted(const QString& paymentKey, const ProviderStatus& status,
                      const QString& logLine, std::function<void()> then);
    void audit(const PaymentAttemptRecord& record, const QString& action) const;

    const ServiceContext& m_context;
    StorageExecutor& m_storage;
    ProviderRegistry& m_providers;
    std::chrono::seconds m_statusAfter;
    QSet<QString> m_asking; // attempts whose status is being asked right now
    QSet<QString> m_syncing;
};

} // namespace storedesk::server
