#include "userdirectory.h"

#include "base/logging.h"
#include "passwordhash.h"

#include <QHash>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace storedesk::server {

namespace {

StorageError invalidInput(const QString& message)
{
    return StorageError{StorageError::Kind::InvalidInput, message, {}};
}

StorageError badCredentials()
{
    return StorageError{
        StorageError::Kind::BadCredentials, QStringLiteral("The username or secret is wrong."), {}};
}

StorageError noSuchUser(const QString& username)
{
    return StorageError{
        StorageError::Kind::NotFound, QStringLiteral("there is no user \"%1\"").arg(username), {}};
}

// ASCII only: the rule must mean the same thing to every keyboard and every collation, and it
// keeps names safe to quote in messages.
bool isUsernameCharacter(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'.' || c == u'_' || c == u'-' || c == u'@';
}

QString usernameKey(const QString& username)
{
    return username.toLower();
}

QString usernameRule()
{
    return QStringLiteral("a username has %1 to %2 characters from A-Z, a-z, 0-9, '.', '_', '-', "
                          "'@' and starts with a letter or digit")
        .arg(UserDirectory::MinUsernameLength)
        .arg(UserDirectory::MaxUsernameLength);
}

StorageResult<void> checkUsername(const QString& username)
{
    if (!UserDirectory::isValidUsername(username))
        return invalidInput(QStringLiteral("not a valid username: %1").arg(usernameRule()));
    return {};
}

StorageResult<QString> checkDisplayName(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return invalidInput(QStringLiteral("the display name is empty"));
    if (trimmed.size() > UserDirectory::MaxDisplayNameLength)
        return invalidInput(QStringLiteral("the display name is longer than %1 characters")
                                .arg(UserDirectory::MaxDisplayNameLength));
    if (std::any_of(trimmed.cbegin(), trimmed.cend(),
                    [](QChar c) { return c.category() == QChar::Other_Control; }))
        return invalidInput(QStringLiteral("the display name contains control characters"));
    return trimmed;
}

} // namespace

QString roleName(Role role)
{
    switch (role) {
    case Role::Colleague:
        return QStringLiteral("colleague");
    case Role::Manager:
        return QStringLiteral("manager");
    }
    return {};
}

std::optional<Role> parseRole(QStringView name)
{
    for (Role role : {Role::Colleague, Role::Manager}) {
        if (name.compare(roleName(role), Qt::CaseInsensitive) == 0)
            return role;
    }
    return std::nullopt;
}

