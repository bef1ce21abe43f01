#pragma once

#include "http/apiresponder.h"
#include "http/caller.h"
#include "storage/sessioncache.h"
#include "storage/storageerror.h"

#include <QJsonObject>
#include <QObject>

namespace storedesk::server {

struct User;
struct IssuedSession;
class Router;
struct ServiceContext;

// The API's SessionUser: {id, username, name, roles}.
QJsonObject sessionUserJson(const User& user);

// POST /session (log in) and DELETE /session (log out); and the bearer-token check every other
// route relies on.
class SessionRoutes : public QObject, public Authenticator {
    Q_OBJECT

public:
    explicit SessionRoutes(const ServiceContext& context, QObject* parent = nullptr);

    void registerOn(Router& router);
    // From the cache when the token was resolved moments ago, else from the sessions table.
    void resolve(const QByteArray& token, std::function<void(const Verdict&)> done) override;

private:
    void logIn(const struct ApiRequest& request, const Responder& responder);
    void loggedIn(const StorageResult<User>& user, const QString& username, const QString& storeKey,
                  const QString& workstationId, const Responder& responder);
    void answerLogin(const StorageResult<IssuedSession>& issued, const User& user,
                     const QString& storeKey, const QString& workstationId,
                     const Responder& responder);

    const ServiceContext& m_context;
    SessionCache m_cache;
};

} // namespace storedesk::server
