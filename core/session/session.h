#pragma once

#include "api/apierror.h"
#include "api/sessionjobs.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace storedesk::api {
class ApiClient;
}

namespace storedesk::session {

class TokenVault;

// The colleague's session at this workstation: logs in, keeps the access token in the vault (and
// in the API client's memory) and nowhere else, resumes a still-valid session at start-up, and
// ends it on logout or when the server answers 401. Logging in while a session runs (unlocking,
// or another user taking over) replaces it: the old token is revoked on the server.
class Session : public QObject {
    Q_OBJECT

public:
    Session(api::ApiClient* client, TokenVault* vault, QObject* parent = nullptr);

    // Where this workstation works; the vault key and every login depend on it.
    void setWorkstation(const QString& storeKey, const QString& workstationId);
    QString storeKey() const { return m_storeKey; }
    QString workstationId() const { return m_workstationId; }
    QString vaultKey() const;

    bool isLoggedIn() const { return m_info.has_value(); }
    // The user of the running session (its token is not kept here).
    const std::optional<api::SessionInfo>& info() const { return m_info; }
    bool isBusy() const { return m_busy; }

    void resume();
    void logIn(const QString& username, const QString& secret);
    void logOut();

signals:
    // After a login, a resume, an unlock or a user switch.
    void loggedIn();
    void loginFailed(const QString& message);
    // resumed: a saved session is running again. Otherwise `message` says why not (empty when
    // there simply was none).
    void resumeFinished(bool resumed, const QString& message);
    // The session is over: `message` is empty after a logout, else why (e.g. the server ended
    // it).
    void loggedOut(const QString& message);

private:
    void adopt(const api::SessionInfo& info);
    void forget(const QString& message);
    void onUnauthenticated(const api::ApiError& error);

    QPointer<api::ApiClient> m_client;
    QPointer<TokenVault> m_vault;
    QString m_storeKey;
    QString m_workstationId;
    std::optional<api::SessionInfo> m_info;
    bool m_busy = false;
};

} // namespace storedesk::session
