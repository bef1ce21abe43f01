#pragma once

#include "http/caller.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>

#include <chrono>
#include <optional>

namespace storedesk::server {

// Callers of recently resolved access tokens, so that an authenticated request needs no database
// round trip. Lives on the event loop. An entry is kept for TimeToLive at most and never past the
// session's own expiry. A logout here removes the token before the logout is answered; a logout
// or revocation made elsewhere (another instance sharing the database, the `users` command)
// reaches this instance after TimeToLive at the latest.
class SessionCache {
public:
    static constexpr std::chrono::seconds TimeToLive{10};
    static constexpr qsizetype MaxEntries = 10000;

    std::optional<Caller> find(const QByteArray& token, const QDateTime& now) const;
    // How many tokens have been removed so far. A lookup notes it before it reads the sessions
    // table and hands it to insert(): a lookup that read the table before a logout was written
    // must not put the logged-out token back.
    quint64 removals() const { return m_removals; }
    // Keeps the caller unless a token was removed since `removalsBeforeLookup` (any token: a
    // lookup skipped now and then costs one read, a token revived would cost a logout).
    void insert(const QByteArray& token, const Caller& caller, const QDateTime& sessionExpiry,
                const QDateTime& now, quint64 removalsBeforeLookup);
    void remove(const QByteArray& token);
    void clear() { m_entries.clear(); }

private:
    struct Entry {
        Caller caller;
        QDateTime validUntil;
    };
    // Keyed by a digest: the cache never holds a usable token.
    static QByteArray keyOf(const QByteArray& token);

    QHash<QByteArray, Entry> m_entries;
    quint64 m_removals = 0;
};

} // namespace storedesk::server
