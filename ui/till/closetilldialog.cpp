#include "till/closetilldialog.h"

#include "common/managerapprovalpanel.h"
#include "common/widgethelpers.h"
#include "till/countgrid.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace storedesk::ui {

namespace {

constexpr int reasonLength = 200; // docs/TILL.md

} // namespace

CloseTillDialog::CloseTillDialog(flows::TillDay* till, const QLocale& locale, QWidget* parent)
    : QDialog(parent)
    , m_till(till)
    , m_locale(locale)
    , m_pages(new QStackedWidget(this))
    , m_intro(widgets::plainLabel(
          this, QStringLiteral("closeIntro"), tr("What to do"),
          tr("Count the cash in the drawer: how many of each note and coin. What the drawer should "
             "hold is shown only after you have submitted the count.")))
    , m_grid(new CountGrid(this))
    , m_submit(widgets::button(this, QStringLiteral("submitCountButton"), tr("&Submit count")))
    , m_differenceIntro(widgets::plainLabel(this, QStringLiteral("differenceIntro"),
                                            tr("Why a manager must approve")))
    , m_expected(widgets::plainLabel(this, QStringLiteral("closeExpected"), tr("Expected cash")))
    , m_counted(widgets::plainLabel(this, QStringLiteral("closeCounted"), tr("Counted cash")))
    , m_overShort(widgets::plainLabel(this, QStringLiteral("closeOverShort"), tr("Over or short")))
    , m_reason(widgets::lineEdit(this, QStringLiteral("differenceReason"),
                                 tr("Reason for the difference")))
    , m_approval(new ManagerApprovalPanel(this))
    , m_recount(widgets::button(this, QStringLiteral("recountButton"), tr("Cou&nt again"),
                                tr("Count again")))
    , m_message(widgets::plainLabel(this, QStringLiteral("closeMessage"), tr("Message")))
    , m_cancel(widgets::button(this, QStringLiteral("cancelCloseButton"), tr("Cancel")))
{
    setObjectName(QStringLiteral("closeTillDialog"));
    setWindowTitle(tr("Close till"));
    const std::optional<api::TillStatus>& status = m_till->status();
    m_grid->setCurrency(status ? status->currency : QString(), m_locale);

    auto* countPage = new QWidget(m_pages);
    countPage->setObjectName(QStringLiteral("closeCountPage"));
    auto* countLayout = new QVBoxLayout(countPage);
    countLayout->setContentsMargins(0, 0, 0, 0);
    countLayout->setSpacing(style::spacing);
    countLayout->addWidget(m_intro);
    countLayout->addWidget(m_grid, 1);

    auto* approvalPage = new QWidget(m_pages);
    approvalPage->setObjectName(QStringLiteral("closeApprovalPage"));
    for (QLabel* label : {m_expected, m_counted, m_overShort})
        label->setWordWrap(false);
    style::setRole(m_overShort, style::Role::Display);
    m_reason->setMaxLength(reasonLength);
    m_reason->setMinimumHeight(style::touchTarget);
    auto* figures = new QFormLayout;
    figures->setSpacing(style::spacing);
    // Labels beside the middle of their 44 px fields, not at their top edge.
    figures->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    figures->addRow(tr("Expected in the drawer:"), m_expected);
    figures->addRow(tr("Counted:"), m_counted);
    figures->addRow(m_overShort);
    figures->addRow(tr("&Reason for the difference:"), m_reason);
    auto* approvalLayout = new QVBoxLayout(approvalPage);
    approvalLayout->setContentsMargins(0, 0, 0, 0);
    approvalLayout->setSpacing(style::spacing);
    approvalLayout->addWidget(m_differenceIntro);
    approvalLayout->addLayout(figures);
    approvalLayout->addWidget(m_approval);
    approvalLayout->addStretch();
    m_pages->addWidget(countPage);
    m_pages->addWidget(approvalPage);

    style::setRole(m_submit, style::Role::Primary);
    m_submit->setDefault(true);
    for (QPushButton* button : {m_submit, m_recount, m_cancel})
        button->setMinimumHeight(style::touchTarget);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_submit, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_recount, QDialogButtonBox::ResetRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    m_recount->hide(); // after addButton, which shows it
    m_message->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(style::margin, style::margin, style::margin, style::margin);
    layout->setSpacing(style::spacing);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_submit, &QPushButton::clicked, this, &CloseTillDialog::submit);
    connect(m_grid, &CountGrid::countFinished, this, &CloseTillDialog::submit);
    connect(m_recount, &QPushButton::clicked, this, &CloseTillDialog::recount);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        // A close waiting for a manager did not happen; dropping it changes nothing.
        if (m_till && m_till->pendingOperation() == flows::TillDay::Operation::Close &&
            !m_till->isOutcomeUnknown())
            m_till->abandon();
        reject();
    });
    connect(m_approval, &ManagerApprovalPanel::approved, this,
            [this](const QString& username, const QString& secret) {
                const QString reason = m_reason->text().trimmed();
                if (reason.isEmpty()) {
                    m_approval->refuse(tr("Enter the reason for the difference first."));
                    m_reason->setFocus();
                    return;
                }
                if (m_till)
                    m_till->approveClose(reason, username, secret);
            });
    connect(m_approval, &ManagerApprovalPanel::cancelled, this, &CloseTillDialog::recount);
    connect(m_till, &flows::TillDay::busyChanged, this, &CloseTillDialog::setBusy);
    connect(m_till, &flows::TillDay::closed, this, [this](const api::TillReport& report) {
        m_approval->reset();
        emit closed(report);
        accept();
    });
    connect(m_till, &flows::TillDay::approvalNeeded, this,
            [this](flows::TillDay::Operation operation, const api::TillApprovalDemand& demand) {
                if (operation == flows::TillDay::Operation::Close)
                    showApproval(demand);
            });
    connect(m_till, &flows::TillDay::failed, this,
            [this](flows::TillDay::Operation operation, const api::ApiError& error) {
                if (operation != flows::TillDay::Operation::Close)
                    return;
                // A refusal ends the attempt: back to the count, which is still there.
                m_approval->reset();
                m_pages->setCurrentIndex(0);
                m_recount->hide();
                m_submit->show();
                m_submit->setDefault(true);
                say(error.toDisplayString(), style::Tone::Error);
            });
    connect(m_till, &flows::TillDay::outcomeUnknown, this,
            [this](flows::TillDay::Operation operation, const api::ApiError& error) {
                if (operation != flows::TillDay::Operation::Close)
                    return;
                m_approval->setBusy(false);
                say(error.toDisplayString() + QLatin1Char(' ') +
                        tr("Whether the till was closed is not known. Submit again to ask the "
                           "server about the same count."),
                    style::Tone::Warning);
            });

    m_grid->sizeDialog(this, 640);
    m_grid->focusFirst();
}

