#include "till/expectedfloatdialog.h"

#include "api/apiclient.h"
#include "api/tilljobs.h"
#include "common/style.h"
#include "common/widgethelpers.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QUuid>
#include <QVBoxLayout>

namespace storedesk::ui {

ExpectedFloatDialog::ExpectedFloatDialog(api::ApiClient* client, const api::TillStatus& status,
                                         QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_storeKey(status.storeKey)
    , m_workstationId(status.workstationId)
    , m_currency(status.currency)
    , m_current(widgets::plainLabel(this, QStringLiteral("expectedFloatCurrent"),
                                    tr("Current expected float")))
    , m_amount(widgets::lineEdit(this, QStringLiteral("expectedFloatAmount"), tr("Expected float")))
    , m_message(widgets::plainLabel(this, QStringLiteral("expectedFloatMessage"), tr("Message")))
    , m_save(widgets::button(this, QStringLiteral("expectedFloatSaveButton"), tr("&Save"),
                             tr("Save expected float")))
    , m_cancel(widgets::button(this, QStringLiteral("expectedFloatCancelButton"), tr("Cancel")))
{
    setObjectName(QStringLiteral("expectedFloatDialog"));
    setWindowTitle(tr("Expected float"));
    setAccessibleName(tr("Expected float"));
    const QLocale locale;

    auto* intro = widgets::plainLabel(
        this, QStringLiteral("expectedFloatIntro"), tr("About the expected float"),
        tr("The float the till of %1 should open with. Colleagues see the difference to what they "
           "count when they open the till.")
            .arg(m_workstationId));
    m_current->setText(status.expectedFloat
                           ? tr("Now: %1").arg(status.expectedFloat->toString(locale))
                           : tr("Now: none set"));
    m_amount->setMinimumHeight(style::touchTarget);
    m_amount->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    if (status.expectedFloat)
        m_amount->setText(status.expectedFloat->toString(locale)); // Money::parse reads it back
    style::setRole(m_save, style::Role::Primary);
    m_save->setDefault(true);
    m_cancel->setAutoDefault(false);

    auto* amountLabel =
        widgets::plainLabel(this, QStringLiteral("expectedFloatAmountLabel"), tr("Expected float"),
                            tr("&Amount (%1):").arg(m_currency));
    amountLabel->setWordWrap(false);
    amountLabel->setBuddy(m_amount);
    auto* form = new QFormLayout;
    form->setSpacing(style::spacing);
    form->addRow(amountLabel, m_amount);

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(style::spacing);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(style::margin, style::margin, style::margin, style::margin);
    layout->setSpacing(style::spacing);
    layout->addWidget(intro);
    layout->addWidget(m_current);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &ExpectedFloatDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_amount, &QLineEdit::textEdited, m_message, &QLabel::clear);
    m_amount->setFocus();
    m_amount->selectAll();
    resize(std::max(sizeHint().width(), 480), sizeHint().height());
}

ExpectedFloatDialog::~ExpectedFloatDialog() = default;

void ExpectedFloatDialog::save()
{
    if (m_busy || !m_client)
        return;
    const QLocale locale;
    const std::optional<Currency> currency = Currency::fromCode(m_currency);
    if (!currency) {
        m_message->setText(tr("The till's currency is not known; refresh the till's status."));
        style::setTone(m_message, style::Tone::Error);
        return;
    }
    const Expected<Money> amount = Money::parse(m_amount->text().trimmed(), *currency, locale);
    if (!amount || amount->isNegative()) {
        m_message->setText(
            amount ? tr("The expected float cannot be negative.")
                   : tr("Type the amount, e.g. %1.").arg(Money::zero(*currency).toString(locale)));
        style::setTone(m_message, style::Tone::Error);
        m_amount->setFocus();
        m_amount->selectAll();
        return;
    }
    setBusy(true);
    m_message->setText(tr("Saving…"));
    style::setTone(m_message, style::Tone::Neutral);
    // One key per amount: saving the same amount again after an unclear outcome is the same
    // request; another amount is a new one.
    if (m_key.isEmpty() || m_keyUnits != amount->minorUnits()) {
        m_key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        m_keyUnits = amount->minorUnits();
    }
    auto* job = new api::SetExpectedFloatJob(m_client, m_storeKey, m_workstationId, *amount, m_key);
    connect(job, &api::ApiJob::finished, this, [this, job] {
        setBusy(false);
        const auto result = job->result();
        if (!result) {
            m_message->setText(result.error().toDisplayString());
            style::setTone(m_message, style::Tone::Error);
            return;
        }
        emit saved(*result);
        accept();
    });
    job->start();
}

void ExpectedFloatDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_amount->setEnabled(!busy);
    m_save->setEnabled(!busy);
}

} // namespace storedesk::ui
