#pragma once

#include "database.h"
#include "domain/money.h"
#include "domain/storekey.h"
#include "storageerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace storedesk::server {

// One thing that happened: a payment attempt or outcome, a cancel, an order, a refund, an
// approval, a failed login.
struct AuditEntry {
    qint64 id = 0;    // assigned by record(); increases with every entry
    QDateTime at;     // the server's clock when record() ran (UTC); what the caller sets is ignored
    QString action;   // short and stable, e.g. "payment.attempt": 1 to 64 of [a-z0-9._-]
    QString username; // who; for a failed login, the name that was tried
    StoreKey storeKey;     // empty: no store (e.g. a manager without one)
    QString workstationId; // empty: none
    std::optional<Money> amount;
    QString correlationId; // the request's X-Correlation-ID; empty: none
    // A small JSON object (at most 8 KB as compact JSON). It is stored and shown to managers as
    // it is: the CALLER must never put a secret, token, PIN, password or card number in it.
    QJsonObject details;
};

// The server's append-only audit trail (GET /audit). There is deliberately no way to change or
// delete an entry through this class.
//
// Ids come from a one-row counter updated in the entry's own transaction, so they are unique and
// ordered across server instances sharing a database; the counter's row lock makes concurrent
// writers queue for a moment, which the audit trail's volume allows.
//
// Lives on the thread that owns the Database, which must outlive it.
class AuditLog {
public:
    static constexpr int MaxQueryLimit = 1000;
    static constexpr qsizetype MaxDetailsBytes = 8 * 1024;
    static constexpr qsizetype MaxActionLength = 64;
    static constexpr qsizetype MaxUsernameLength = 256;
    static constexpr qsizetype MaxWorkstationIdLength = 128;
    static constexpr qsizetype MaxCorrelationIdLength = 128;

    explicit AuditLog(Database& database, Clock clock = systemClock);

    // Stores entry with the next id and the current time; the entry as stored. InvalidInput for an
    // action, username, workstation or correlation id that breaks its rule, an invalid amount or
    // details over 8 KB.
    StorageResult<AuditEntry> record(const AuditEntry& entry);

    // Entries with from <= at < to, oldest first (by time, then id), at most limit (1 to 1000) of
    // them. An empty storeKeys means every entry, including those without a store; otherwise only
    // entries of those stores. InvalidInput when from is after to or limit is out of range.
    StorageResult<QList<AuditEntry>> query(const QDateTime& from, const QDateTime& to,
                                           const QList<StoreKey>& storeKeys = {},
                                           int limit = MaxQueryLimit) const;

private:
    Database& m_database;
    Clock m_clock;
};

} // namespace storedesk::server
