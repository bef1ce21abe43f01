#include "sale/paymentpanel.h"

#include "common/keypad.h"
#include "common/widgethelpers.h"
#include "flows/checkout.h"
#include "flows/declinereason.h"
#include "flows/paymentflow.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace storedesk::ui {
namespace {

using flows::PaymentFlow;

QLabel* roleLabel(QWidget* parent, const QString& name, const QString& accessibleName,
                  style::Role role)
{
    QLabel* label = widgets::plainLabel(parent, name, accessibleName);
    style::setRole(label, role);
    return label;
}

// A figure in display type: one line, never wrapped (a wrapped amount reads as two numbers).
QLabel* displayLabel(QWidget* parent, const QString& name, const QString& accessibleName)
{
    QLabel* label = roleLabel(parent, name, accessibleName, style::Role::Display);
    label->setWordWrap(false);
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

QVBoxLayout* pageLayout(QWidget* page)
{
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(style::spacing);
    return layout;
}

// Keys grow with the screen up to a size a finger finds at once; beyond that, space stays free.
constexpr int keyMaxHeight = 72;
constexpr int keypadMaxHeight = 4 * keyMaxHeight + 3 * style::spacing;

// The quick-cash keys: the same in every language (mnemonics move with the translation).
QKeySequence quickCashKey(qsizetype index)
{
    return QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + int(index)));
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
    pageLayout(noCart)->addWidget(m_noCart, 0, Qt::AlignTop);

    // Choosing a tender: the open balance large, the amount, the tenders, the keypad.
    QWidget* tender = addPage(m_pages, QStringLiteral("paymentTenderPage"));
    m_open = displayLabel(tender, QStringLiteral("paymentOpenBalance"), tr("Open balance"));
    m_paid = widgets::plainLabel(tender, QStringLiteral("paymentPaid"), tr("Paid so far"));
    // After a part paid in cash with change: the change stays in sight until the next customer.
    m_tenderChangeBox = new QWidget(tender);
    m_tenderChangeBox->setObjectName(QStringLiteral("paymentChangeBox"));
    m_tenderChange =
        displayLabel(m_tenderChangeBox, QStringLiteral("paymentChangeDue"), tr("Change due"));
    auto* tenderChangeLayout = pageLayout(m_tenderChangeBox);
    tenderChangeLayout->addWidget(new QLabel(tr("Change due"), m_tenderChangeBox));
    tenderChangeLayout->addWidget(m_tenderChange);
    m_tenderChangeBox->hide();
    m_amount = widgets::lineEdit(tender, QStringLiteral("paymentAmount"), tr("Amount to pay"));
    m_message =
        widgets::plainLabel(tender, QStringLiteral("paymentMessage"), tr("Payment message"));
    m_detail = roleLabel(tender, QStringLiteral("paymentMessageDetail"), tr("Provider's words"),
                         style::Role::Caption);
    m_detail->hide();
    m_tenderRow = new QHBoxLayout;
    m_tenderRow->setSpacing(style::spacing);
    // F10, not a mnemonic: the same key in every language.
    auto* amountLabel = new QLabel(tr("Amount (F10)"), tender);
    amountLabel->setObjectName(QStringLiteral("paymentAmountLabel"));
    amountLabel->setBuddy(m_amount);
    auto* focusAmount = new QAction(tr("Amount to pay"), this);
    focusAmount->setObjectName(QStringLiteral("actionFocusAmount"));
    focusAmount->setShortcut(QKeySequence(Qt::Key_F10));
    focusAmount->setShortcutContext(Qt::WindowShortcut);
    addAction(focusAmount);
    connect(focusAmount, &QAction::triggered, this, [this] {
        if (page() != Page::Tender || !m_amount->isEnabled())
            return;
        m_amount->setFocus(Qt::ShortcutFocusReason);
        m_amount->selectAll();
    });
    m_keypad = new Keypad(tender);
    m_keypad->setObjectName(QStringLiteral("paymentKeypad"));
    m_keypad->setMaximumHeight(keypadMaxHeight);
    auto* tenderLayout = pageLayout(tender);
    tenderLayout->addWidget(new QLabel(tr("Open balance"), tender));
    tenderLayout->addWidget(m_open);
    tenderLayout->addWidget(m_paid);
    tenderLayout->addWidget(m_tenderChangeBox);
    auto* amountRow = new QHBoxLayout;
    amountRow->addWidget(amountLabel);
    amountRow->addWidget(m_amount, 1);
    tenderLayout->addLayout(amountRow);
    tenderLayout->addLayout(m_tenderRow);
    tenderLayout->addWidget(m_message);
    tenderLayout->addWidget(m_detail);
    tenderLayout->addWidget(m_keypad, 1);
    tenderLayout->addStretch();

