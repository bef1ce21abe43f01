#pragma once

#include "http/router.h"
#include "storage/refundstore.h"

#include <QObject>

namespace storedesk::server {

struct ServiceContext;
class IdempotencyStore;
class UserDirectory;

// POST /stores/{storeKey}/orders/{orderId}/refunds: lines and quantities up to what is still
// refundable, the amount from the order's own prices, back to the original tenders (cash last),
// with a manager's approval above the store's threshold or for old orders.
class RefundRoutes : public QObject {
    Q_OBJECT

public:
    RefundRoutes(const ServiceContext& context, RefundStore& refunds, IdempotencyStore& idempotency,
                 UserDirectory& users, QObject* parent = nullptr);

    void registerOn(Router& router);

private:
    struct Request;

    void requestRefund(const ApiRequest& request, const Responder& responder);
    void plan(const std::shared_ptr<Request>& refund, const Responder& responder);
    void approveAndRecord(const std::shared_ptr<Request>& refund, const Responder& responder);
    void record(const std::shared_ptr<Request>& refund, const Responder& responder);
    // Writes the planned refund to commercetools, skipping what a previous try already wrote.
    void execute(const RefundRecord& refund, const Responder& responder);
    void executeTenders(const RefundRecord& refund, int index, const Responder& responder);

    const ServiceContext& m_context;
    RefundStore& m_refunds;
    IdempotencyStore& m_idempotency;
    UserDirectory& m_users;
};

} // namespace storedesk::server
