#include "till/opentilldialog.h"

#include "common/style.h"
#include "common/widgethelpers.h"
#include "till/countgrid.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace storedesk::ui {

OpenTillDialog::OpenTillDialog(flows::TillDay* till, const QLocale& locale, QWidget* parent)
    : QDialog(parent)
    , m_till(till)
    , m_locale(locale)
    , m_intro(widgets::plainLabel(this, QStringLiteral("openIntro"), tr("What to do"),
                                  tr("Count the float in the drawer: how many of each note and "
                                     "coin. The total adds itself up.")))
    , m_grid(new CountGrid(this))
    , m_expected(widgets::plainLabel(this, QStringLiteral("expectedFloat"), tr("Expected float")))
    , m_difference(widgets::plainLabel(this, QStringLiteral("floatDifference"),
                                       tr("Difference to the expected float")))
    , m_message(widgets::plainLabel(this, QStringLiteral("openMessage"), tr("Message")))
    , m_open(widgets::button(this, QStringLiteral("openTillButton"), tr("&Open till")))
    , m_cancel(widgets::button(this, QStringLiteral("cancelOpenButton"), tr("Cancel")))
{
    setObjectName(QStringLiteral("openTillDialog"));
    setWindowTitle(tr("Open till"));
    const std::optional<api::TillStatus>& status = m_till->status();
    m_grid->setCurrency(status ? status->currency : QString(), m_locale);
    m_expected->setWordWrap(false);
    m_difference->setWordWrap(false);
    style::setRole(m_open, style::Role::Primary);
    m_open->setDefault(true);
    for (QPushButton* button : {m_open, m_cancel})
        button->setMinimumHeight(style::touchTarget);

    auto* expected = new QFormLayout;
    expected->addRow(m_expected);
    expected->addRow(m_difference);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_open, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(style::margin, style::margin, style::margin, style::margin);
    layout->setSpacing(style::spacing);
    layout->addWidget(m_intro);
    layout->addWidget(m_grid, 1);
    layout->addLayout(expected);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_open, &QPushButton::clicked, this, &OpenTillDialog::openTill);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_grid, &CountGrid::countChanged, this, &OpenTillDialog::updateDifference);
    connect(m_grid, &CountGrid::countFinished, this, &OpenTillDialog::openTill);
    connect(m_till, &flows::TillDay::busyChanged, this, &OpenTillDialog::setBusy);
    connect(m_till, &flows::TillDay::opened, this, &QDialog::accept);
    connect(m_till, &flows::TillDay::failed, this,
            [this](flows::TillDay::Operation operation, const api::ApiError& error) {
                showError(operation, error, false);
            });
    connect(m_till, &flows::TillDay::outcomeUnknown, this,
            [this](flows::TillDay::Operation operation, const api::ApiError& error) {
                showError(operation, error, true);
            });
    updateDifference();
    m_message->hide();
    m_grid->sizeDialog(this, 640);
    m_grid->focusFirst();
}

void OpenTillDialog::openTill()
{
    if (!m_till || m_till->isBusy())
        return;
    if (m_grid->isEmpty()) {
        m_message->setText(tr("Count the float first: enter how many of each note and coin are "
                              "in the drawer."));
        style::setTone(m_message, style::Tone::Error);
        m_message->show();
        m_grid->focusFirst();
        return;
    }
    m_message->setText(tr("Opening the till…"));
    style::setTone(m_message, style::Tone::Neutral);
    m_message->show();
    m_till->open(m_grid->count());
}

void OpenTillDialog::updateDifference()
{
    const std::optional<api::TillStatus>& status = m_till ? m_till->status() : std::nullopt;
    const std::optional<Money> expected = status ? status->expectedFloat : std::nullopt;
    m_expected->setVisible(expected.has_value());
    m_difference->setVisible(expected.has_value());
    if (!expected)
        return;
    m_expected->setText(tr("Expected float: %1").arg(expected->toString(m_locale)));
    const Expected<Money> difference = m_grid->total().minus(*expected);
    if (!difference)
        return;
    if (difference->isZero()) {
        m_difference->setText(tr("The count matches the expected float."));
        style::setTone(m_difference, style::Tone::Success);
    } else if (difference->isNegative()) {
        m_difference->setText(
            tr("%1 less than expected").arg(difference->negated()->toString(m_locale)));
        style::setTone(m_difference, style::Tone::Warning);
    } else {
        m_difference->setText(tr("%1 more than expected").arg(difference->toString(m_locale)));
        style::setTone(m_difference, style::Tone::Warning);
    }
}

void OpenTillDialog::setBusy(bool busy)
{
    m_open->setEnabled(!busy);
    m_grid->setReadOnly(busy);
}

void OpenTillDialog::showError(flows::TillDay::Operation operation, const api::ApiError& error,
                               bool unknown)
{
    if (operation != flows::TillDay::Operation::Open)
        return;
    QString text = error.toDisplayString();
    if (unknown)
        text += QLatin1Char(' ') + tr("Whether the till was opened is not known. Press Open till "
                                      "again to ask the server with the same count.");
    m_message->setText(text);
    style::setTone(m_message, unknown ? style::Tone::Warning : style::Tone::Error);
    m_message->show();
    if (api::isTillAlreadyOpen(error) && m_till)
        m_till->refresh(); // the status bar and the menu learn it; this dialog has nothing to do
}

} // namespace storedesk::ui
