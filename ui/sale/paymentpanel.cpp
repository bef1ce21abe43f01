#include "sale/paymentpanel.h"

#include "flows/checkout.h"
#include "flows/paymentflow.h"
#include "common/widgethelpers.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace storedesk::ui {
namespace {

using flows::PaymentFlow;

QLabel* bigLabel(QWidget* parent, const QString& name, const QString& accessibleName)
{
    QLabel* label = widgets::plainLabel(parent, name, accessibleName);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 2);
    font.setBold(true);
    label->setFont(font);
    return label;
}

// The amount as a colleague would type it: digits and the locale's decimal point, no symbol.
QString typeable(const Money& money, const QLocale& locale)
{
    const int digits = money.fractionDigits();
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    const qint64 units = money.minorUnits();
    QString text = QString::number(units / scale);
    if (digits > 0)
        text += locale.decimalPoint() +
                QString::number(units % scale).rightJustified(digits, QLatin1Char('0'));
    return text;
}

QWidget* addPage(QStackedWidget* pages, const QString& name)
{
    auto* widget = new QWidget(pages);
    widget->setObjectName(name);
    pages->addWidget(widget);
    return widget;
}

} // namespace

PaymentPanel::PaymentPanel(flows::Checkout* checkout, QWidget* parent)
    : QWidget(parent)
    , m_checkout(checkout)
    , m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("paymentPanel"));
    setAccessibleName(tr("Payment"));

    QWidget* noCart = addPage(m_pages, QStringLiteral("paymentNoCartPage"));
    m_noCart = widgets::plainLabel(noCart, QStringLiteral("paymentNoCart"), tr("Payment"),
                                   tr("Open a cart to take payment."));
    (new QVBoxLayout(noCart))->addWidget(m_noCart, 0, Qt::AlignTop);

    // Choosing a tender.
    QWidget* tender = addPage(m_pages, QStringLiteral("paymentTenderPage"));
    m_open = bigLabel(tender, QStringLiteral("paymentOpenBalance"), tr("Open balance"));
    m_paid = widgets::plainLabel(tender, QStringLiteral("paymentPaid"), tr("Paid so far"));
    m_amount = widgets::lineEdit(tender, QStringLiteral("paymentAmount"), tr("Amount to pay"));
    m_message =
        widgets::plainLabel(tender, QStringLiteral("paymentMessage"), tr("Payment message"));
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #a50e0e; }"));
    m_tenderRow = new QHBoxLayout;
    auto* amountLabel = new QLabel(tr("&Amount:"), tender);
    amountLabel->setBuddy(m_amount);
    auto* tenderLayout = new QVBoxLayout(tender);
    tenderLayout->addWidget(new QLabel(tr("Open balance"), tender));
    tenderLayout->addWidget(m_open);
    tenderLayout->addWidget(m_paid);
    auto* amountRow = new QHBoxLayout;
    amountRow->addWidget(amountLabel);
    amountRow->addWidget(m_amount, 1);
    tenderLayout->addLayout(amountRow);
    tenderLayout->addLayout(m_tenderRow);
    tenderLayout->addWidget(m_message);
    tenderLayout->addStretch();

    // Cash: what was handed over, the change.
    QWidget* cash = addPage(m_pages, QStringLiteral("paymentCashPage"));
    m_cashDueLabel = bigLabel(cash, QStringLiteral("cashDue"), tr("Cash due"));
    m_tendered = widgets::lineEdit(cash, QStringLiteral("cashTendered"), tr("Cash handed over"),
                                   tr("Empty: the exact amount"));
    m_quickRow = new QHBoxLayout;
    m_change = bigLabel(cash, QStringLiteral("changeDue"), tr("Change due"));
    m_confirmCash = widgets::button(cash, QStringLiteral("confirmCashButton"), tr("Confir&m cash"));
    m_cashBack = widgets::button(cash, QStringLiteral("cashBackButton"), tr("&Back"));
    auto* tenderedLabel = new QLabel(tr("Cash han&ded over:"), cash);
    tenderedLabel->setBuddy(m_tendered);
    auto* cashLayout = new QVBoxLayout(cash);
    cashLayout->addWidget(new QLabel(tr("Cash due"), cash));
    cashLayout->addWidget(m_cashDueLabel);
    cashLayout->addWidget(tenderedLabel);
    cashLayout->addWidget(m_tendered);
    cashLayout->addLayout(m_quickRow);
    cashLayout->addWidget(new QLabel(tr("Change"), cash));
    cashLayout->addWidget(m_change);
    auto* cashButtons = new QHBoxLayout;
    cashButtons->addWidget(m_confirmCash);
    cashButtons->addWidget(m_cashBack);
    cashLayout->addLayout(cashButtons);
    cashLayout->addStretch();

    // A payment in progress (a card on the terminal, or any attempt being resolved).
    QWidget* card = addPage(m_pages, QStringLiteral("paymentProgressPage"));
    m_cardAmount = bigLabel(card, QStringLiteral("paymentProgressAmount"), tr("Amount"));
    m_cardStatus =
        widgets::plainLabel(card, QStringLiteral("paymentProgressStatus"), tr("Payment status"));
    m_cardProgress = new QProgressBar(card);
    m_cardProgress->setObjectName(QStringLiteral("paymentProgressBar"));
    m_cardProgress->setAccessibleName(tr("Payment in progress"));
    m_cardProgress->setRange(0, 0);
    m_cardProgress->setTextVisible(false);
    m_cancelCard =
        widgets::button(card, QStringLiteral("cancelPaymentButton"), tr("Cancel pa&yment"));
    // An attempt an earlier run recorded but the server never received: the colleague decides.
    m_takeNow =
        widgets::button(card, QStringLiteral("takePaymentNowButton"), tr("&Take the payment now"));
    m_discard = widgets::button(card, QStringLiteral("discardPaymentButton"),
                                tr("Disca&rd (nothing was taken)"));
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->addWidget(m_cardAmount);
    cardLayout->addWidget(m_cardStatus);
    cardLayout->addWidget(m_cardProgress);
    auto* cardButtons = new QHBoxLayout;
    cardButtons->addWidget(m_cancelCard);
    cardButtons->addWidget(m_takeNow);
    cardButtons->addWidget(m_discard);
    cardButtons->addStretch();
    cardLayout->addLayout(cardButtons);
    cardLayout->addStretch();

    // Paid in full.
    QWidget* done = addPage(m_pages, QStringLiteral("paymentDonePage"));
    m_orderNumber = bigLabel(done, QStringLiteral("orderNumber"), tr("Order number"));
    m_doneChange = bigLabel(done, QStringLiteral("doneChange"), tr("Change due"));
    m_doneMessage = widgets::plainLabel(done, QStringLiteral("doneMessage"), tr("Order status"));
    m_retryOrder =
        widgets::button(done, QStringLiteral("retryOrderButton"), tr("Complete the order &again"));
    m_receipt = widgets::button(done, QStringLiteral("receiptButton"), tr("Print rece&ipt…"));
    m_next = widgets::button(done, QStringLiteral("nextCustomerButton"), tr("&Next customer"));
    auto* doneLayout = new QVBoxLayout(done);
    doneLayout->addWidget(m_orderNumber);
    doneLayout->addWidget(m_doneChange);
    doneLayout->addWidget(m_doneMessage);
    auto* doneButtons = new QHBoxLayout;
    doneButtons->addWidget(m_retryOrder);
    doneButtons->addWidget(m_receipt);
    doneButtons->addWidget(m_next);
    doneLayout->addLayout(doneButtons);
    doneLayout->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_amount, &QLineEdit::textEdited, m_message, &QLabel::clear);
    connect(m_tendered, &QLineEdit::textChanged, this, &PaymentPanel::updateChange);
    connect(m_tendered, &QLineEdit::returnPressed, this, &PaymentPanel::confirmCash);
    connect(m_confirmCash, &QPushButton::clicked, this, &PaymentPanel::confirmCash);
    connect(m_cashBack, &QPushButton::clicked, this, [this] { back(); });
    connect(m_cancelCard, &QPushButton::clicked, m_checkout, &flows::Checkout::cancelPayment);
    connect(m_takeNow, &QPushButton::clicked, m_checkout, &flows::Checkout::takePaymentNow);
    connect(m_discard, &QPushButton::clicked, m_checkout, &flows::Checkout::discardPayment);
    connect(m_retryOrder, &QPushButton::clicked, m_checkout, &flows::Checkout::placeOrder);
    connect(m_receipt, &QPushButton::clicked, this, [this] {
        if (m_checkout->order())
            emit receiptRequested(*m_checkout->order(), m_checkout->succeeded());
    });
    connect(m_next, &QPushButton::clicked, this, &PaymentPanel::nextCustomer);

    connect(m_checkout, &flows::Checkout::balanceChanged, this, &PaymentPanel::updateBalance);
    connect(m_checkout, &flows::Checkout::balanceFailed, this,
            [this](const QString& text) { m_message->setText(text); });
    connect(m_checkout, &flows::Checkout::paymentStarted, this, &PaymentPanel::watch);
    connect(m_checkout, &flows::Checkout::paymentFinished, this, &PaymentPanel::onPaymentFinished);
    connect(m_checkout, &flows::Checkout::orderPlacing, this, [this] {
        showPage(Page::Done);
        m_orderNumber->setText(tr("Paid in full"));
        m_doneMessage->setText(tr("Completing the order…"));
        m_retryOrder->hide();
        m_receipt->setEnabled(false);
    });
    connect(m_checkout, &flows::Checkout::orderPlaced, this, &PaymentPanel::onOrderPlaced);
    connect(m_checkout, &flows::Checkout::orderFailed, this, [this](const QString& text) {
        showPage(Page::Done);
        m_doneMessage->setText(
            tr("The payment is complete, but the order could not be completed yet: %1").arg(text));
        m_retryOrder->show();
        m_retryOrder->setFocus();
    });

    showPage(Page::NoCart);
}

