#pragma once

#include "http/router.h"

namespace storedesk::server {

struct ServiceContext;

// POST /webhooks/instore: InStore's process results, signed with X-Signature (HMAC-SHA256 of the
// body with STOREDESK_WEBHOOK_SECRET). The body names its delivery: {id, type, occurredAt, …}.
// A forged or stale delivery is refused; a replayed one is acknowledged and not taken twice.
// An empty secret turns the route off (not_found).
void registerWebhookRoutes(Router& router, const ServiceContext& context, QByteArray secret);

} // namespace storedesk::server
