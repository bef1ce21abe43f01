#pragma once

#include "http/router.h"
#include "refunds/refundservice.h"

#include <QObject>

namespace storedesk::server {

struct ServiceContext;

// POST /stores/{storeKey}/orders/{orderId}/refunds: checks the request's form, claims its
// Idempotency-Key and hands it to the RefundService, which decides; answers with what it decided.
class RefundRoutes : public QObject {
    Q_OBJECT

public:
    explicit RefundRoutes(const ServiceContext& context, QObject* parent = nullptr);

    void registerOn(Router& router);

private:
    void requestRefund(const ApiRequest& request, const Responder& responder);

    const ServiceContext& m_context;
    RefundService m_service;
};

} // namespace storedesk::server
