#pragma once

#include "database.h"
#include "storageerror.h"

#include <QString>

#include <chrono>

namespace storedesk::server {

// The server instances sharing one database, so that one instance can tell whether a payment
// claim (an Idempotency-Key claimed but no attempt recorded yet) is still being worked on.
//
// The rule: an instance is alive while its row's heartbeat is younger than StaleAfter, unless it
// ran on this very host and its process no longer exists (a killed server, seen at once by the
// instance started after it). Every instance writes its heartbeat every HeartbeatInterval, so a
// live instance is never taken for dead by another one, on this host or another. A claim whose
// instance is dead and which has no attempt row moved no money (the attempt row is written before
// anything is sent anywhere); settling it deletes the claim, so the client's retry with the same
// key starts afresh. Even a wrong verdict could not charge twice: payment_attempts.idempotency_key
// is unique, so one key never has two attempts.
class ServerInstances {
public:
    static constexpr std::chrono::seconds HeartbeatInterval = std::chrono::seconds(5);
    static constexpr std::chrono::seconds StaleAfter = std::chrono::seconds(20);

    ServerInstances(Database& database, QString instanceId, Clock clock = systemClock);

    const QString& instanceId() const { return m_instanceId; }

    // Writes this instance's row (host, pid, start) or refreshes its heartbeat.
    StorageResult<void> heartbeat();
    // Whether the instance with this id may still be working on what it claimed. An empty id
    // (a claim made before instances were recorded) or an unknown one is not alive.
    StorageResult<bool> isAlive(const QString& instanceId) const;
    // Deletes the payment claims without an attempt row and without an answer whose instance is
    // not alive (see above); how many.
    StorageResult<int> settleAbandonedClaims();

private:
    Database& m_database;
    QString m_instanceId;
    Clock m_clock;
};

} // namespace storedesk::server