    // Cash: what was handed over, the change.
    QWidget* cash = addPage(m_pages, QStringLiteral("paymentCashPage"));
    m_cashDueLabel = displayLabel(cash, QStringLiteral("cashDue"), tr("Cash due"));
    m_tendered = widgets::lineEdit(cash, QStringLiteral("cashTendered"), tr("Cash handed over"),
                                   tr("Empty: the exact amount"));
    m_quickColumn = new QVBoxLayout;
    m_quickColumn->setSpacing(style::spacing);
    m_change = displayLabel(cash, QStringLiteral("changeDue"), tr("Change due"));
    m_cashMessage = widgets::plainLabel(cash, QStringLiteral("cashMessage"), tr("Cash message"));
    m_cashMessage->hide();
    m_cashKeypad = new Keypad(cash);
    m_cashKeypad->setObjectName(QStringLiteral("cashKeypad"));
    m_cashKeypad->setMaximumHeight(keypadMaxHeight);
    m_confirmCash = widgets::button(cash, QStringLiteral("confirmCashButton"), tr("Confir&m cash"));
    style::setRole(m_confirmCash, style::Role::Primary);
    m_cashBack = widgets::button(cash, QStringLiteral("cashBackButton"), tr("&Back"));
    auto* tenderedLabel = new QLabel(tr("Cash han&ded over:"), cash);
    tenderedLabel->setBuddy(m_tendered);
    auto* cashLayout = pageLayout(cash);
    cashLayout->addWidget(new QLabel(tr("Cash due"), cash));
    cashLayout->addWidget(m_cashDueLabel);
    cashLayout->addWidget(tenderedLabel);
    cashLayout->addWidget(m_tendered);
    // The notes a customer may hand over beside the keypad: one tap for the usual case.
    auto* handedOver = new QHBoxLayout;
    handedOver->setSpacing(style::spacing);
    handedOver->addLayout(m_quickColumn, 1);
    handedOver->addWidget(m_cashKeypad, 1);
    cashLayout->addLayout(handedOver, 1);
    cashLayout->addWidget(new QLabel(tr("Change due"), cash));
    cashLayout->addWidget(m_change);
    cashLayout->addWidget(m_cashMessage);
    auto* cashButtons = new QHBoxLayout;
    cashButtons->addWidget(m_confirmCash, 1);
    cashButtons->addWidget(m_cashBack);
    cashLayout->addLayout(cashButtons);
    cashLayout->addStretch();

    // A payment in progress (a card on the terminal, or any attempt being resolved).
    QWidget* card = addPage(m_pages, QStringLiteral("paymentProgressPage"));
    m_cardAmount =
        roleLabel(card, QStringLiteral("paymentProgressAmount"), tr("Amount"), style::Role::Large);
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
        widgets::button(card, QStringLiteral("takePaymentNowButton"), tr("Take the payment &now"));
    style::setRole(m_takeNow, style::Role::Primary);
    m_discard = widgets::button(card, QStringLiteral("discardPaymentButton"),
                                tr("Disca&rd (nothing was taken)"));
    auto* cardLayout = pageLayout(card);
    cardLayout->addWidget(m_cardAmount);
    cardLayout->addWidget(m_cardStatus);
    cardLayout->addWidget(m_cardProgress);
    // One above the other: the panel is narrow and the texts are long in German.
    cardLayout->addWidget(m_cancelCard);
    cardLayout->addWidget(m_takeNow);
    cardLayout->addWidget(m_discard);
    cardLayout->addStretch();

