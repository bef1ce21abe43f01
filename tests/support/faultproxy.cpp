#include "faultproxy.h"

#include <QHostAddress>
#include <QMutexLocker>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <sys/socket.h>

namespace storedesk::test {

namespace {

// Beyond this a request's headers are not HTTP as the tests send it: pass the rest through.
constexpr qsizetype maxHeaderBytes = 64 * 1024;
// An upstream that never answers a dropped request: give up on it after this.
constexpr int drainTimeoutMs = 60000;

// Closes the socket with a TCP reset (SO_LINGER 0) instead of an orderly FIN.
void resetSocket(QTcpSocket* socket)
{
    const qintptr descriptor = socket->socketDescriptor();
    if (descriptor != -1) {
        linger option{1, 0};
        ::setsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
    socket->abort();
}

// One client connection and its own upstream connection.
class ProxyConnection : public QObject {
public:
    ProxyConnection(FaultProxy* owner, QTcpSocket* client, const QUrl& target, QObject* parent)
        : QObject(parent)
        , m_owner(owner)
        , m_client(client)
        , m_upstream(new QTcpSocket(this))
    {
        m_client->setParent(this);
        connect(m_client, &QTcpSocket::readyRead, this, [this] { readClient(); });
        connect(m_client, &QTcpSocket::disconnected, this, [this] { clientGone(); });
        connect(m_upstream, &QTcpSocket::connected, this, [this] {
            m_upstreamConnected = true;
            m_upstream->write(m_unsent);
            m_unsent.clear();
        });
        connect(m_upstream, &QTcpSocket::readyRead, this, [this] { readUpstream(); });
        connect(m_upstream, &QTcpSocket::disconnected, this, [this] { upstreamGone(); });
        connect(m_upstream, &QTcpSocket::errorOccurred, this, [this] {
            if (!m_upstreamConnected)
                upstreamGone(); // refused (e.g. the server is down): the client sees a close
        });
        m_upstream->connectToHost(target.host(), static_cast<quint16>(target.port()));
    }

private:
    enum class State {
        Forwarding,   // both ways
        DropOnAnswer, // the last request's answer must not reach the client
        Draining,     // the client is gone; wait for the upstream's answer, then close
        Closed,
    };

    struct Request {
        QByteArray method;
        QByteArray path;
        QByteArray bytes;
    };

    void readClient()
    {
        m_input += m_client->readAll();
        if (m_opaque) {
            sendUpstream(m_input);
            m_input.clear();
            return;
        }
        while (!m_opaque) {
            const qsizetype headerEnd = m_input.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                if (m_input.size() > maxHeaderBytes)
                    m_opaque = true;
                break;
            }
            const QList<QByteArray> lines = m_input.left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            qsizetype bodyLength = 0;
            bool chunked = false;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length")
                    bodyLength = value.toLongLong();
                else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
                    chunked = true;
            }
            if (chunked) {
                // Not parsed: this request and all that follows on the connection pass.
                m_opaque = true;
                m_queue.append({requestLine.value(0), requestLine.value(1), m_input});
                m_input.clear();
                break;
            }
            const qsizetype total = headerEnd + 4 + bodyLength;
            if (m_input.size() < total)
                break;
            m_queue.append({requestLine.value(0), requestLine.value(1), m_input.left(total)});
            m_input.remove(0, total);
        }
        processQueue();
        if (m_opaque && !m_input.isEmpty() && m_queue.isEmpty()) {
            sendUpstream(m_input);
            m_input.clear();
        }
    }

    void processQueue()
    {
        while (!m_delaying && m_state == State::Forwarding && !m_queue.isEmpty()) {
            const Request request = m_queue.takeFirst();
            const FaultProxy::Decision decision = m_owner->decide(request.method, request.path);
            switch (decision.fault) {
            case FaultProxy::Fault::Pass:
                if (const FaultProxy::Hook hook = m_owner->beforeForward())
                    hook(request.method, request.path);
                sendUpstream(request.bytes);
                break;
            case FaultProxy::Fault::Delay:
                m_delaying = true;
                QTimer::singleShot(decision.delayMs, this, [this, bytes = request.bytes] {
                    m_delaying = false;
                    if (m_state != State::Forwarding)
                        return;
                    sendUpstream(bytes);
                    processQueue();
                });
                return;
            case FaultProxy::Fault::ResetBeforeForward:
                m_queue.clear();
                m_state = State::Closed;
                resetSocket(m_client);
                m_upstream->abort();
                deleteLater();
                return;
            case FaultProxy::Fault::ResetAfterForward:
                sendUpstream(request.bytes);
                m_queue.clear();
                m_state = State::Draining; // before the reset: the upstream must stay
                resetSocket(m_client);
                drainUpstream();
                return;
            case FaultProxy::Fault::DropAnswer:
                sendUpstream(request.bytes);
                m_state = State::DropOnAnswer;
                armDrainTimeout();
                return;
            case FaultProxy::Fault::AnswerConflict:
                answerConflict();
                break;
            }
        }
    }

