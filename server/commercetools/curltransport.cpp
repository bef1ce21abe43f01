#include "curltransport.h"

#include <QSocketNotifier>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace storedesk::server {

struct CurlTransport::Transfer {
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    QByteArray body;
    qsizetype sent = 0;
    QByteArray received;
    Done done;
    char error[CURL_ERROR_SIZE] = {};

    // libcurl pulls the body from here. There is no seek callback, so libcurl cannot rewind the
    // body, and a request it would send again on a fresh connection ends in
    // CURLE_SEND_FAIL_REWIND instead.
    static size_t read(char* buffer, size_t size, size_t count, void* self)
    {
        auto* transfer = static_cast<Transfer*>(self);
        const size_t left = size_t(transfer->body.size() - transfer->sent);
        const size_t n = std::min(left, size * count);
        std::memcpy(buffer, transfer->body.constData() + transfer->sent, n);
        transfer->sent += qsizetype(n);
        return n;
    }

    static size_t write(char* data, size_t size, size_t count, void* self)
    {
        auto* transfer = static_cast<Transfer*>(self);
        if (transfer->received.isEmpty()) {
            // One allocation for the whole body when its length is announced (a 200-line cart
            // comes in many pieces).
            curl_off_t length = -1;
            curl_easy_getinfo(transfer->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
            if (length > 0 && length < (qsizetype(1) << 30))
                transfer->received.reserve(qsizetype(length));
        }
        transfer->received.append(data, qsizetype(size * count));
        return size * count;
    }
};

struct CurlTransport::Watch {
    QSocketNotifier* read = nullptr;
    QSocketNotifier* write = nullptr;
};

CurlTransport::CurlTransport(int maxConnections, QObject* parent)
    : QObject(parent)
{
    static std::once_flag initialised;
    std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_multi = curl_multi_init();
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &CurlTransport::onSocket);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &CurlTransport::onTimer);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, long(std::max(1, maxConnections)));
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, long(std::max(1, maxConnections)));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { act(CURL_SOCKET_TIMEOUT, 0); });
}

CurlTransport::~CurlTransport()
{
    // Requests still under way end here, unanswered (their callbacks are not called).
    for (Transfer* transfer : m_running) {
        curl_multi_remove_handle(m_multi, transfer->easy);
        curl_easy_cleanup(transfer->easy);
        curl_slist_free_all(transfer->headers);
        delete transfer;
    }
    for (CURL* easy : m_idle)
        curl_easy_cleanup(easy);
    curl_multi_cleanup(m_multi); // closes the kept connections (their sockets are unwatched)
    for (auto& [socket, watch] : m_watches) {
        delete watch->read;
        delete watch->write;
        delete watch;
    }
}

void CurlTransport::send(Request request, Done done)
{
    auto* transfer = new Transfer;
    transfer->body = std::move(request.body);
    transfer->done = std::move(done);
    if (m_idle.empty()) {
        transfer->easy = curl_easy_init();
    } else {
        transfer->easy = m_idle.back();
        m_idle.pop_back();
        curl_easy_reset(transfer->easy);
    }
    CURL* easy = transfer->easy;
    for (const QByteArray& header : std::as_const(request.headers))
        transfer->headers = curl_slist_append(transfer->headers, header.constData());
    curl_easy_setopt(easy, CURLOPT_URL, request.url.constData());
    curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    // As QNetworkAccessManager did: no proxy from the environment, compressed answers accepted.
    curl_easy_setopt(easy, CURLOPT_PROXY, "");
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(request.timeout.count()));
    // Read what the socket has in one go (libcurl's default is 16 KB: a 200-line cart took
    // thirteen reads, each a turn of the event loop).
    curl_easy_setopt(easy, CURLOPT_BUFFERSIZE, 256L * 1024);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Transfer::write);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer);
    if (request.method == "POST") {
        curl_easy_setopt(easy, CURLOPT_POST, 1L);
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(transfer->body.size()));
        curl_easy_setopt(easy, CURLOPT_READFUNCTION, &Transfer::read);
        curl_easy_setopt(easy, CURLOPT_READDATA, transfer);
        // The body goes at once, not after a "100 Continue" that commercetools does not send.
        transfer->headers = curl_slist_append(transfer->headers, "Expect:");
    } else {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION,
                     request.allowHttp2 ? long(CURL_HTTP_VERSION_2TLS)
                                        : long(CURL_HTTP_VERSION_1_1));
    // Over TLS, ALPN tells at the handshake whether a connection multiplexes: rather wait for that
    // and share it than open another. (On cleartext HTTP/1.1 that is only known from the first
    // answer, and waiting would hold every request behind the first.)
    if (request.allowHttp2 && request.url.startsWith("https:"))
        curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers);
    m_running.insert(transfer);
    curl_multi_add_handle(m_multi, easy); // starts on the timer libcurl sets
}

