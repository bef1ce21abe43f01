#include "common/managerapprovalpanel.h"

#include "common/style.h"
#include "common/widgethelpers.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace storedesk::ui {

ManagerApprovalPanel::ManagerApprovalPanel(QWidget* parent)
    : QGroupBox(tr("Manager approval"), parent)
    , m_explanation(widgets::plainLabel(this, QStringLiteral("approvalExplanation"),
                                        tr("Why a manager must approve")))
    , m_username(
          widgets::lineEdit(this, QStringLiteral("approvalUsername"), tr("Manager's user name")))
    , m_secret(widgets::secretEdit(this, QStringLiteral("approvalSecret"),
                                   tr("Manager's password or PIN")))
    , m_approve(widgets::button(this, QStringLiteral("approveButton"), tr("&Approve")))
    , m_cancel(widgets::button(this, QStringLiteral("cancelApprovalButton"), tr("Cancel appro&val"),
                               tr("Cancel approval")))
    , m_problem(
          widgets::plainLabel(this, QStringLiteral("approvalProblem"), tr("Approval message")))
{
    setObjectName(QStringLiteral("approvalPanel"));
    setAccessibleName(tr("Manager approval"));
    auto* form = new QFormLayout;
    form->addRow(tr("Manager's &user name:"), m_username);
    form->addRow(tr("Manager's pass&word or PIN:"), m_secret);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_approve);
    buttons->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_explanation);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
    for (QPushButton* button : {m_approve, m_cancel})
        button->setAutoDefault(false);
    // Touch targets, whatever room the screen around the panel leaves.
    for (QWidget* widget : {static_cast<QWidget*>(m_username), static_cast<QWidget*>(m_secret),
                            static_cast<QWidget*>(m_approve), static_cast<QWidget*>(m_cancel)})
        widget->setMinimumHeight(style::touchTarget);
    style::setRole(m_approve, style::Role::Primary);
    // Waiting for a manager needs attention; a refusal is an error.
    style::setTone(m_explanation, style::Tone::Warning);
    style::setTone(m_problem, style::Tone::Error);

    connect(m_approve, &QPushButton::clicked, this, &ManagerApprovalPanel::approve);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        reset();
        emit cancelled();
    });
}

void ManagerApprovalPanel::ask(const api::ApprovalDemand& demand, const QLocale& locale)
{
    QStringList why;
    if (demand.reasons.contains(QLatin1StringView("amount")))
        why << (demand.amount ? tr("The refund of %1 is above what this store refunds without a "
                                   "manager.")
                                    .arg(demand.amount->toString(locale))
                              : tr("The refund is above what this store refunds without a "
                                   "manager."));
    if (demand.reasons.contains(QLatin1StringView("age")))
        why << tr("The order is older than this store refunds without a manager.");
    if (why.isEmpty())
        why << tr("This refund needs a manager's approval.");
    why << tr("A manager enters their user name and password or PIN here; nobody is logged out.");
    m_explanation->setText(why.join(QLatin1Char(' ')));
    m_problem->clear();
    widgets::clearSecret(m_secret);
    setBusy(false);
    (m_username->text().isEmpty() ? m_username : m_secret)->setFocus();
}

void ManagerApprovalPanel::refuse(const QString& message)
{
    m_problem->setText(message);
    style::setTone(m_problem, style::Tone::Error);
    widgets::clearSecret(m_secret);
    setBusy(false);
    m_secret->setFocus();
}

void ManagerApprovalPanel::setBusy(bool busy)
{
    for (QWidget* widget : {static_cast<QWidget*>(m_username), static_cast<QWidget*>(m_secret),
                            static_cast<QWidget*>(m_approve)})
        widget->setEnabled(!busy);
}

void ManagerApprovalPanel::reset()
{
    m_username->clear();
    widgets::clearSecret(m_secret);
    m_problem->clear();
    m_explanation->clear();
    setBusy(false);
}

void ManagerApprovalPanel::approve()
{
    const QString username = m_username->text().trimmed();
    if (username.isEmpty()) {
        m_problem->setText(tr("Enter the manager's user name."));
        style::setTone(m_problem, style::Tone::Error);
        m_username->setFocus();
        return;
    }
    if (m_secret->text().isEmpty()) {
        m_problem->setText(tr("Enter the manager's password or PIN."));
        style::setTone(m_problem, style::Tone::Error);
        m_secret->setFocus();
        return;
    }
    QString secret = m_secret->text();
    // The field keeps no copy once the secret is on its way.
    widgets::clearSecret(m_secret);
    m_problem->setText(tr("Checking the approval…"));
    style::setTone(m_problem, style::Tone::Neutral);
    setBusy(true);
    emit approved(username, secret);
    secret.fill(QLatin1Char(' '));
}

} // namespace storedesk::ui
