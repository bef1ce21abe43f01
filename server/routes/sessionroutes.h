#pragma once

#include "http/caller.h"

#include <QJsonObject>
#include <QObject>

namespace storedesk::server {

struct User;
class Router;
class SessionStore;
class UserDirectory;
struct ServiceContext;

// The API's SessionUser: {id, username, name, roles}.
QJsonObject sessionUserJson(const User& user);

// POST /session (log in) and DELETE /session (log out); and the bearer-token check every other
// route relies on.
class SessionRoutes : public QObject, public Authenticator {
    Q_OBJECT

public:
    SessionRoutes(UserDirectory& users, SessionStore& sessions, const ServiceContext& context,
                  QObject* parent = nullptr);

    void registerOn(Router& router);
    std::optional<Caller> resolve(const QByteArray& token, QString* whyNot) override;

private:
    void logIn(const struct ApiRequest& request,
               const std::shared_ptr<class ApiResponder>& responder);

    UserDirectory& m_users;
    SessionStore& m_sessions;
    const ServiceContext& m_context;
};

} // namespace storedesk::server
