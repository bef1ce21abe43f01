#include "cashprovider.h"

namespace storedesk::server {

ProviderStatus CashProvider::evaluate(const PaymentAttempt& attempt)
{
    using State = ProviderStatus::State;
    // The drawer has no reference of its own; the attempt's key identifies the transaction.
    const QString reference = attempt.paymentKey;
    const Money& amount = attempt.amount;
    if (!amount.isValid() || amount.isNegative() || amount.isZero())
        return ProviderStatus::make(State::Failed, reference,
                                    QStringLiteral("The amount to pay must be more than zero."));
    const Money tendered = attempt.cashTendered.value_or(amount);
    if (!tendered.isValid() || tendered.currencyCode() != amount.currencyCode())
        return ProviderStatus::make(State::Failed, reference,
                                    QStringLiteral("Cash tendered must be in %1, not %2.")
                                        .arg(amount.currencyCode(), tendered.currencyCode()));
    const Expected<Money> change = tendered.minus(amount);
    if (!change)
        return ProviderStatus::make(State::Failed, reference, change.error().message);
    if (change->isNegative())
        return ProviderStatus::make(State::Failed, reference,
                                    QStringLiteral("Cash tendered (%1) is less than the amount "
                                                   "to pay (%2).")
                                        .arg(tendered.toString(), amount.toString()));
    ProviderStatus succeeded = ProviderStatus::make(State::Succeeded, reference);
    succeeded.changeDue = *change;
    return succeeded;
}

void CashProvider::start(const PaymentAttempt& attempt, Callback done)
{
    done(evaluate(attempt));
}

void CashProvider::status(const PaymentAttempt& attempt, Callback done)
{
    done(evaluate(attempt));
}

void CashProvider::cancel(const PaymentAttempt& attempt, Callback done)
{
    done(evaluate(attempt));
}

} // namespace storedesk::server
