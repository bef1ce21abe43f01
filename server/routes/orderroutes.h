#pragma once

namespace storedesk::server {

class Router;
struct ServiceContext;

// GET /stores/{storeKey}/orders/{orderNumber}: the order and what of it can still be refunded.
void registerOrderRoutes(Router& router, const ServiceContext& context);

} // namespace storedesk::server