QString PaymentPanel::tenderName(const QString& tender)
{
    if (tender == QLatin1StringView("cash"))
        return tr("Cash");
    if (tender == QLatin1StringView("card"))
        return tr("Card");
    return tender;
}

void PaymentPanel::setTenders(const QStringList& tenders)
{
    if (tenders == m_tenders)
        return;
    m_tenders = tenders;
    qDeleteAll(m_tenderButtons);
    m_tenderButtons.clear();
    for (const QString& tender : tenders) {
        const QString text = tender == QLatin1StringView("cash")   ? tr("Cash (F11)")
                             : tender == QLatin1StringView("card") ? tr("Card (F12)")
                                                                   : tenderName(tender);
        QPushButton* button =
            widgets::button(m_pages->widget(int(Page::Tender)), QStringLiteral("tender_") + tender,
                            text, tr("Pay with %1").arg(tenderName(tender)));
        button->setMinimumHeight(48);
        connect(button, &QPushButton::clicked, this, [this, tender] { chooseTender(tender); });
        m_tenderRow->addWidget(button);
        m_tenderButtons.append(button);
    }
    updateBalance();
}

QPushButton* PaymentPanel::tenderButton(const QString& tender) const
{
    return m_pages->widget(int(Page::Tender))
        ->findChild<QPushButton*>(QStringLiteral("tender_") + tender);
}

