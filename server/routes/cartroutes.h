#pragma once

namespace storedesk::server {

class Router;
struct ServiceContext;

// GET /stores/{storeKey}/carts/{cartId} and GET /stores/{storeKey}/carts?key=|customerEmail=
void registerCartRoutes(Router& router, const ServiceContext& context);

} // namespace storedesk::server