UserDirectory::UserDirectory(Database& database, Clock clock, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(std::move(clock))
    , m_decoyHash(PasswordHash::decoy())
{
    // Its own pool, so logins cannot starve other concurrent work of threads, and so destroying
    // the directory waits for hashing still under way.
    m_hashing.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
}

UserDirectory::~UserDirectory()
{
    m_hashing.waitForDone();
}

bool UserDirectory::isValidUsername(QStringView username)
{
    if (username.size() < MinUsernameLength || username.size() > MaxUsernameLength)
        return false;
    if (!std::all_of(username.begin(), username.end(),
                     [](QChar c) { return isUsernameCharacter(c.unicode()); }))
        return false;
    const char16_t first = username.front().unicode();
    return (first >= u'a' && first <= u'z') || (first >= u'A' && first <= u'Z') ||
           (first >= u'0' && first <= u'9');
}

StorageResult<void> UserDirectory::checkSecret(const QString& secret)
{
    if (secret.isEmpty())
        return invalidInput(QStringLiteral("the secret is empty"));
    if (secret.size() < MinSecretLength)
        return invalidInput(QStringLiteral("the secret is shorter than %1 characters (a PIN "
                                           "needs at least %1 digits)")
                                .arg(MinSecretLength));
    if (secret.size() > MaxSecretLength)
        return invalidInput(
            QStringLiteral("the secret is longer than %1 characters").arg(MaxSecretLength));
    return {};
}

StorageResult<User> UserDirectory::add(const NewUser& user, const QString& secret)
{
    if (auto ok = checkUsername(user.username); !ok)
        return ok.error();
    const StorageResult<QString> displayName = checkDisplayName(user.displayName);
    if (!displayName)
        return displayName.error();
    if (user.roles.isEmpty())
        return invalidInput(QStringLiteral("a user needs at least one role (colleague, manager)"));
    if (user.stores.isEmpty())
        return invalidInput(QStringLiteral("a user needs at least one store"));
    QStringList stores;
    for (const QString& text : user.stores) {
        const Expected<StoreKey> key = StoreKey::parse(text);
        if (!key)
            return invalidInput(key.error().message);
        if (!stores.contains(key->toString()))
            stores.append(key->toString());
    }
    QList<Role> roles = user.roles;
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    if (auto ok = checkSecret(secret); !ok)
        return ok.error();

    const QString key = usernameKey(user.username);
    const auto taken = [this, &key, &user]() -> StorageResult<bool> {
        auto query = m_database.run(QStringLiteral("SELECT 1 FROM users WHERE username_key = ?"),
                                    {key}, QStringLiteral("checking the username"));
        if (!query)
            return query.error();
        if (query->next())
            return StorageError{
                StorageError::Kind::Conflict,
                QStringLiteral("the username \"%1\" is taken (case does not matter)")
                    .arg(user.username),
                {}};
        return false;
    };
    if (auto free = taken(); !free)
        return free.error();

    // Hash before the transaction, so the write lock is not held through PBKDF2.
    const QString hash = PasswordHash::create(secret);
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 now = Database::toMillis(m_clock());
    {
        Database::Transaction transaction(m_database);
        if (!transaction.started())
            return transaction.started().error();
        auto inserted = m_database.run(
            QStringLiteral("INSERT INTO users (id, username, username_key, display_name, "
                           "secret_hash, failed_attempts, locked_until, created_at, "
                           "secret_changed_at) VALUES (?, ?, ?, ?, ?, 0, NULL, ?, ?)"),
            {id, user.username, key, *displayName, hash, now, now},
            QStringLiteral("adding user \"%1\"").arg(user.username));
        if (!inserted) {
            // Another instance may have added the name since the check above.
            if (auto free = taken(); !free)
                return free.error();
            return inserted.error();
        }
        for (Role role : roles) {
            if (auto done = m_database.run(
                    QStringLiteral("INSERT INTO user_roles (user_id, role) VALUES (?, ?)"),
                    {id, roleName(role)}, QStringLiteral("adding a role"));
                !done)
                return done.error();
        }
        for (const QString& store : stores) {
            if (auto done = m_database.run(
                    QStringLiteral("INSERT INTO user_stores (user_id, store_key) VALUES (?, ?)"),
                    {id, store}, QStringLiteral("adding a store"));
                !done)
                return done.error();
        }
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
    }
    qCInfo(lcServer).noquote() << "added user" << user.username;
    return findById(id);
}

StorageResult<void> UserDirectory::setSecret(const QString& username, const QString& secret)
{
    if (auto ok = checkUsername(username); !ok)
        return ok.error();
    if (auto ok = checkSecret(secret); !ok)
        return ok.error();
    const QString hash = PasswordHash::create(secret);
    auto updated =
        m_database.run(QStringLiteral("UPDATE users SET secret_hash = ?, secret_changed_at = ? "
                                      "WHERE username_key = ?"),
                       {hash, Database::toMillis(m_clock()), usernameKey(username)},
                       QStringLiteral("setting the secret of \"%1\"").arg(username));
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() < 1)
        return noSuchUser(username);
    // A new secret lifts the delay: the operator has just spoken to the colleague.
    if (auto cleared =
            m_database.run(QStringLiteral("DELETE FROM login_failures WHERE username_key = ?"),
                           {usernameKey(username)}, QStringLiteral("lifting a login delay"));
        !cleared)
        return cleared.error();
    qCInfo(lcServer).noquote() << "set a new secret for user" << username;
    return {};
}

StorageResult<void> UserDirectory::remove(const QString& username)
{
    if (auto ok = checkUsername(username); !ok)
        return ok.error();
    auto removed =
        m_database.run(QStringLiteral("DELETE FROM users WHERE username_key = ?"),
                       {usernameKey(username)}, QStringLiteral("removing \"%1\"").arg(username));
    if (!removed)
        return removed.error();
    if (removed->numRowsAffected() < 1)
        return noSuchUser(username);
    qCInfo(lcServer).noquote() << "removed user" << username;
    return {};
}

StorageResult<User> UserDirectory::find(const QString& username) const
{
    if (auto ok = checkUsername(username); !ok)
        return ok.error();
    auto user = load(QStringLiteral("username_key"), usernameKey(username));
    if (!user && user.error().kind == StorageError::Kind::NotFound)
        return noSuchUser(username);
    return user;
}