    // Paid in full.
    QWidget* done = addPage(m_pages, QStringLiteral("paymentDonePage"));
    m_paidInFull =
        roleLabel(done, QStringLiteral("paidInFull"), tr("Payment status"), style::Role::Large);
    m_doneChangeBox = new QWidget(done);
    m_doneChangeBox->setObjectName(QStringLiteral("doneChangeBox"));
    m_doneChange = displayLabel(m_doneChangeBox, QStringLiteral("doneChange"), tr("Change due"));
    auto* doneChangeLayout = pageLayout(m_doneChangeBox);
    doneChangeLayout->addWidget(new QLabel(tr("Change due"), m_doneChangeBox));
    doneChangeLayout->addWidget(m_doneChange);
    m_doneChangeBox->hide();
    // An order number is long (berlin-mitte-000123): large, not display, so it fits the panel.
    m_orderNumber =
        roleLabel(done, QStringLiteral("orderNumber"), tr("Order number"), style::Role::Large);
    m_doneMessage = widgets::plainLabel(done, QStringLiteral("doneMessage"), tr("Order status"));
    m_retryOrder =
        widgets::button(done, QStringLiteral("retryOrderButton"), tr("Complete the order &again"));
    m_receipt = widgets::button(done, QStringLiteral("receiptButton"), tr("Print rece&ipt…"));
    m_next = widgets::button(done, QStringLiteral("nextCustomerButton"), tr("&Next customer"));
    style::setRole(m_next, style::Role::Primary);
    auto* doneLayout = pageLayout(done);
    doneLayout->addWidget(m_paidInFull);
    doneLayout->addWidget(m_doneChangeBox);
    doneLayout->addWidget(new QLabel(tr("Order number"), done));
    doneLayout->addWidget(m_orderNumber);
    doneLayout->addWidget(m_doneMessage);
    doneLayout->addWidget(m_retryOrder);
    auto* doneButtons = new QHBoxLayout;
    doneButtons->addWidget(m_receipt, 1);
    doneButtons->addWidget(m_next, 1);
    doneLayout->addLayout(doneButtons);
    doneLayout->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    // A touch-only till has no other way to the field: a key of a page's keypad types into that
    // page's field when the focus is elsewhere (the lookup field, a button).
    for (const auto& [keypad, field] :
         {std::pair{m_keypad, m_amount}, std::pair{m_cashKeypad, m_tendered}}) {
        for (QPushButton* key : keypad->findChildren<QPushButton*>()) {
            connect(key, &QPushButton::pressed, field, [field] {
                if (field->hasFocus() || !field->isEnabled())
                    return;
                field->setFocus(Qt::OtherFocusReason);
                field->selectAll(); // a new amount, not digits added to the old one
            });
        }
    }

    connect(m_amount, &QLineEdit::textEdited, this, [this] {
        say(m_message, {});
        m_amountEdited.start();
        // Until control returns to the event loop: a tender key in the same dispatch (held keys
        // flushed just before it acts) finds the amount unseen, however fast the machine.
        m_amountEditedNow = true;
        QTimer::singleShot(0, this, [this] { m_amountEditedNow = false; });
    });
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
            [this](const QString& text) { say(m_message, text, style::Tone::Error); });
    connect(m_checkout, &flows::Checkout::paymentStarted, this, &PaymentPanel::watch);
    connect(m_checkout, &flows::Checkout::paymentFinished, this, &PaymentPanel::onPaymentFinished);
    connect(m_checkout, &flows::Checkout::orderPlacing, this, [this] {
        showPage(Page::Done);
        say(m_paidInFull, tr("Paid in full"), style::Tone::Success);
        m_orderNumber->setText(tr("…"));
        say(m_doneMessage, tr("Completing the order…"));
        m_retryOrder->hide();
        m_receipt->setEnabled(false);
        showChangeDue();
    });
    connect(m_checkout, &flows::Checkout::orderPlaced, this, &PaymentPanel::onOrderPlaced);
    connect(m_checkout, &flows::Checkout::orderFailed, this, [this](const QString& text) {
        showPage(Page::Done);
        say(m_doneMessage,
            tr("The payment is complete, but the order could not be completed yet: %1").arg(text),
            style::Tone::Error);
        m_retryOrder->show();
        m_retryOrder->setFocus();
        showChangeDue();
    });

    showPage(Page::NoCart);
}

