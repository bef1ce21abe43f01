#pragma once

#include "database.h"
#include "domain/storekey.h"
#include "storageerror.h"
#include "userdirectory.h"

#include <QDateTime>
#include <QString>

#include <chrono>

namespace storedesk::server {

// A logged-in user as a request's access token (or user key) names them.
struct Session {
    User user;             // as the directory knows them now, not as at login
    StoreKey storeKey;     // empty: a manager who logged in without a store
    QString workstationId; // empty: a manager who logged in without a workstation
    QDateTime createdAt;
    QDateTime expiresAt;
};

// What POST /session hands out. The two strings exist only here and in the client: the store keeps
// their SHA-256 digests, from which neither can be recovered.
struct IssuedSession {
    QString accessToken;
    QString userKey;
    Session session;
};

// Sessions behind the integration API's bearer tokens.
//
// An access token is 32 random bytes from the system's generator, base64url without padding.
// Only its SHA-256 digest is stored, so a copy of the database (or a backup) cannot be used to
// act as anyone; a lookup by digest needs no secret comparison in SQL, and the found digest is
// compared once more in constant time.
//
// The user key is a second random 32-byte value issued with every token, for the InStore user
// callback (GET /callbacks/users/{userKey}). It is a lookup key, but also a bearer-like value, so
// it is stored the same way: as a SHA-256 digest. Because nothing stored allows recovering the
// access token, the callback cannot answer with the token; resolveUserKey() gives the session
// (user, store, workstation) instead, and whatever the callback returns must be derived from it.
//
// Lives on the thread that owns the Database; both Database and UserDirectory must outlive it.
class SessionStore {
public:
    static constexpr std::chrono::seconds DefaultTimeToLive = std::chrono::hours(12);
    // Expired and revoked rows are kept this long, so a late request learns "expired" or
    // "revoked" rather than "unknown", then purge() deletes them.
    static constexpr std::chrono::seconds DefaultRetention = std::chrono::days(7);
    static constexpr int TokenBytes = 32;
    static constexpr qsizetype MaxWorkstationIdLength = 128;

    SessionStore(Database& database, const UserDirectory& users, Clock clock = systemClock,
                 std::chrono::seconds timeToLive = DefaultTimeToLive);

    std::chrono::seconds timeToLive() const { return m_timeToLive; }

    // A new session for a user that authenticate() has just accepted. A colleague must name a
    // store and a workstation; a manager may name neither (to set a workstation up). A named
    // store must be one of the user's (Forbidden otherwise); a workstation needs a store. A
    // workstation id has 1 to 128 printable ASCII characters without spaces. `notAfter` caps
    // the expiry (a token issued on behalf of another session must not outlive it).
    StorageResult<IssuedSession> issue(const User& user, const StoreKey& store,
                                       const QString& workstationId,
                                       const QDateTime& notAfter = QDateTime());

    // The session of a token: TokenUnknown, TokenRevoked or TokenExpired when there is none to
    // use. A session whose user was removed is unknown; one whose user lost its store is revoked.
    StorageResult<Session> resolve(const QString& accessToken) const;
    // The same for a user key.
    StorageResult<Session> resolveUserKey(const QString& userKey) const;

    // Ends one session (logout). Revoking twice is fine; an unknown token is TokenUnknown.
    StorageResult<void> revoke(const QString& accessToken);
    // Ends every session of a user, e.g. after a new secret; the number revoked.
    StorageResult<int> revokeAllForUser(const QString& username);
    // Deletes sessions that expired or were revoked more than retention ago; the number deleted.
    StorageResult<int> purge(std::chrono::seconds retention = DefaultRetention);

private:
    StorageResult<Session> resolveBy(const QString& column, const QString& secretValue) const;

    Database& m_database;
    const UserDirectory& m_users;
    Clock m_clock;
    std::chrono::seconds m_timeToLive;
};

} // namespace storedesk::server
