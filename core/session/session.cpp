#include "session.h"

#include "api/apiclient.h"
#include "api/cartjobs.h"
#include "base/logging.h"
#include "tokenvault.h"

namespace storedesk::session {

Session::Session(api::ApiClient* client, TokenVault* vault, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_vault(vault)
{
    connect(client, &api::ApiClient::unauthenticated, this, &Session::onUnauthenticated);
}

void Session::setWorkstation(const QString& storeKey, const QString& workstationId)
{
    m_storeKey = storeKey;
    m_workstationId = workstationId;
}

QString Session::vaultKey() const
{
    return TokenVault::keyFor(m_client ? m_client->serverUrl() : QUrl(), m_storeKey,
                              m_workstationId);
}

void Session::resume()
{
    if (m_busy)
        return;
    m_busy = true;
    const QString key = vaultKey();
    m_vault->read(key, this, [this, key](const Expected<QByteArray, VaultError>& stored) {
        if (!stored) {
            m_busy = false;
            const bool nothingSaved = stored.error().code == VaultError::Code::NotFound;
            emit resumeFinished(false, nothingSaved ? QString() : stored.error().message);
            return;
        }
        Expected<api::SessionInfo> info = api::SessionInfo::fromJson(*stored);
        if (!info || info->isExpired() || info->storeKey != m_storeKey ||
            info->workstationId != m_workstationId) {
            qCInfo(lcCoreSession) << "the saved session is expired or for another workstation";
            m_vault->remove(key, this, [this](const Expected<void, VaultError>&) {
                m_busy = false;
                emit resumeFinished(false, QString());
            });
            return;
        }
        m_client->setAccessToken(info->accessToken);
        // The server may have ended the session meanwhile: one cheap request tells. A 401 reaches
        // onUnauthenticated, which deletes the token; no answer at all keeps the session, so that
        // a colleague is not logged out by a network outage.
        auto* check = m_client->findCarts(m_storeKey, {{}, {}, 1});
        api::SessionInfo candidate = *info;
        candidate.accessToken.fill('\0');
        candidate.accessToken.clear();
        connect(check, &api::ApiJob::finished, this, [this, check, candidate] {
            m_busy = false;
            const auto result = check->result();
            if (!result && result.error().code == api::ApiError::Code::Unauthenticated) {
                emit resumeFinished(false, result.error().message);
                return;
            }
            m_info = candidate;
            qCInfo(lcCoreSession) << "resumed the session of" << candidate.username;
            emit resumeFinished(true, QString());
            emit loggedIn();
        });
        check->start();
    });
}

void Session::logIn(const QString& username, const QString& secret)
{
    if (m_busy) {
        // Answered, so that a page waiting for the outcome never stays busy.
        emit loginFailed(tr("StoreDesk is still busy with the previous login. Try again in a "
                            "moment."));
        return;
    }
    m_busy = true;
    auto* job = m_client->logIn({username, secret, m_storeKey, m_workstationId});
    connect(job, &api::ApiJob::finished, this, [this, job] {
        auto result = job->result();
        if (!result) {
            m_busy = false;
            emit loginFailed(result.error().toDisplayString());
            return;
        }
        api::SessionInfo info = result.value();
        const QString key = vaultKey();
        m_vault->write(key, info.toJson(), this,
                       [this, info](const Expected<void, VaultError>& written) mutable {
                           m_busy = false;
                           if (!written) {
                               // Without the keychain there is no session: the new token is
                               // revoked at once rather than kept anywhere else.
                               m_client->logOut(info.accessToken)->start();
                               info.accessToken.fill('\0');
                               emit loginFailed(written.error().message);
                               return;
                           }
                           adopt(info);
                       });
    });
    job->start();
}

void Session::adopt(const api::SessionInfo& info)
{
    const QByteArray previous = m_client->accessToken();
    m_client->setAccessToken(info.accessToken);
    if (!previous.isEmpty() && previous != info.accessToken) {
        // The session this login replaces (the same user unlocking, or another taking over) ends
        // on the server too.
        m_client->logOut(previous)->start();
    }
    api::SessionInfo kept = info;
    kept.accessToken.fill('\0');
    kept.accessToken.clear();
    m_info = kept;
    qCInfo(lcCoreSession) << "logged in as" << kept.username << "at" << m_storeKey
                          << m_workstationId;
    emit loggedIn();
}

void Session::logOut()
{
    const QByteArray token = m_client->accessToken();
    if (!token.isEmpty())
        m_client->logOut(token)->start();
    forget(QString());
}

void Session::onUnauthenticated(const api::ApiError& error)
{
    forget(error.message);
}

void Session::forget(const QString& message)
{
    m_client->clearAccessToken();
    const bool wasLoggedIn = m_info.has_value();
    m_info.reset();
    m_vault->remove(vaultKey(), this, [](const Expected<void, VaultError>& removed) {
        if (!removed)
            qCWarning(lcCoreSession) << "the ended session could not be removed from the keychain";
    });
    if (!wasLoggedIn)
        return;
    qCInfo(lcCoreSession) << "session ended";
    emit loggedOut(message);
}

} // namespace storedesk::session