void PaymentPanel::say(QLabel* label, const QString& text, style::Tone tone)
{
    label->setText(text);
    style::setTone(label, tone);
    if (label == m_message && text.isEmpty())
        m_detail->hide();
    if (label == m_cashMessage)
        label->setVisible(!text.isEmpty());
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
        style::setRole(button, style::Role::Tender);
        button->setMinimumHeight(style::tenderHeight);
        connect(button, &QPushButton::clicked, this, [this, tender] { chooseTender(tender); });
        m_tenderRow->addWidget(button, 1);
        button->show();
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
        m_changeDue.reset(); // the next customer
        showChangeDue();
        showPage(Page::NoCart);
        return;
    }
    m_cartTotal = total;
    if (cartId == m_checkout->cartId()) {
        // The same cart again (a refresh): the running attempt goes on.
        m_checkout->refreshBalance();
        return;
    }
    m_changeDue.reset(); // another cart: another customer
    showChangeDue();
    say(m_message, {});
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
            say(m_message, problem, style::Tone::Error);
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
    if (m_amountEditedNow ||
        (m_amountEdited.isValid() && m_amountEdited.elapsed() < amountSettleMs)) {
        // Keys typed a moment before the tender key reached the field only now: charging would
        // take an amount nobody has seen. Show it; the same key again pays it.
        m_amountEdited.invalidate();
        m_amountEditedNow = false;
        say(m_message,
            tr("The amount just changed to %1. Check it, then choose %2 again.")
                .arg(amount->toString(m_locale), tenderName(tender)),
            style::Tone::Warning);
        m_amount->setFocus();
        return;
    }
    const Expected<int> within = amount->compare(m_checkout->balance()->openBalance);
    if (!within || *within > 0) {
        say(m_message,
            tr("The amount is more than the open balance (%1).")
                .arg(m_checkout->balance()->openBalance.toString(m_locale)),
            style::Tone::Error);
        return;
    }
    say(m_message, {});
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
        const QString shown = amount.toString(m_locale);
        // The amount first and alone: the key is the tooltip (Alt+1 is the exact amount).
        const QString text = i == 0 ? tr("Exact %1").arg(shown) : shown;
        const QKeySequence key = quickCashKey(i);
        QPushButton* button = widgets::button(cashPage, QStringLiteral("quickCash%1").arg(i), text,
                                              tr("Customer hands over %1").arg(shown));
        button->setShortcut(key);
        button->setToolTip(
            tr("Customer hands over %1 (%2)").arg(shown, key.toString(QKeySequence::NativeText)));
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        button->setMaximumHeight(keyMaxHeight);
        connect(button, &QPushButton::clicked, this, [this, amount] {
            m_tendered->setText(typeable(amount, m_locale));
            m_tendered->setFocus();
        });
        m_quickColumn->addWidget(button);
        button->show(); // now, not after a queued event: its key may come in the next event
        m_quickCash.append(button);
    }
}

