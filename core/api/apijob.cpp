#include "apijob.h"

#include "apiclient.h"
#include "base/logging.h"
#include "base/transportsecurity.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>
#include <QUuid>

namespace storedesk::api {
namespace {

ApiError::Code codeForStatus(int status)
{
    switch (status) {
    case 400:
        return ApiError::Code::InvalidInput;
    case 401:
        return ApiError::Code::Unauthenticated;
    case 403:
        return ApiError::Code::Forbidden;
    case 404:
        return ApiError::Code::NotFound;
    case 409:
        return ApiError::Code::Conflict;
    case 502:
    case 503:
    case 504:
        return ApiError::Code::UpstreamUnavailable;
    default:
        return ApiError::Code::ServerError;
    }
}

// The reply's network error when no HTTP answer came back at all.
ApiError::Code codeForNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        return ApiError::Code::TlsFailure;
    default:
        return ApiError::Code::ServerUnreachable;
    }
}

} // namespace

ApiJob::ApiJob(ApiClient* client, Request request)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_correlationId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_timeout(client ? client->defaultTimeout() : ApiClient::DefaultTimeout)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
}

ApiJob::~ApiJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiJob::start()
{
    if (m_started)
        return;
    m_started = true;
    const auto refuse = [this](ApiError error) {
        // Reported from the event loop, so that a caller connecting after start() still hears it.
        QMetaObject::invokeMethod(
            this, [this, error] { finish(error); }, Qt::QueuedConnection);
    };
    if (!m_client) {
        refuse(ApiError::make(ApiError::Code::ServerUnreachable, m_correlationId));
        return;
    }
    QUrl url = m_client->serverUrl();
    if (!url.isValid() || url.host().isEmpty() || !isEncryptedOrLocal(url)) {
        qCWarning(lcCoreApi) << "refused to send" << m_request.method << m_request.path
                             << "to a server URL that is not https or loopback";
        refuse(ApiError::make(ApiError::Code::InsecureUrl, m_correlationId));
        return;
    }
    url.setPath(url.path() + m_request.path);
    if (!m_request.query.isEmpty())
        url.setQuery(m_request.query);

    QNetworkRequest request(url);
    // A redirect could take the token elsewhere; the API never redirects, so none is followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("X-Correlation-ID", m_correlationId.toLatin1());
    request.setRawHeader("Accept", "application/json");
    if (!m_request.idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", m_request.idempotencyKey);
    if (m_request.authenticated && (!m_request.token.isEmpty() || m_client->hasAccessToken())) {
        m_sentToken = m_request.token.isEmpty() ? m_client->accessToken() : m_request.token;
        m_request.token.fill('\0');
        m_request.token.clear();
        request.setRawHeader("Authorization", "Bearer " + m_sentToken);
    }
    QByteArray body;
    if (!m_request.body.isEmpty()) {
        body = QJsonDocument(m_request.body).toJson(QJsonDocument::Compact);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        // The body may hold a secret (login): keep no copy beyond the request.
        m_request.body = QJsonObject();
    }
    qCDebug(lcCoreApi) << "sending" << m_request.method << m_request.path << "correlation"
                       << m_correlationId;
    m_reply = m_client->network()->sendCustomRequest(request, m_request.method, body);
    body.fill('\0');
    connect(m_reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
    // TLS errors are logged and never ignored: the reply then fails with SslHandshakeFailedError.
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
        for (const QSslError& error : errors)
            qCWarning(lcCoreApi) << "TLS error, connection refused:" << error.errorString()
                                 << "correlation" << m_correlationId;
    });
    m_timer.start(m_timeout);
}

void ApiJob::abort()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_reply)
        m_reply->abort();
    else
        finish(ApiError::make(ApiError::Code::Cancelled, m_correlationId));
}

void ApiJob::onReplyFinished()
{
    m_timer.stop();
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    reply->deleteLater();
    if (m_cancelled) {
        // An aborted reply is closed: nothing to read.
        finish(ApiError::make(ApiError::Code::Cancelled, m_correlationId));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();

    if (m_timedOut) {
        qCWarning(lcCoreApi) << m_request.method << m_request.path << "timed out after"
                             << m_timeout.count() << "ms, correlation" << m_correlationId;
        finish(ApiError::make(ApiError::Code::Timeout, m_correlationId));
        return;
    }
    if (status == 0) {
        qCWarning(lcCoreApi) << m_request.method << m_request.path
                             << "failed:" << reply->errorString() << "correlation"
                             << m_correlationId;
        if (m_client)
            emit m_client->serverAnswered(false);
        finish(ApiError::make(codeForNetworkError(reply->error()), m_correlationId));
        return;
    }
    if (m_client)
        emit m_client->serverAnswered(true);
    if (status >= 200 && status < 300) {
        finish(parseSuccess(status, body));
        return;
    }
    ApiError error = errorFromHttp(status, body);
    bool delayGiven = false;
    const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&delayGiven);
    if (delayGiven && retryAfter > 0)
        error.retryAfterSeconds = retryAfter;
    qCInfo(lcCoreApi) << m_request.method << m_request.path << "answered" << status
                      << error.serverCode << "correlation" << error.correlationId;
    if (status == 401 && m_request.authenticated && m_client)
        m_client->reportUnauthenticated(m_sentToken, error);
    finish(error);
}

ApiError ApiJob::errorFromHttp(int status, const QByteArray& body) const
{
    ApiError error;
    error.code = codeForStatus(status);
    error.httpStatus = status;
    error.correlationId = m_correlationId;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    error.serverCode = object.value(QLatin1StringView("code")).toString();
    const QString echoed = object.value(QLatin1StringView("correlationId")).toString();
    if (!echoed.isEmpty())
        error.correlationId = echoed;
    // The server's message is English and not translated; the app says it in the user's words.
    error.message = ApiError::defaultMessage(error.code);
    describeError(error, object.value(QLatin1StringView("details")).toObject());
    return error;
}

void ApiJob::describeError(ApiError& /*error*/, const QJsonObject& /*details*/) const {}

void ApiJob::finish(std::optional<ApiError> error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    m_error = std::move(error);
    m_sentToken.fill('\0');
    m_sentToken.clear();
    emit finished();
    deleteLater();
}

QString pathSegment(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace storedesk::api
