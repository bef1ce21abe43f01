#pragma once

#include "apijob.h"

#include <QDateTime>
#include <QStringList>

namespace storedesk {
class JsonObjectReader;
}

namespace storedesk::api {

// What POST /session needs. A colleague names the store and workstation; a manager may leave both
// empty for a setup session.
struct Credentials {
    QString username;
    QString secret; // password or PIN; sent once, never stored or logged
    QString storeKey;
    QString workstationId;
};

// The workstation a colleague's session is at, as the server configures it: which tenders it
// takes and which payment terminal is bound to it.
struct WorkstationInfo {
    QString id;
    QString name;
    QStringList tenders; // "cash", "card", … in the server's order
    QString terminalId;  // empty without a terminal
};

// A logged-in session as POST /session returns it.
struct SessionInfo {
    QByteArray accessToken; // secret: only ever in memory and in the OS keychain
    QDateTime expiresAt;    // UTC
    QString userId;
    QString username;
    QString displayName;
    QStringList roles;
    QString storeKey;      // empty for a manager's setup session
    QString workstationId; // empty for a manager's setup session
    std::optional<WorkstationInfo> workstation;

    bool isManager() const { return roles.contains(QLatin1StringView("manager")); }
    bool isExpired(const QDateTime& now = QDateTime::currentDateTimeUtc()) const
    {
        return !expiresAt.isValid() || expiresAt <= now;
    }

    static SessionInfo read(JsonObjectReader reader);
    static Expected<SessionInfo> fromJson(const QByteArray& json);
    // The same fields, for the vault; the token is part of it because the vault is the only place
    // that may hold it.
    QByteArray toJson() const;
};

class LoginJob : public ValueJob<SessionInfo> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::LoginJob)

public:
    LoginJob(ApiClient* client, const Credentials& credentials);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

// DELETE /session: revokes the client's current token, or `token` when given (the session a new
// login replaces).
class LogoutJob : public ValueJob<Done> {
public:
    explicit LogoutJob(ApiClient* client, const QByteArray& token = {});

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
};

} // namespace storedesk::api