PaymentPanel::Page PaymentPanel::page() const
{
    return Page(m_pages->currentIndex());
}

void PaymentPanel::showPage(Page page, bool takeFocus)
{
    m_pages->setCurrentIndex(int(page));
    if (!takeFocus)
        return;
    switch (page) {
    case Page::Tender:
        m_amount->setFocus();
        m_amount->selectAll();
        break;
    case Page::Cash:
        m_tendered->setFocus();
        break;
    case Page::Card:
        m_cancelCard->setFocus();
        break;
    case Page::Done:
        m_next->setFocus();
        break;
    case Page::NoCart:
        break;
    }
}

void PaymentPanel::showCart(const QString& cartId, const std::optional<Money>& total)
{
    if (cartId.isEmpty()) {
        m_checkout->close();
        m_cartTotal.reset();
        showPage(Page::NoCart);
        return;
    }
    m_cartTotal = total;
    if (cartId == m_checkout->cartId()) {
        // The same cart again (a refresh): the running attempt goes on.
        m_checkout->refreshBalance();
        return;
    }
    m_message->clear();
    m_open->setText(tr("…"));
    m_paid->clear();
    m_amount->clear();
    showPage(Page::Tender, false);
    m_checkout->open(cartId); // may resume an attempt, which shows its progress
    updateBalance();
}