int CurlTransport::onSocket(CURL*, curl_socket_t socket, int what, void* self, void*)
{
    static_cast<CurlTransport*>(self)->watch(socket, what);
    return 0;
}

int CurlTransport::onTimer(CURLM*, long timeoutMs, void* self)
{
    auto* transport = static_cast<CurlTransport*>(self);
    if (timeoutMs < 0)
        transport->m_timer.stop();
    else
        transport->m_timer.start(int(std::min<long>(timeoutMs, 1 << 30)));
    return 0;
}

void CurlTransport::watch(curl_socket_t socket, int what)
{
    const auto found = m_watches.find(socket);
    if (what == CURL_POLL_REMOVE) {
        if (found == m_watches.end())
            return;
        // This may run inside one of these notifiers' own signals: disable them at once (the
        // descriptor may be reused right away) and delete them later.
        for (QSocketNotifier* notifier : {found->second->read, found->second->write}) {
            if (notifier) {
                notifier->setEnabled(false);
                notifier->deleteLater();
            }
        }
        delete found->second;
        m_watches.erase(found);
        return;
    }
    Watch* watch = found == m_watches.end() ? m_watches.emplace(socket, new Watch).first->second
                                            : found->second;
    const auto ensure = [this, socket](QSocketNotifier*& notifier, QSocketNotifier::Type type,
                                       int events) {
        if (!notifier) {
            notifier = new QSocketNotifier(qintptr(socket), type, this);
            connect(notifier, &QSocketNotifier::activated, this,
                    [this, socket, events] { act(socket, events); });
        }
    };
    const bool reading = what == CURL_POLL_IN || what == CURL_POLL_INOUT;
    const bool writing = what == CURL_POLL_OUT || what == CURL_POLL_INOUT;
    if (reading)
        ensure(watch->read, QSocketNotifier::Read, CURL_CSELECT_IN);
    if (writing)
        ensure(watch->write, QSocketNotifier::Write, CURL_CSELECT_OUT);
    if (watch->read)
        watch->read->setEnabled(reading);
    if (watch->write)
        watch->write->setEnabled(writing);
}

void CurlTransport::act(curl_socket_t socket, int events)
{
    int running = 0;
    curl_multi_socket_action(m_multi, socket, events, &running);
    finishDone();
}

void CurlTransport::finishDone()
{
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(m_multi, &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL* easy = message->easy_handle;
        const CURLcode code = message->data.result;
        Transfer* transfer = nullptr;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, &transfer);
        long status = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        curl_multi_remove_handle(m_multi, easy);
        curl_slist_free_all(transfer->headers);
        m_running.erase(transfer);
        m_idle.push_back(easy);

        Result result;
        if (code == CURLE_OK) {
            result.status = int(status);
            result.body = std::move(transfer->received);
        } else {
            // An answer cut short is no answer: its status alone would tell a story its body
            // cannot back.
            result.timedOut = code == CURLE_OPERATION_TIMEDOUT;
            result.closedBeforeAnswer = code == CURLE_GOT_NOTHING || code == CURLE_SEND_FAIL_REWIND;
            result.error =
                QString::fromUtf8(transfer->error[0] ? transfer->error : curl_easy_strerror(code));
        }
        const Done done = std::move(transfer->done);
        delete transfer;
        done(std::move(result)); // may send more: the handle is already free for it
    }
}

} // namespace storedesk::server
