#include "checkout.h"

#include "api/apiclient.h"
#include "api/cartjobs.h"
#include "base/logging.h"
#include "paymentflow.h"

#include <QUuid>

namespace storedesk::flows {

Checkout::Checkout(api::ApiClient* client, PendingPayments records, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_records(std::move(records))
    , m_unresolved(client, &m_records)
{
}

void Checkout::setPlace(const QString& storeKey, const QString& workstationId)
{
    m_storeKey = storeKey;
    m_workstationId = workstationId;
    m_unresolved.setPlace(storeKey, workstationId);
    m_unresolved.report();
}

QStringList Checkout::cartsWithPendingPayments() const
{
    QStringList carts;
    for (const PendingPayment& attempt : m_records.at(m_storeKey, m_workstationId)) {
        if (!carts.contains(attempt.cartId))
            carts.append(attempt.cartId);
    }
    return carts;
}

void Checkout::open(const QString& cartId)
{
    close();
    m_cartId = cartId;
    for (const PendingPayment& attempt : m_records.at(m_storeKey, m_workstationId)) {
        if (attempt.cartId == cartId)
            m_queued.append(attempt);
    }
    if (!m_queued.isEmpty())
        startFlow(m_queued.takeFirst(), true);
    refreshBalance();
}

void Checkout::close()
{
    // A running attempt goes on at the server and stays recorded; it is resumed when the cart is
    // opened again.
    delete m_flow;
    for (QPointer<api::ApiJob>* job : {&m_balanceJob, &m_orderJob}) {
        if (*job && !(*job)->isFinished()) {
            (*job)->disconnect(this);
            (*job)->abort();
        }
        *job = nullptr;
    }
    m_cartId.clear();
    m_balance.reset();
    m_order.reset();
    m_succeeded.clear();
    m_queued.clear();
    m_orderWanted = false;
}

bool Checkout::isPaying() const
{
    return m_flow && !m_flow->isFinal();
}

void Checkout::refreshBalance()
{
    if (!m_client || m_cartId.isEmpty())
        return;
    if (m_balanceJob && !m_balanceJob->isFinished()) {
        m_balanceJob->disconnect(this);
        m_balanceJob->abort();
    }
    if (std::optional<api::CartBalance> offered = std::exchange(m_offered, std::nullopt);
        offered && offered->cartId == m_cartId) {
        applyBalance(*offered);
        return;
    }
    auto* job = new api::CartBalanceJob(m_client, m_storeKey, m_cartId);
    connect(job, &api::ApiJob::finished, this, [this, job] {
        const auto result = job->result();
        if (!result) {
            emit balanceFailed(result.error().toDisplayString());
            return;
        }
        applyBalance(*result);
    });
    m_balanceJob = job;
    job->start();
}

void Checkout::applyBalance(const api::CartBalance& balance)
{
    m_balance = balance;
    emit balanceChanged();
    if (isPaidInFull() && !isPaying() && !m_order && m_queued.isEmpty())
        placeOrder();
}

bool Checkout::isPaidInFull() const
{
    return m_balance && m_balance->openBalance.isZero() && m_balance->pending.isZero() &&
           !m_balance->paid.isZero();
}

bool Checkout::pay(const api::PaymentRequest& request)
{
    if (m_cartId.isEmpty() || isPaying() || m_order || isPlacingOrder())
        return false;
    PendingPayment attempt = PendingPayment::create(m_storeKey, m_workstationId, m_cartId, request);
    attempt.serverUrl = m_client->serverUrl().toString();
    attempt.colleague = m_colleague;
    startFlow(attempt, false);
    return true;
}

void Checkout::startFlow(const PendingPayment& attempt, bool resumed)
{
    delete m_flow;
    auto* flow = new PaymentFlow(m_client, &m_records, attempt, this);
    m_flow = flow;
    connect(flow, &PaymentFlow::finished, this, &Checkout::onFlowFinished);
    emit paymentStarted(flow);
    resumed ? flow->resume() : flow->start();
}

void Checkout::takePaymentNow()
{
    if (m_flow)
        m_flow->takeNow();
}

void Checkout::discardPayment()
{
    if (m_flow)
        m_flow->discard();
}

void Checkout::cancelPayment()
{
    if (isPaying())
        m_flow->cancel();
}

void Checkout::onFlowFinished()
{
    auto* flow = qobject_cast<PaymentFlow*>(sender());
    if (!flow)
        return;
    if (flow->stage() == PaymentFlow::Stage::Succeeded && flow->view())
        m_succeeded.append(*flow->view());
    if (flow->stage() == PaymentFlow::Stage::Unresolved) {
        m_unresolved.report();
        emit m_unresolved.changed();
    }
    emit paymentFinished(flow);
    if (!m_queued.isEmpty() && m_flow == flow) {
        startFlow(m_queued.takeFirst(), true);
        return;
    }
    refreshBalance();
}

void Checkout::placeOrder()
{
    if (!m_client || m_cartId.isEmpty() || m_order || isPlacingOrder())
        return;
    emit orderPlacing();
    // The order is made from the cart as it is now: its version changed with every payment.
    auto* job = new api::CartJob(m_client, m_storeKey, m_cartId);
    connect(job, &api::ApiJob::finished, this, [this, job] {
        m_orderJob = nullptr;
        const auto cart = job->result();
        if (!cart) {
            emit orderFailed(cart.error().toDisplayString());
            return;
        }
        placeOrderAtVersion(cart->version);
    });
    m_orderJob = job;
    job->start();
}

void Checkout::placeOrderAtVersion(qint64 version)
{
    // The server makes one order per cart, so a new key for a new try cannot make a second one.
    auto* job = new api::PlaceOrderJob(m_client, m_storeKey, m_cartId, version,
                                       QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    connect(job, &api::ApiJob::finished, this, [this, job] {
        m_orderJob = nullptr;
        const auto order = job->result();
        if (!order) {
            emit orderFailed(order.error().toDisplayString());
            return;
        }
        m_order = *order;
        qCInfo(lcCoreFlows).noquote() << "order" << order->orderNumber << "for cart" << m_cartId;
        emit orderPlaced(*order);
    });
    m_orderJob = job;
    job->start();
}

} // namespace storedesk::flows
