#pragma once

#include <QJsonObject>
#include <QString>

namespace storedesk::server {

struct CtResponse;

// An error as the integration API reports it: HTTP status, a stable code (the till's conflicts
// till_not_open, till_already_open, till_busy and insufficient_cash come from
// ServiceFailure's own code, see routes/serviceanswer.h), a message that is safe
// to show to a colleague (never a secret, never upstream internals) and optional details.
struct ApiError {
    int status = 500;
    QString code;
    QString message;
    QJsonObject details;
    // Sent as Retry-After (seconds) when more than 0.
    int retryAfterSeconds = 0;

    static ApiError invalidInput(const QString& message, const QJsonObject& details = {});
    static ApiError unauthenticated(const QString& message);
    static ApiError forbidden(const QString& message);
    static ApiError notFound(const QString& message);
    static ApiError conflict(const QString& message, const QJsonObject& details = {});
    static ApiError internal();
    // 503 database_unavailable: the server's database cannot be reached, or a lock or statement
    // took longer than its limit. Nothing was changed; the same request may be sent again.
    static ApiError databaseUnavailable();
    // commercetools did not answer, or answered with an error that is not the caller's fault.
    static ApiError upstream(const CtResponse& response);

    QJsonObject toJson(const QString& correlationId) const;
};

} // namespace storedesk::server