StorageResult<User> UserDirectory::findById(const QString& id) const
{
    return load(QStringLiteral("id"), id);
}

StorageResult<User> UserDirectory::load(const QString& column, const QString& value) const
{
    // column is one of two constants from this file, never input.
    auto query = m_database.run(QStringLiteral("SELECT u.id, u.username, u.display_name,"
                                               " f.delayed_until FROM users u"
                                               " LEFT JOIN login_failures f"
                                               " ON f.username_key = u.username_key"
                                               " WHERE u.%1 = ?")
                                    .arg(column),
                                {value}, QStringLiteral("reading a user"));
    if (!query)
        return query.error();
    if (!query->next())
        return StorageError{
            StorageError::Kind::NotFound, QStringLiteral("there is no such user"), {}};
    const QDateTime now = m_clock();
    User user;
    user.id = query->value(0).toString();
    user.username = query->value(1).toString();
    user.displayName = query->value(2).toString();
    if (!query->value(3).isNull() && Database::fromMillis(query->value(3).toLongLong()) > now)
        user.delayedUntil = Database::fromMillis(query->value(3).toLongLong());
    QList<User> users{user};
    if (auto loaded = loadRolesAndStores(users); !loaded)
        return loaded.error();
    return users.constFirst();
}

StorageResult<QList<User>> UserDirectory::list() const
{
    auto query = m_database.run(QStringLiteral("SELECT u.id, u.username, u.display_name,"
                                               " f.delayed_until FROM users u"
                                               " LEFT JOIN login_failures f"
                                               " ON f.username_key = u.username_key"
                                               " ORDER BY u.username_key"),
                                {}, QStringLiteral("listing users"));
    if (!query)
        return query.error();
    const QDateTime now = m_clock();
    QList<User> users;
    while (query->next()) {
        User user;
        user.id = query->value(0).toString();
        user.username = query->value(1).toString();
        user.displayName = query->value(2).toString();
        if (!query->value(3).isNull() && Database::fromMillis(query->value(3).toLongLong()) > now)
            user.delayedUntil = Database::fromMillis(query->value(3).toLongLong());
        users.append(user);
    }
    if (auto loaded = loadRolesAndStores(users); !loaded)
        return loaded.error();
    return users;
}

StorageResult<void> UserDirectory::loadRolesAndStores(QList<User>& users) const
{
    if (users.isEmpty())
        return {};
    QHash<QString, User*> byId;
    for (User& user : users)
        byId.insert(user.id, &user);
    // One user: only their rows; the whole list: every row, which beats a query per user.
    const bool one = users.size() == 1;
    const QString filter = one ? QStringLiteral(" WHERE user_id = ?") : QString();
    const QVariantList values = one ? QVariantList{users.constFirst().id} : QVariantList{};

    auto roles = m_database.run(QStringLiteral("SELECT user_id, role FROM user_roles") + filter,
                                values, QStringLiteral("reading roles"));
    if (!roles)
        return roles.error();
    while (roles->next()) {
        User* user = byId.value(roles->value(0).toString());
        const std::optional<Role> role = parseRole(roles->value(1).toString());
        if (user && role)
            user->roles.append(*role);
    }
    auto stores =
        m_database.run(QStringLiteral("SELECT user_id, store_key FROM user_stores") + filter,
                       values, QStringLiteral("reading stores"));
    if (!stores)
        return stores.error();
    while (stores->next()) {
        User* user = byId.value(stores->value(0).toString());
        const Expected<StoreKey> store = StoreKey::parse(stores->value(1).toString());
        if (user && store)
            user->stores.append(*store);
    }
    for (User& user : users) {
        std::sort(user.roles.begin(), user.roles.end());
        std::sort(user.stores.begin(), user.stores.end(),
                  [](const StoreKey& a, const StoreKey& b) { return a.toString() < b.toString(); });
    }
    return {};
}

std::chrono::seconds UserDirectory::delayAfter(int failures, int freeFailures,
                                               std::chrono::seconds maxDelay)
{
    if (failures <= freeFailures)
        return std::chrono::seconds{0};
    const int doublings = std::min(failures - freeFailures - 1, 20);
    return std::min(maxDelay, std::chrono::seconds(FirstDelay.count() << doublings));
}

