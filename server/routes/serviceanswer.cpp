#include "serviceanswer.h"

#include "servicecontext.h"

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
    case Kind::Conflict:
        return ApiError::conflict(failure.message, failure.details);
    case Kind::Upstream:
        return ApiError::upstream(failure.upstream);
    case Kind::Storage:
        return storageFailure(failure.storage);
    case Kind::Internal:
        break;
    }
    return ApiError::internal();
}

} // namespace storedesk::server
