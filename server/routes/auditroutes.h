#pragma once

namespace storedesk::server {

class Router;
struct ServiceContext;

// GET /audit?from=&to=: the audit trail of the manager's stores, oldest first.
void registerAuditRoutes(Router& router, const ServiceContext& context);

} // namespace storedesk::server
