#pragma once

#include "http/router.h"
#include "orders/orderservice.h"

#include <QObject>

namespace storedesk::server {

struct ServiceContext;

// POST /stores/{storeKey}/carts/{cartId}/order: checks the request's form, claims its
// Idempotency-Key and hands it to the OrderService (one order per cart, once it is paid).
class CheckoutRoutes : public QObject {
    Q_OBJECT

public:
    explicit CheckoutRoutes(const ServiceContext& context, QObject* parent = nullptr);

    void registerOn(Router& router);

private:
    void placeOrder(const ApiRequest& request, const Responder& responder);

    const ServiceContext& m_context;
    OrderService m_service;
};

} // namespace storedesk::server
