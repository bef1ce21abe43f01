#pragma once

#include "connectorconfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QUrlQuery>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

namespace storedesk::server {

class CurlTransport;
class TokenProvider;

// A body commercetools sent: its bytes as they came, parsed into a QJsonObject only when someone
// asks for the object, and then once. A route that passes a resource through to its caller sends
// bytes() and never builds the tree. Reads like the QJsonObject it stands for (value(),
// conversions), so `response.body.value("results")` and `read<Cart>(response.body)` work as they
// did when body was a QJsonObject. Not for concurrent use from several threads.
class CtBody {
public:
    CtBody() = default;
    CtBody(QJsonObject object) // NOLINT: implicit, as `body = object` was before
        : m_object(std::move(object))
    {
    }
    static CtBody fromBytes(QByteArray bytes)
    {
        CtBody body;
        body.m_bytes = std::move(bytes);
        return body;
    }

    // The bytes as received; for a body made from an object, its compact JSON.
    const QByteArray& bytes() const;
    // The document as an object; empty when the bytes are not a JSON object (as fromJson gives).
    const QJsonObject& object() const;

    operator const QJsonObject&() const { return object(); } // NOLINT
    // And to whatever a QJsonObject converts to (QJsonValue, Expected<QJsonObject>, …), so that
    // code written for a QJsonObject body compiles unchanged.
    template <typename T>
    requires(std::is_constructible_v<T, const QJsonObject&> &&
             !std::is_same_v<std::remove_cvref_t<T>, QJsonObject>)
    operator T() const // NOLINT
    {
        return T(object());
    }
    template <typename Key>
    QJsonValue value(const Key& key) const
    {
        return object().value(key);
    }
    template <typename Key>
    bool contains(const Key& key) const
    {
        return object().contains(key);
    }
    bool isEmpty() const { return object().isEmpty(); }

private:
    mutable QByteArray m_bytes;
    mutable std::optional<QJsonObject> m_object;
};

// What commercetools answered. status 0: no HTTP answer at all (unreachable, timed out, no token).
struct CtResponse {
    int status = 0;
    CtBody body;
    bool timedOut = false;
    QString transportError; // for status 0; safe to log, never holds a token

    bool ok() const { return status >= 200 && status < 300; }
    // The first error code of a commercetools error body ("ConcurrentModification", …).
    QString errorCode() const;
};

// Calls the commercetools HTTP API of one project as the configured API client.
class CtClient : public QObject {
    Q_OBJECT

public:
    struct Options {
        int maxAttempts = 3;                         // per call, for retry-safe calls
        std::chrono::milliseconds firstBackoff{200}; // doubled after each failed attempt
        std::chrono::milliseconds timeout{10000};    // per attempt
        int maxConflictRetries = 3;                  // re-reads after ConcurrentModification
    };
    using Callback = std::function<void(const CtResponse&)>;
    // Builds update actions from the current resource; an empty array means nothing to do.
    using ActionBuilder = std::function<QJsonArray(const QJsonObject& current)>;

    // Sends through a pool of its own (CurlTransport, on this thread's event loop): at most
    // `connections` requests at commercetools at once, over as many kept connections; the rest
    // wait here, first come first served. Over HTTPS, GETs may use HTTP/2 (one connection
    // carries many); over cleartext HTTP it stays HTTP/1.1.
    CtClient(ConnectorConfig config, TokenProvider* tokens, int connections,
             QObject* parent = nullptr);
    ~CtClient() override;

    // Requests at commercetools at once, at most.
    int connections() const { return m_limit; }

    void setOptions(const Options& options) { m_options = options; }
    const ConnectorConfig& config() const { return m_config; }

    // `path` is relative to the project, e.g. "in-store/key=berlin/carts/{id}".
    void get(const QString& path, const QUrlQuery& query, const QString& correlationId,
             Callback done);
    // A POST is retried after 502/503/504 or a lost connection only when the caller says a
    // repeat cannot do the work twice (a create with a unique key, an update with a version).
    // Each try is sent exactly once: the transport never re-sends a body by itself after a
    // connection closed without an answer, so such a loss reaches `done` as status 0 (unclear
    // outcome).
    void post(const QString& path, const QJsonObject& body, const QString& correlationId,
              Callback done, bool retrySafe = false);
    // POSTs {version, actions} built from `current`; on ConcurrentModification reads the resource
    // again and rebuilds the actions, a bounded number of times.
    void update(const QString& path, const QJsonObject& current, ActionBuilder actions,
                const QString& correlationId, Callback done);
    // Reads the resource at `path`, then update()s it: for actions built from its latest state,
    // e.g. "add this transaction unless a previous try already did".
    void updateLatest(const QString& path, ActionBuilder actions, const QString& correlationId,
                      Callback done);

private:
    struct Call;
    void send(const std::shared_ptr<Call>& call);
    // A call's request ended (or was never sent): the next waiting call goes.
    void release();
    void retryLater(const std::shared_ptr<Call>& call);
    void updateAttempt(const QString& path, const QJsonObject& current,
                       const ActionBuilder& actions, const QString& correlationId,
                       const Callback& done, int conflictsLeft);

    ConnectorConfig m_config;
    TokenProvider* m_tokens;
    CurlTransport* m_transport; // a child
    int m_limit = 1;
    int m_inFlight = 0;
    std::deque<std::shared_ptr<Call>> m_waiting; // admitted once a request ends
    Options m_options;
};

} // namespace storedesk::server