QFuture<StorageResult<User>> UserDirectory::authenticate(const QString& username,
                                                         const QString& secret,
                                                         const QString& clientAddress)
{
    const auto ready = [](StorageResult<User> result) {
        return QtFuture::makeReadyFuture(std::move(result));
    };
    const QDateTime now = m_clock();
    purgeForgottenFailures(now);

    // A delayed address is answered before the name is even looked at.
    if (!clientAddress.isEmpty()) {
        const QMutexLocker locker(&m_addressesMutex);
        const QDateTime until = m_addresses.value(clientAddress).delayedUntil;
        if (until.isValid() && until > now)
            return ready(delayedError(until));
    }

    // An unusable name or secret still pays for a hash, like any other wrong login. It is not
    // counted per name (no user can have it; counting would only fill the table).
    QString userId;
    QString storedHash = m_decoyHash;
    const QString key = usernameKey(username);
    const bool plausible =
        isValidUsername(username) && !secret.isEmpty() && secret.size() <= MaxSecretLength;
    if (plausible) {
        // The same statements for a name that exists and one that does not.
        const StorageResult<QDateTime> delayed = countNameAttempt(key, now);
        if (!delayed)
            return ready(delayed.error());
        if (delayed->isValid())
            return ready(delayedError(*delayed));
        auto query = m_database.run(
            QStringLiteral("SELECT id, secret_hash FROM users WHERE username_key = ?"), {key},
            QStringLiteral("checking a login"));
        if (!query)
            return ready(query.error());
        if (query->next()) {
            userId = query->value(0).toString();
            storedHash = query->value(1).toString();
        }
    }
    if (!clientAddress.isEmpty())
        countAddressAttempt(clientAddress, now);

    const QString candidate = secret.left(MaxSecretLength);
    QFuture<Verdict> hashing = QtConcurrent::run(&m_hashing, [candidate, storedHash]() {
        Verdict verdict;
        verdict.matches = PasswordHash::verify(candidate, storedHash);
        // Raise the iteration count of an old hash while the secret is at hand.
        const Expected<PasswordHash::Parsed> parsed = PasswordHash::parse(storedHash);
        if (verdict.matches && parsed && parsed->iterations < PasswordHash::DefaultIterations)
            verdict.upgradedHash = PasswordHash::create(candidate);
        return verdict;
    });
    return hashing.then(
        this, [this, userId, key, clientAddress, storedHash](const Verdict& verdict) {
            // A failure was counted before hashing; nothing more to write for one.
            if (userId.isEmpty() || !verdict.matches)
                return StorageResult<User>(badCredentials());
            return recordSuccess(userId, key, clientAddress, storedHash, verdict.upgradedHash);
        });
}

StorageResult<QDateTime> UserDirectory::countNameAttempt(const QString& key, const QDateTime& now)
{
    const qint64 nowMs = Database::toMillis(now);
    const qint64 forgetBefore =
        nowMs - std::chrono::duration_cast<std::chrono::milliseconds>(FailureMemory).count();
    const auto delayEnd = [nowMs](int failures) {
        return nowMs + std::chrono::duration_cast<std::chrono::milliseconds>(
                           delayAfter(failures, FreeFailures, MaxDelay))
                           .count();
    };
    // Compare and set, so that concurrent attempts on several instances each count once; a few
    // rounds are plenty, and under heavier contention than that the attempt is simply delayed.
    for (int round = 0; round < 5; ++round) {
        auto row = m_database.run(QStringLiteral("SELECT failures, last_failure_at, delayed_until"
                                                 " FROM login_failures WHERE username_key = ?"),
                                  {key}, QStringLiteral("checking failed logins"));
        if (!row)
            return row.error();
        if (!row->next()) {
            auto inserted = m_database.run(
                QStringLiteral("INSERT INTO login_failures (username_key, failures,"
                               " last_failure_at, delayed_until) VALUES (?, 1, ?, ?)"
                               " ON CONFLICT (username_key) DO NOTHING"),
                {key, nowMs, delayEnd(1)}, QStringLiteral("counting a login attempt"));
            if (!inserted)
                return inserted.error();
            if (inserted->numRowsAffected() == 1)
                return QDateTime();
            continue;
        }
        const int failures = row->value(0).toInt();
        const qint64 lastFailure = row->value(1).toLongLong();
        const qint64 delayedUntil = row->value(2).toLongLong();
        if (delayedUntil > nowMs)
            return Database::fromMillis(delayedUntil);
        const int counted = (lastFailure < forgetBefore ? 0 : failures) + 1;
        auto updated = m_database.run(
            QStringLiteral("UPDATE login_failures SET failures = ?, last_failure_at = ?,"
                           " delayed_until = ? WHERE username_key = ? AND failures = ?"
                           " AND last_failure_at = ?"),
            {counted, nowMs, delayEnd(counted), key, failures, lastFailure},
            QStringLiteral("counting a login attempt"));
        if (!updated)
            return updated.error();
        if (updated->numRowsAffected() == 1)
            return QDateTime();
    }
    return now.addSecs(1);
}

