#pragma once

#include "http/apierror.h"
#include "services/servicefailure.h"

namespace storedesk::server {

// The integration API's answer to a service's failure: one HTTP status and code per kind
// (storage failures as storageFailure() answers them, upstream ones as ApiError::upstream,
// InProgress as 409 attempt_in_progress with Retry-After). A failure's own code (e.g. a Conflict's
// till_not_open) replaces the kind's code.
ApiError answerFor(const ServiceFailure& failure);

// The answer to a storage failure that is not the caller's fault: 503 database_unavailable when
// the database failed (unreachable, a lock or statement over its limit), else 500. Logs it.
ApiError storageFailure(const StorageError& error);

} // namespace storedesk::server
