#pragma once

#include <QObject>

namespace storedesk::server {

class Router;
class SessionStore;
struct ServiceContext;

// What commercetools InStore calls on the retailer's integration server (seed 001), with
// X-Api-Key: GET /callbacks/carts/{cartId} (cart retrieval) and GET /callbacks/users/{userKey}
// (the access token behind a user key).
class CallbackRoutes : public QObject {
    Q_OBJECT

public:
    explicit CallbackRoutes(const ServiceContext& context, QObject* parent = nullptr);
    void registerOn(Router& router);

private:
    const ServiceContext& m_context;
};

} // namespace storedesk::server
