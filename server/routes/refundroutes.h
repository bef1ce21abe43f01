#pragma once

#include "http/router.h"
#include "storage/refundstore.h"
#include "storage/userdirectory.h"

#include <QObject>

namespace storedesk::server {

struct ServiceContext;

// POST /stores/{storeKey}/orders/{orderId}/refunds: lines and quantities up to what is still
// refundable, the amount from the order's own prices, back to the original tenders (cash last),
// with a manager's approval above the store's threshold or for old orders.
class RefundRoutes : public QObject {
    Q_OBJECT

public:
    explicit RefundRoutes(const ServiceContext& context, QObject* parent = nullptr);

    void registerOn(Router& router);

private:
    struct Request;

    void requestRefund(const ApiRequest& request, const Responder& responder);
    void plan(const std::shared_ptr<Request>& refund, const Responder& responder);
    void approveAndRecord(const std::shared_ptr<Request>& refund, const Responder& responder);
    void approved(const StorageResult<User>& user, const std::shared_ptr<Request>& refund,
                  const Responder& responder, const QJsonObject& required);
    void record(const std::shared_ptr<Request>& refund, const Responder& responder);
    // Writes the planned refund to commercetools, skipping what a previous try already wrote.
    void execute(const RefundRecord& refund, const Responder& responder);
    void executeTenders(const RefundRecord& refund, int index, const Responder& responder);

    const ServiceContext& m_context;
};

} // namespace storedesk::server
