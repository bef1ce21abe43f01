#pragma once

#include "api/paymentjobs.h"
#include "domain/order.h"
#include "paymentflow.h"
#include "pendingpayments.h"
#include "unresolvedpayments.h"

#include <QObject>
#include <QPointer>

namespace storedesk::api {
class ApiClient;
}

namespace storedesk::flows {

// Paying for one cart: what is paid and open (the server's figures), one payment attempt at a
// time, and the order once nothing is left to pay. Tenders that succeeded stay succeeded when a
// later one fails. It resumes the attempts a previous run left pending for the cart.
class Checkout : public QObject {
    Q_OBJECT

public:
    Checkout(api::ApiClient* client, PendingPayments records, QObject* parent = nullptr);

    void setPlace(const QString& storeKey, const QString& workstationId);
    QString storeKey() const { return m_storeKey; }
    // Who takes the payments from now on (kept in the attempt's record).
    void setColleague(const QString& username) { m_colleague = username; }

    // Starts over with this cart: reads its balance and resumes its pending attempts.
    void open(const QString& cartId);
    void close();
    QString cartId() const { return m_cartId; }
    // The carts with attempts a previous run left pending at this workstation, oldest first.
    QStringList cartsWithPendingPayments() const;

    // Reads the balance again, or takes the one offered for this cart (offerBalance()).
    void refreshBalance();
    // A balance read a moment ago by whoever opened the cart (the cart workspace reads the cart
    // through the balance route, which answers with both): the next open() or refreshBalance() of
    // that cart takes it instead of asking the server again. Taken once.
    void offerBalance(const api::CartBalance& balance) { m_offered = balance; }
    // Starts one attempt; false (and nothing sent) while another runs, once the order is placed,
    // or without a cart.
    bool pay(const api::PaymentRequest& request);
    void cancelPayment();
    // For a resumed attempt the server never saw (PaymentFlow::Stage::NeedsDecision).
    void takePaymentNow();
    void discardPayment();
    // Places the order (again); it also happens by itself when the balance reaches zero.
    void placeOrder();

    PaymentFlow* payment() const { return m_flow; }
    bool isPaying() const;
    bool isPlacingOrder() const { return !m_orderJob.isNull(); }
    const std::optional<api::CartBalance>& balance() const { return m_balance; }
    const std::optional<Order>& order() const { return m_order; }
    // Every attempt that succeeded while this cart was open (for the change and the receipt).
    const QList<api::PaymentView>& succeeded() const { return m_succeeded; }
    const PendingPayments& records() const { return m_records; }
    UnresolvedPayments* unresolved() { return &m_unresolved; }

signals:
    void balanceChanged();
    void balanceFailed(const QString& message);
    void paymentStarted(storedesk::flows::PaymentFlow* flow);
    void paymentFinished(storedesk::flows::PaymentFlow* flow);
    void orderPlacing();
    void orderPlaced(const storedesk::Order& order);
    void orderFailed(const QString& message);

private:
    void startFlow(const PendingPayment& attempt, bool resumed);
    void onFlowFinished();
    void placeOrderAtVersion(qint64 version);
    bool isPaidInFull() const;
    void applyBalance(const api::CartBalance& balance);

    QPointer<api::ApiClient> m_client;
    PendingPayments m_records;
    QString m_storeKey;
    QString m_workstationId;
    QString m_colleague;
    UnresolvedPayments m_unresolved;
    QString m_cartId;
    std::optional<api::CartBalance> m_balance;
    std::optional<api::CartBalance> m_offered;
    std::optional<Order> m_order;
    QList<api::PaymentView> m_succeeded;
    QList<PendingPayment> m_queued; // pending attempts of this cart still to resume
    QPointer<PaymentFlow> m_flow;
    QPointer<api::ApiJob> m_balanceJob;
    QPointer<api::ApiJob> m_orderJob;
    bool m_orderWanted = false;
};

} // namespace storedesk::flows
