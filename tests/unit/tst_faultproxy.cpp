// The fault-injecting proxy of the fault suite, against a small keep-alive HTTP server of its own:
// each fault does to the client and to the upstream what it says, keep-alive connections are
// split into requests, the filter and the script choose which requests get which fault.

#include "faultproxy.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace storedesk::test;
using Fault = FaultProxy::Fault;

namespace {

// A keep-alive HTTP/1.1 server answering every request with "<n> <method> <path>", n counting the
// requests it received; runs on the test's thread.
class Backend : public QTcpServer {
public:
    struct Received {
        QByteArray method;
        QByteArray path;
        QByteArray body;
        int connection = 0;
    };
    QList<Received> received;
    int connections = 0;
    // Answers padded to this size, then the connection closed ("Connection: close").
    qsizetype closeAfterAnswerOf = 0;

    Backend() { listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        const int connection = ++connections;
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, connection] {
            *buffer += socket->readAll();
            for (;;) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                qsizetype length = 0;
                for (const QByteArray& line : lines)
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                if (buffer->size() < end + 4 + length)
                    return;
                const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
                received.append({requestLine.value(0), requestLine.value(1),
                                 buffer->mid(end + 4, length), connection});
                buffer->remove(0, end + 4 + length);
                QByteArray body = QByteArray::number(received.size()) + ' ' + requestLine.value(0) +
                                  ' ' + requestLine.value(1);
                if (closeAfterAnswerOf > 0)
                    body = body.leftJustified(closeAfterAnswerOf, '.');
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\n\r\n" + body);
                if (closeAfterAnswerOf > 0) {
                    socket->disconnectFromHost();
                    return;
                }
            }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

// A client on a plain socket, so that an orderly close (FIN) and a reset (RST) can be told apart;
// it keeps the test's event loop (the backend) running while it waits.
class Client {
public:
    enum class End { Open, Closed, Reset };

    explicit Client(quint16 port)
    {
        m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected =
            ::connect(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~Client() { ::close(m_socket); }

    bool connected() const { return m_connected; }

    void send(const QByteArray& bytes) { ::send(m_socket, bytes.constData(), bytes.size(), 0); }

    static QByteArray request(const QByteArray& method, const QByteArray& path,
                              const QByteArray& body = {})
    {
        return method + ' ' + path +
               " HTTP/1.1\r\nHost: test\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\n\r\n" + body;
    }

    // The body of the next complete answer, or empty with end() telling why.
    QByteArray answer()
    {
        for (;;) {
            const qsizetype headerEnd = m_input.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                const qsizetype at = m_input.toLower().indexOf("content-length:");
                const qsizetype length = m_input.mid(at + 15, m_input.indexOf("\r\n", at) - at - 15)
                                             .trimmed()
                                             .toLongLong();
                if (m_input.size() >= headerEnd + 4 + length) {
                    const QByteArray body = m_input.mid(headerEnd + 4, length);
                    m_input.remove(0, headerEnd + 4 + length);
                    return body;
                }
            }
            if (!readSome())
                return {};
        }
    }

    // Waits until the proxy ends the connection: how it did, and whether any byte came first.
    End waitForEnd()
    {
        while (readSome()) {
        }
        return m_end;
    }
    QByteArray unread() const { return m_input; }
    End end() const { return m_end; }

private:
    bool readSome()
    {
        if (m_end != End::Open)
            return false;
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            pollfd descriptor{m_socket, POLLIN, 0};
            if (::poll(&descriptor, 1, 10) <= 0)
                continue;
            char bytes[65536];
            const ssize_t read = ::recv(m_socket, bytes, sizeof bytes, 0);
            if (read > 0) {
                m_input.append(bytes, read);
                return true;
            }
            m_end = read == 0 ? End::Closed : errno == ECONNRESET ? End::Reset : End::Closed;
            return false;
        }
        return false; // still open after 10 s
    }

    int m_socket = -1;
    bool m_connected = false;
    QByteArray m_input;
    End m_end = End::Open;
};

} // namespace

class TestFaultProxy : public QObject {
    Q_OBJECT

private slots:
    void passesSeveralRequestsOnOneConnection()
    {
        Backend backend;
        FaultProxy proxy;
        QVERIFY(proxy.start(backend.url()));
        Client client(proxy.port());
        QVERIFY(client.connected());

        client.send(Client::request("GET", "/a"));
        QCOMPARE(client.answer(), QByteArray("1 GET /a"));
        client.send(Client::request("POST", "/b", "{\"x\":1}"));
        QCOMPARE(client.answer(), QByteArray("2 POST /b"));
        // Two requests in one write (pipelined) are split and both forwarded.
        client.send(Client::request("PUT", "/c", "12345") + Client::request("GET", "/d"));
        QCOMPARE(client.answer(), QByteArray("3 PUT /c"));
        QCOMPARE(client.answer(), QByteArray("4 GET /d"));

        QCOMPARE(backend.connections, 1);
        QCOMPARE(backend.received.at(1).body, QByteArray("{\"x\":1}"));
        QCOMPARE(backend.received.at(2).body, QByteArray("12345"));
        QCOMPARE(proxy.requests(), 4);
        QCOMPARE(proxy.injected(Fault::Pass), 4);
        QCOMPARE(proxy.injectedFaults(), 0);
    }

