#include "httpserver.h"

#include "base/logging.h"
#include "http/apierror.h"
#include "http/router.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace storedesk::server {

namespace {

// How long a refused upload may go on being discarded before the connection is cut. Reading it
// out (rather than closing at once) lets the client see the answer: closing a socket with unread
// data makes the kernel send a reset, which can destroy the answer in flight.
constexpr int lingerMs = 5000;
// Chunked bodies are counted with their framing (chunk sizes and line ends).
constexpr qint64 chunkFramingAllowance = 64 * 1024;

// Watches one connection for QHttpServer. before() runs first on every readyRead (it is connected
// before QHttpServer connects its own handler), after() last. Between the two, QHttpServer reads
// everything available into its request; so the bytes before() has not seen are those available
// beyond what was left unread after the previous readyRead.
class BodyGuard : public QObject {
public:
    explicit BodyGuard(QTcpSocket* socket)
        : QObject(socket)
        , m_socket(socket)
    {
    }

    void before()
    {
        if (m_refused) {
            discard();
            return;
        }
        const qint64 available = m_socket->bytesAvailable();
        const qint64 fresh = available - m_seenUnread;
        if (fresh <= 0)
            return;
        qint64 bodyBytes = fresh;
        if (!m_headDone) {
            // Only as much as the head may still need; the body is counted, never copied.
            const qint64 wanted =
                std::min<qint64>(fresh, HttpServer::maxHeadBytes + 1 - m_head.size());
            const QByteArray peeked = m_socket->peek(m_seenUnread + wanted).mid(m_seenUnread);
            const qsizetype from = std::max<qsizetype>(0, m_head.size() - 3);
            m_head += peeked;
            const qsizetype end = headEnd(from);
            if (end < 0) {
                if (m_head.size() > HttpServer::maxHeadBytes)
                    refuse(431, QStringLiteral("request_header_too_large"),
                           QStringLiteral("The request line and headers are larger than 64 KB."));
                return;
            }
            bodyBytes = fresh - (peeked.size() - (m_head.size() - end));
            m_head.truncate(end);
            m_headDone = true;
            if (!readHead())
                return;
        }
        m_bodySeen += bodyBytes;
        if (m_chunked && m_bodySeen > Router::maxBodyBytes + chunkFramingAllowance)
            refuse(413, QStringLiteral("payload_too_large"), Router::bodyTooLargeMessage());
        else
            m_seenUnread = available;
    }

    void after()
    {
        if (m_refused)
            return;
        if (m_socket->isTransactionStarted()) {
            m_seenUnread = m_socket->bytesAvailable();
            return;
        }
        // QHttpServer finished a request: what is left unread is the next one, which it hands
        // on with another readyRead; look at it from its start then.
        m_head.clear();
        m_headDone = false;
        m_chunked = false;
        m_bodySeen = 0;
        m_seenUnread = 0;
    }

private:
    // The offset just past the blank line that ends the head (CRLF or bare LF, as QHttpServer
    // accepts both), or -1.
    qsizetype headEnd(qsizetype from) const
    {
        for (qsizetype i = m_head.indexOf('\n', from); i >= 0; i = m_head.indexOf('\n', i + 1)) {
            if (i + 1 < m_head.size() && m_head.at(i + 1) == '\n')
                return i + 2;
            if (i + 2 < m_head.size() && m_head.at(i + 1) == '\r' && m_head.at(i + 2) == '\n')
                return i + 3;
        }
        return -1;
    }

    // Content-Length above the limit: refused before a byte of the body is kept. false when
    // refused.
    bool readHead()
    {
        const QList<QByteArray> lines = m_head.split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
                m_chunked = true;
            } else if (name == "content-length") {
                bool ok = false;
                const qulonglong length = value.toULongLong(&ok);
                if (ok && length > qulonglong(Router::maxBodyBytes)) {
                    refuse(413, QStringLiteral("payload_too_large"), Router::bodyTooLargeMessage());
                    return false;
                }
            }
        }
        return true;
    }

    // Answers at once and closes: QHttpServer is cut off this connection (its readyRead handler
    // is disconnected, so it never sees this request), what it buffered is dropped, and whatever
    // else the client sends is read out and discarded for a while.
    void refuse(int status, const QString& code, const QString& message)
    {
        m_refused = true;
        disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
        connect(m_socket, &QTcpSocket::readyRead, this, [this] { discard(); });
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        m_socket->setReadBufferSize(64 * 1024);
        discard();

        const QString correlationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray body =
            QJsonDocument(ApiError{status, code, message, {}, 0}.toJson(correlationId))
                .toJson(QJsonDocument::Compact);
        const QByteArray reason =
            status == 413 ? "Payload Too Large" : "Request Header Fields Too Large";
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                        "\r\nContent-Type: application/json\r\nContent-Length: " +
                        QByteArray::number(body.size()) + "\r\nX-Correlation-ID: " +
                        correlationId.toLatin1() + "\r\nConnection: close\r\n\r\n" + body);
        qCInfo(lcServerHttp).noquote()
            << "request from" << m_socket->peerAddress().toString()
            << "refused before reading its body:" << status << code << correlationId;
        QTimer::singleShot(lingerMs, m_socket, [socket = m_socket] { socket->abort(); });
    }

    void discard()
    {
        while (m_socket->bytesAvailable() > 0)
            m_socket->skip(m_socket->bytesAvailable());
    }

    QTcpSocket* m_socket;
    QByteArray m_head;       // the current request's head, as far as it has arrived
    bool m_headDone = false; // m_head is complete
    bool m_chunked = false;
    qint64 m_bodySeen = 0;   // body bytes of the current request seen so far (with framing)
    qint64 m_seenUnread = 0; // available bytes already seen that QHttpServer had not read
    bool m_refused = false;
};

// Hands QHttpServer connections that already carry a BodyGuard. QHttpServer connects its
// readyRead handler when addPendingConnection() announces the socket, i.e. after before() and
// before after() (qabstracthttpserver.cpp, 6.4: handleNewConnections on
// pendingConnectionAvailable); slots run in the order they were connected.
class GuardedTcpServer : public QTcpServer {
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        auto* guard = new BodyGuard(socket);
        connect(socket, &QTcpSocket::readyRead, guard, [guard] { guard->before(); });
        addPendingConnection(socket);
        connect(socket, &QTcpSocket::readyRead, guard, [guard] { guard->after(); });
    }
};

} // namespace

HttpServer::HttpServer(const Router& router, QObject* parent)
    : QObject(parent)
{
    m_server.setMissingHandler(
        [&router](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            router.dispatch(request, std::move(responder));
        });
}

Expected<quint16> HttpServer::listen(const QHostAddress& address, quint16 port)
{
    auto tcpServer = std::make_unique<GuardedTcpServer>();
    if (!tcpServer->listen(address, port)) {
        return Error{
            Error::Kind::InvalidArgument,
            QStringLiteral("cannot listen on %1:%2 (in use, or not an address of this machine)")
                .arg(address.toString())
                .arg(port),
            QString()};
    }
    const quint16 bound = tcpServer->serverPort();
    m_server.bind(tcpServer.release()); // QHttpServer takes it as a child
    return bound;
}

} // namespace storedesk::server
