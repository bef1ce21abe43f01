#pragma once

#include "http/apierror.h"
#include "services/servicefailure.h"

namespace storedesk::server {

// The integration API's answer to a service's failure: one HTTP status and code per kind
// (storage failures as storageFailure() answers them, upstream ones as ApiError::upstream).
ApiError answerFor(const ServiceFailure& failure);

} // namespace storedesk::server
