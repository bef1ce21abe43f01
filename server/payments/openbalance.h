#pragma once

#include "domain/money.h"
#include "storage/paymentattemptstore.h"

namespace storedesk::server {

// The one rule for what is left to pay on a cart: its total less what succeeded and less what is
// still pending (Creating or Pending — two tenders racing for the last euro cannot both be asked).
// Failed and cancelled attempts take nothing. The open balance is never negative: a cart whose
// total dropped below what was paid has nothing open, not a debt. Used by the balance route and by
// the attempt store's insert, under its per-cart lock.
class OpenBalance {
public:
    using State = PaymentAttemptRecord::State;

    OpenBalance() = default;
    explicit OpenBalance(const Money& total);

    // Counts one attempt. Fails (and counts nothing) when its amount is not in the total's
    // currency or the sum overflows.
    Expected<void> add(const Money& amount, State state);
    Expected<void> add(const PaymentAttemptRecord& record)
    {
        return add(record.attempt.amount, record.state);
    }

    const Money& total() const { return m_total; }
    const Money& paid() const { return m_paid; }
    const Money& pending() const { return m_pending; }
    // total − paid − pending, but at least zero.
    Money open() const;
    // Whether a new attempt of `amount` (> 0, same currency) fits into what is open.
    bool fits(const Money& amount) const;

private:
    Money m_total;
    Money m_paid;
    Money m_pending;
    Money m_rest; // total − paid − pending, may be negative
};

} // namespace storedesk::server
