#pragma once

#include "apierror.h"
#include "base/expected.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

#include <chrono>
#include <optional>

class QNetworkReply;

namespace storedesk::api {

class ApiClient;

// One request to the integration server (the Nextcloud desktop network-job pattern): it owns its
// reply, its timeout and its correlation id, and reports through finished() with the outcome as
// data. Nothing waits: start() returns at once, even when the request is refused before sending.
// A job deletes itself after finished() has been delivered.
class ApiJob : public QObject {
    Q_OBJECT

public:
    struct Request {
        QByteArray method = "GET";
        QString path; // below the server URL, e.g. "/stores/berlin-mitte/carts/…"
        QUrlQuery query;
        QJsonObject body;          // sent as JSON when not empty
        bool authenticated = true; // sends the access token and treats 401 as "session ended"
        QByteArray token;          // instead of the client's current token (revoking an old one)
        // Money-moving requests: the same key for every try of one attempt, so that the server
        // does the work once however often the request reaches it.
        QByteArray idempotencyKey;

        static Request get(QString path)
        {
            Request request;
            request.path = std::move(path);
            return request;
        }
        static Request send(QByteArray method, QString path, QJsonObject body = {})
        {
            Request request = get(std::move(path));
            request.method = std::move(method);
            request.body = std::move(body);
            return request;
        }
    };

    ApiJob(ApiClient* client, Request request);
    ~ApiJob() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    QString correlationId() const { return m_correlationId; }

    void start();
    // Stops the request; finished() follows with Code::Cancelled unless it already finished.
    void abort();

    bool isFinished() const { return m_finished; }
    // Set once finished with an error.
    const std::optional<ApiError>& error() const { return m_error; }

signals:
    void finished();

protected:
    // A 2xx body: read it into the job's value, or say why it does not fit the contract.
    virtual std::optional<ApiError> parseSuccess(int status, const QByteArray& body) = 0;
    // Lets a job say precisely what an error answer means for it ("no such cart", "wrong
    // password"); `details` is the error body's details object.
    virtual void describeError(ApiError& error, const QJsonObject& details) const;

private:
    void onReplyFinished();
    void finish(std::optional<ApiError> error);
    ApiError errorFromHttp(int status, const QByteArray& body) const;

    QPointer<ApiClient> m_client;
    Request m_request;
    QString m_correlationId;
    std::chrono::milliseconds m_timeout;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QByteArray m_sentToken;
    bool m_started = false;
    bool m_finished = false;
    bool m_timedOut = false;
    bool m_cancelled = false;
    std::optional<ApiError> m_error;
};

// A job whose success carries a value of type T.
template <typename T>
class ValueJob : public ApiJob {
public:
    using ApiJob::ApiJob;

    // Only meaningful after finished().
    Expected<T, ApiError> result() const
    {
        if (error())
            return *error();
        return m_value;
    }

protected:
    // Keeps a parsed body as the job's value, or turns the parse error into the job's error.
    std::optional<ApiError> accept(Expected<T> parsed)
    {
        if (!parsed)
            return ApiError::fromParseError(parsed.error(), correlationId());
        m_value = std::move(parsed).value();
        return std::nullopt;
    }

    T m_value{};
};

// A path segment for Request::path, percent-encoded so that a scanned or typed code can never
// change the route.
QString pathSegment(const QString& text);

// A job whose success carries nothing (e.g. logout).
struct Done {};

} // namespace storedesk::api
