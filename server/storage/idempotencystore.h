#pragma once

#include "database.h"
#include "domain/storekey.h"
#include "storageerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>

namespace storedesk::server {

// What the server remembers about one Idempotency-Key.
struct IdempotencyRecord {
    enum class State {
        InProgress, // claimed; the work may be under way, or was cut short by a crash
        Completed,  // the final answer is stored and never changes
    };

    QString key;         // the client's UUID, lower case
    QString scope;       // what the key applies to: "payment", "order", "refund", …
    QString requestHash; // SHA-256 (lower-case hex) of the canonical request
    QString username;
    StoreKey storeKey; // empty: the request named no store
    State state = State::InProgress;
    QString resourceId;      // e.g. the commercetools Payment id; empty until attached
    int responseStatus = 0;  // 0: no answer recorded yet
    QByteArray responseBody; // UTF-8 JSON, replayed byte for byte
    QDateTime createdAt;
    QDateTime updatedAt;
    QString instanceId; // the server instance that claimed it; empty for claims made before 4

    bool hasResponse() const { return responseStatus != 0; }
};

// Makes money-moving requests exactly-once across client retries, server restarts and several
// server instances sharing one PostgreSQL database (INTEGRATION-API.md, "Idempotency-Key").
//
// A route claims the key before it does anything: the first claim inserts an InProgress record
// and does the work; every later claim of the same request gets the record back and replays its
// answer (or, while InProgress, the interim answer, e.g. a pending payment). The claim is one
// INSERT … ON CONFLICT DO NOTHING on the primary key, so there is no window between "is it
// there?" and "insert it" in which two instances could both win.
//
// Lives on the thread that owns the Database, which must outlive it.
class IdempotencyStore {
public:
    // The contract promises at least 24 h; purge() never deletes anything younger.
    static constexpr std::chrono::seconds MinimumRetention = std::chrono::hours(24);
    static constexpr std::chrono::seconds DefaultRetention = std::chrono::hours(48);
    static constexpr qsizetype MaxScopeLength = 32;
    static constexpr qsizetype MaxResourceIdLength = 256;
    static constexpr qsizetype MaxResponseBodyBytes = 1024 * 1024;
    static constexpr int MaxRecoveryBatch = 1000;

    struct Claim {
        enum class Kind {
            New,      // the record was just created: the caller does the work
            Existing, // the same request claimed it before: replay or resume record
        };
        Kind kind = Kind::New;
        IdempotencyRecord record;
    };

    explicit IdempotencyStore(Database& database, Clock clock = systemClock);

    // The server instance claims are made for (ServerInstances); empty in tools and tests.
    void setInstanceId(const QString& instanceId) { m_instanceId = instanceId; }

    // A key is a UUID in its 36-character form (any case); a nil UUID is not a key.
    static bool isValidKey(QStringView key);

    // Claims key for this request. Existing when key, scope, requestHash, username (regardless of
    // case) and store all match a record; IdempotencyKeyReused when the key is taken by anything
    // else; InvalidInput for a malformed key, scope (1 to 32 of [a-z0-9._-]), hash (64 hex
    // digits) or an empty username.
    StorageResult<Claim> claim(const QString& key, const QString& scope, const QString& requestHash,
                               const QString& username, const StoreKey& storeKey);

    // Remembers what the work created (e.g. the Payment id), so a resumed attempt finds it.
    // Attaching the same id again is fine; another id, or any id once Completed, is Conflict.
    StorageResult<void> attachResource(const QString& key, const QString& resourceId);
    // Stores an interim answer (status 100 to 599, UTF-8 body) while InProgress; Conflict once
    // Completed.
    StorageResult<void> recordResponse(const QString& key, int status, const QByteArray& body);
    // Stores the final answer and marks the record Completed; Conflict when it already is.
    StorageResult<void> complete(const QString& key, int status, const QByteArray& body);

    // NotFound when the key has no record (never claimed, or purged).
    StorageResult<IdempotencyRecord> find(const QString& key) const;
    // Records still InProgress that were created before olderThan, oldest first: attempts a
    // crash may have cut short, for recovery to resolve (never by doing the work again).
    StorageResult<QList<IdempotencyRecord>> inProgressSince(const QDateTime& olderThan,
                                                            int limit = MaxRecoveryBatch) const;
    // Deletes Completed records unchanged for longer than retention (at least 24 h, whatever is
    // asked); the number deleted. InProgress records are kept until recovery completes them.
    StorageResult<int> purge(std::chrono::seconds retention = DefaultRetention);

private:
    StorageResult<void> update(const QString& key, const QString& sql, const QVariantList& values,
                               const QString& what);
    StorageResult<IdempotencyRecord> findNormalized(const QString& key) const;

    Database& m_database;
    Clock m_clock;
    QString m_instanceId;
};

} // namespace storedesk::server
