#pragma once

namespace storedesk::server {

class Router;
struct ServiceContext;

// GET /stores/{storeKey}/products?sku=…: a price check on the in-store product projection.
void registerProductRoutes(Router& router, const ServiceContext& context);

} // namespace storedesk::server
