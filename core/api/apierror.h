#pragma once

#include "base/error.h"

#include <QCoreApplication>
#include <QString>

namespace storedesk::api {

// What went wrong with one request to the integration server, as data: a code for code to branch
// on, a translated message that is safe to show, and the request's correlation id so that a
// colleague can quote it to support. Secrets never reach the message.
struct ApiError {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::ApiError)

public:
    enum class Code {
        InsecureUrl,         // not https and not this machine: refused before sending
        Timeout,             // no answer within the job's timeout
        Cancelled,           // abort() was called
        ServerUnreachable,   // connection refused, host not found, network down
        TlsFailure,          // certificate or handshake problem; never ignored
        InvalidResponse,     // the answer is not what the contract says
        InvalidInput,        // 400
        Unauthenticated,     // 401: the token is unknown, expired or revoked
        Forbidden,           // 403
        NotFound,            // 404
        Conflict,            // 409
        UpstreamUnavailable, // 502/503/504: commercetools did not answer
        ServerError,         // 500 and anything else unexpected
    };

    Code code = Code::ServerError;
    QString message;           // translated, safe to show
    QString correlationId;     // X-Correlation-ID of the request
    int httpStatus = 0;        // 0 when there was no HTTP answer
    QString serverCode;        // the body's "code" ("not_found", …) when the server sent one
    int retryAfterSeconds = 0; // the Retry-After header (seconds) when the server sent one

    // A generic translated message for a code; used when the server's own is absent.
    static QString defaultMessage(Code code);
    static ApiError make(Code code, const QString& correlationId, const QString& message = {});
    // A domain parse failure of a response body.
    static ApiError fromParseError(const Error& error, const QString& correlationId);

    // "message (reference: <correlation id>)" for showing to a colleague.
    QString toDisplayString() const;

    // What to do about one of the till's refusals (docs/TILL.md: till_not_open,
    // till_already_open, till_busy, insufficient_cash), translated; empty for any other error.
    static QString tillMessage(const ApiError& error);
};

// The till's refusals by the server's code. All four are definite: nothing happened.
bool isTillNotOpen(const ApiError& error);      // 409: cash needs an open till
bool isTillAlreadyOpen(const ApiError& error);  // 409: this workstation's till is open already
bool isTillBusy(const ApiError& error);         // 409: a payment of the session is still running
bool isInsufficientCash(const ApiError& error); // 409: more than the drawer should hold

// No answer, or one that says nothing about whether the server did it (a timeout, no connection,
// a cancelled or unreadable answer, 5xx): asking again with the same Idempotency-Key is how to
// learn it. Every other error is a definite answer.
bool isOutcomeUnknown(const ApiError& error);

} // namespace storedesk::api