    void anAnswerBeforeTheUpstreamClosesReachesTheClientWhole()
    {
        Backend backend;
        backend.closeAfterAnswerOf = 512 * 1024;
        FaultProxy proxy;
        QVERIFY(proxy.start(backend.url()));
        Client client(proxy.port());
        client.send(Client::request("GET", "/big"));
        const QByteArray answer = client.answer();
        QCOMPARE(answer.size(), backend.closeAfterAnswerOf);
        QVERIFY(answer.startsWith("1 GET /big"));
        QCOMPARE(client.waitForEnd(), Client::End::Closed);
    }

    void dropsTheAnswerOfAForwardedRequest()
    {
        Backend backend;
        FaultProxy proxy;
        QVERIFY(proxy.start(backend.url()));
        proxy.setFilter("POST", QRegularExpression(QStringLiteral("^/orders$")));
        proxy.script({Fault::DropAnswer});
        Client client(proxy.port());

        client.send(Client::request("GET", "/orders")); // not matching: passes
        QCOMPARE(client.answer(), QByteArray("1 GET /orders"));
        client.send(Client::request("POST", "/orders", "{}"));
        QCOMPARE(client.waitForEnd(), Client::End::Closed);
        QVERIFY(client.unread().isEmpty()); // not a byte of the answer

        QCOMPARE(backend.received.size(), 2); // the upstream received and answered it
        QCOMPARE(backend.received.at(1).method, QByteArray("POST"));
        QCOMPARE(proxy.injected(Fault::DropAnswer), 1);
        QCOMPARE(proxy.injected(Fault::Pass), 0); // the GET did not match the filter
        QCOMPARE(proxy.requests(), 2);
    }

    void resetsBeforeForwarding()
    {
        Backend backend;
        FaultProxy proxy;
        QVERIFY(proxy.start(backend.url()));
        proxy.script({Fault::ResetBeforeForward});
        {
            Client client(proxy.port());
            client.send(Client::request("POST", "/payments", "{\"amount\":1}"));
            QCOMPARE(client.waitForEnd(), Client::End::Reset);
            QVERIFY(client.unread().isEmpty());
        }
        // The next connection passes; the backend has seen only its request.
        Client next(proxy.port());
        next.send(Client::request("GET", "/after"));
        QCOMPARE(next.answer(), QByteArray("1 GET /after"));
        QCOMPARE(backend.received.size(), 1);
        QCOMPARE(proxy.injected(Fault::ResetBeforeForward), 1);
    }

    void resetsAfterForwarding()
    {
        Backend backend;
        FaultProxy proxy;
        QVERIFY(proxy.start(backend.url()));
        proxy.script({Fault::ResetAfterForward});
        Client client(proxy.port());
        client.send(Client::request("POST", "/payments", "{\"amount\":2}"));
        QCOMPARE(client.waitForEnd(), Client::End::Reset);
        QVERIFY(client.unread().isEmpty());
        QTRY_COMPARE(backend.received.size(), 1); // it was forwarded all the same
        QCOMPARE(backend.received.first().body, QByteArray("{\"amount\":2}"));
        QCOMPARE(proxy.injected(Fault::ResetAfterForward), 1);
    }

    void delaysAndKeepsTheOrderOfRequests()
    {
        Backend backend;
        FaultProxy proxy;
        QVERIFY(proxy.start(backend.url()));
        proxy.setMaxDelayMs(300);
        proxy.script({Fault::Delay, Fault::Pass});
        Client client(proxy.port());
        // The second request, behind the delayed one, must not overtake it.
        client.send(Client::request("POST", "/first", "1") +
                    Client::request("POST", "/second", "2"));
        QCOMPARE(client.answer(), QByteArray("1 POST /first"));
        QCOMPARE(client.answer(), QByteArray("2 POST /second"));
        QCOMPARE(proxy.injected(Fault::Delay), 1);
        QCOMPARE(proxy.injected(Fault::Pass), 1);
    }

