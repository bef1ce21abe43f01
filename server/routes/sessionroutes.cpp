#include "sessionroutes.h"

#include "base/logging.h"
#include "domain/jsonreader.h"
#include "http/router.h"
#include "servicecontext.h"
#include "storage/sessionstore.h"
#include "storage/storageexecutor.h"
#include "storage/userdirectory.h"
#include "storeroutes.h"

namespace storedesk::server {
namespace {

} // namespace

QJsonObject sessionUserJson(const User& user)
{
    QJsonArray roles;
    for (Role role : user.roles)
        roles.append(roleName(role));
    return QJsonObject{{QStringLiteral("id"), user.id},
                       {QStringLiteral("username"), user.username},
                       {QStringLiteral("name"), user.displayName},
                       {QStringLiteral("roles"), roles}};
}

namespace {

Caller callerOf(const Session& session)
{
    Caller caller;
    caller.username = session.user.username;
    caller.displayName = session.user.displayName;
    for (Role role : session.user.roles)
        caller.roles << roleName(role);
    for (const StoreKey& store : session.user.stores)
        caller.allowedStores << store.toString();
    caller.storeKey = session.storeKey.toString();
    caller.workstationId = session.workstationId;
    return caller;
}

ApiError loginError(const StorageError& error, const QDateTime& now)
{
    switch (error.kind) {
    case StorageError::Kind::Locked: {
        // The same answer whether or not the user exists and whatever the secret was (the
        // directory did not check it): see UserDirectory.
        const qint64 seconds = std::max<qint64>(1, (now.msecsTo(error.retryAt) + 999) / 1000);
        ApiError delayed{429, QStringLiteral("too_many_attempts"), error.message,
                         QJsonObject{{QStringLiteral("retryAfterSeconds"), seconds}}, int(seconds)};
        return delayed;
    }
    case StorageError::Kind::BadCredentials:
    case StorageError::Kind::NotFound:
        return ApiError::unauthenticated(QStringLiteral("Wrong user name or password."));
    case StorageError::Kind::InvalidInput:
        return ApiError::invalidInput(error.message);
    case StorageError::Kind::Forbidden:
        return ApiError::forbidden(error.message);
    default:
        return storageFailure(error);
    }
}

} // namespace

SessionRoutes::SessionRoutes(const ServiceContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{
}

void SessionRoutes::resolve(const QByteArray& token, std::function<void(const Verdict&)> done)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (std::optional<Caller> cached = m_cache.find(token, now)) {
        done(Verdict{std::move(cached), {}, false});
        return;
    }
    const quint64 removals = m_cache.removals();
    m_context.storage->run(
        StorageExecutor::Lane::Read, this,
        [token = QString::fromLatin1(token)](Stores& stores) {
            return stores.sessions.resolve(token);
        },
        [this, token, removals, done = std::move(done)](const StorageResult<Session>& session) {
            if (session) {
                const Caller caller = callerOf(*session);
                m_cache.insert(token, caller, session->expiresAt, QDateTime::currentDateTimeUtc(),
                               removals);
                done(Verdict{caller, {}, false});
                return;
            }
            Verdict verdict;
            switch (session.error().kind) {
            case StorageError::Kind::TokenExpired:
                verdict.whyNot = QStringLiteral("Your session has expired. Log in again.");
                break;
            case StorageError::Kind::TokenRevoked:
                verdict.whyNot = QStringLiteral("You have been logged out. Log in again.");
                break;
            case StorageError::Kind::Unavailable:
                qCWarning(lcServerDb).noquote() << "session lookup:" << session.error().message;
                verdict.unavailable = true;
                break;
            default:
                verdict.whyNot = QStringLiteral("Log in first.");
            }
            done(verdict);
        });
}

void SessionRoutes::registerOn(Router& router)
{
    router.add("POST", QStringLiteral("/session"), Router::Access::Anyone,
               [this](const ApiRequest& request, const Responder& responder) {
                   logIn(request, responder);
               });
    router.add("DELETE", QStringLiteral("/session"), Router::Access::User,
               [this](const ApiRequest& request, const Responder& responder) {
                   // Forgotten here at once, whatever the database says: a logged-out token
                   // must not keep working from the cache. Forgotten again once the revocation
                   // is written, so that no lookup which read the session before that (and
                   // found it valid) can have put it back; lookups from then on read it revoked.
                   m_cache.remove(request.bearerToken);
                   const Caller caller = *request.caller;
                   m_context.storage->run(
                       StorageExecutor::Lane::Write, this,
                       [token = QString::fromLatin1(request.bearerToken)](Stores& stores) {
                           return stores.sessions.revoke(token);
                       },
                       [this, caller, responder,
                        token = request.bearerToken](const StorageResult<void>& revoked) {
                           m_cache.remove(token);
                           if (!revoked) {
                               responder->error(storageFailure(revoked.error()));
                               return;
                           }
                           qCInfo(lcServerAuth) << caller.username << "logged out";
                           m_context.record(QStringLiteral("logout"), caller.username,
                                            caller.storeKey, caller.workstationId,
                                            responder->correlationId());
                           responder->noContent();
                       });
               });
}

void SessionRoutes::logIn(const ApiRequest& request, const Responder& responder)
{
    const Expected<QJsonObject> body = json::parseObject(request.body);
    if (!body) {
        responder->error(ApiError::invalidInput(QStringLiteral("The body must be a JSON object.")));
        return;
    }
    JsonObjectReader reader(*body);
    const QString username = reader.requiredString(QLatin1StringView("username"));
    const QString secret = reader.requiredString(QLatin1StringView("secret"));
    const QString storeKey = reader.optionalString(QLatin1StringView("storeKey"));
    const QString workstationId = reader.optionalString(QLatin1StringView("workstationId"));
    if (reader.failed()) {
        responder->error(ApiError::invalidInput(reader.error().toString()));
        return;
    }
    if (storeKey.isEmpty() != workstationId.isEmpty()) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("Name both the store and the workstation, or neither.")));
        return;
    }
    if (!storeKey.isEmpty()) {
        if (!StoreKey::isValid(storeKey)) {
            responder->error(ApiError::invalidInput(StoreKey::parse(storeKey).error().message));
            return;
        }
        const StoreConfig* store = m_context.config->store(storeKey);
        if (!store || !m_context.scopes.servesStore(storeKey)) {
            responder->error(ApiError::notFound(
                QStringLiteral("This server does not serve store %1.").arg(storeKey)));
            return;
        }
        if (!store->workstation(workstationId)) {
            responder->error(
                ApiError::invalidInput(QStringLiteral("Store %1 has no workstation %2.")
                                           .arg(storeKey, workstationId.left(64))));
            return;
        }
    }

    // authenticate() reads and writes on the write lane's thread and hashes on its own pool;
    // its future finishes there and is continued here, on the event loop.
    using Login = QFuture<StorageResult<User>>;
    m_context.storage->run(
        StorageExecutor::Lane::Write, this,
        [username, secret,
         address = request.clientAddress](Stores& stores) -> StorageResult<Login> {
            return stores.users.authenticate(username, secret, address);
        },
        [this, responder, storeKey, workstationId, username](const StorageResult<Login>& login) {
            if (!login) {
                responder->error(storageFailure(login.error()));
                return;
            }
            Login(*login).then(this, [this, responder, storeKey, workstationId,
                                      username](const StorageResult<User>& user) {
                loggedIn(user, username, storeKey, workstationId, responder);
            });
        });
}