void PaymentPanel::updateBalance()
{
    const std::optional<api::CartBalance>& balance = m_checkout->balance();
    const bool paying = m_checkout->isPaying();
    const bool open =
        balance && !balance->openBalance.isZero() && !balance->openBalance.isNegative();
    for (QPushButton* button : std::as_const(m_tenderButtons))
        button->setEnabled(open && !paying && !m_checkout->order());
    m_amount->setEnabled(open && !paying);
    if (!balance)
        return;
    m_open->setText(balance->openBalance.toString(m_locale));
    m_paid->setText(
        balance->pending.isZero()
            ? tr("Paid: %1 of %2")
                  .arg(balance->paid.toString(m_locale), balance->total.toString(m_locale))
            : tr("Paid: %1 of %2 · in progress: %3")
                  .arg(balance->paid.toString(m_locale), balance->total.toString(m_locale),
                       balance->pending.toString(m_locale)));
    if (page() == Page::Tender && open)
        m_amount->setText(typeable(balance->openBalance, m_locale));
}

std::optional<Money> PaymentPanel::typedAmount(QLineEdit* field, bool showError)
{
    const std::optional<api::CartBalance>& balance = m_checkout->balance();
    if (!balance || !balance->openBalance.currency())
        return std::nullopt;
    const Expected<Money> amount =
        Money::parse(field->text(), *balance->openBalance.currency(), m_locale);
    QString problem;
    if (!amount)
        problem = amount.error().message;
    else if (amount->isZero())
        problem = tr("Enter an amount above zero.");
    if (!problem.isEmpty()) {
        if (showError)
            m_message->setText(problem);
        return std::nullopt;
    }
    return *amount;
}

void PaymentPanel::chooseTender(const QString& tender)
{
    if (page() != Page::Tender || !m_tenders.contains(tender) || m_checkout->isPaying())
        return;
    const std::optional<Money> amount = typedAmount(m_amount, true);
    if (!amount)
        return;
    const Expected<int> within = amount->compare(m_checkout->balance()->openBalance);
    if (!within || *within > 0) {
        m_message->setText(tr("The amount is more than the open balance (%1).")
                               .arg(m_checkout->balance()->openBalance.toString(m_locale)));
        return;
    }
    m_message->clear();
    if (tender == QLatin1StringView("cash")) {
        m_cashDue = *amount;
        openCash();
        return;
    }
    startPayment(api::PaymentRequest{tender, *amount, std::nullopt});
}

void PaymentPanel::openCash()
{
    m_cashDueLabel->setText(m_cashDue->toString(m_locale));
    m_tendered->clear();
    fillQuickCash(*m_cashDue);
    updateChange();
    m_confirmCash->setEnabled(true);
    showPage(Page::Cash);
}

void PaymentPanel::fillQuickCash(const Money& due)
{
    qDeleteAll(m_quickCash);
    m_quickCash.clear();
    QList<Money> amounts{due};
    qint64 unit = 1;
    for (int i = 0; i < due.fractionDigits(); ++i)
        unit *= 10;
    // The notes a customer is likely to hand over: the next few above the amount due.
    for (const qint64 note : {5, 10, 20, 50, 100, 200, 500}) {
        if (amounts.size() >= 4)
            break;
        const Expected<Money> money = Money::fromMinorUnits(note * unit, due.currencyCode());
        const Expected<int> above = money ? money->compare(due) : Expected<int>(money.error());
        if (above && *above > 0)
            amounts.append(*money);
    }
    QWidget* cashPage = m_pages->widget(int(Page::Cash));
    for (qsizetype i = 0; i < amounts.size(); ++i) {
        const Money amount = amounts.at(i);
        const QString text = i == 0
                                 ? tr("E&xact %1").arg(amount.toString(m_locale))
                                 : QStringLiteral("&%1 %2").arg(i).arg(amount.toString(m_locale));
        QPushButton* button =
            widgets::button(cashPage, QStringLiteral("quickCash%1").arg(i), text,
                            tr("Customer hands over %1").arg(amount.toString(m_locale)));
        connect(button, &QPushButton::clicked, this, [this, amount] {
            m_tendered->setText(typeable(amount, m_locale));
            m_tendered->setFocus();
        });
        m_quickRow->addWidget(button);
        m_quickCash.append(button);
    }
}

