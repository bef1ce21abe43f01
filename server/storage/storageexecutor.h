#pragma once

#include "auditlog.h"
#include "database.h"
#include "deliverylog.h"
#include "idempotencystore.h"
#include "ordernumberstore.h"
#include "paymentattemptstore.h"
#include "refundstore.h"
#include "serverinstances.h"
#include "sessionstore.h"
#include "tillstore.h"
#include "userdirectory.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <type_traits>

namespace storedesk::server {

// The storage classes over one connection. Built, used and destroyed on one lane's thread.
struct Stores {
    Stores(std::unique_ptr<Database> openDatabase, std::chrono::seconds sessionTimeToLive,
           const QString& instanceId);

    std::unique_ptr<Database> database; // first: the stores below refer to it
    UserDirectory users;
    SessionStore sessions;
    AuditLog audit;
    IdempotencyStore idempotency;
    PaymentAttemptStore attempts;
    OrderNumberStore orderNumbers;
    RefundStore refunds;
    TillStore till;
    DeliveryLog deliveries;
    ServerInstances instances;
};

// One worker thread with its own connection (Qt SQL connections belong to the thread that opened
// them). Jobs run one after another, in the order posted. Used only through StorageExecutor.
class StorageLane : public QObject {
    Q_OBJECT

public:
    struct Settings {
        DatabaseUrl url;
        Database::Limits limits;
        std::chrono::seconds sessionTimeToLive;
        QString instanceId;
        bool writesHeartbeat = false; // one lane of an instance keeps its ServerInstances row
    };

    // Longest wait between two reconnection attempts; the first waits MinBackoff, each next one
    // twice as long up to this.
    static constexpr std::chrono::milliseconds MinBackoff{250};
    static constexpr std::chrono::milliseconds MaxBackoff{5000};
    // How often an idle lane proves its connection (and the heartbeat is written).
    static constexpr std::chrono::seconds CheckInterval{5};

    explicit StorageLane(Settings settings);
    ~StorageLane() override;

    // On the lane's thread: opens the connection (start) or drops everything (stop).
    void start();
    void stop();

    // On the lane's thread: the job's stores, or null while the database is unreachable.
    Stores* stores() { return m_available ? m_stores.get() : nullptr; }
    // After each job: a failed statement may mean a lost connection; a ping tells.
    void afterJob();
    StorageError unavailable() const;
    // Pings the connection; on failure the lane is unavailable and reconnects.
    void check();

signals:
    void availabilityChanged(bool available, const QString& reason);

private:
    void lose(const QString& reason);
    void reconnect();

    Settings m_settings;
    std::unique_ptr<Stores> m_stores;
    bool m_available = false;
    QString m_reason = QStringLiteral("not connected yet");
    QTimer* m_retry = nullptr;
    QTimer* m_check = nullptr;
    std::chrono::milliseconds m_backoff = MinBackoff;
};

// Runs the server's database work off the event loop. Two lanes, each a thread with its own
// connection: writes (and everything in a transaction) go to the write lane, plain reads to the
// read lane, so a writer waiting for a lock (SQLite's busy timeout) never holds up a session or
// attempt lookup (SQLite in WAL mode lets readers go on while another process writes). An
// in-memory SQLite database exists once per connection, so there both lanes are one.
//
// run() posts the work, which calls the storage classes' synchronous API on the lane's thread,
// and delivers its result to `done` on the thread of `context` (the event loop) — unless context
// is gone by then. While the database is unreachable, work is not run: its result is an
// Unavailable StorageError at once (the API answers 503 database_unavailable), and the lane
// reconnects with backoff. availabilityChanged() and isAvailable() feed /health.
class StorageExecutor : public QObject {
    Q_OBJECT

public:
    enum class Lane { Write, Read };

    StorageExecutor(const DatabaseUrl& url, const Database::Limits& limits,
                    std::chrono::seconds sessionTimeToLive, QObject* parent = nullptr);
    ~StorageExecutor() override;

    // This server instance's id (claims carry it; see ServerInstances).
    const QString& instanceId() const { return m_instanceId; }

    bool isAvailable() const { return m_unavailable.isEmpty(); }
    // Why not, safe for /health (no password; the driver's words).
    QString unavailableReason() const;

    // work: StorageResult<T>(Stores&), runs on the lane; done: void(StorageResult<T>), on
    // context's thread.
    template <typename Work, typename Done>
    void run(Lane lane, const QObject* context, Work work, Done done)
    {
        using Result = std::invoke_result_t<Work&, Stores&>;
        StorageLane* worker = laneFor(lane);
        QPointer<const QObject> guard(context);
        QPointer<StorageExecutor> self(this);
        auto job = [worker, self, guard, work = std::move(work), done = std::move(done)]() mutable {
            Stores* stores = worker->stores();
            Result result = stores ? work(*stores) : Result(worker->unavailable());
            if (stores)
                worker->afterJob();
            // Delivered through the executor (which outlives its lanes), then checked: the
            // context may have gone while the work ran.
            QMetaObject::invokeMethod(
                self.data(),
                [guard, done = std::move(done), result = std::move(result)]() mutable {
                    if (guard)
                        done(std::move(result));
                },
                Qt::QueuedConnection);
        };
        QMetaObject::invokeMethod(worker, std::move(job), Qt::QueuedConnection);
    }

    // Work whose result nobody waits for (an audit entry, a heartbeat); failures are logged.
    void post(Lane lane, std::function<void(Stores&)> work);

    // Waits until the work posted so far on both lanes has run (shutdown, tests).
    void drain();

signals:
    void availabilityChanged(bool available);

private:
    StorageLane* laneFor(Lane lane) const
    {
        return lane == Lane::Read && m_read ? m_read : m_write;
    }
    StorageLane* startLane(StorageLane::Settings settings, const QString& name);
    void laneChanged(StorageLane* lane, bool available, const QString& reason);

    QString m_instanceId;
    StorageLane* m_write = nullptr;
    StorageLane* m_read = nullptr; // null: reads go to the write lane
    QList<QThread*> m_threads;
    QHash<StorageLane*, QString> m_unavailable; // lane → why it is down
};

} // namespace storedesk::server
