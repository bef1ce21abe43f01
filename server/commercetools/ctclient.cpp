#include "ctclient.h"

#include "base/logging.h"
#include "tokenprovider.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace storedesk::server {

QString CtResponse::errorCode() const
{
    const QJsonArray errors = body.value(QStringLiteral("errors")).toArray();
    if (!errors.isEmpty())
        return errors.first().toObject().value(QStringLiteral("code")).toString();
    return body.value(QStringLiteral("error")).toString();
}

struct CtClient::Call {
    QByteArray method;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QString correlationId;
    bool retrySafe = false;
    Callback done;
    int attempt = 0;
    bool tokenRenewed = false;
};

CtClient::CtClient(ConnectorConfig config, TokenProvider* tokens, QNetworkAccessManager* network,
                   QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_tokens(tokens)
    , m_network(network)
{
}

void CtClient::get(const QString& path, const QUrlQuery& query, const QString& correlationId,
                   Callback done)
{
    auto call = std::make_shared<Call>();
    call->method = "GET";
    call->path = path;
    call->query = query;
    call->correlationId = correlationId;
    call->retrySafe = true;
    call->done = std::move(done);
    send(call);
}

void CtClient::post(const QString& path, const QJsonObject& body, const QString& correlationId,
                    Callback done, bool retrySafe)
{
    auto call = std::make_shared<Call>();
    call->method = "POST";
    call->path = path;
    call->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call->correlationId = correlationId;
    call->retrySafe = retrySafe;
    call->done = std::move(done);
    send(call);
}

void CtClient::send(const std::shared_ptr<Call>& call)
{
    ++call->attempt;
    m_tokens->withToken([this, call](const Expected<TokenProvider::Token>& token) {
        if (!token) {
            CtResponse failed;
            failed.transportError = token.error().message;
            call->done(failed);
            return;
        }
        QUrl url = m_config.apiUrl;
        url.setPath(url.path() + QLatin1Char('/') + m_config.projectKey + QLatin1Char('/') +
                    call->path);
        url.setQuery(call->query);
        QNetworkRequest request(url);
        request.setTransferTimeout(int(m_options.timeout.count()));
        request.setRawHeader("Authorization", "Bearer " + token->accessToken);
        request.setRawHeader("X-Correlation-ID", call->correlationId.toLatin1());
        if (!call->body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));

        QElapsedTimer elapsed;
        elapsed.start();
        QNetworkReply* reply = m_network->sendCustomRequest(request, call->method, call->body);
        const QByteArray usedToken = token->accessToken;
        connect(reply, &QNetworkReply::finished, this, [this, call, reply, elapsed, usedToken] {
            reply->deleteLater();
            CtResponse response;
            response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->isOpen()) // an aborted (timed-out) reply has nothing to read
                response.body = QJsonDocument::fromJson(reply->readAll()).object();
            if (response.status == 0) {
                response.timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                                    reply->error() == QNetworkReply::TimeoutError;
                response.transportError =
                    response.timedOut ? QStringLiteral("timed out") : reply->errorString();
            }
            qCDebug(lcServerCt).noquote()
                << call->method << call->path << "→" << response.status << "in" << elapsed.elapsed()
                << "ms, attempt" << call->attempt << "correlation" << call->correlationId;

            if (response.status == 401 && !call->tokenRenewed) {
                // The request was not carried out; a fresh token and one more try are safe.
                call->tokenRenewed = true;
                --call->attempt;
                m_tokens->invalidate(usedToken);
                send(call);
                return;
            }
            const bool transient = response.status == 0 || response.status == 502 ||
                                   response.status == 503 || response.status == 504;
            if (transient && call->retrySafe && call->attempt < m_options.maxAttempts) {
                retryLater(call);
                return;
            }
            if (transient)
                qCWarning(lcServerCt).noquote()
                    << call->method << call->path << "failed:"
                    << (response.status ? QString::number(response.status)
                                        : response.transportError)
                    << "correlation" << call->correlationId;
            call->done(response);
        });
    });
}

void CtClient::retryLater(const std::shared_ptr<Call>& call)
{
    const auto delay = m_options.firstBackoff * (1 << (call->attempt - 1));
    QTimer::singleShot(delay, this, [this, call] { send(call); });
}

void CtClient::update(const QString& path, const QJsonObject& current, ActionBuilder actions,
                      const QString& correlationId, Callback done)
{
    updateAttempt(path, current, actions, correlationId, done, m_options.maxConflictRetries);
}

void CtClient::updateLatest(const QString& path, ActionBuilder actions,
                            const QString& correlationId, Callback done)
{
    get(path, {}, correlationId,
        [this, path, actions = std::move(actions), correlationId,
         done = std::move(done)](const CtResponse& current) {
            if (!current.ok()) {
                done(current);
                return;
            }
            update(path, current.body, actions, correlationId, done);
        });
}

void CtClient::updateAttempt(const QString& path, const QJsonObject& current,
                             const ActionBuilder& actions, const QString& correlationId,
                             const Callback& done, int conflictsLeft)
{
    const QJsonArray built = actions(current);
    if (built.isEmpty()) {
        CtResponse unchanged;
        unchanged.status = 200;
        unchanged.body = current;
        done(unchanged);
        return;
    }
    const QJsonObject body{{QStringLiteral("version"), current.value(QStringLiteral("version"))},
                           {QStringLiteral("actions"), built}};
    // An update carries the version it was built on, so repeating it cannot apply it twice.
    post(
        path, body, correlationId,
        [this, path, actions, correlationId, done, conflictsLeft](const CtResponse& response) {
            if (response.status != 409 ||
                response.errorCode() != QLatin1StringView("ConcurrentModification") ||
                conflictsLeft <= 0) {
                done(response);
                return;
            }
            qCInfo(lcServerCt) << "concurrent modification of" << path << "- reading it again";
            get(path, {}, correlationId, [=, this](const CtResponse& fresh) {
                if (!fresh.ok()) {
                    done(fresh);
                    return;
                }
                updateAttempt(path, fresh.body, actions, correlationId, done, conflictsLeft - 1);
            });
        },
        true);
}

} // namespace storedesk::server