    // What commercetools answers an update built on a stale version.
    void answerConflict()
    {
        const QByteArray body =
            R"({"statusCode":409,"message":"Object has a different version than expected (fault proxy).",)"
            R"("errors":[{"code":"ConcurrentModification","message":"Object has a different version than expected (fault proxy)."}]})";
        m_client->write("HTTP/1.1 409 Conflict\r\nContent-Type: application/json; charset=utf-8\r\n"
                        "Content-Length: " +
                        QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    void sendUpstream(const QByteArray& bytes)
    {
        if (m_upstreamConnected)
            m_upstream->write(bytes);
        else
            m_unsent += bytes;
    }

    void readUpstream()
    {
        const QByteArray answer = m_upstream->readAll();
        switch (m_state) {
        case State::Forwarding:
            m_client->write(answer);
            break;
        case State::DropOnAnswer:
            // The request was processed and answered; the client gets an orderly close, no byte.
            m_queue.clear();
            m_client->disconnectFromHost();
            closeUpstream();
            break;
        case State::Draining:
            closeUpstream();
            break;
        case State::Closed:
            break;
        }
    }

    void drainUpstream()
    {
        m_state = State::Draining;
        armDrainTimeout();
        if (m_upstream->state() == QAbstractSocket::UnconnectedState && m_unsent.isEmpty())
            closeUpstream();
    }

    void armDrainTimeout()
    {
        QTimer::singleShot(drainTimeoutMs, this, [this] {
            if (m_state == State::DropOnAnswer || m_state == State::Draining) {
                m_client->abort();
                closeUpstream();
            }
        });
    }

    void closeUpstream()
    {
        m_state = State::Closed;
        m_upstream->disconnectFromHost();
        deleteLater();
    }

    void clientGone()
    {
        if (m_state == State::Closed) {
            deleteLater();
        } else if (m_state == State::Forwarding) {
            m_queue.clear();
            if (m_upstreamConnected)
                m_upstream->disconnectFromHost();
            else
                m_upstream->abort();
            m_state = State::Closed;
            deleteLater();
        } else if (m_state == State::DropOnAnswer) {
            m_state = State::Draining; // keep the upstream until it has answered
        }
    }

    void upstreamGone()
    {
        if (m_state == State::Closed)
            return;
        const bool forwarding = m_state == State::Forwarding;
        m_state = State::Closed;
        if (forwarding) {
            // The upstream's last bytes reach the client before the close; the connection goes
            // once the client side is closed (clientGone).
            m_client->write(m_upstream->readAll());
            m_client->disconnectFromHost();
            if (m_client->state() != QAbstractSocket::UnconnectedState)
                return;
        } else {
            m_client->abort();
        }
        deleteLater();
    }

    FaultProxy* m_owner;
    QTcpSocket* m_client;
    QTcpSocket* m_upstream;
    bool m_upstreamConnected = false;
    QByteArray m_unsent;
    QByteArray m_input;
    QList<Request> m_queue;
    bool m_opaque = false;
    bool m_delaying = false;
    State m_state = State::Forwarding;
};

} // namespace

class FaultProxyServer : public QTcpServer {
public:
    explicit FaultProxyServer(FaultProxy* owner)
        : m_owner(owner)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* client = new QTcpSocket;
        if (!client->setSocketDescriptor(descriptor)) {
            delete client;
            return;
        }
        new ProxyConnection(m_owner, client, m_owner->target(), this);
    }

private:
    FaultProxy* m_owner;
};

QString FaultProxy::name(Fault fault)
{
    switch (fault) {
    case Fault::Pass:
        return QStringLiteral("pass");
    case Fault::DropAnswer:
        return QStringLiteral("drop-answer");
    case Fault::ResetBeforeForward:
        return QStringLiteral("reset-before");
    case Fault::ResetAfterForward:
        return QStringLiteral("reset-after");
    case Fault::Delay:
        return QStringLiteral("delay");
    case Fault::AnswerConflict:
        return QStringLiteral("answer-conflict");
    }
    return {};
}

FaultProxy::FaultProxy() = default;

FaultProxy::~FaultProxy()
{
    if (!m_thread)
        return;
    // The server and its connections are deleted on their own thread as it finishes.
    m_thread->quit();
    m_thread->wait();
}

bool FaultProxy::start(const QUrl& target)
{
    setTarget(target);
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("FaultProxy"));
    m_thread->start();
    m_server = new FaultProxyServer(this);
    m_server->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_server, &QObject::deleteLater);
    bool listening = false;
    QMetaObject::invokeMethod(
        m_server, [this, &listening] { listening = m_server->listen(QHostAddress::LocalHost, 0); },
        Qt::BlockingQueuedConnection);
    if (listening) {
        QMutexLocker lock(&m_mutex);
        m_port = m_server->serverPort();
    }
    return listening;
}

