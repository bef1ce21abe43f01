#pragma once

#include "http/router.h"
#include "services/servicefailure.h"
#include "storage/idempotencystore.h"
#include "storage/paymentattemptstore.h"

#include <QObject>

namespace storedesk::server {

struct ServiceContext;
class PaymentCoordinator;
class PaymentService;
class ProviderRegistry;

// POST /stores/{storeKey}/carts/{cartId}/payments, GET …/payments (what is paid and open),
// GET /payments/{paymentId} (long-poll),
// POST /payments/{paymentId}/cancel, and the payment extension's signed callback. The routes read
// and check requests and turn outcomes into answers; PaymentService and PaymentCoordinator decide.
class PaymentRoutes : public QObject {
    Q_OBJECT

public:
    static constexpr int MaxWaitSeconds = 30;

    PaymentRoutes(const ServiceContext& context, PaymentService& payments,
                  ProviderRegistry& providers, QObject* parent = nullptr);

    void registerOn(Router& router);

    // The integration API's Payment view of an attempt (without the commercetools Payment).
    static QJsonObject view(const PaymentAttemptRecord& record);

private:
    void startPayment(const ApiRequest& request, const Responder& responder);
    void getPayment(const ApiRequest& request, const Responder& responder);
    void listCartPayments(const ApiRequest& request, const Responder& responder);
    void cancelPayment(const ApiRequest& request, const Responder& responder);
    void providerCallback(const ApiRequest& request, const Responder& responder);

    // Calls admitted with the attempt {paymentId} when the caller may see it, else answers.
    void admitPayment(const ApiRequest& request, const Responder& responder,
                      std::function<void(const PaymentAttemptRecord&)> admitted);
    // Answers with the view and the commercetools Payment: 201 when final, else 202 (or 200).
    void answer(const PaymentAttemptRecord& record, const Responder& responder, int pendingStatus,
                int finalStatus);
    // What to do with the coordinator's answer: answer() it, or the error.
    std::function<void(const Expected<PaymentAttemptRecord, ServiceFailure>&)>
    answerWith(const Responder& responder, int pendingStatus, int finalStatus);
    void answerWhenChanged(const PaymentAttemptRecord& record, int waitSeconds,
                           const Responder& responder);

    const ServiceContext& m_context;
    PaymentService& m_payments;
    PaymentCoordinator& m_coordinator;
    ProviderRegistry& m_providers;
};

} // namespace storedesk::server
