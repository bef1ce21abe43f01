#include "refund/refunddialog.h"

#include "api/apiclient.h"
#include "base/logging.h"
#include "common/delayedbusy.h"
#include "common/managerapprovalpanel.h"
#include "refund/refundlineseditor.h"
#include "refund/refundresultview.h"
#include "common/widgethelpers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QProgressBar>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace storedesk::ui {
namespace {

// No answer, or one that says nothing about whether money moved: the same key asks again.
bool outcomeIsUnknown(const api::ApiError& error)
{
    switch (error.code) {
    case api::ApiError::Code::Timeout:
    case api::ApiError::Code::ServerUnreachable:
    case api::ApiError::Code::InvalidResponse:
    case api::ApiError::Code::UpstreamUnavailable:
    case api::ApiError::Code::ServerError:
        return error.httpStatus != 402;
    default:
        return false;
    }
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
    m_linesLabel->setTextFormat(Qt::PlainText);
    m_reasonLabel->setText(tr("Rea&son:"));
    m_reasonLabel->setWordWrap(false);
    m_reasonLabel->setBuddy(m_reason);

    m_scroll->setObjectName(QStringLiteral("refundLinesScroll"));
    m_scroll->setAccessibleName(tr("Order lines"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(m_lines);
    m_scroll->setMinimumHeight(160);
    // Tab goes straight to the quantities; the area scrolls to the focused one by itself.
    m_scroll->setFocusPolicy(Qt::NoFocus);

    m_reason->setObjectName(QStringLiteral("refundReason"));
    m_reason->setAccessibleName(tr("Refund reason"));
    for (const flows::RefundReason& reason : flows::RefundDraft::reasons())
        m_reason->addItem(reason.label, reason.code);
    // No reason until the colleague picks one: the reason is a fact about this refund.
    m_reason->setPlaceholderText(tr("Choose a reason"));
    m_reason->setCurrentIndex(-1);

    QFont font = m_total->font();
    font.setBold(true);
    m_total->setFont(font);

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

    auto* reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reasonLabel);
    reasonRow->addWidget(m_reason, 1);
    reasonRow->addStretch();
    reasonRow->addWidget(m_total);

    auto* actionRow = new QHBoxLayout;
    actionRow->addStretch();
    actionRow->addWidget(m_spinner);
    actionRow->addWidget(m_cancel);
    actionRow->addWidget(m_refund);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(orderRow);
    layout->addWidget(m_orderSummary);
    layout->addWidget(m_linesLabel);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(reasonRow);
    layout->addLayout(actionRow);
    layout->addWidget(m_approval);
    layout->addWidget(m_resultView);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_lookUpButton, &QPushButton::clicked, this, [this] { lookUp(m_orderNumber->text()); });
    connect(m_reprint, &QPushButton::clicked, this, [this] {
        if (hasOrder())
            emit reprintRequested(m_draft.lookup());
    });
    connect(m_lines, &RefundLinesEditor::quantityChanged, this,
            [this](const QString& lineId, qint64 quantity) {
                m_draft.setQuantity(lineId, quantity);
                updatePreview();
            });
    connect(m_reason, &QComboBox::currentIndexChanged, this, [this] {
        m_draft.setReason(m_reason->currentData().toString());
        updatePreview();
    });
    connect(m_refund, &QPushButton::clicked, this, &RefundDialog::refund);
    connect(m_cancel, &QPushButton::clicked, this, &RefundDialog::cancel);
    connect(m_approval, &ManagerApprovalPanel::approved, this,
            [this](const QString& username, const QString& secret) {
                submit(api::RefundRequest::Approval{username, secret}, Work::Refund);
            });
    connect(m_approval, &ManagerApprovalPanel::cancelled, this, [this] {
        if (isBusy()) {
            cancel();
            return;
        }
        closeApproval();
        m_message->setText(tr("Not refunded: no manager approved it."));
        m_refund->setFocus();
    });
    connect(m_resultView, &RefundResultView::printRequested, this, [this] {
        if (m_result)
            emit refundReceiptRequested(*m_result, m_draft.lookup());
    });
    connect(m_resultView, &RefundResultView::doneRequested, this, &RefundDialog::finish);

    clearOrder();
    resize(720, 560);
}

RefundDialog::~RefundDialog()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
}

void RefundDialog::present()
{
    show();
    raise();
    activateWindow();
    if (m_result) {
        m_resultView->printButton()->setFocus();
    } else if (m_awaitingApproval) {
        (m_approval->username()->text().isEmpty() ? m_approval->username() : m_approval->secret())
            ->setFocus();
    } else {
        m_orderNumber->setFocus();
        m_orderNumber->selectAll();
    }
}

