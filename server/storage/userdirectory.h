#pragma once

#include "database.h"
#include "domain/storekey.h"
#include "storageerror.h"

#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <chrono>
#include <optional>

namespace storedesk::server {

enum class Role { Colleague, Manager };

// "colleague", "manager": the names in the database, the CLI and the API.
QString roleName(Role role);
std::optional<Role> parseRole(QStringView name);

struct User {
    QString id; // random and stable; a removed and re-added username gets a new one
    QString username;
    QString displayName;
    QList<Role> roles;      // sorted, no duplicates
    QList<StoreKey> stores; // sorted, no duplicates
    QDateTime delayedUntil; // valid only while logins with this name are delayed

    bool hasRole(Role role) const { return roles.contains(role); }
    bool mayWorkIn(const StoreKey& store) const { return stores.contains(store); }
};

struct NewUser {
    QString username;
    QString displayName;
    QList<Role> roles;
    QStringList stores; // store keys, checked with StoreKey
};

// The server's users: who may log in, with which roles, in which stores, and their secrets
// (hashed with PasswordHash). Lives on the thread that owns the Database, which must outlive it.
//
// Failed logins slow down, they do not lock (a hard lock let anyone lock a colleague out for five
// minutes with five wrong secrets). Failures are counted per user name, whether or not the user
// exists, so a name that exists and one that does not answer alike; and per client address.
// The first few failures cost nothing; after them each failure delays the next attempt, twice as
// long each time up to a cap. During a delay every attempt for that name (or from that address)
// is answered at once with Locked and its retryAt, whatever the secret and whether or not the name
// exists, and is not checked; after the delay the right secret logs in, which resets the name's
// count and the address's. A new secret (setSecret) lifts the name's delay.
// Per name the count lives in the database (table login_failures), so it holds across restarts
// and across server instances sharing a PostgreSQL database; rows are purged once the last failure
// is older than FailureMemory. Per address it lives in memory (one instance's view; it only
// curbs one address trying many names), forgotten after AddressMemory.
// An attempt is counted as a failure before its secret is checked, so that many concurrent
// guesses cannot all slip through before the first one is counted; success undoes it.
class UserDirectory : public QObject {
    Q_OBJECT

public:
    // Per user name: failures 1-3 free, then 2 s, 4 s, 8 s … up to 5 minutes (from the 11th).
    static constexpr int FreeFailures = 3;
    static constexpr std::chrono::seconds FirstDelay{2};
    static constexpr std::chrono::seconds MaxDelay{5 * 60};
    static constexpr std::chrono::hours FailureMemory{1};
    // Per client address: a store's tills may share one address (NAT), so it allows more:
    // 20 free, then 2 s doubling up to a minute.
    static constexpr int AddressFreeFailures = 20;
    static constexpr std::chrono::seconds AddressMaxDelay{60};
    static constexpr std::chrono::minutes AddressMemory{15};

    // The delay after the `failures`-th failure in a row (0 while free).
    static std::chrono::seconds delayAfter(int failures, int freeFailures,
                                           std::chrono::seconds maxDelay);

    static constexpr qsizetype MinUsernameLength = 2;
    static constexpr qsizetype MaxUsernameLength = 64;
    static constexpr qsizetype MaxDisplayNameLength = 100;
    static constexpr qsizetype MinSecretLength = 4; // a PIN of four digits is allowed
    static constexpr qsizetype MaxSecretLength = 1024;

    explicit UserDirectory(Database& database, Clock clock = systemClock,
                           QObject* parent = nullptr);
    ~UserDirectory() override;

    // A username has 2 to 64 characters from A-Z, a-z, 0-9, '.', '_', '-', '@' and starts with a
    // letter or digit. Case does not matter: "Anna" and "anna" are the same user.
    static bool isValidUsername(QStringView username);
    static StorageResult<void> checkSecret(const QString& secret);

    // add() and setSecret() hash on the calling thread (about PBKDF2's cost once); they serve the
    // command line, not requests.
    StorageResult<User> add(const NewUser& user, const QString& secret);
    StorageResult<void> setSecret(const QString& username, const QString& secret);
    StorageResult<QList<User>> list() const;
    StorageResult<User> find(const QString& username) const;
    StorageResult<User> findById(const QString& id) const;
    // Deletes the user; their sessions go with them (the sessions table cascades).
    StorageResult<void> remove(const QString& username);

    // Checks a login from clientAddress (may be empty). The PBKDF2 work runs on a worker thread;
    // the database is read before and written after it on this object's thread, where the
    // returned future finishes (so attach continuations with a context object on this thread, or
    // just wait in tests).
    // Fails with BadCredentials for an unknown user or a wrong secret, alike and after the same
    // hashing time, and with Locked (retryAt set) at once while the name or the address is
    // delayed, whatever the secret.
    QFuture<StorageResult<User>> authenticate(const QString& username, const QString& secret,
                                              const QString& clientAddress = {});

private:
    struct Verdict {
        bool matches = false;
        QString upgradedHash; // set when the stored iteration count is below today's
    };

    StorageResult<User> load(const QString& column, const QString& value) const;
    StorageResult<void> loadRolesAndStores(QList<User>& users) const;
    // Counts an attempt for the name as a failure unless it is delayed; the end of its delay
    // (invalid: not delayed, counted).
    StorageResult<QDateTime> countNameAttempt(const QString& key, const QDateTime& now);
    QDateTime countAddressAttempt(const QString& address, const QDateTime& now);
    void purgeForgottenFailures(const QDateTime& now);
    StorageResult<User> recordSuccess(const QString& userId, const QString& usernameKey,
                                      const QString& clientAddress, const QString& verifiedHash,
                                      const QString& upgradedHash);
    StorageError delayedError(const QDateTime& until) const;

    struct AddressFailures {
        int failures = 0;
        QDateTime last;
        QDateTime delayedUntil;
    };

    Database& m_database;
    Clock m_clock;
    QString m_decoyHash;
    QThreadPool m_hashing;
    QMutex m_addressesMutex; // the continuation may run on another thread than authenticate()
    QHash<QString, AddressFailures> m_addresses;
    QDateTime m_lastPurge;
};

} // namespace storedesk::server