void FaultProxy::setTarget(const QUrl& target)
{
    QMutexLocker lock(&m_mutex);
    m_target = target;
}

QUrl FaultProxy::target() const
{
    QMutexLocker lock(&m_mutex);
    return m_target;
}

QUrl FaultProxy::url() const
{
    QMutexLocker lock(&m_mutex);
    QUrl url = m_target;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

quint16 FaultProxy::port() const
{
    QMutexLocker lock(&m_mutex);
    return m_port;
}

void FaultProxy::setFilter(const QByteArray& method, const QRegularExpression& path)
{
    QMutexLocker lock(&m_mutex);
    m_method = method;
    m_path = path;
}

void FaultProxy::setRandom(quint32 seed, const Weights& weights)
{
    QMutexLocker lock(&m_mutex);
    m_random.seed(seed);
    m_weights = weights;
}

void FaultProxy::addRule(const QByteArray& method, const QRegularExpression& path,
                         const Weights& weights)
{
    QMutexLocker lock(&m_mutex);
    m_rules.append({method, path, weights});
}

void FaultProxy::setMaxDelayMs(int milliseconds)
{
    QMutexLocker lock(&m_mutex);
    m_maxDelayMs = qMax(1, milliseconds);
}

void FaultProxy::script(const QList<Fault>& faults)
{
    QMutexLocker lock(&m_mutex);
    m_script += faults;
}

void FaultProxy::setEnabled(bool enabled)
{
    QMutexLocker lock(&m_mutex);
    m_enabled = enabled;
}

int FaultProxy::injected(Fault fault) const
{
    QMutexLocker lock(&m_mutex);
    return m_counts.at(static_cast<size_t>(fault));
}

int FaultProxy::injectedFaults() const
{
    QMutexLocker lock(&m_mutex);
    int total = 0;
    for (size_t i = 1; i < m_counts.size(); ++i)
        total += m_counts.at(i);
    return total;
}

int FaultProxy::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

QString FaultProxy::summary() const
{
    QStringList parts;
    for (int i = 0; i < faultKinds; ++i)
        parts << QStringLiteral("%1 %2")
                     .arg(name(static_cast<Fault>(i)))
                     .arg(injected(static_cast<Fault>(i)));
    return QStringLiteral("%1 requests: %2").arg(requests()).arg(parts.join(QStringLiteral(", ")));
}

QStringList FaultProxy::log() const
{
    QMutexLocker lock(&m_mutex);
    return m_log;
}

void FaultProxy::clearLog()
{
    QMutexLocker lock(&m_mutex);
    m_log.clear();
}

void FaultProxy::setBeforeForward(Hook hook)
{
    QMutexLocker lock(&m_mutex);
    m_beforeForward = std::move(hook);
}

FaultProxy::Hook FaultProxy::beforeForward() const
{
    QMutexLocker lock(&m_mutex);
    return m_beforeForward;
}

FaultProxy::Decision FaultProxy::decide(const QByteArray& method, const QByteArray& path)
{
    QMutexLocker lock(&m_mutex);
    ++m_requests;
    m_log.append(QString::fromLatin1(method + ' ' + path));
    if (!m_enabled)
        return {};
    if (!m_method.isEmpty() && method != m_method)
        return {};
    if (!m_path.pattern().isEmpty() && !m_path.match(QString::fromUtf8(path)).hasMatch())
        return {};
    Decision decision;
    if (!m_script.isEmpty()) {
        decision.fault = m_script.takeFirst();
    } else {
        Weights chosen = m_weights;
        for (const Rule& rule : std::as_const(m_rules)) {
            if ((rule.method.isEmpty() || rule.method == method) &&
                rule.path.match(QString::fromUtf8(path)).hasMatch()) {
                chosen = rule.weights;
                break;
            }
        }
        const std::array<int, faultKinds> weights{
            chosen.pass,  chosen.dropAnswer,    chosen.resetBeforeForward, chosen.resetAfterForward,
            chosen.delay, chosen.answerConflict};
        int total = 0;
        for (const int weight : weights)
            total += qMax(0, weight);
        if (total > 0) {
            int pick = static_cast<int>(m_random.bounded(total));
            for (int i = 0; i < faultKinds; ++i) {
                pick -= qMax(0, weights.at(static_cast<size_t>(i)));
                if (pick < 0) {
                    decision.fault = static_cast<Fault>(i);
                    break;
                }
            }
        }
    }
    if (decision.fault == Fault::Delay)
        decision.delayMs = static_cast<int>(m_random.bounded(m_maxDelayMs)) + 1;
    ++m_counts.at(static_cast<size_t>(decision.fault));
    return decision;
}

} // namespace storedesk::test
