#include "apierror.h"

#include "commercetools/ctclient.h"

namespace storedesk::server {

ApiError ApiError::invalidInput(const QString& message, const QJsonObject& details)
{
    return {400, QStringLiteral("invalid_input"), message, details};
}

ApiError ApiError::unauthenticated(const QString& message)
{
    return {401, QStringLiteral("unauthenticated"), message, {}};
}

ApiError ApiError::forbidden(const QString& message)
{
    return {403, QStringLiteral("forbidden"), message, {}};
}

ApiError ApiError::notFound(const QString& message)
{
    return {404, QStringLiteral("not_found"), message, {}};
}

ApiError ApiError::conflict(const QString& message, const QJsonObject& details)
{
    return {409, QStringLiteral("conflict"), message, details};
}

ApiError ApiError::databaseUnavailable()
{
    ApiError error{503,
                   QStringLiteral("database_unavailable"),
                   QStringLiteral("The server's database is not available right now. Nothing was "
                                  "changed; try again in a moment."),
                   {}};
    error.retryAfterSeconds = 2;
    return error;
}

ApiError ApiError::internal()
{
    return {500,
            QStringLiteral("internal"),
            QStringLiteral("Something went wrong on the integration server."),
            {}};
}

ApiError ApiError::upstream(const CtResponse& response)
{
    if (response.status == 0 && response.timedOut)
        return {504,
                QStringLiteral("upstream_unavailable"),
                QStringLiteral("commercetools did not answer in time."),
                {}};
    if (response.status == 503 || response.status == 504)
        return {response.status,
                QStringLiteral("upstream_unavailable"),
                QStringLiteral("commercetools is not available right now."),
                {}};
    // Unreachable, refused credentials, or an answer we did not expect: the caller cannot fix it.
    return {502,
            QStringLiteral("upstream_unavailable"),
            QStringLiteral("commercetools cannot be reached right now."),
            {}};
}

QJsonObject ApiError::toJson(const QString& correlationId) const
{
    QJsonObject body{{QStringLiteral("code"), code},
                     {QStringLiteral("message"), message},
                     {QStringLiteral("correlationId"), correlationId}};
    if (!details.isEmpty())
        body.insert(QStringLiteral("details"), details);
    return body;
}

} // namespace storedesk::server