void PaymentPanel::updateChange()
{
    if (!m_cashDue)
        return;
    if (m_tendered->text().trimmed().isEmpty()) {
        m_change->setText(Money::zero(*m_cashDue->currency()).toString(m_locale));
        m_confirmCash->setEnabled(true);
        return;
    }
    const Expected<Money> tendered =
        Money::parse(m_tendered->text(), *m_cashDue->currency(), m_locale);
    const Expected<Money> change = tendered ? tendered->minus(*m_cashDue) : tendered;
    if (!change) {
        m_change->setText(change.error().message);
        m_confirmCash->setEnabled(false);
    } else if (change->isNegative()) {
        const Expected<Money> missing = change->negated();
        m_change->setText(tr("%1 missing").arg(missing ? missing->toString(m_locale) : QString()));
        m_confirmCash->setEnabled(false);
    } else {
        m_change->setText(change->toString(m_locale));
        m_confirmCash->setEnabled(true);
    }
}

void PaymentPanel::confirmCash()
{
    if (page() != Page::Cash || !m_cashDue || !m_confirmCash->isEnabled())
        return;
    std::optional<Money> tendered;
    if (!m_tendered->text().trimmed().isEmpty()) {
        const Expected<Money> typed =
            Money::parse(m_tendered->text(), *m_cashDue->currency(), m_locale);
        if (!typed)
            return;
        tendered = *typed;
    }
    m_confirmCash->setEnabled(false); // a second Enter sends nothing
    startPayment(api::PaymentRequest{QStringLiteral("cash"), *m_cashDue, tendered});
}

void PaymentPanel::startPayment(const api::PaymentRequest& request)
{
    if (!m_checkout->pay(request)) {
        m_message->setText(tr("A payment is already in progress for this cart."));
        showPage(m_checkout->isPaying() ? Page::Card : Page::Tender);
    }
}

bool PaymentPanel::back()
{
    switch (page()) {
    case Page::Cash:
        m_cashDue.reset();
        showPage(Page::Tender);
        return true;
    case Page::Card:
        if (m_flow && !m_flow->isFinal())
            m_checkout->cancelPayment();
        return true;
    default:
        return false;
    }
}

void PaymentPanel::watch(flows::PaymentFlow* flow)
{
    m_flow = flow;
    for (QPushButton* button : std::as_const(m_tenderButtons))
        button->setEnabled(false);
    connect(flow, &PaymentFlow::stageChanged, this, &PaymentPanel::updateCard);
    connect(flow, &PaymentFlow::uncertaintyChanged, this, &PaymentPanel::updateCard);
    const api::PaymentRequest& request = flow->attempt().request;
    m_cardAmount->setText(
        tr("%1: %2").arg(tenderName(request.tender), request.amount.toString(m_locale)));
    // Cash is settled at once; only what waits on something shows the progress page.
    if (request.tender != QLatin1StringView("cash") || !flow->attempt().paymentId.isEmpty() ||
        page() != Page::Cash)
        showPage(Page::Card);
    updateCard();
}