void SessionRoutes::loggedIn(const StorageResult<User>& user, const QString& username,
                             const QString& storeKey, const QString& workstationId,
                             const Responder& responder)
{
    if (!user) {
        qCInfo(lcServerAuth).noquote() << "failed login for" << username.left(64) << "correlation"
                                       << responder->correlationId();
        const bool delayed = user.error().kind == StorageError::Kind::Locked;
        m_context.record(QStringLiteral("login_failed"), username, storeKey, workstationId,
                         responder->correlationId(),
                         {{QStringLiteral("reason"), delayed ? QStringLiteral("delayed")
                                                             : QStringLiteral("bad_credentials")}});
        responder->error(loginError(user.error(), QDateTime::currentDateTimeUtc()));
        return;
    }
    if (storeKey.isEmpty() && !user->hasRole(Role::Manager)) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("Choose the store and workstation to log in at.")));
        return;
    }
    const StoreKey store = storeKey.isEmpty() ? StoreKey() : *StoreKey::parse(storeKey);
    if (!storeKey.isEmpty() && !user->mayWorkIn(store)) {
        responder->error(ApiError::forbidden(
            QStringLiteral("You are not set up to work in store %1.").arg(storeKey)));
        return;
    }
    m_context.storage->run(
        StorageExecutor::Lane::Write, this,
        [user = *user, store, workstationId](Stores& stores) {
            return stores.sessions.issue(user, store, workstationId);
        },
        [this, user = *user, storeKey, workstationId,
         responder](const StorageResult<IssuedSession>& issued) {
            answerLogin(issued, user, storeKey, workstationId, responder);
        });
}

void SessionRoutes::answerLogin(const StorageResult<IssuedSession>& issued, const User& user,
                                const QString& storeKey, const QString& workstationId,
                                const Responder& responder)
{
    if (!issued) {
        responder->error(loginError(issued.error(), QDateTime::currentDateTimeUtc()));
        return;
    }
    m_context.record(QStringLiteral("login"), user.username, storeKey, workstationId,
                     responder->correlationId());
    qCInfo(lcServerAuth).noquote()
        << user.username << "logged in at" << (storeKey.isEmpty() ? QStringLiteral("-") : storeKey)
        << (workstationId.isEmpty() ? QStringLiteral("-") : workstationId);
    QJsonObject answer{
        {QStringLiteral("accessToken"), issued->accessToken},
        {QStringLiteral("userKey"), issued->userKey},
        {QStringLiteral("expiresAt"), issued->session.expiresAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("user"), sessionUserJson(user)},
        {QStringLiteral("storeKey"), storeKey},
        {QStringLiteral("workstationId"), workstationId},
    };
    // What the app needs to offer at this workstation, e.g. its tenders.
    if (const StoreConfig* config = m_context.config->store(storeKey)) {
        if (const WorkstationConfig* workstation = config->workstation(workstationId))
            answer.insert(QStringLiteral("workstation"), workstationJson(*workstation));
    }
    responder->json(201, answer);
}

} // namespace storedesk::server