void RefundDialog::lookUp(const QString& text)
{
    if (m_work == Work::Refund || m_work == Work::Check || m_awaitingApproval) {
        // A scan must not replace an order whose refund is under way or awaiting a manager.
        m_message->setText(tr("Finish or cancel this refund before looking up another order."));
        return;
    }
    const QString number = text.trimmed();
    if (number.isEmpty()) {
        m_message->setText(tr("Scan the receipt or type the order number."));
        m_orderNumber->setFocus();
        return;
    }
    m_orderNumber->setText(number);
    if (m_job) {
        api::ApiJob* previous = m_job;
        m_job = nullptr;
        previous->disconnect(this);
        previous->abort();
    }
    auto* job = m_client->orderLookup(m_storeKey, number);
    connect(job, &api::ApiJob::finished, this, [this, job] {
        m_job = nullptr;
        m_work = Work::None;
        m_busy->stop();
        const auto result = job->result();
        if (!result) {
            clearOrder();
            m_message->setText(result.error().code == api::ApiError::Code::Cancelled
                                   ? tr("Cancelled.")
                                   : result.error().toDisplayString());
            m_orderNumber->setFocus();
            m_orderNumber->selectAll();
            return;
        }
        showOrder(*result);
    });
    m_message->setText(tr("Looking up order %1…").arg(number));
    run(job, Work::Lookup);
}

void RefundDialog::run(api::ApiJob* job, Work work)
{
    m_job = job;
    m_work = work;
    m_busy->start();
    updateControls();
    job->start();
}

void RefundDialog::cancel()
{
    if (m_job)
        m_job->abort();
}

void RefundDialog::refund()
{
    if (isBusy() || m_awaitingApproval || !hasOrder() || m_result)
        return;
    submit(std::nullopt, m_outcomeUnknown ? Work::Check : Work::Refund);
}

void RefundDialog::submit(std::optional<api::RefundRequest::Approval> approval, Work work)
{
    if (const QString problem = m_draft.problem(); !problem.isEmpty()) {
        m_message->setText(problem);
        return;
    }
    api::RefundRequest request = m_draft.request();
    request.approval = std::move(approval);
    auto* job = m_client->refund(m_storeKey, request);
    if (request.approval)
        request.approval->secret.fill(QLatin1Char(' '));
    connect(job, &api::ApiJob::finished, this, [this, job, work] {
        m_job = nullptr;
        m_work = Work::None;
        m_busy->stop();
        onRefundFinished(job->result(), job->approvalDemand(), work);
    });
    qCInfo(lcUi) << "refund of order" << request.orderId << "attempt" << request.idempotencyKey
                 << (request.approval ? "with an approval" : "");
    m_message->setText(work == Work::Check
                           ? tr("Checking whether the refund went through… A refund is never "
                                "paid out twice.")
                           : tr("Refunding…"));
    run(job, work);
}

void RefundDialog::onRefundFinished(const Expected<api::RefundResult, api::ApiError>& result,
                                    const std::optional<api::ApprovalDemand>& demand, Work work)
{
    if (result) {
        m_draft.finishAttempt();
        m_outcomeUnknown = false;
        closeApproval();
        m_result = *result;
        m_resultView->setResult(*result, m_locale);
        m_message->setText(tr("The refund is done."));
        updateControls();
        m_resultView->printButton()->setFocus();
        emit refundCompleted(*result, m_draft.lookup());
        return;
    }
    const api::ApiError& error = result.error();
    if (demand) {
        m_outcomeUnknown = false;
        if (m_awaitingApproval && demand->denied) {
            m_approval->refuse(error.message);
            m_message->setText(tr("Not refunded yet: waiting for a manager's approval."));
            updateControls();
            return;
        }
        m_awaitingApproval = true;
        updateControls();
        m_approval->ask(*demand, m_locale);
        if (demand->denied)
            m_approval->refuse(error.message);
        m_message->setText(tr("Not refunded yet: waiting for a manager's approval."));
        return;
    }
    if (error.code == api::ApiError::Code::Cancelled) {
        if (work == Work::Refund) {
            // The request may have reached the server: the same refund again tells what happened
            // (the server answers it once, whatever the number of tries).
            m_outcomeUnknown = true;
            submit(std::nullopt, Work::Check);
            return;
        }
        m_outcomeUnknown = true;
        closeApproval();
        m_message->setText(tr("Stopped checking. Whether the refund went through is not known "
                              "yet: press Check outcome to ask again — it is never paid out "
                              "twice."));
        updateControls();
        m_refund->setFocus();
        return;
    }
    closeApproval();
    if (outcomeIsUnknown(error)) {
        m_outcomeUnknown = true;
        m_message->setText(tr("%1 Whether the refund went through is not known yet: press Check "
                              "outcome to ask again — it is never paid out twice.")
                               .arg(error.toDisplayString()));
    } else {
        // A clear refusal: nothing moved, and the choice can be changed.
        m_outcomeUnknown = false;
        m_message->setText(error.toDisplayString());
    }
    updateControls();
    m_refund->setFocus();
}

