#include "ctclient.h"

#include "base/logging.h"
#include "curltransport.h"
#include "tokenprovider.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>

namespace storedesk::server {

const QByteArray& CtBody::bytes() const
{
    if (m_bytes.isNull() && m_object)
        m_bytes = QJsonDocument(*m_object).toJson(QJsonDocument::Compact);
    return m_bytes;
}

const QJsonObject& CtBody::object() const
{
    if (!m_object)
        m_object = QJsonDocument::fromJson(m_bytes).object();
    return *m_object;
}

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

CtClient::CtClient(ConnectorConfig config, TokenProvider* tokens, int connections, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_tokens(tokens)
    , m_transport(new CurlTransport(std::max(1, connections), this))
    , m_limit(std::max(1, connections))
{
}

CtClient::~CtClient() = default;

void CtClient::release()
{
    --m_inFlight;
    if (!m_waiting.empty() && m_inFlight < m_limit) {
        const std::shared_ptr<Call> next = std::move(m_waiting.front());
        m_waiting.pop_front();
        send(next);
    }
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
    // A call holds its place from asking for the token until its answer is in.
    if (m_inFlight >= m_limit) {
        m_waiting.push_back(call);
        return;
    }
    ++m_inFlight;
    ++call->attempt;
    m_tokens->withToken([this, call](const Expected<TokenProvider::Token>& token) {
        if (!token) {
            release();
            CtResponse failed;
            failed.transportError = token.error().message;
            call->done(failed);
            return;
        }
        QUrl url = m_config.apiUrl;
        url.setPath(url.path() + QLatin1Char('/') + m_config.projectKey + QLatin1Char('/') +
                    call->path);
        url.setQuery(call->query);
        CurlTransport::Request request;
        request.method = call->method;
        request.url = url.toEncoded();
        request.timeout = m_options.timeout;
        request.headers = {"Authorization: Bearer " + token->accessToken,
                           "X-Correlation-ID: " + call->correlationId.toLatin1()};
        if (call->method == "GET") {
            // Reads may be repeated, by the transport or by us. HTTP/2 where commercetools offers
            // it (TLS, by ALPN): one connection carries many reads. Never on cleartext.
            request.allowHttp2 = true;
        } else {
            // Sent once per attempt that this class decides on, never again behind its back (the
            // transport cannot rewind a body), and over HTTP/1.1.
            request.headers.append("Content-Type: application/json");
            request.body = call->body;
        }
        QElapsedTimer elapsed;
        elapsed.start();
        const QByteArray usedToken = token->accessToken;
        m_transport->send(std::move(request), [this, call, elapsed,
                                               usedToken](CurlTransport::Result answer) {
            release();
            CtResponse response;
            response.status = answer.status;
            response.body = CtBody::fromBytes(std::move(answer.body)); // parsed when used
            if (response.status == 0) {
                response.timedOut = answer.timedOut;
                if (answer.timedOut)
                    response.transportError = QStringLiteral("timed out");
                else if (answer.closedBeforeAnswer)
                    response.transportError =
                        QStringLiteral("the connection closed before any answer (not sent again)");
                else
                    response.transportError = answer.error;
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
