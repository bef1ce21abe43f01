#include "ctclient.h"

#include "base/logging.h"
#include "tokenprovider.h"

#include <QElapsedTimer>
#include <QIODevice>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <cstring>

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

namespace {

// A request body Qt can send once only. Qt's HTTP/1 layer re-sends a request on a new connection
// by itself when the connection closed before any byte of the answer arrived
// (QHttpNetworkConnectionChannel::handleUnexpectedEOF / _q_error → closeAndResendCurrentRequest
// → QHttpNetworkConnectionPrivate::_q_startNextRequest), up to three times and whatever the
// method — for a POST that commercetools did carry out, a second order or payment. Before
// re-sending, Qt rewinds the body (resetUploadData()); a body that refuses to rewind makes that
// re-send end in ContentReSendError instead, so the caller gets the unclear answer and decides.
class OneShotBody final : public QIODevice {
public:
    explicit OneShotBody(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    bool isSequential() const override { return true; }
    qint64 size() const override { return m_data.size(); }
    qint64 bytesAvailable() const override { return m_data.size() - m_read; }
    bool atEnd() const override { return m_read >= m_data.size(); }
    bool reset() override { return false; } // the point of this class
    bool seek(qint64) override { return false; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (m_read >= m_data.size())
            return -1;
        const qint64 count = std::min(maxSize, qint64(m_data.size()) - m_read);
        std::memcpy(data, m_data.constData() + m_read, size_t(count));
        m_read += count;
        return count;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    const QByteArray m_data;
    qint64 m_read = 0;
};

} // namespace

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
    QNetworkAccessManager* network = nullptr; // of the attempt under way
};

CtClient::CtClient(ConnectorConfig config, TokenProvider* tokens, int connections, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_tokens(tokens)
    , m_limit(std::max(1, connections))
{
    // Children of this client: destroyed after its connections to their replies are gone.
    const int managers = (m_limit + ConnectionsPerManager - 1) / ConnectionsPerManager;
    for (int i = 0; i < managers; ++i)
        m_lanes.push_back({new QNetworkAccessManager(this), 0});
}

CtClient::CtClient(ConnectorConfig config, TokenProvider* tokens, QNetworkAccessManager* network,
                   QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_tokens(tokens)
    , m_lanes{{network, 0}}
{
}

CtClient::~CtClient() = default;

QNetworkAccessManager* CtClient::leastBusy()
{
    Lane* best = &m_lanes.front();
    for (Lane& lane : m_lanes) {
        if (lane.inFlight < best->inFlight)
            best = &lane;
    }
    ++best->inFlight;
    return best->network;
}

void CtClient::release(QNetworkAccessManager* network)
{
    --m_inFlight;
    for (Lane& lane : m_lanes) {
        if (lane.network == network)
            --lane.inFlight;
    }
    if (!m_waiting.empty() && (m_limit == 0 || m_inFlight < m_limit)) {
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
    if (m_limit > 0 && m_inFlight >= m_limit) {
        m_waiting.push_back(call);
        return;
    }
    ++m_inFlight;
    ++call->attempt;
    m_tokens->withToken([this, call](const Expected<TokenProvider::Token>& token) {
        if (!token) {
            release(nullptr);
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
        QNetworkAccessManager* const network = leastBusy();
        QNetworkReply* reply = nullptr;
        if (call->method == "GET") {
            // Reads may be repeated, by Qt or by us. HTTP/2 where commercetools offers it (TLS,
            // by ALPN): one connection carries many reads. Never on cleartext (no h2c upgrade).
            request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
            request.setAttribute(QNetworkRequest::Http2CleartextAllowedAttribute, false);
            reply = network->sendCustomRequest(request, call->method, call->body);
        } else {
            // Sent once per attempt that this class decides on, never again behind its back.
            // The body is streamed (not buffered, so not rewindable) and HTTP/2 stays off: its
            // handler has re-send rules of its own that this guard does not cover.
            request.setHeader(QNetworkRequest::ContentLengthHeader, call->body.size());
            request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
            request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
            auto* body = new OneShotBody(call->body);
            reply = network->sendCustomRequest(request, call->method, body);
            body->setParent(reply);
        }
        const QByteArray usedToken = token->accessToken;
        call->network = network;
        connect(reply, &QNetworkReply::finished, this, [this, call, reply, elapsed, usedToken] {
            release(call->network);
            reply->deleteLater();
            CtResponse response;
            response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->isOpen()) // an aborted (timed-out) reply has nothing to read
                response.body = CtBody::fromBytes(reply->readAll()); // parsed when used
            if (response.status == 0) {
                response.timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                                    reply->error() == QNetworkReply::TimeoutError;
                if (response.timedOut)
                    response.transportError = QStringLiteral("timed out");
                else if (reply->error() == QNetworkReply::ContentReSendError)
                    response.transportError =
                        QStringLiteral("the connection closed before any answer (not sent again)");
                else
                    response.transportError = reply->errorString();
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