void PaymentPanel::updateCard()
{
    if (!m_flow)
        return;
    const bool terminal = m_flow->attempt().request.tender != QLatin1StringView("cash");
    const bool deciding = m_flow->stage() == PaymentFlow::Stage::NeedsDecision;
    m_takeNow->setVisible(deciding);
    m_discard->setVisible(deciding);
    m_cancelCard->setVisible(!deciding); // room for the two choices in a narrow panel
    m_cardProgress->setVisible(!deciding);
    if (m_flow->isOutcomeUncertain() && !m_flow->isFinal()) {
        // Said plainly: the money may have moved, and what to do about it.
        m_cardStatus->setText(
            terminal ? tr("No answer from the server for a while. The customer MAY HAVE BEEN "
                          "CHARGED: check the terminal's slip before taking another payment. "
                          "StoreDesk keeps asking and shows the outcome as soon as it arrives.")
                     : tr("No answer from the server for a while. This cash payment MAY HAVE "
                          "BEEN BOOKED: keep the cash in hand until StoreDesk shows the outcome. "
                          "StoreDesk keeps asking."));
        m_cancelCard->setEnabled(terminal && !m_flow->isCancelRequested());
        return;
    }
    switch (m_flow->stage()) {
    case PaymentFlow::Stage::Checking:
        m_cardStatus->setText(tr("StoreDesk stopped before this payment was confirmed. Asking the "
                                 "server whether it received it…"));
        break;
    case PaymentFlow::Stage::NeedsDecision: {
        const api::PaymentRequest& request = m_flow->attempt().request;
        const QString started =
            QLocale().toString(m_flow->attempt().startedAt.toLocalTime(), QLocale::ShortFormat);
        if (terminal) {
            m_cardStatus->setText(
                tr("This card payment (started %1) never reached the server: the customer was "
                   "not charged through StoreDesk. Take the payment now, or discard it.")
                    .arg(started));
        } else {
            const Money inHand = request.cashTendered ? *request.cashTendered : request.amount;
            m_cardStatus->setText(
                tr("This cash payment (started %1) never reached the server: nothing was booked. "
                   "If %2 in cash is in hand for it, take the payment now; otherwise discard it.")
                    .arg(started, inHand.toString(m_locale)));
        }
        m_takeNow->setFocus();
        break;
    }
    case PaymentFlow::Stage::Idle:
    case PaymentFlow::Stage::Sending:
        m_cardStatus->setText(terminal ? tr("Sending the payment to the terminal…")
                                       : tr("Recording the payment…"));
        break;
    case PaymentFlow::Stage::Waiting:
        m_cardStatus->setText(terminal ? tr("Waiting for the customer's card on the terminal…")
                                       : tr("Recording the payment…"));
        break;
    case PaymentFlow::Stage::Cancelling:
        m_cardStatus->setText(
            tr("Cancelling… The terminal may still approve; StoreDesk shows what it answers."));
        break;
    case PaymentFlow::Stage::Reconnecting:
        m_cardStatus->setText(tr("No clear answer yet (%1). Asking for the status of this "
                                 "payment; it will not be charged twice.")
                                  .arg(m_flow->message()));
        break;
    default:
        break;
    }
    m_cancelCard->setEnabled(terminal && !m_flow->isFinal() && !m_flow->isCancelRequested() &&
                             !deciding && m_flow->stage() != PaymentFlow::Stage::Checking);
}

void PaymentPanel::onPaymentFinished(flows::PaymentFlow* flow)
{
    const api::PaymentRequest& request = flow->attempt().request;
    const QString what =
        tr("%1 %2").arg(tenderName(request.tender), request.amount.toString(m_locale));
    switch (flow->stage()) {
    case PaymentFlow::Stage::Succeeded: {
        const std::optional<Money> change = flow->view() ? flow->view()->changeDue : std::nullopt;
        m_message->setText(
            change && !change->isZero()
                ? tr("%1 taken. Change due: %2").arg(what, change->toString(m_locale))
                : tr("%1 taken.").arg(what));
        m_doneChange->setText(change && !change->isZero()
                                  ? tr("Change: %1").arg(change->toString(m_locale))
                                  : QString());
        break;
    }
    case PaymentFlow::Stage::Failed:
        m_message->setText(
            flow->message().isEmpty()
                ? tr("%1 declined. Choose another tender.").arg(what)
                : tr("%1 declined: %2 Choose another tender.").arg(what, flow->message()));
        break;
    case PaymentFlow::Stage::Cancelled:
        m_message->setText(tr("%1 cancelled; nothing was taken.").arg(what));
        break;
    case PaymentFlow::Stage::Refused:
        m_message->setText(tr("%1 not taken: %2").arg(what, flow->message()));
        break;
    case PaymentFlow::Stage::Unresolved:
        m_message->setText(tr("%1: OUTCOME UNKNOWN. %2 It is listed under Payment > Unresolved "
                              "payments for a manager.")
                               .arg(what, flow->message()));
        break;
    case PaymentFlow::Stage::Discarded:
        m_message->setText(tr("%1 discarded; nothing was taken.").arg(what));
        break;
    default:
        return;
    }
    if (!m_checkout->order() && !m_checkout->isPlacingOrder())
        showPage(Page::Tender);
    updateBalance();
}

void PaymentPanel::onOrderPlaced(const Order& order)
{
    showPage(Page::Done);
    m_orderNumber->setText(tr("Order %1").arg(order.orderNumber));
    m_doneMessage->setText(
        tr("Paid in full. Offer the receipt, then go on with the next customer."));
    m_retryOrder->hide();
    m_receipt->setEnabled(true);
    m_next->setFocus();
}

} // namespace storedesk::ui
