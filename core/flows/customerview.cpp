#include "customerview.h"

#include "checkout.h"
#include "paymentflow.h"
#include "refundsession.h"

namespace storedesk::flows {

CustomerView::CustomerView(QObject* parent)
    : QObject(parent)
{
}

void CustomerView::setStoreName(const QString& name)
{
    if (name == m_storeName)
        return;
    m_storeName = name;
    emit changed();
}

void CustomerView::watch(Checkout* checkout)
{
    for (const QMetaObject::Connection& connection : std::as_const(m_checkoutConnections))
        disconnect(connection);
    m_checkoutConnections.clear();
    m_checkout = checkout;
    if (!checkout)
        return;
    m_checkoutConnections
        << connect(checkout, &Checkout::balanceChanged, this, &CustomerView::onBalance)
        << connect(checkout, &Checkout::paymentStarted, this, &CustomerView::onPaymentStarted)
        << connect(checkout, &Checkout::paymentFinished, this, &CustomerView::onPaymentFinished)
        << connect(checkout, &Checkout::orderPlaced, this,
                   [this](const Order& order) { onOrderPlaced(order.orderNumber); });
}

void CustomerView::watch(RefundSession* session)
{
    disconnect(m_refundConnection);
    m_refunds = session;
    // Only the result: the session's stages (approval asked, a manager's secret, a check) are
    // the colleague's business.
    if (session)
        m_refundConnection =
            connect(session, &RefundSession::refunded, this,
                    [this](const api::RefundResult& result) { onRefunded(result); });
}

void CustomerView::showCart(const Cart& cart)
{
    // The sale's cart read again after its order: the thank-you stays.
    if (cart.id == m_cartId && m_state == State::ThankYou)
        return;
    if (cart.id != m_cartId)
        forgetSale();
    m_cartId = cart.id;
    setLines(cart);
    m_total = cart.totalPrice;
    m_state = State::Cart;
    emit changed();
}

void CustomerView::clear()
{
    forgetSale();
    m_state = State::Idle;
    emit changed();
}

void CustomerView::forgetSale()
{
    m_cartId.clear();
    m_lines.clear();
    m_total.reset();
    m_paid.reset();
    m_open.reset();
    m_change.reset();
    m_orderNumber.clear();
    m_refundAmount.reset();
    m_refundTenders.clear();
}

void CustomerView::setLines(const Cart& cart)
{
    m_lines.clear();
    const QStringList chain = LocalizedString::fallbackChain(
        m_languages.isEmpty() ? QStringLiteral("en") : m_languages.first(), m_languages);
    for (const LineItem& line : cart.lineItems)
        m_lines.append(Line{line.name.valueIn(chain), line.quantity, line.totalPrice});
    for (const CustomLineItem& line : cart.customLineItems)
        m_lines.append(Line{line.name.valueIn(chain), line.quantity, line.totalPrice});
}

void CustomerView::onBalance()
{
    if (!m_checkout || !m_checkout->balance())
        return;
    const api::CartBalance& balance = *m_checkout->balance();
    // Only the cart on the counter, and not after its sale is over.
    if (balance.cartId != m_cartId ||
        (m_state != State::Cart && m_state != State::CardPayment && m_state != State::Change))
        return;
    if (balance.cart && balance.cart->id == m_cartId)
        setLines(*balance.cart);
    m_total = balance.total;
    m_paid = balance.paid;
    m_open = balance.openBalance;
    emit changed();
}

void CustomerView::onPaymentStarted(PaymentFlow* flow)
{
    if (!flow || flow->attempt().cartId != m_cartId)
        return;
    m_change.reset();
    // Cash needs nothing from the customer; a card needs the terminal.
    m_state = flow->attempt().request.tender == QLatin1StringView("card") ? State::CardPayment
                                                                          : State::Cart;
    emit changed();
}

void CustomerView::onPaymentFinished(PaymentFlow* flow)
{
    if (!flow || flow->attempt().cartId != m_cartId || m_state == State::ThankYou)
        return;
    const std::optional<api::PaymentView>& view = flow->view();
    if (flow->stage() == PaymentFlow::Stage::Succeeded && view && view->changeDue &&
        !view->changeDue->isZero()) {
        m_change = view->changeDue;
        m_state = State::Change;
    } else {
        m_state = State::Cart; // declined, cancelled, or paid exactly: the balance follows
    }
    emit changed();
}

void CustomerView::onOrderPlaced(const QString& number)
{
    if (!m_checkout || m_checkout->cartId() != m_cartId || m_cartId.isEmpty())
        return;
    m_orderNumber = number;
    m_state = State::ThankYou; // the change due, if any, stays on screen
    emit changed();
}

void CustomerView::onRefunded(const api::RefundResult& result)
{
    forgetSale();
    m_refundAmount = result.amount;
    m_refundTenders = result.tenders;
    m_state = State::Refund;
    emit changed();
}

} // namespace storedesk::flows
