#pragma once

class QHttpServer;

namespace storedesk::server {

// GET /health: {status, version, commercetools}. Anyone may ask; it carries no secrets.
void registerHealthRoute(QHttpServer& server);

} // namespace storedesk::server
