#pragma once

#include "apierror.h"

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

class QHttpServerRequest;

namespace storedesk::server {

// Answers one API request exactly once, from wherever the work finishes (a route often answers
// after commercetools has). Every answer carries X-Correlation-ID, and is logged with its status
// and duration. A request nobody answered gets a 500 rather than a hanging connection.
class ApiResponder {
public:
    ApiResponder(QHttpServerResponder&& responder, const QHttpServerRequest& request);
    ~ApiResponder();
    ApiResponder(const ApiResponder&) = delete;
    ApiResponder& operator=(const ApiResponder&) = delete;

    const QString& correlationId() const { return m_correlationId; }
    // What the request log shows as the path (the router redacts arguments that act as keys).
    void setLoggedPath(const QString& path) { m_path = path; }
    bool answered() const { return m_answered; }

    void json(int status, const QJsonObject& body);
    void json(int status, const QJsonArray& body);
    void error(const ApiError& error);
    void noContent();
    // A JSON body sent byte for byte: a resource as commercetools sent it, passed through.
    void jsonBytes(int status, const QByteArray& body) { write(status, body); }
    // A JSON body stored earlier, sent byte for byte (an idempotent request's first answer).
    void replay(int status, const QByteArray& body) { write(status, body); }

    // The client's X-Correlation-ID when it is a UUID, else a new one.
    static QString correlationIdOf(const QHttpServerRequest& request);

private:
    void write(int status, const QByteArray& body, int retryAfterSeconds = 0);
    bool clientGone(int status) const;

    QHttpServerResponder m_responder;
    // The connection, which goes when the client hangs up; QHttpServerResponder would still
    // write to it. Long polls and payments often answer after a client gave up.
    QPointer<QTcpSocket> m_socket;
    QString m_correlationId;
    QByteArray m_method;
    QString m_path;
    QElapsedTimer m_elapsed;
    bool m_answered = false;
};

using Responder = std::shared_ptr<ApiResponder>;

} // namespace storedesk::server
