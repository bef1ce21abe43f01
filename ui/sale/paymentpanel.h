#pragma once

#include "api/paymentjobs.h"
#include "common/style.h"
#include "domain/order.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QHBoxLayout;
class QVBoxLayout;

namespace storedesk::flows {
class Checkout;
class PaymentFlow;
} // namespace storedesk::flows

namespace storedesk::ui {

class Keypad;

// Taking payment for the open cart: the open balance, the workstation's tenders and an amount that
// defaults to the balance (less for a split tender); cash with quick amounts and the change shown
// large; card with the terminal's progress and Cancel; and, once the balance is zero, the order
// number, the receipt and the next customer. It drives a flows::Checkout and never waits on it.
// Laid out for the counter (issue 14, shared/design/COUNTER-UI.md): the open balance and the
// change due in display type, tenders as large buttons, an on-screen keypad for touch-only tills.
// The change due stays on screen until the next cart or Next customer.
class PaymentPanel : public QWidget {
    Q_OBJECT

public:
    enum class Page { NoCart, Tender, Cash, Card, Done };

    PaymentPanel(flows::Checkout* checkout, QWidget* parent = nullptr);

    void setTenders(const QStringList& tenders);
    void setLocale(const QLocale& locale) { m_locale = locale; }
    // A cart was opened (or cleared, with an empty id).
    void showCart(const QString& cartId, const std::optional<Money>& total);

    // The keyboard's way in (menu actions): choose a tender with the amount in the field.
    void chooseTender(const QString& tender);
    // Escape: back from the cash page, or cancel a card payment.
    bool back();

    Page page() const;
    QLineEdit* amount() const { return m_amount; }
    QLineEdit* cashTendered() const { return m_tendered; }
    QPushButton* tenderButton(const QString& tender) const;
    QPushButton* confirmCashButton() const { return m_confirmCash; }
    QPushButton* cancelCardButton() const { return m_cancelCard; }
    QPushButton* takeNowButton() const { return m_takeNow; }
    QPushButton* discardButton() const { return m_discard; }
    QPushButton* receiptButton() const { return m_receipt; }
    QPushButton* nextCustomerButton() const { return m_next; }
    QLabel* openBalance() const { return m_open; }
    QLabel* message() const { return m_message; }
    QLabel* changeDue() const { return m_change; }
    QLabel* cardStatus() const { return m_cardStatus; }
    QLabel* orderNumber() const { return m_orderNumber; }
    QLabel* paid() const { return m_paid; }
    QLabel* paidInFull() const { return m_paidInFull; }
    QLabel* declineDetail() const { return m_detail; }
    QLabel* doneChange() const { return m_doneChange; }
    QLabel* doneMessage() const { return m_doneMessage; }
    QLabel* tenderChange() const { return m_tenderChange; }
    Keypad* keypad() const { return m_keypad; }
    Keypad* cashKeypad() const { return m_cashKeypad; }
    QList<QPushButton*> quickCashButtons() const { return m_quickCash; }

    // A tender key acting on an amount that changed less than this ago does not pay: nobody can
    // have read it yet (keys typed just before F12 that the scanner filter was still holding).
    static constexpr int amountSettleMs = 150;

    static QString tenderName(const QString& tender);

signals:
    void receiptRequested(const storedesk::Order& order,
                          const QList<storedesk::api::PaymentView>& tenders);
    void nextCustomer();

private:
    // takeFocus: false when the page changes without the colleague asking (a cart was opened by
    // a scan, which must not move the focus).
    void showPage(Page page, bool takeFocus = true);
    void updateBalance();
    std::optional<Money> typedAmount(QLineEdit* field, bool showError);
    void openCash();
    void updateChange();
    void confirmCash();
    void startPayment(const api::PaymentRequest& request);
    void watch(flows::PaymentFlow* flow);
    void updateCard();
    void onPaymentFinished(flows::PaymentFlow* flow);
    void onOrderPlaced(const Order& order);
    void fillQuickCash(const Money& due);
    void showChangeDue();
    void say(QLabel* label, const QString& text, style::Tone tone = style::Tone::Neutral);

    flows::Checkout* m_checkout;
    QLocale m_locale;
    QStringList m_tenders;
    std::optional<Money> m_cartTotal;
    std::optional<Money> m_cashDue;
    QPointer<flows::PaymentFlow> m_flow;
    // The change of the last cash payment with change, until the next customer.
    std::optional<Money> m_changeDue;
    // When the colleague last changed the amount, and whether it was during the event being
    // handled now (a flush of held keys just before a tender key acts).
    QElapsedTimer m_amountEdited;
    bool m_amountEditedNow = false;

    QStackedWidget* m_pages;
    QLabel* m_noCart;
    // tender choice
    QLabel* m_open;
    QLabel* m_paid;
    QLineEdit* m_amount;
    QHBoxLayout* m_tenderRow;
    QList<QPushButton*> m_tenderButtons;
    QLabel* m_message;
    QLabel* m_detail;
    QWidget* m_tenderChangeBox;
    QLabel* m_tenderChange;
    Keypad* m_keypad;
    // cash
    QLabel* m_cashDueLabel;
    QLineEdit* m_tendered;
    QVBoxLayout* m_quickColumn;
    QList<QPushButton*> m_quickCash;
    QLabel* m_change;
    QLabel* m_cashMessage;
    Keypad* m_cashKeypad;
    QPushButton* m_confirmCash;
    QPushButton* m_cashBack;
    // card
    QLabel* m_cardAmount;
    QLabel* m_cardStatus;
    QProgressBar* m_cardProgress;
    QPushButton* m_cancelCard;
    QPushButton* m_takeNow;
    QPushButton* m_discard;
    // done
    QLabel* m_paidInFull;
    QWidget* m_doneChangeBox;
    QLabel* m_orderNumber;
    QLabel* m_doneChange;
    QLabel* m_doneMessage;
    QPushButton* m_retryOrder;
    QPushButton* m_receipt;
    QPushButton* m_next;
};

} // namespace storedesk::ui
