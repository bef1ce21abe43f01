#pragma once

#include "http/router.h"

namespace storedesk::server {

struct ServiceContext;

// What a workstation can ask and tell about its own payment attempts when it cannot follow them
// by payment id (a crash before the first answer, a server that no longer knows an attempt):
//
// GET  /stores/{storeKey}/workstations/{workstationId}/payment-attempts/{idempotencyKey}
//      the attempt for that key made at that workstation (200, the Payment view), the key's
//      stored refusal, 409 attempt_in_progress (Retry-After), or 404 attempt_unknown;
// POST /stores/{storeKey}/workstations/{workstationId}/unresolved-payments
//      an attempt whose outcome cannot be known, into the audit trail ("payment.unresolved"),
//      once per idempotencyKey (201, then 200);
// POST …/unresolved-payments/{idempotencyKey}/checked
//      a manager checked the terminal or the drawer for it ("payment.unresolved.checked", 204).
//
// The caller must be bound to that store and workstation. The storage work runs off the event
// loop (StorageExecutor), one job per request.
void registerAttemptRoutes(Router& router, const ServiceContext& context);

} // namespace storedesk::server
