#include "refund/refunddialog.h"

#include "api/apiclient.h"
#include "common/delayedbusy.h"
#include "common/emptystatewidget.h"
#include "common/keypad.h"
#include "common/managerapprovalpanel.h"
#include "common/style.h"
#include "common/widgethelpers.h"
#include "refund/refundlineseditor.h"
#include "refund/refundresultview.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QProgressBar>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace storedesk::ui {
namespace {

using Stage = flows::RefundSession::Stage;

style::Tone toneOf(flows::RefundSession::Notice notice)
{
    switch (notice) {
    case flows::RefundSession::Notice::Success:
        return style::Tone::Success;
    case flows::RefundSession::Notice::Warning:
        return style::Tone::Warning;
    case flows::RefundSession::Notice::Error:
        return style::Tone::Error;
    default:
        return style::Tone::Neutral;
    }
}

// One primary action per state: the button that carries it gets the role, the others lose it.
// (style.h has no "no role"; an empty role matches no rule of the style sheet.)
void setPrimary(QPushButton* button, bool primary)
{
    if ((button->property("role").toString() == QLatin1StringView("primary")) == primary)
        return;
    if (primary) {
        style::setRole(button, style::Role::Primary);
        return;
    }
    button->setProperty("role", QString());
    button->style()->unpolish(button);
    button->style()->polish(button);
}

// A QLineEdit's or QComboBox's size hint leaves part of the style sheet's box out, so a row would
// give it less height than its minimumSizeHint(); it never gets less than it needs to be drawn.
void keepMinimumHeight(QWidget* widget)
{
    widget->ensurePolished(); // the style sheet's box is part of the hint
    widget->setMinimumHeight(widget->minimumSizeHint().height());
}

} // namespace