    void answersAConflictWithoutForwarding()
    {
        Backend backend;
        FaultProxy proxy;
        QVERIFY(proxy.start(backend.url()));
        proxy.setFilter("POST", QRegularExpression(QStringLiteral("^/orders/o1$")));
        proxy.script({Fault::AnswerConflict});
        Client client(proxy.port());
        client.send(Client::request("GET", "/orders/o1"));
        QCOMPARE(client.answer(), QByteArray("1 GET /orders/o1"));
        client.send(Client::request("POST", "/orders/o1", "{\"version\":1}"));
        const QByteArray conflict = client.answer();
        QVERIFY2(conflict.contains("\"code\":\"ConcurrentModification\""), conflict.constData());
        // The connection stays usable and the next update goes through.
        client.send(Client::request("POST", "/orders/o1", "{\"version\":1}"));
        QCOMPARE(client.answer(), QByteArray("2 POST /orders/o1"));
        QCOMPARE(backend.received.size(), 2); // the answered one never reached it
        QCOMPARE(proxy.injected(Fault::AnswerConflict), 1);
        QCOMPARE(proxy.log(),
                 (QStringList{QStringLiteral("GET /orders/o1"), QStringLiteral("POST /orders/o1"),
                              QStringLiteral("POST /orders/o1")}));
    }

    void theFilterChoosesWhichRequestsUseTheScript()
    {
        Backend backend;
        FaultProxy proxy;
        QVERIFY(proxy.start(backend.url()));
        proxy.setFilter("POST", QRegularExpression(QStringLiteral("/carts/[^/]+/payments$")));
        proxy.script({Fault::ResetBeforeForward});
        Client client(proxy.port());
        client.send(Client::request("GET", "/carts/c1/payments"));
        QCOMPARE(client.answer(), QByteArray("1 GET /carts/c1/payments"));
        client.send(Client::request("POST", "/carts/c1"));
        QCOMPARE(client.answer(), QByteArray("2 POST /carts/c1"));
        client.send(Client::request("POST", "/carts/c1/payments", "{}"));
        QCOMPARE(client.waitForEnd(), Client::End::Reset);
        QCOMPARE(backend.received.size(), 2);
    }

    void aRuleGivesOtherWeightsToItsRequests()
    {
        Backend backend;
        FaultProxy proxy;
        QVERIFY(proxy.start(backend.url()));
        proxy.setRandom(7, {.pass = 0, .resetBeforeForward = 1});
        proxy.addRule("GET", QRegularExpression(QStringLiteral("^/read")), {.pass = 1});
        Client client(proxy.port());
        client.send(Client::request("GET", "/read/1"));
        QCOMPARE(client.answer(), QByteArray("1 GET /read/1"));
        client.send(Client::request("POST", "/read/1"));
        QCOMPARE(client.waitForEnd(), Client::End::Reset);
        QCOMPARE(proxy.injected(Fault::Pass), 1);
        QCOMPARE(proxy.injected(Fault::ResetBeforeForward), 1);
    }

    void disabledPassesEverything()
    {
        Backend backend;
        FaultProxy proxy;
        QVERIFY(proxy.start(backend.url()));
        proxy.setRandom(1, {.pass = 0, .resetBeforeForward = 1});
        proxy.setEnabled(false);
        Client client(proxy.port());
        client.send(Client::request("GET", "/x"));
        QCOMPARE(client.answer(), QByteArray("1 GET /x"));
        QCOMPARE(proxy.injectedFaults(), 0);
    }

    void aSeedGivesTheSameFaults()
    {
        Backend backend;
        const FaultProxy::Weights weights{.pass = 1,
                                          .dropAnswer = 1,
                                          .resetBeforeForward = 1,
                                          .resetAfterForward = 1,
                                          .delay = 1,
                                          .answerConflict = 1};
        QList<QList<Client::End>> runs;
        QList<QString> summaries;
        for (int run = 0; run < 2; ++run) {
            FaultProxy proxy;
            QVERIFY(proxy.start(backend.url()));
            proxy.setRandom(42, weights);
            proxy.setMaxDelayMs(5);
            QList<Client::End> ends;
            for (int i = 0; i < 40; ++i) {
                Client client(proxy.port());
                client.send(Client::request("POST", "/p"));
                const QByteArray answer = client.answer();
                ends << (answer.isEmpty() ? client.end() : Client::End::Open);
            }
            runs << ends;
            summaries << proxy.summary();
            for (int i = 1; i < FaultProxy::faultKinds; ++i)
                QVERIFY2(proxy.injected(static_cast<Fault>(i)) > 0, qPrintable(proxy.summary()));
            QCOMPARE(proxy.requests(), 40);
        }
        QCOMPARE(summaries.at(0), summaries.at(1));
        QCOMPARE(runs.at(0), runs.at(1));
    }

    void anUpstreamThatIsDownClosesTheClient()
    {
        quint16 freePort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            freePort = probe.serverPort();
        }
        FaultProxy proxy;
        QVERIFY(proxy.start(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freePort))));
        Client client(proxy.port());
        client.send(Client::request("GET", "/"));
        QVERIFY(client.waitForEnd() != Client::End::Open);
        QVERIFY(client.unread().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