QDateTime UserDirectory::countAddressAttempt(const QString& address, const QDateTime& now)
{
    const QMutexLocker locker(&m_addressesMutex);
    AddressFailures& entry = m_addresses[address];
    if (!entry.last.isValid() ||
        entry.last.addSecs(std::chrono::seconds(AddressMemory).count()) < now)
        entry.failures = 0;
    ++entry.failures;
    entry.last = now;
    entry.delayedUntil =
        now.addSecs(delayAfter(entry.failures, AddressFreeFailures, AddressMaxDelay).count());
    return entry.delayedUntil;
}

void UserDirectory::purgeForgottenFailures(const QDateTime& now)
{
    // At most once a minute: a DELETE per login would cost more than the rows it saves.
    if (m_lastPurge.isValid() && m_lastPurge.secsTo(now) < 60 && m_lastPurge <= now)
        return;
    m_lastPurge = now;
    const qint64 nowMs = Database::toMillis(now);
    const qint64 forgetBefore =
        nowMs - std::chrono::duration_cast<std::chrono::milliseconds>(FailureMemory).count();
    if (auto purged =
            m_database.run(QStringLiteral("DELETE FROM login_failures"
                                          " WHERE last_failure_at < ? AND delayed_until <= ?"),
                           {forgetBefore, nowMs}, QStringLiteral("forgetting old failed logins"));
        !purged)
        qCWarning(lcServerDb).noquote() << purged.error().message;
    const QMutexLocker locker(&m_addressesMutex);
    const QDateTime forgetAddressesBefore =
        now.addSecs(-std::chrono::seconds(AddressMemory).count());
    for (auto it = m_addresses.begin(); it != m_addresses.end();) {
        if (it->last < forgetAddressesBefore && it->delayedUntil <= now)
            it = m_addresses.erase(it);
        else
            ++it;
    }
}

StorageResult<User> UserDirectory::recordSuccess(const QString& userId, const QString& usernameKey,
                                                 const QString& clientAddress,
                                                 const QString& verifiedHash,
                                                 const QString& upgradedHash)
{
    // Only if the secret did not change while hashing (an operator may have set a new one).
    auto updated = m_database.run(
        QStringLiteral("UPDATE users SET secret_hash = ? WHERE id = ? AND secret_hash = ?"),
        {upgradedHash.isEmpty() ? verifiedHash : upgradedHash, userId, verifiedHash},
        QStringLiteral("recording a login"));
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() < 1)
        return badCredentials();
    if (auto cleared =
            m_database.run(QStringLiteral("DELETE FROM login_failures WHERE username_key = ?"),
                           {usernameKey}, QStringLiteral("recording a login"));
        !cleared)
        return cleared.error();
    if (!clientAddress.isEmpty()) {
        const QMutexLocker locker(&m_addressesMutex);
        m_addresses.remove(clientAddress);
    }
    return findById(userId);
}

StorageError UserDirectory::delayedError(const QDateTime& until) const
{
    // Rounded up, so that an attempt made when told is never early. The message depends on
    // nothing but the time: a name that exists and one that does not read the same.
    const qint64 seconds = std::max<qint64>(1, (m_clock().msecsTo(until) + 999) / 1000);
    const QString wait = seconds == 1    ? QStringLiteral("1 second")
                         : seconds < 120 ? QStringLiteral("%1 seconds").arg(seconds)
                                         : QStringLiteral("%1 minutes").arg((seconds + 59) / 60);
    return StorageError{StorageError::Kind::Locked,
                        QStringLiteral("Too many failed logins. Try again in %1.").arg(wait),
                        until};
}

} // namespace storedesk::server
