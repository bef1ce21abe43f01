#include "sessionstore.h"

#include "base/logging.h"
#include "passwordhash.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <algorithm>

namespace storedesk::server {

namespace {

QString randomToken()
{
    QByteArray bytes(SessionStore::TokenBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Anything that cannot be a token is unknown without asking the database.
bool looksLikeToken(const QString& text)
{
    constexpr qsizetype length = (SessionStore::TokenBytes * 4 + 2) / 3;
    return text.size() == length && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
               const char16_t u = c.unicode();
               return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                      (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
           });
}

QString digest(const QString& secretValue)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(secretValue.toLatin1(), QCryptographicHash::Sha256).toHex());
}

bool isValidWorkstationId(const QString& id)
{
    return !id.isEmpty() && id.size() <= SessionStore::MaxWorkstationIdLength &&
           std::all_of(id.cbegin(), id.cend(),
                       [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

StorageError tokenError(StorageError::Kind kind)
{
    switch (kind) {
    case StorageError::Kind::TokenExpired:
        return {kind, QStringLiteral("The session has expired; log in again."), {}};
    case StorageError::Kind::TokenRevoked:
        return {kind, QStringLiteral("The session has ended; log in again."), {}};
    default:
        return {StorageError::Kind::TokenUnknown,
                QStringLiteral("The access token is not known; log in again."),
                {}};
    }
}

qint64 millis(std::chrono::seconds duration)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
}

} // namespace

SessionStore::SessionStore(Database& database, const UserDirectory& users, Clock clock,
                           std::chrono::seconds timeToLive)
    : m_database(database)
    , m_users(users)
    , m_clock(std::move(clock))
    , m_timeToLive(timeToLive)
{
}

StorageResult<IssuedSession> SessionStore::issue(const User& user, const StoreKey& store,
                                                 const QString& workstationId,
                                                 const QDateTime& notAfter)
{
    const auto invalid = [](const QString& message) {
        return StorageError{StorageError::Kind::InvalidInput, message, {}};
    };
    if (!user.hasRole(Role::Manager) && (store.isEmpty() || workstationId.isEmpty()))
        return invalid(QStringLiteral("A colleague must name the store and the workstation."));
    if (!workstationId.isEmpty() && store.isEmpty())
        return invalid(QStringLiteral("A workstation needs its store."));
    if (!workstationId.isEmpty() && !isValidWorkstationId(workstationId))
        return invalid(QStringLiteral("A workstation id has 1 to %1 printable characters "
                                      "without spaces.")
                           .arg(MaxWorkstationIdLength));
    if (!store.isEmpty() && !user.mayWorkIn(store))
        return StorageError{
            StorageError::Kind::Forbidden,
            QStringLiteral("%1 may not work in store %2.").arg(user.username, store.toString()),
            {}};

    IssuedSession issued;
    issued.accessToken = randomToken();
    issued.userKey = randomToken();
    issued.session.user = user;
    issued.session.storeKey = store;
    issued.session.workstationId = workstationId;
    const QDateTime now = m_clock();
    // Milliseconds are what is stored; the answer must say the same.
    issued.session.createdAt = Database::fromMillis(Database::toMillis(now));
    qint64 expiresAt = Database::toMillis(now) + millis(m_timeToLive);
    if (notAfter.isValid())
        expiresAt = std::min(expiresAt, Database::toMillis(notAfter));
    issued.session.expiresAt = Database::fromMillis(expiresAt);

    const auto nullable = [](const QString& text) {
        return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
    };
    auto inserted = m_database.run(
        QStringLiteral("INSERT INTO sessions (token_hash, user_key_hash, user_id, store_key, "
                       "workstation_id, created_at, expires_at, revoked_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, NULL)"),
        {digest(issued.accessToken), digest(issued.userKey), user.id, nullable(store.toString()),
         nullable(workstationId), Database::toMillis(issued.session.createdAt),
         Database::toMillis(issued.session.expiresAt)},
        QStringLiteral("starting a session"));
    if (!inserted)
        return inserted.error();
    qCInfo(lcServer).noquote() << "session started for" << user.username << "store"
                               << (store.isEmpty() ? QStringLiteral("-") : store.toString())
                               << "workstation"
                               << (workstationId.isEmpty() ? QStringLiteral("-") : workstationId);
    return issued;
}

StorageResult<Session> SessionStore::resolve(const QString& accessToken) const
{
    return resolveBy(QStringLiteral("token_hash"), accessToken);
}

StorageResult<Session> SessionStore::resolveUserKey(const QString& userKey) const
{
    return resolveBy(QStringLiteral("user_key_hash"), userKey);
}

StorageResult<Session> SessionStore::resolveBy(const QString& column,
                                               const QString& secretValue) const
{
    if (!looksLikeToken(secretValue))
        return tokenError(StorageError::Kind::TokenUnknown);
    const QString expected = digest(secretValue);
    // column is one of two constants from this file, never input.
    auto query = m_database.run(
        QStringLiteral("SELECT %1, user_id, store_key, workstation_id, created_at, expires_at, "
                       "revoked_at FROM sessions WHERE %1 = ?")
            .arg(column),
        {expected}, QStringLiteral("looking up a session"));
    if (!query)
        return query.error();
    if (!query->next() ||
        !constantTimeEquals(query->value(0).toString().toLatin1(), expected.toLatin1()))
        return tokenError(StorageError::Kind::TokenUnknown);
    if (!query->value(6).isNull())
        return tokenError(StorageError::Kind::TokenRevoked);
    const QDateTime now = m_clock();
    Session session;
    session.createdAt = Database::fromMillis(query->value(4).toLongLong());
    session.expiresAt = Database::fromMillis(query->value(5).toLongLong());
    if (session.expiresAt <= now)
        return tokenError(StorageError::Kind::TokenExpired);
    session.workstationId = query->value(3).toString();
    const QString store = query->value(2).toString();
    if (!store.isEmpty()) {
        const Expected<StoreKey> key = StoreKey::parse(store);
        if (!key)
            return tokenError(StorageError::Kind::TokenRevoked);
        session.storeKey = *key;
    }

    StorageResult<User> user = m_users.findById(query->value(1).toString());
    if (!user) {
        if (user.error().kind == StorageError::Kind::NotFound)
            return tokenError(StorageError::Kind::TokenUnknown);
        return user.error();
    }
    if (!session.storeKey.isEmpty() && !user->mayWorkIn(session.storeKey))
        return tokenError(StorageError::Kind::TokenRevoked);
    session.user = std::move(user).value();
    return session;
}

StorageResult<void> SessionStore::revoke(const QString& accessToken)
{
    if (!looksLikeToken(accessToken))
        return tokenError(StorageError::Kind::TokenUnknown);
    auto updated = m_database.run(
        QStringLiteral("UPDATE sessions SET revoked_at = COALESCE(revoked_at, ?) "
                       "WHERE token_hash = ?"),
        {Database::toMillis(m_clock()), digest(accessToken)}, QStringLiteral("ending a session"));
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() < 1)
        return tokenError(StorageError::Kind::TokenUnknown);
    return {};
}

StorageResult<int> SessionStore::revokeAllForUser(const QString& username)
{
    const StorageResult<User> user = m_users.find(username);
    if (!user)
        return user.error();
    auto updated =
        m_database.run(QStringLiteral("UPDATE sessions SET revoked_at = ? "
                                      "WHERE user_id = ? AND revoked_at IS NULL"),
                       {Database::toMillis(m_clock()), user->id},
                       QStringLiteral("ending the sessions of \"%1\"").arg(user->username));
    if (!updated)
        return updated.error();
    const int count = updated->numRowsAffected();
    qCInfo(lcServer).noquote() << "ended" << count << "session(s) of" << user->username;
    return count;
}

StorageResult<int> SessionStore::purge(std::chrono::seconds retention)
{
    const qint64 cutoff = Database::toMillis(m_clock()) - millis(retention);
    auto deleted = m_database.run(
        QStringLiteral("DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?"),
        {cutoff, cutoff}, QStringLiteral("deleting old sessions"));
    if (!deleted)
        return deleted.error();
    return deleted->numRowsAffected();
}

} // namespace storedesk::server
