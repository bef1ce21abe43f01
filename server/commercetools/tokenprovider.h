#pragma once

#include "base/expected.h"
#include "connectorconfig.h"

#include <QDateTime>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace storedesk::server {

// OAuth2 client credentials for the commercetools API client (seed 002/003: grant type
// client_credentials, confidential client, token key "access_token"). The token is cached and
// fetched again shortly before it expires; callers that ask while a fetch is under way share it.
class TokenProvider : public QObject {
    Q_OBJECT

public:
    struct Token {
        QByteArray accessToken; // never logged
        QDateTime expiresAt;
        qint64 lifetimeSeconds = 0; // expires_in as granted
        QStringList grantedScopes;
    };
    using Callback = std::function<void(const Expected<Token>&)>;
    using Clock = std::function<QDateTime()>;

    TokenProvider(ConnectorConfig config, QNetworkAccessManager* network,
                  QObject* parent = nullptr);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Calls back, on this object's thread, with a token that is valid for a while yet.
    void withToken(Callback callback);

    // The API refused `rejected` (401): unless a newer token has arrived meanwhile, the next
    // withToken() fetches a fresh one.
    void invalidate(const QByteArray& rejected);

private:
    void fetch();
    void finish(const Expected<Token>& result);
    bool cachedIsFresh() const;

    ConnectorConfig m_config;
    QNetworkAccessManager* m_network;
    Clock m_clock = [] {
        return QDateTime::currentDateTimeUtc();
    };
    std::chrono::milliseconds m_timeout{15000};
    std::optional<Token> m_cached;
    QList<Callback> m_waiting;
    bool m_fetching = false;
};

} // namespace storedesk::server