void RefundDialog::closeApproval()
{
    m_awaitingApproval = false;
    m_approval->reset();
    updateControls();
}

void RefundDialog::showOrder(const api::OrderLookup& lookup)
{
    m_draft = flows::RefundDraft(lookup);
    // A reason belongs to one refund: the next order starts without one.
    const QSignalBlocker blocker(m_reason);
    m_reason->setCurrentIndex(-1);
    m_result.reset();
    m_resultView->clear();
    m_outcomeUnknown = false;
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
        // The lines are still disabled from the lookup; the box's own state says if it takes units.
        if (!firstQuantity && quantity->isEnabledTo(m_lines))
            firstQuantity = quantity;
    }
    setTabOrder(previous, m_reason);
    m_linesLabel->setBuddy(firstQuantity ? firstQuantity : m_reason);

    qint64 refundable = 0;
    for (const api::RefundableLine& line : lookup.refundable)
        refundable += line.quantity;
    m_message->setText(refundable > 0 ? tr("Choose how many units to refund and a reason.")
                                      : tr("Everything of this order has been refunded already."));
    updatePreview();
    updateControls();
    if (firstQuantity)
        firstQuantity->setFocus();
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

void RefundDialog::clearOrder()
{
    m_draft = flows::RefundDraft();
    m_result.reset();
    m_outcomeUnknown = false;
    m_lines->clear();
    m_orderSummary->clear();
    m_resultView->clear();
    m_total->clear();
    updateControls();
}

void RefundDialog::finish()
{
    m_orderNumber->clear();
    m_message->clear();
    clearOrder();
    accept();
}

void RefundDialog::updatePreview()
{
    if (!hasOrder()) {
        m_total->clear();
        return;
    }
    const Expected<Money> total = m_draft.total();
    m_total->setText(total ? tr("Refund total: %1").arg(total->toString(m_locale))
                           : total.error().message);
}

void RefundDialog::updateControls()
{
    const bool busy = isBusy();
    const bool refunding = busy && m_work != Work::Lookup;
    const bool editing = hasOrder() && !m_result;
    m_orderNumber->setEnabled(!refunding && !m_awaitingApproval);
    m_lookUpButton->setEnabled(!refunding && !m_awaitingApproval);
    m_reprint->setEnabled(hasOrder() && !refunding);
    for (QWidget* widget : {static_cast<QWidget*>(m_orderSummary),
                            static_cast<QWidget*>(m_linesLabel), static_cast<QWidget*>(m_scroll),
                            static_cast<QWidget*>(m_reasonLabel), static_cast<QWidget*>(m_reason),
                            static_cast<QWidget*>(m_total), static_cast<QWidget*>(m_refund)})
        widget->setVisible(editing || (widget == m_orderSummary && hasOrder()));
    // What is being refunded stays fixed while the server has it, while a manager looks at it
    // and while its outcome is open: a changed choice would be another refund.
    const bool fixed = busy || m_awaitingApproval || m_outcomeUnknown;
    m_lines->setEnabled(!fixed);
    m_reason->setEnabled(!fixed);
    m_refund->setEnabled(!busy && !m_awaitingApproval);
    m_refund->setText(m_outcomeUnknown ? tr("C&heck outcome") : tr("&Refund"));
    m_refund->setAccessibleName(m_outcomeUnknown ? tr("Check outcome") : tr("Refund"));
    m_approval->setVisible(m_awaitingApproval && !m_result);
    m_approval->setBusy(refunding);
    m_resultView->setVisible(m_result.has_value());
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
    if (m_awaitingApproval) {
        closeApproval();
        m_message->setText(tr("Not refunded: no manager approved it."));
        m_refund->setFocus();
        return;
    }
    QDialog::reject();
}

} // namespace storedesk::ui