void PaymentPanel::updateChange()
{
    if (!m_cashDue)
        return;
    if (m_tendered->text().trimmed().isEmpty()) {
        m_change->setText(Money::zero(*m_cashDue->currency()).toString(m_locale));
        say(m_cashMessage, {});
        m_confirmCash->setEnabled(true);
        return;
    }
    const Expected<Money> tendered =
        Money::parse(m_tendered->text(), *m_cashDue->currency(), m_locale);
    const Expected<Money> change = tendered ? tendered->minus(*m_cashDue) : tendered;
    if (!change) {
        m_change->setText(QStringLiteral("–"));
        say(m_cashMessage, change.error().message, style::Tone::Error);
        m_confirmCash->setEnabled(false);
    } else if (change->isNegative()) {
        const Expected<Money> missing = change->negated();
        m_change->setText(QStringLiteral("–"));
        say(m_cashMessage, tr("%1 missing").arg(missing ? missing->toString(m_locale) : QString()),
            style::Tone::Warning);
        m_confirmCash->setEnabled(false);
    } else {
        m_change->setText(change->toString(m_locale));
        say(m_cashMessage, {});
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
        say(m_message, tr("A payment is already in progress for this cart."), style::Tone::Warning);
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
    // Everything on this page is waiting or needs the colleague: the warning tone, in words.
    if (m_flow->isOutcomeUncertain() && !m_flow->isFinal()) {
        // Said plainly: the money may have moved, and what to do about it.
        say(m_cardStatus,
            terminal ? tr("No answer from the server for a while. The customer MAY HAVE BEEN "
                          "CHARGED: check the terminal's slip before taking another payment. "
                          "StoreDesk keeps asking and shows the outcome as soon as it arrives.")
                     : tr("No answer from the server for a while. This cash payment MAY HAVE "
                          "BEEN BOOKED: keep the cash in hand until StoreDesk shows the outcome. "
                          "StoreDesk keeps asking."),
            style::Tone::Warning);
        m_cancelCard->setEnabled(terminal && !m_flow->isCancelRequested());
        return;
    }
    switch (m_flow->stage()) {
    case PaymentFlow::Stage::Checking:
        say(m_cardStatus,
            tr("StoreDesk stopped before this payment was confirmed. Asking the server whether "
               "it received it…"),
            style::Tone::Warning);
        break;
    case PaymentFlow::Stage::NeedsDecision: {
        const api::PaymentRequest& request = m_flow->attempt().request;
        const QString started =
            QLocale().toString(m_flow->attempt().startedAt.toLocalTime(), QLocale::ShortFormat);
        if (terminal) {
            say(m_cardStatus,
                tr("This card payment (started %1) never reached the server: the customer was "
                   "not charged through StoreDesk. Take the payment now, or discard it.")
                    .arg(started),
                style::Tone::Warning);
        } else {
            const Money inHand = request.cashTendered ? *request.cashTendered : request.amount;
            say(m_cardStatus,
                tr("This cash payment (started %1) never reached the server: nothing was booked. "
                   "If %2 in cash is in hand for it, take the payment now; otherwise discard it.")
                    .arg(started, inHand.toString(m_locale)),
                style::Tone::Warning);
        }
        m_takeNow->setFocus();
        break;
    }
    case PaymentFlow::Stage::Idle:
    case PaymentFlow::Stage::Sending:
        say(m_cardStatus,
            terminal ? tr("Sending the payment to the terminal…") : tr("Recording the payment…"),
            style::Tone::Warning);
        break;
    case PaymentFlow::Stage::Waiting:
        say(m_cardStatus,
            terminal ? tr("Waiting for the customer's card on the terminal…")
                     : tr("Recording the payment…"),
            style::Tone::Warning);
        break;
    case PaymentFlow::Stage::Cancelling:
        say(m_cardStatus,
            tr("Cancelling… The terminal may still approve; StoreDesk shows what it answers."),
            style::Tone::Warning);
        break;
    case PaymentFlow::Stage::Reconnecting:
        say(m_cardStatus,
            tr("No clear answer yet (%1). Asking for the status of this payment; it will not be "
               "charged twice.")
                .arg(m_flow->message()),
            style::Tone::Warning);
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
    m_detail->hide();
    switch (flow->stage()) {
    case PaymentFlow::Stage::Succeeded: {
        const std::optional<Money> change = flow->view() ? flow->view()->changeDue : std::nullopt;
        if (change && !change->isZero()) {
            m_changeDue = *change; // shown large until the next customer
            say(m_message, tr("%1 taken. Change due: %2").arg(what, change->toString(m_locale)),
                style::Tone::Success);
        } else {
            say(m_message, tr("%1 taken.").arg(what), style::Tone::Success);
        }
        showChangeDue();
        break;
    }
    case PaymentFlow::Stage::Failed: {
        // The provider's words in the colleague's language, the words themselves beneath.
        const flows::DeclineReason reason = flows::DeclineReason::fromProvider(flow->message());
        say(m_message,
            reason.text.isEmpty()
                ? tr("%1 declined. Choose another tender.").arg(what)
                : tr("%1 declined: %2 Choose another tender.").arg(what, reason.text),
            style::Tone::Error);
        if (!reason.detail.isEmpty()) {
            m_detail->setText(tr("The terminal's words: %1").arg(reason.detail));
            m_detail->show();
        }
        break;
    }
    case PaymentFlow::Stage::Cancelled:
        say(m_message, tr("%1 cancelled; nothing was taken.").arg(what));
        break;
    case PaymentFlow::Stage::Refused:
        say(m_message, tr("%1 not taken: %2").arg(what, flow->message()), style::Tone::Error);
        break;
    case PaymentFlow::Stage::Unresolved:
        say(m_message,
            tr("%1: OUTCOME UNKNOWN. %2 It is listed under Payment > Unresolved payments for a "
               "manager.")
                .arg(what, flow->message()),
            style::Tone::Warning);
        break;
    case PaymentFlow::Stage::Discarded:
        say(m_message, tr("%1 discarded; nothing was taken.").arg(what));
        break;
    default:
        return;
    }
    if (!m_checkout->order() && !m_checkout->isPlacingOrder())
        showPage(Page::Tender);
    updateBalance();
}

// The change of the last cash payment, in display type on whichever page shows, until the next
// customer: a calm figure, not a message that the next event replaces.
void PaymentPanel::showChangeDue()
{
    const QString text = m_changeDue ? m_changeDue->toString(m_locale) : QString();
    m_tenderChange->setText(text);
    m_doneChange->setText(text);
    m_tenderChangeBox->setVisible(m_changeDue.has_value());
    m_doneChangeBox->setVisible(m_changeDue.has_value());
}

void PaymentPanel::onOrderPlaced(const Order& order)
{
    showPage(Page::Done);
    say(m_paidInFull, tr("Paid in full"), style::Tone::Success);
    m_orderNumber->setText(order.orderNumber);
    say(m_doneMessage, tr("Offer the receipt, then go on with the next customer."));
    m_retryOrder->hide();
    m_receipt->setEnabled(true);
    showChangeDue();
    m_next->setFocus();
}

} // namespace storedesk::ui
