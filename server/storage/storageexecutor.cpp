#include "storageexecutor.h"

#include "base/logging.h"

#include <QUuid>

namespace storedesk::server {

Stores::Stores(std::unique_ptr<Database> openDatabase, std::chrono::seconds sessionTimeToLive,
               const QString& instanceId)
    : database(std::move(openDatabase))
    , users(*database)
    , sessions(*database, users, systemClock, sessionTimeToLive)
    , audit(*database)
    , idempotency(*database)
    , attempts(*database)
    , orderNumbers(*database)
    , refunds(*database)
    , till(*database, idempotency)
    , deliveries(*database)
    , instances(*database, instanceId)
{
    idempotency.setInstanceId(instanceId);
}

StorageLane::StorageLane(Settings settings)
    : m_settings(std::move(settings))
{
}

StorageLane::~StorageLane() = default;

void StorageLane::start()
{
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &StorageLane::reconnect);
    m_check = new QTimer(this);
    m_check->setInterval(CheckInterval);
    connect(m_check, &QTimer::timeout, this, &StorageLane::check);
    m_check->start();
    reconnect();
}

void StorageLane::stop()
{
    delete m_retry;
    delete m_check;
    m_retry = m_check = nullptr;
    m_stores.reset();
}

StorageError StorageLane::unavailable() const
{
    return StorageError{StorageError::Kind::Unavailable,
                        QStringLiteral("the database is unreachable: %1").arg(m_reason),
                        {}};
}

void StorageLane::afterJob()
{
    if (m_stores && m_stores->database->takeFailure())
        check();
}

void StorageLane::check()
{
    if (!m_stores || !m_available)
        return;
    if (StorageResult<void> pinged = m_stores->database->ping(); !pinged) {
        lose(pinged.error().message);
        return;
    }
    m_stores->database->takeFailure();
    if (m_settings.writesHeartbeat) {
        if (auto beat = m_stores->instances.heartbeat(); !beat)
            qCWarning(lcServerDb).noquote()
                << "cannot write the heartbeat:" << beat.error().message;
        m_stores->database->takeFailure();
    }
}

void StorageLane::lose(const QString& reason)
{
    qCWarning(lcServerDb).noquote() << "lost the database connection:" << reason;
    m_available = false;
    m_reason = reason;
    emit availabilityChanged(false, m_reason);
    m_backoff = MinBackoff;
    m_retry->start(m_backoff);
}

void StorageLane::reconnect()
{
    StorageResult<void> connected;
    if (m_stores) {
        connected = m_stores->database->reconnect();
    } else {
        StorageResult<std::unique_ptr<Database>> opened =
            Database::open(m_settings.url, m_settings.limits);
        if (opened)
            m_stores = std::make_unique<Stores>(
                std::move(opened).value(), m_settings.sessionTimeToLive, m_settings.instanceId);
        else
            connected = opened.error();
    }
    if (!connected) {
        m_reason = connected.error().message;
        if (m_available) {
            m_available = false;
            emit availabilityChanged(false, m_reason);
        }
        m_backoff = std::min(m_backoff * 2, MaxBackoff);
        m_retry->start(m_backoff);
        return;
    }
    m_stores->database->takeFailure();
    m_available = true;
    m_reason.clear();
    m_backoff = MinBackoff;
    qCInfo(lcServerDb).noquote() << "connected to" << m_stores->database->description();
    if (m_settings.writesHeartbeat) {
        if (auto beat = m_stores->instances.heartbeat(); !beat)
            qCWarning(lcServerDb).noquote()
                << "cannot write the heartbeat:" << beat.error().message;
    }
    emit availabilityChanged(true, {});
}

StorageExecutor::StorageExecutor(const DatabaseUrl& url, const Database::Limits& limits,
                                 std::chrono::seconds sessionTimeToLive, QObject* parent)
    : QObject(parent)
    , m_instanceId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    StorageLane::Settings settings{url, limits, sessionTimeToLive, m_instanceId, true};
    m_write = startLane(settings, QStringLiteral("storage-write"));
    if (!url.isInMemory()) {
        settings.writesHeartbeat = false;
        m_read = startLane(settings, QStringLiteral("storage-read"));
    }
}

StorageLane* StorageExecutor::startLane(StorageLane::Settings settings, const QString& name)
{
    auto* thread = new QThread;
    thread->setObjectName(name);
    auto* lane = new StorageLane(std::move(settings));
    lane->moveToThread(thread);
    m_unavailable.insert(lane, QStringLiteral("not connected yet"));
    connect(lane, &StorageLane::availabilityChanged, this,
            [this, lane](bool available, const QString& reason) {
                laneChanged(lane, available, reason);
            });
    thread->start();
    m_threads.append(thread);
    // Blocks until the first connection attempt is over, so a server starts with its lanes
    // connected (or reconnecting) and its availability known.
    QMetaObject::invokeMethod(lane, &StorageLane::start, Qt::BlockingQueuedConnection);
    return lane;
}

StorageExecutor::~StorageExecutor()
{
    for (StorageLane* lane : {m_write, m_read}) {
        if (!lane)
            continue;
        QMetaObject::invokeMethod(lane, &StorageLane::stop, Qt::BlockingQueuedConnection);
    }
    for (QThread* thread : std::as_const(m_threads)) {
        thread->quit();
        thread->wait();
    }
    delete m_write;
    delete m_read;
    qDeleteAll(m_threads);
}

void StorageExecutor::laneChanged(StorageLane* lane, bool available, const QString& reason)
{
    const bool before = isAvailable();
    if (available) {
        m_unavailable.remove(lane);
    } else {
        m_unavailable.insert(lane, reason);
        // The other lane's connection went the same way most likely; it finds out now rather
        // than by failing its next request after the database is back.
        for (StorageLane* other : {m_write, m_read}) {
            if (other && other != lane && !m_unavailable.contains(other))
                QMetaObject::invokeMethod(other, &StorageLane::check, Qt::QueuedConnection);
        }
    }
    if (before != isAvailable())
        emit availabilityChanged(isAvailable());
}

QString StorageExecutor::unavailableReason() const
{
    return m_unavailable.isEmpty() ? QString() : m_unavailable.cbegin().value();
}

void StorageExecutor::post(Lane lane, std::function<void(Stores&)> work)
{
    StorageLane* worker = laneFor(lane);
    QMetaObject::invokeMethod(
        worker,
        [worker, work = std::move(work)] {
            if (Stores* stores = worker->stores()) {
                work(*stores);
                worker->afterJob();
            } else {
                qCWarning(lcServerDb).noquote() << "work dropped:" << worker->unavailable().message;
            }
        },
        Qt::QueuedConnection);
}

void StorageExecutor::drain()
{
    for (StorageLane* lane : {m_write, m_read}) {
        if (lane)
            QMetaObject::invokeMethod(
                lane, [] {}, Qt::BlockingQueuedConnection);
    }
}

} // namespace storedesk::server
