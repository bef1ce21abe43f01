#pragma once

#include "api/orderjobs.h"
#include "domain/cart.h"
#include "domain/money.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace storedesk::flows {

class Checkout;
class PaymentFlow;
class RefundSession;

// What the customer may see on the customer display (docs/HARDWARE.md), derived from the flows:
// the cart shown at the counter, its total, paid and open balance, a card payment under way, the
// change due after cash, the thank-you with the order number, and a refund's amount and tenders.
// The window (ui/customer/customerdisplay) only presents this.
//
// It never carries anything the colleague types: no PIN, no manager's approval or its secret, no
// cash count, no note or reason text. It listens only to outcomes (a cart shown, a balance read,
// a payment started or finished, an order placed, a refund done), never to input.
class CustomerView : public QObject {
    Q_OBJECT

public:
    enum class State {
        Idle,        // between customers: a welcome
        Cart,        // the cart's lines and total (with paid and open once something is paid)
        CardPayment, // a card payment is under way: follow the terminal
        Change,      // a cash payment succeeded with change to hand back
        ThankYou,    // the order is placed (its number; the change due, if any)
        Refund,      // a refund went back (its amount and to which tenders)
    };
    Q_ENUM(State)

    struct Line {
        QString name; // in the store's language
        qint64 quantity = 0;
        Money total;
    };

    explicit CustomerView(QObject* parent = nullptr);

    void setStoreName(const QString& name);
    QString storeName() const { return m_storeName; }
    // The store's languages, first one first: the lines' names are shown in it.
    void setStoreLanguages(const QStringList& languages) { m_languages = languages; }

    // Follows a checkout's balance, payments and order (one at a time; null stops).
    void watch(Checkout* checkout);
    // Follows a refund session's result (one at a time; null stops).
    void watch(RefundSession* session);

    // The cart now shown at the counter.
    void showCart(const Cart& cart);
    // The next customer (or nobody logged in): back to the welcome.
    void clear();

    State state() const { return m_state; }
    const QList<Line>& lines() const { return m_lines; }
    const std::optional<Money>& total() const { return m_total; }
    // Set once the server's balance for the cart is known.
    const std::optional<Money>& paid() const { return m_paid; }
    const std::optional<Money>& openBalance() const { return m_open; }
    // After a cash payment with change (Change, and still on the ThankYou that follows).
    const std::optional<Money>& changeDue() const { return m_change; }
    QString orderNumber() const { return m_orderNumber; }
    // Refund: the amount back and each tender's share ("cash", "card", …).
    const std::optional<Money>& refundAmount() const { return m_refundAmount; }
    const QList<api::RefundTender>& refundTenders() const { return m_refundTenders; }

signals:
    void changed();

private:
    void onBalance();
    void onPaymentStarted(PaymentFlow* flow);
    void onPaymentFinished(PaymentFlow* flow);
    void onOrderPlaced(const QString& number);
    void onRefunded(const api::RefundResult& result);
    void setLines(const Cart& cart);
    void forgetSale();

    QString m_storeName;
    QStringList m_languages;
    QPointer<Checkout> m_checkout;
    QPointer<RefundSession> m_refunds;
    QList<QMetaObject::Connection> m_checkoutConnections;
    QMetaObject::Connection m_refundConnection;

    State m_state = State::Idle;
    QString m_cartId;
    QList<Line> m_lines;
    std::optional<Money> m_total;
    std::optional<Money> m_paid;
    std::optional<Money> m_open;
    std::optional<Money> m_change;
    QString m_orderNumber;
    std::optional<Money> m_refundAmount;
    QList<api::RefundTender> m_refundTenders;
};

} // namespace storedesk::flows
