#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <curl/curl.h>
#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace storedesk::server {

// HTTP requests to commercetools through libcurl's multi interface, driven by this thread's Qt
// event loop (socket notifiers and one timer): no thread of its own and no per-request signal
// wiring, which is what QNetworkAccessManager cost per call (a third of a small lookup's
// instructions went into its string-based connects, and its HTTP thread added a hop each way).
// Connections are kept and reused; over HTTPS, requests that allow it share one HTTP/2
// connection.
//
// A body is handed to libcurl through a read callback that cannot rewind, so libcurl never sends
// a request a second time behind the caller's back (it would, on a kept connection that turned
// out dead, if it could rewind): such a loss ends the request with no status.
class CurlTransport : public QObject {
    Q_OBJECT

public:
    struct Request {
        QByteArray method; // "GET" or "POST"
        QByteArray url;
        QList<QByteArray> headers; // "Name: value"
        QByteArray body;           // POST only
        std::chrono::milliseconds timeout{10000};
        bool allowHttp2 = false; // over TLS, by ALPN; never on cleartext
    };
    struct Result {
        int status = 0; // 0: no complete HTTP answer
        QByteArray body;
        bool timedOut = false;
        bool closedBeforeAnswer = false; // the connection ended before any byte of an answer
        QString error;                   // for status 0; names no header or body
    };
    using Done = std::function<void(Result)>;

    // At most `maxConnections` connections to one host, and as many kept for reuse.
    explicit CurlTransport(int maxConnections, QObject* parent = nullptr);
    ~CurlTransport() override;

    // `done` is called once, later, from this thread's event loop; never if this is destroyed
    // first.
    void send(Request request, Done done);

private:
    struct Transfer;
    struct Watch;
    static int onSocket(CURL* easy, curl_socket_t socket, int what, void* self, void* socketData);
    static int onTimer(CURLM* multi, long timeoutMs, void* self);
    void watch(curl_socket_t socket, int what);
    void act(curl_socket_t socket, int events);
    void finishDone();

    CURLM* m_multi = nullptr;
    QTimer m_timer;
    std::unordered_map<curl_socket_t, Watch*> m_watches;
    std::unordered_set<Transfer*> m_running;
    std::vector<CURL*> m_idle; // easy handles kept for the next requests
};

} // namespace storedesk::server
