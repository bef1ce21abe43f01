#pragma once

#include "paymentprovider.h"

namespace storedesk::server {

// The cash drawer: the colleague has the money in hand, so the answer is final at once. The
// customer hands over attempt.cashTendered (absent: exactly the amount); the change is the
// difference. The answer depends on the attempt alone, so status() after a restart gives the same.
class CashProvider : public PaymentProvider {
    Q_OBJECT

public:
    using PaymentProvider::PaymentProvider;

    // Succeeded with changeDue, or Failed with a message a colleague can act on.
    static ProviderStatus evaluate(const PaymentAttempt& attempt);

    void start(const PaymentAttempt& attempt, Callback done) override;
    void status(const PaymentAttempt& attempt, Callback done) override;
    // Cash already in the drawer cannot be aborted: the answer is the attempt's state.
    void cancel(const PaymentAttempt& attempt, Callback done) override;
};

} // namespace storedesk::server
