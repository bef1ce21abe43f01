#include "apierror.h"

namespace storedesk::api {

QString ApiError::defaultMessage(Code code)
{
    switch (code) {
    case Code::InsecureUrl:
        return tr("The server address is not encrypted. Use https://; plain http:// is only "
                  "allowed for this computer.");
    case Code::Timeout:
        return tr("The server did not answer in time. Try again.");
    case Code::Cancelled:
        return tr("Cancelled.");
    case Code::ServerUnreachable:
        return tr("The server cannot be reached. Check the network connection.");
    case Code::TlsFailure:
        return tr("The server's identity could not be verified (certificate problem). The "
                  "connection was refused; ask IT to check the server certificate.");
    case Code::InvalidResponse:
        return tr("The server sent an answer StoreDesk does not understand.");
    case Code::InvalidInput:
        return tr("The server refused the request as invalid.");
    case Code::Unauthenticated:
        return tr("Your session has ended. Log in again.");
    case Code::Forbidden:
        return tr("You are not allowed to do this here.");
    case Code::NotFound:
        return tr("Not found.");
    case Code::Conflict:
        return tr("Someone else changed this in the meantime. Refresh and try again.");
    case Code::UpstreamUnavailable:
        return tr("The commerce system is not answering. Try again in a moment.");
    case Code::ServerError:
        break;
    }
    return tr("The server ran into a problem. Try again; if it persists, tell IT.");
}

ApiError ApiError::make(Code code, const QString& correlationId, const QString& message)
{
    ApiError error;
    error.code = code;
    error.correlationId = correlationId;
    error.message = message.isEmpty() ? defaultMessage(code) : message;
    return error;
}

ApiError ApiError::fromParseError(const Error& error, const QString& correlationId)
{
    // The path helps support; the value itself is not repeated, so nothing sensitive leaks.
    return make(
        Code::InvalidResponse, correlationId,
        tr("The server sent an answer StoreDesk does not understand (%1).").arg(error.toString()));
}

QString ApiError::toDisplayString() const
{
    if (correlationId.isEmpty())
        return message;
    return tr("%1 (reference: %2)").arg(message, correlationId);
}

QString ApiError::tillMessage(const ApiError& error)
{
    if (isTillNotOpen(error))
        return tr("The till is not open: cash can only be taken into an open till. Open the till "
                  "(count the float), then try again.");
    if (isTillAlreadyOpen(error))
        return tr("The till of this workstation is open already. Refresh to see it.");
    if (isTillBusy(error))
        return tr("A payment at this till is still under way. Finish it, then close the till.");
    if (isInsufficientCash(error))
        return tr("The drawer does not hold that much cash. Check the amount.");
    return {};
}

bool isOutcomeUnknown(const ApiError& error)
{
    switch (error.code) {
    case ApiError::Code::Timeout:
    case ApiError::Code::Cancelled:
    case ApiError::Code::ServerUnreachable:
    case ApiError::Code::TlsFailure:
    case ApiError::Code::InvalidResponse:
    case ApiError::Code::UpstreamUnavailable:
    case ApiError::Code::ServerError:
        return true;
    default:
        return false;
    }
}

bool isTillNotOpen(const ApiError& error)
{
    return error.serverCode == QLatin1StringView("till_not_open");
}

bool isTillAlreadyOpen(const ApiError& error)
{
    return error.serverCode == QLatin1StringView("till_already_open");
}

bool isTillBusy(const ApiError& error)
{
    return error.serverCode == QLatin1StringView("till_busy");
}

bool isInsufficientCash(const ApiError& error)
{
    return error.serverCode == QLatin1StringView("insufficient_cash");
}

} // namespace storedesk::api
