#pragma once

namespace storedesk::server {

class Router;
struct ServiceContext;

// GET /stores: for managers, the stores they may set workstations up for, with their locations
// and workstations.
void registerStoreRoutes(Router& router, const ServiceContext& context);

} // namespace storedesk::server
