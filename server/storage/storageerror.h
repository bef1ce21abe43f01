#pragma once

#include "base/expected.h"

#include <QDateTime>
#include <QString>

#include <utility>
#include <variant>

namespace storedesk::server {

// Why an operation of the server's own storage failed, in the terms the integration API answers
// with. core's Error::Kind describes parsing documents and has no words for "locked" or
// "expired", so the storage layer carries its own kind; the routes map each kind to one API code.
struct StorageError {
    enum class Kind {
        InvalidInput,   // invalid_input: a username, store key, secret … breaks its rule
        NotFound,       // not_found: no such user
        Conflict,       // conflict: the username is taken
        Forbidden,      // forbidden: e.g. a store the user may not work in
        BadCredentials, // unauthenticated: an unknown user and a wrong secret look the same
        Locked,         // too_many_attempts (429): logins delayed; retryAt says until when
        TokenUnknown,   // unauthenticated: never issued (or purged long ago)
        TokenExpired,   // unauthenticated: past its expiry
        TokenRevoked,   // unauthenticated: logged out, or the user's secret changed
        Unavailable,    // internal: the database failed; message is for the log, not a colleague
        // idempotency_key_reused: the Idempotency-Key was first used for another request (other
        // body, path, scope, user or store); replaying its answer would hand over the wrong result.
        IdempotencyKeyReused,
    };

    Kind kind = Kind::Unavailable;
    // Plain English that names the problem; it never contains a secret or a token.
    QString message;
    // For Locked: the first moment a new attempt is considered (UTC).
    QDateTime retryAt;
};

// A value (or nothing, for StorageResult<void>) or a StorageError.
template <typename T>
using StorageResult = Expected<T, StorageError>;

} // namespace storedesk::server