RefundDialog::RefundDialog(api::ApiClient* client, const QString& storeKey,
                           const QStringList& storeLanguages, const QLocale& locale,
                           QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_storeKey(storeKey)
    , m_storeLanguages(storeLanguages)
    , m_locale(locale)
    , m_orderNumber(widgets::lineEdit(this, QStringLiteral("refundOrderNumber"), tr("Order number"),
                                      tr("Scan the receipt or type the order number")))
    , m_lookUpButton(widgets::button(this, QStringLiteral("refundLookUpButton"), tr("&Look up")))
    , m_reprint(
          widgets::button(this, QStringLiteral("reprintReceiptButton"), tr("Repr&int receipt")))
    , m_orderSummary(widgets::plainLabel(this, QStringLiteral("refundOrderSummary"), tr("Order")))
    , m_linesLabel(
          widgets::plainLabel(this, QStringLiteral("refundLinesLabel"), tr("Quantities to refund")))
    , m_scroll(new QScrollArea(this))
    , m_lines(new RefundLinesEditor)
    , m_empty(new EmptyStateWidget(this))
    , m_keypad(new Keypad(this))
    , m_reasonLabel(
          widgets::plainLabel(this, QStringLiteral("refundReasonLabel"), tr("Refund reason")))
    , m_reason(new QComboBox(this))
    , m_total(widgets::plainLabel(this, QStringLiteral("refundTotal"), tr("Refund total")))
    , m_refund(widgets::button(this, QStringLiteral("refundButton"), tr("&Refund")))
    , m_spinner(new QProgressBar(this))
    , m_cancel(
          widgets::button(this, QStringLiteral("refundCancelButton"), tr("Canc&el"), tr("Cancel")))
    , m_approval(new ManagerApprovalPanel(this))
    , m_resultView(new RefundResultView(this))
    , m_message(widgets::plainLabel(this, QStringLiteral("refundMessage"), tr("Refund message")))
    , m_busy(new DelayedBusy({m_spinner, m_cancel}, this))
{
    setObjectName(QStringLiteral("refundDialog"));
    setWindowTitle(tr("Find order / Refund"));
    setAccessibleName(tr("Find order and refund"));

    // Labels with a mnemonic: plain text, so '&' marks the shortcut and is not shown.
    m_linesLabel->setText(tr("&Quantities to refund:"));
    m_linesLabel->setWordWrap(false);
    m_reasonLabel->setText(tr("Rea&son:"));
    m_reasonLabel->setWordWrap(false);
    m_reasonLabel->setBuddy(m_reason);
    style::setRole(m_orderSummary, style::Role::Large);
    style::setRole(m_total, style::Role::Large);
    m_total->setWordWrap(false);
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_scroll->setObjectName(QStringLiteral("refundLinesScroll"));
    m_scroll->setAccessibleName(tr("Order lines"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(m_lines);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // Tab goes straight to the quantities; the area scrolls to the focused one by itself.
    m_scroll->setFocusPolicy(Qt::NoFocus);

    m_empty->setObjectName(QStringLiteral("refundEmptyState"));
    m_empty->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_empty->setHeading(tr("Find the order to refund"));
    m_empty->setHint(tr("Scan the barcode on the customer's receipt, or type the order number and "
                        "press Enter."));

    // Quantities and a manager's PIN by touch: whole numbers only.
    m_keypad->setDecimalKeyVisible(false);
    m_keypad->setAccessibleName(tr("Keypad"));
    // Keys of a finger's size, not a column's: the lines keep the width.
    m_keypad->setFixedWidth(3 * (style::touchTarget + style::spacing) + style::margin);

    m_reason->setObjectName(QStringLiteral("refundReason"));
    m_reason->setAccessibleName(tr("Refund reason"));
    for (const flows::RefundReason& reason : flows::RefundDraft::reasons())
        m_reason->addItem(reason.label, reason.code);
    // No reason until the colleague picks one: the reason is a fact about this refund.
    m_reason->setPlaceholderText(tr("Choose a reason"));
    m_reason->setCurrentIndex(-1);
    keepMinimumHeight(m_reason);
    keepMinimumHeight(m_orderNumber);

    style::setRole(m_refund, style::Role::Primary);

    m_spinner->setObjectName(QStringLiteral("refundSpinner"));
    m_spinner->setAccessibleName(tr("Working"));
    m_spinner->setRange(0, 0);
    m_spinner->setMaximumWidth(120);
    m_spinner->setTextVisible(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("refundCloseButton"));
    m_close->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Enter is handled in keyPressEvent: no button is the dialog's default, so Enter in a field
    // never refunds by accident.
    for (QPushButton* button : {m_lookUpButton, m_reprint, m_refund, m_cancel, m_close})
        button->setAutoDefault(false);

    auto* orderRow = new QHBoxLayout;
    auto* orderLabel = new QLabel(tr("Order &number:"), this);
    orderLabel->setBuddy(m_orderNumber);
    orderRow->addWidget(orderLabel);
    orderRow->addWidget(m_orderNumber, 1);
    orderRow->addWidget(m_lookUpButton);
    orderRow->addWidget(m_reprint);

    // The lines get the width; the keypad stands at the right, where a right hand reaches it.
    auto* linesColumn = new QVBoxLayout;
    linesColumn->addWidget(m_empty, 1);
    linesColumn->addWidget(m_linesLabel);
    linesColumn->addWidget(m_scroll, 1);
    auto* reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reasonLabel);
    reasonRow->addWidget(m_reason, 1);
    reasonRow->addSpacing(style::margin);
    reasonRow->addWidget(m_total);
    linesColumn->addLayout(reasonRow);
    linesColumn->addWidget(m_approval);
    linesColumn->addWidget(m_resultView);
    // Without lines (no order yet, or the result) the space below stays empty.
    linesColumn->addStretch();
    auto* keypadColumn = new QVBoxLayout;
    keypadColumn->addWidget(m_keypad);
    keypadColumn->addStretch();
    auto* work = new QHBoxLayout;
    work->addLayout(linesColumn, 1);
    work->addLayout(keypadColumn);

    auto* actionRow = new QHBoxLayout;
    actionRow->addWidget(m_spinner);
    actionRow->addWidget(m_cancel);
    actionRow->addStretch();
    actionRow->addWidget(m_refund);
    actionRow->addWidget(buttons);
    // Close stands at the right end, beside the primary action, not in a stretch of its own.
    buttons->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(style::margin, style::margin, style::margin, style::margin);
    layout->setSpacing(style::spacing);
    layout->addLayout(orderRow);
    layout->addWidget(m_orderSummary);
    layout->addLayout(work, 1);
    layout->addWidget(m_message);
    layout->addLayout(actionRow);

    connect(m_lookUpButton, &QPushButton::clicked, this, [this] { lookUp(m_orderNumber->text()); });
    connect(m_reprint, &QPushButton::clicked, this, [this] {
        if (hasOrder())
            emit reprintRequested(draft().lookup());
    });
    connect(m_lines, &RefundLinesEditor::quantityChanged, this,
            [this](const QString& lineId, qint64 quantity) {
                m_session->setQuantity(lineId, quantity);
            });
    connect(m_reason, &QComboBox::currentIndexChanged, this,
            [this] { m_session->setReason(m_reason->currentData().toString()); });
    connect(m_refund, &QPushButton::clicked, this, &RefundDialog::refund);
    connect(m_cancel, &QPushButton::clicked, this, &RefundDialog::cancel);
    connect(m_approval, &ManagerApprovalPanel::approved, this,
            [this](const QString& username, const QString& secret) {
                m_session->approve(username, secret);
            });
    connect(m_approval, &ManagerApprovalPanel::cancelled, this, [this] {
        if (isBusy())
            m_session->cancel();
        else
            m_session->cancelApproval();
    });
    connect(m_resultView, &RefundResultView::printRequested, this, [this] {
        if (result())
            emit refundReceiptRequested(*result(), draft().lookup());
    });
    connect(m_resultView, &RefundResultView::doneRequested, this, &RefundDialog::finish);

    startSession();
    // Sized for the counter from what it holds, never below what it needs.
    resize(sizeHint().expandedTo(QSize(900, 640)));
}

RefundDialog::~RefundDialog()
{
    // The session's jobs end with it; nothing may call back into half-destroyed widgets.
    m_session->disconnect(this);
}

bool RefundDialog::isAwaitingApproval() const
{
    return m_session->stage() == Stage::AwaitingApproval || m_session->stage() == Stage::Approving;
}

bool RefundDialog::isOutcomeUnknown() const
{
    return m_session->stage() == Stage::OutcomeUnknown;
}

void RefundDialog::startSession()
{
    if (m_session) {
        m_session->disconnect(this);
        delete m_session; // drops a lookup under way; never called while a refund is unsettled
    }
    m_session = new flows::RefundSession(m_client, m_storeKey, this);
    connect(m_session, &flows::RefundSession::changed, this, &RefundDialog::render);
    connect(m_session, &flows::RefundSession::orderShown, this, &RefundDialog::showOrder);
    connect(m_session, &flows::RefundSession::refunded, this, &RefundDialog::refundCompleted);
    m_shown = Stage::Empty;
    emit sessionStarted(m_session);
    m_orderNumber->clear();
    {
        const QSignalBlocker blocker(m_reason);
        m_reason->setCurrentIndex(-1);
    }
    m_lines->clear();
    m_approval->reset();
    m_resultView->clear();
    render();
}

void RefundDialog::present()
{
    // A refund that is done, refused or never sent is over once the dialog was closed: the next
    // customer starts from nothing. One whose money may be moving is followed to its end.
    if (!isVisible() && !m_session->isUnsettled())
        startSession();
    show();
    raise();
    activateWindow();
    switch (m_session->stage()) {
    case Stage::Refunded:
        m_resultView->printButton()->setFocus();
        break;
    case Stage::AwaitingApproval:
    case Stage::Approving:
        (m_approval->username()->text().isEmpty() ? m_approval->username() : m_approval->secret())
            ->setFocus();
        break;
    case Stage::OutcomeUnknown:
        m_refund->setFocus();
        break;
    default:
        m_orderNumber->setFocus();
        m_orderNumber->selectAll();
    }
}

void RefundDialog::lookUp(const QString& text)
{
    if (!text.trimmed().isEmpty() && !m_session->isUnsettled() &&
        m_session->stage() != Stage::AwaitingApproval)
        m_orderNumber->setText(text.trimmed());
    m_session->lookUp(text);
    if (text.trimmed().isEmpty())
        m_orderNumber->setFocus();
}

void RefundDialog::cancel()
{
    m_session->cancel();
}

void RefundDialog::refund()
{
    m_session->refund();
}

void RefundDialog::showOrder()
{
    const api::OrderLookup& lookup = draft().lookup();
    // A reason belongs to one refund: the next order starts without one.
    {
        const QSignalBlocker blocker(m_reason);
        m_reason->setCurrentIndex(-1);
    }
    m_lines->setOrder(lookup, m_storeLanguages, m_locale);
    const Order& order = lookup.order;
    QString summary =
        tr("Order %1 · %2 · total %3")
            .arg(order.orderNumber,
                 m_locale.toString(order.createdAt.toLocalTime(), QLocale::ShortFormat),
                 order.totalPrice.toString(m_locale));
    if (const QString paid = paymentsText(lookup); !paid.isEmpty())
        summary += QStringLiteral(" · ") + paid;
    m_orderSummary->setText(summary);

    QWidget* previous = m_reprint;
    QWidget* firstQuantity = nullptr;
    for (QWidget* quantity : m_lines->focusOrder()) {
        setTabOrder(previous, quantity);
        previous = quantity;
        if (!firstQuantity && quantity->isEnabled())
            firstQuantity = quantity;
    }
    setTabOrder(previous, m_reason);
    setTabOrder(m_reason, m_refund);
    m_linesLabel->setBuddy(firstQuantity ? firstQuantity : m_reason);
    (firstQuantity ? firstQuantity : static_cast<QWidget*>(m_orderNumber))->setFocus();
}

QString RefundDialog::paymentsText(const api::OrderLookup& lookup) const
{
    QStringList paid;
    for (const Payment& payment : lookup.payments) {
        const Expected<Money> charged = payment.chargedAmount();
        paid << tr("%1 %2").arg(RefundResultView::tenderName(payment.paymentMethodInfo.method),
                                (charged ? *charged : payment.amountPlanned).toString(m_locale));
    }
    return paid.isEmpty() ? QString() : tr("paid: %1").arg(paid.join(QStringLiteral(", ")));
}

void RefundDialog::finish()
{
    accept();
    // The next open starts afresh (present()); nothing of this refund stays on screen meanwhile.
    startSession();
}

void RefundDialog::render()
{
    const Stage stage = m_session->stage();
    const Stage from = m_shown;
    m_shown = stage;
    const bool busy = m_session->isBusy();
    const bool order = hasOrder();
    const bool approval = stage == Stage::AwaitingApproval || stage == Stage::Approving;
    const bool refunded = stage == Stage::Refunded;
    const bool sending = busy && stage != Stage::LookingUp;

    // Busy: the spinner and Cancel show after a moment, so quick answers do not flicker.
    if (busy != m_busyShown) {
        m_busyShown = busy;
        busy ? m_busy->start() : m_busy->stop();
    }

    m_orderNumber->setEnabled(!sending && !approval && stage != Stage::OutcomeUnknown);
    m_lookUpButton->setEnabled(m_orderNumber->isEnabled());
    m_reprint->setVisible(order);
    m_reprint->setEnabled(order && !sending);
    m_orderSummary->setVisible(order);
    m_empty->setVisible(!order);
    if (!order) {
        m_orderSummary->clear();
        m_lines->clear();
    }

    // While a manager approves, the panel takes the lines' place (they cannot change then); the
    // total they approve stays in view.
    const bool lines = order && !refunded;
    for (QWidget* widget : {static_cast<QWidget*>(m_linesLabel), static_cast<QWidget*>(m_scroll),
                            static_cast<QWidget*>(m_reasonLabel), static_cast<QWidget*>(m_reason)})
        widget->setVisible(lines && !approval);
    m_total->setVisible(lines);
    // What is being refunded stays fixed while the server has it, while a manager looks at it
    // and while its outcome is open: a changed choice would be another refund.
    m_lines->setEnabled(m_session->isEditable());
    m_reason->setEnabled(m_session->isEditable());
    // The boxes show the draft's units, whoever changed them.
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        QSpinBox* box = m_lines->quantityBox(row);
        const qint64 units = draft().quantity(m_lines->lineId(row));
        if (box->value() != units) {
            const QSignalBlocker blocker(box);
            box->setValue(int(units));
        }
    }
    if (lines) {
        const Expected<Money> total = draft().total();
        m_total->setText(total ? tr("Refund total: %1").arg(total->toString(m_locale))
                               : total.error().message);
    } else {
        m_total->clear();
    }

    // Refund, or Check outcome when the last try's outcome is open: the primary action while
    // an order is being refunded.
    const bool outcomeUnknown = stage == Stage::OutcomeUnknown || stage == Stage::Checking;
    m_refund->setVisible(lines && !approval);
    m_refund->setEnabled(stage == Stage::Editing || stage == Stage::OutcomeUnknown);
    m_refund->setText(outcomeUnknown ? tr("C&heck outcome") : tr("&Refund"));
    m_refund->setAccessibleName(outcomeUnknown ? tr("Check outcome") : tr("Refund"));
    // Without an order, looking one up is the primary action; with one, Refund (or Check outcome),
    // Approve or Print refund receipt is, whichever of them shows.
    setPrimary(m_lookUpButton, !order);

    m_approval->setVisible(approval);
    if (approval && from != Stage::AwaitingApproval && from != Stage::Approving)
        m_approval->ask(*m_session->approvalDemand(), m_locale);
    else if (stage == Stage::AwaitingApproval && from == Stage::Approving &&
             !m_session->approvalProblem().isEmpty())
        m_approval->refuse(m_session->approvalProblem());
    if (!approval && (from == Stage::AwaitingApproval || from == Stage::Approving))
        m_approval->reset();
    m_approval->setBusy(stage == Stage::Approving);

    m_resultView->setVisible(refunded);
    m_keypad->setVisible(!refunded); // nothing is left to type
    if (refunded && from != Stage::Refunded)
        m_resultView->setResult(*result(), m_locale);
    else if (!refunded)
        m_resultView->clear();

    m_message->setText(m_session->message());
    m_message->setVisible(!m_session->message().isEmpty());
    style::setTone(m_message, toneOf(m_session->notice()));

    if (from != stage)
        moveFocus(from, stage);
}

void RefundDialog::moveFocus(Stage from, Stage to)
{
    if (!isVisible())
        return;
    switch (to) {
    case Stage::Empty:
        m_orderNumber->setFocus();
        m_orderNumber->selectAll();
        break;
    case Stage::Editing:
        // From a lookup, showOrder() put the focus on the first quantity.
        if (from != Stage::LookingUp)
            m_refund->setFocus();
        break;
    case Stage::OutcomeUnknown:
        m_refund->setFocus();
        break;
    case Stage::Refunded:
        m_resultView->printButton()->setFocus();
        break;
    default:
        break; // the approval panel places its own focus
    }
}

void RefundDialog::keyPressEvent(QKeyEvent* event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (!enter || (event->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier) {
        QDialog::keyPressEvent(event);
        return;
    }
    event->accept();
    QWidget* focus = focusWidget();
    if (auto* button = qobject_cast<QPushButton*>(focus)) {
        if (button->isEnabled())
            button->click();
    } else if (focus == m_orderNumber) {
        lookUp(m_orderNumber->text());
    } else if (focus == m_approval->username() && m_approval->secret()->text().isEmpty()) {
        m_approval->secret()->setFocus();
    } else if (focus == m_approval->username() || focus == m_approval->secret()) {
        m_approval->approve();
    } else {
        // In a quantity or the reason, Enter moves on: only the Refund button refunds.
        focusNextChild();
    }
}

void RefundDialog::reject()
{
    if (isBusy()) {
        cancel();
        return;
    }
    if (m_session->stage() == Stage::AwaitingApproval) {
        m_session->cancelApproval();
        return;
    }
    QDialog::reject();
}

} // namespace storedesk::ui
