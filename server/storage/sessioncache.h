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
// session's own expiry. This instance forgets a token at once when it is logged out here;
// a logout or revocation made elsewhere (another instance sharing the database, the `users`
// command) reaches this instance after TimeToLive at the latest.
class SessionCache {
public:
    static constexpr std::chrono::seconds TimeToLive{10};
    static constexpr qsizetype MaxEntries = 10000;

    std::optional<Caller> find(const QByteArray& token, const QDateTime& now) const;
    void insert(const QByteArray& token, const Caller& caller, const QDateTime& sessionExpiry,
                const QDateTime& now);
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
};

} // namespace storedesk::server
