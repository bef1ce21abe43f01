#include "tokenprovider.h"

#include "base/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace storedesk::server {
namespace {

Error upstreamError(const QString& message)
{
    return Error{Error::Kind::InvalidValue, message, QStringLiteral("commercetools-auth")};
}

} // namespace

TokenProvider::TokenProvider(ConnectorConfig config, QNetworkAccessManager* network,
                             QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(network)
{
}

bool TokenProvider::cachedIsFresh() const
{
    if (!m_cached)
        return false;
    // Renew a little early (a tenth of the lifetime, at most five minutes) so that no request is
    // sent with a token about to lapse on the way.
    const qint64 margin = std::min<qint64>(300, m_cached->lifetimeSeconds / 10);
    return m_clock().secsTo(m_cached->expiresAt) > margin;
}

void TokenProvider::withToken(Callback callback)
{
    if (cachedIsFresh()) {
        callback(*m_cached);
        return;
    }
    m_waiting.append(std::move(callback));
    if (!m_fetching)
        fetch();
}

void TokenProvider::invalidate(const QByteArray& rejected)
{
    if (m_cached && m_cached->accessToken == rejected) {
        qCInfo(lcServerCt) << "the API refused the current token; fetching a new one";
        m_cached.reset();
    }
}

void TokenProvider::fetch()
{
    m_fetching = true;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("scope"), m_config.scopes.join(QLatin1Char(' ')));

    QUrl url = m_config.authUrl;
    url.setPath(url.path() + QStringLiteral("/oauth/token"));
    // commercetools takes the parameters in the body; its emulator reads them from the query.
    // Neither holds a secret, so both get them.
    url.setQuery(form);
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_timeout.count()));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    const QByteArray credentials =
        (m_config.clientId + QLatin1Char(':') + m_config.clientSecret).toUtf8();
    request.setRawHeader("Authorization", "Basic " + credentials.toBase64());

    qCDebug(lcServerCt) << "requesting an access token from" << m_config.authUrl.toString();
    QNetworkReply* reply = m_network->post(request, form.toString(QUrl::FullyEncoded).toLatin1());
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        if (status == 401 || status == 403) {
            finish(
                upstreamError(QStringLiteral("commercetools refused the API client's credentials "
                                             "(check CTP_CLIENT_ID and CTP_CLIENT_SECRET)")));
            return;
        }
        if (status != 200) {
            const QString reason =
                status == 0 ? reply->errorString() : QStringLiteral("HTTP %1").arg(status);
            finish(upstreamError(QStringLiteral("cannot get an access token from %1: %2")
                                     .arg(m_config.authUrl.toString(), reason)));
            return;
        }
        const QString accessToken = body.value(QStringLiteral("access_token")).toString();
        const qint64 expiresIn = body.value(QStringLiteral("expires_in")).toInteger();
        if (accessToken.isEmpty() || expiresIn <= 0) {
            finish(upstreamError(
                QStringLiteral("the token endpoint answered without access_token or expires_in")));
            return;
        }
        Token token{accessToken.toUtf8(), m_clock().addSecs(expiresIn), expiresIn,
                    body.value(QStringLiteral("scope"))
                        .toString()
                        .split(QLatin1Char(' '), Qt::SkipEmptyParts)};
        qCInfo(lcServerCt) << "access token obtained, valid for" << expiresIn << "s";
        finish(token);
    });
}

void TokenProvider::finish(const Expected<Token>& result)
{
    m_fetching = false;
    if (result)
        m_cached = *result;
    else
        qCWarning(lcServerCt).noquote() << result.error().message;
    const QList<Callback> waiting = std::exchange(m_waiting, {});
    for (const Callback& callback : waiting)
        callback(result);
}

} // namespace storedesk::server
