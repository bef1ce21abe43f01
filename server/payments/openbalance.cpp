#include "openbalance.h"

namespace storedesk::server {

OpenBalance::OpenBalance(const Money& total)
    : m_total(total)
    , m_paid(total.currency() ? Money::zero(*total.currency()) : Money())
    , m_pending(m_paid)
    , m_rest(total)
{
}

Expected<void> OpenBalance::add(const Money& amount, State state)
{
    Money* sum = state == State::Succeeded                             ? &m_paid
                 : state == State::Creating || state == State::Pending ? &m_pending
                                                                       : nullptr;
    if (!sum) {
        // Failed and cancelled attempts take nothing, but must still be in the cart's currency.
        if (amount.currencyCode() != m_total.currencyCode())
            return Error{Error::Kind::CurrencyMismatch,
                         QStringLiteral("an attempt in %1 on a cart in %2")
                             .arg(amount.currencyCode(), m_total.currencyCode()),
                         QString()};
        return {};
    }
    const Expected<Money> added = sum->plus(amount);
    if (!added)
        return added.error();
    const Expected<Money> rest = m_rest.minus(amount);
    if (!rest)
        return rest.error();
    *sum = *added;
    m_rest = *rest;
    return {};
}

Money OpenBalance::open() const
{
    if (m_rest.isNegative() && m_total.currency())
        return Money::zero(*m_total.currency());
    return m_rest;
}

bool OpenBalance::fits(const Money& amount) const
{
    const Expected<int> compared = amount.compare(open());
    return compared && *compared <= 0;
}

} // namespace storedesk::server
