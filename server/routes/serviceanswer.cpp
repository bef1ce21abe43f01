#include "serviceanswer.h"

#include "base/logging.h"

namespace storedesk::server {

ApiError answerFor(const ServiceFailure& failure)
{
    using Kind = ServiceFailure::Kind;
    switch (failure.kind) {
    case Kind::InvalidInput:
        return ApiError::invalidInput(failure.message, failure.details);
    case Kind::NotFound:
        return ApiError::notFound(failure.message);
    case Kind::Forbidden: {
        ApiError error = ApiError::forbidden(failure.message);
        error.details = failure.details;
        return error;
    }
    case Kind::Conflict: {
        ApiError error = ApiError::conflict(failure.message, failure.details);
        if (!failure.code.isEmpty())
            error.code = failure.code;
        return error;
    }
    case Kind::InProgress: {
        ApiError error{409, QStringLiteral("attempt_in_progress"), failure.message,
                       failure.details};
        error.retryAfterSeconds = failure.retryAfterSeconds;
        return error;
    }
    case Kind::Upstream:
        return ApiError::upstream(failure.upstream);
    case Kind::Storage:
        return storageFailure(failure.storage);
    case Kind::Internal:
        break;
    }
    return ApiError::internal();
}

ApiError storageFailure(const StorageError& error)
{
    qCWarning(lcServerDb).noquote() << "storage:" << error.message;
    if (error.kind == StorageError::Kind::Unavailable)
        return ApiError::databaseUnavailable();
    return ApiError::internal();
}

} // namespace storedesk::server