CloseTillDialog::Stage CloseTillDialog::stage() const
{
    return m_pages->currentIndex() == 0 ? Stage::Count : Stage::Approval;
}

void CloseTillDialog::submit()
{
    if (!m_till || m_till->isBusy())
        return;
    if (stage() == Stage::Approval) {
        m_approval->approve();
        return;
    }
    say(tr("Closing the till…"), style::Tone::Neutral);
    m_till->submitCount(m_grid->count());
}

void CloseTillDialog::recount()
{
    if (m_till && m_till->pendingOperation() == flows::TillDay::Operation::Close &&
        !m_till->isOutcomeUnknown())
        m_till->abandon();
    m_approval->reset();
    m_reason->clear();
    for (QLabel* label : {m_expected, m_counted, m_overShort, m_differenceIntro})
        label->clear();
    m_pages->setCurrentIndex(0);
    m_recount->hide();
    m_submit->show();
    m_submit->setDefault(true);
    say({}, style::Tone::Neutral);
    m_grid->focusFirst();
}

void CloseTillDialog::showApproval(const api::TillApprovalDemand& demand)
{
    const bool wasShown = stage() == Stage::Approval;
    // Only now, after the count went to the server, may the expected amount be shown.
    const auto text = [this](const std::optional<Money>& money) {
        return money ? money->toString(m_locale) : tr("not known");
    };
    m_expected->setText(text(demand.expectedCash));
    m_counted->setText(text(demand.counted));
    if (demand.overShort && demand.overShort->isNegative())
        m_overShort->setText(tr("Short: %1").arg(demand.overShort->negated()->toString(m_locale)));
    else if (demand.overShort)
        m_overShort->setText(tr("Over: %1").arg(demand.overShort->toString(m_locale)));
    else
        m_overShort->clear();
    style::setTone(m_overShort, style::Tone::Warning);
    const std::optional<api::TillStatus>& status = m_till->status();
    m_differenceIntro->setText(
        status && status->limits.closeApprovalAbove.isValid()
            ? tr("The count differs from what the drawer should hold by more than %1. Give the "
                 "reason; a manager approves the close here, nobody is logged out.")
                  .arg(status->limits.closeApprovalAbove.toString(m_locale))
            : tr("The count differs from what the drawer should hold. Give the reason; a manager "
                 "approves the close here, nobody is logged out."));
    style::setTone(m_differenceIntro, style::Tone::Warning);
    m_pages->setCurrentIndex(1);
    m_submit->hide();
    m_recount->show();
    if (!wasShown) {
        m_approval->ask(api::ApprovalDemand{}, m_locale);
        m_approval->explanation()->setText(tr("A manager approves the difference."));
        m_reason->setFocus();
    }
    if (demand.denied)
        m_approval->refuse(tr("The approval was not accepted. Check the manager's user name and "
                              "password or PIN."));
    else
        m_approval->setBusy(false);
    m_submit->setDefault(false);
    m_approval->approveButton()->setDefault(true);
    say({}, style::Tone::Neutral);
}

void CloseTillDialog::say(const QString& text, style::Tone tone)
{
    m_message->setText(text);
    style::setTone(m_message, tone);
    m_message->setVisible(!text.isEmpty());
}

void CloseTillDialog::setBusy(bool busy)
{
    m_submit->setEnabled(!busy);
    m_recount->setEnabled(!busy);
    m_grid->setReadOnly(busy);
    m_approval->setBusy(busy);
}

} // namespace storedesk::ui
