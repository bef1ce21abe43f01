#include "till/tillmovementdialog.h"

#include "common/keypad.h"
#include "common/managerapprovalpanel.h"
#include "common/widgethelpers.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace storedesk::ui {

namespace {

constexpr int noteLength = 200;     // docs/TILL.md
constexpr int bagNumberLength = 40; // docs/TILL.md

// "20,00 €": an example amount in the till's currency and the locale.
QString amountText(qint64 minorUnits, const QString& currency, const QLocale& locale)
{
    const Expected<Money> money = Money::fromMinorUnits(minorUnits, currency);
    return money ? money->toString(locale) : QString();
}

} // namespace

QString TillMovementDialog::title(Kind kind)
{
    switch (kind) {
    case Kind::PayIn:
        return tr("Pay in");
    case Kind::PayOut:
        return tr("Pay out");
    case Kind::SafeDrop:
        return tr("Safe drop");
    case Kind::NoSale:
        return tr("No sale");
    }
    return {};
}

TillMovementDialog::TillMovementDialog(flows::TillDay* till, Kind kind, const QLocale& locale,
                                       QWidget* parent)
    : QDialog(parent)
    , m_till(till)
    , m_kind(kind)
    , m_locale(locale)
{
    setObjectName(QStringLiteral("tillMovementDialog"));
    setWindowTitle(title(kind));
    const std::optional<api::TillStatus>& status = m_till->status();
    m_currency = status ? status->currency : QString();

    QString intro;
    switch (kind) {
    case Kind::PayIn:
        intro = tr("Cash put into the drawer without a sale, such as a change delivery.");
        break;
    case Kind::PayOut:
        intro = tr("Cash taken out of the drawer to pay for something, such as a supplier.");
        break;
    case Kind::SafeDrop:
        intro = tr("Cash taken from the drawer to the safe in a numbered bag.");
        break;
    case Kind::NoSale:
        intro = tr("The drawer is opened without a sale. Say why.");
        break;
    }
    m_intro = widgets::plainLabel(this, QStringLiteral("movementIntro"), tr("What this is"), intro);

    auto* form = new QFormLayout;
    form->setSpacing(style::spacing);
    // Labels beside the middle of their 44 px fields, not at their top edge.
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    if (kind != Kind::NoSale) {
        m_amount = widgets::lineEdit(this, QStringLiteral("movementAmount"), tr("Amount"),
                                     amountText(0, m_currency, m_locale));
        m_amount->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
        m_amount->setMinimumHeight(style::touchTarget);
        style::setRole(m_amount, style::Role::Large);
        form->addRow(tr("A&mount:"), m_amount);
    }
    if (kind != Kind::SafeDrop) {
        m_reason = new QComboBox(this);
        m_reason->setObjectName(QStringLiteral("movementReason"));
        m_reason->setAccessibleName(tr("Reason"));
        m_reason->view()->setAccessibleName(tr("Reasons"));
        m_reason->setMinimumHeight(style::touchTarget);
        if (status) {
            m_reason->addItems(kind == Kind::PayIn    ? status->reasons.payIn
                               : kind == Kind::PayOut ? status->reasons.payOut
                                                      : status->reasons.noSale);
        }
        form->addRow(tr("&Reason:"), m_reason);
    } else {
        m_bag = widgets::lineEdit(this, QStringLiteral("movementBag"), tr("Bag number"));
        m_bag->setMaxLength(bagNumberLength);
        m_bag->setMinimumHeight(style::touchTarget);
        form->addRow(tr("&Bag number:"), m_bag);
    }
    m_note = widgets::lineEdit(this, QStringLiteral("movementNote"), tr("Note"), tr("Optional"));
    m_note->setMaxLength(noteLength);
    m_note->setMinimumHeight(style::touchTarget);
    form->addRow(tr("N&ote:"), m_note);

    m_approval = new ManagerApprovalPanel(this);
    m_approval->hide();
    m_message = widgets::plainLabel(this, QStringLiteral("movementMessage"), tr("Message"));
    m_message->hide();
    m_record =
        widgets::button(this, QStringLiteral("recordMovementButton"), tr("Re&cord"), tr("Record"));
    m_cancel = widgets::button(this, QStringLiteral("cancelMovementButton"), tr("Cancel"));
    style::setRole(m_record, style::Role::Primary);
    for (QPushButton* button : {m_record, m_cancel})
        button->setMinimumHeight(style::touchTarget);
    m_record->setDefault(true);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_record, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);

    auto* fields = new QVBoxLayout;
    fields->setSpacing(style::spacing);
    fields->addWidget(m_intro);
    fields->addLayout(form);
    fields->addWidget(m_approval);
    fields->addWidget(m_message);
    fields->addStretch();
    auto* body = new QHBoxLayout;
    body->setSpacing(2 * style::spacing);
    body->addLayout(fields, 1);
    if (m_amount) {
        // Touch: the amount by keypad, with the locale's decimal separator.
        m_keypad = new Keypad(this);
        auto* keypadColumn = new QVBoxLayout;
        keypadColumn->addWidget(m_keypad);
        keypadColumn->addStretch();
        body->addLayout(keypadColumn);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(style::margin, style::margin, style::margin, style::margin);
    layout->setSpacing(style::spacing);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);

    connect(m_record, &QPushButton::clicked, this, &TillMovementDialog::record);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_approval, &ManagerApprovalPanel::approved, this,
            [this](const QString& username, const QString& secret) {
                if (m_till)
                    m_till->approveMovement(username, secret);
            });
    connect(m_approval, &ManagerApprovalPanel::cancelled, this, [this] {
        if (m_till && m_till->pendingOperation() == flows::TillDay::Operation::Movement &&
            !m_till->isOutcomeUnknown())
            m_till->abandon();
        hideApproval();
        say(tr("Nothing was recorded."), style::Tone::Neutral);
    });
    connect(m_till, &flows::TillDay::busyChanged, this, &TillMovementDialog::setBusy);
    connect(m_till, &flows::TillDay::recorded, this, [this](const api::TillMovement& movement) {
        hideApproval();
        emit recorded(movement);
        accept();
    });
    connect(m_till, &flows::TillDay::approvalNeeded, this,
            [this](flows::TillDay::Operation operation, const api::TillApprovalDemand& demand) {
                if (operation == flows::TillDay::Operation::Movement)
                    showApproval(demand);
            });
    connect(m_till, &flows::TillDay::failed, this,
            [this](flows::TillDay::Operation operation, const api::ApiError& error) {
                if (operation != flows::TillDay::Operation::Movement)
                    return;
                hideApproval();
                say(error.toDisplayString(), style::Tone::Error);
            });
    connect(m_till, &flows::TillDay::outcomeUnknown, this,
            [this](flows::TillDay::Operation operation, const api::ApiError& error) {
                if (operation != flows::TillDay::Operation::Movement)
                    return;
                m_approval->setBusy(false);
                say(error.toDisplayString() + QLatin1Char(' ') +
                        tr("Whether it was recorded is not known. Press Record again to ask the "
                           "server about the same movement."),
                    style::Tone::Warning);
            });

    if (m_reason && m_reason->count() == 0) {
        say(tr("This store has no reasons for this set up. Ask a manager."), style::Tone::Error);
        m_record->setEnabled(false);
    }
    // Wide enough that the approval panel's fields stay usable beside the keypad.
    resize(std::max(760, sizeHint().width()), sizeHint().height());
    if (m_amount)
        m_amount->setFocus();
    else
        m_reason->setFocus();
}

bool TillMovementDialog::isAwaitingApproval() const
{
    return m_approval->isVisible();
}

void TillMovementDialog::record()
{
    if (!m_till || m_till->isBusy())
        return;
    api::TillMovementRequest request;
    request.kind = m_kind;
    if (m_amount) {
        const std::optional<Currency> currency = Currency::fromCode(m_currency);
        if (!currency) {
            say(tr("The till's currency is not known yet. Try again in a moment."),
                style::Tone::Error);
            return;
        }
        const Expected<Money> amount =
            Money::parse(m_amount->text().trimmed(), *currency, m_locale);
        if (!amount || amount->minorUnits() <= 0) {
            say(!amount && !amount.error().message.isEmpty()
                    ? amount.error().message
                    : tr("Enter an amount greater than zero, such as %1.")
                          .arg(amountText(2000, m_currency, m_locale)),
                style::Tone::Error);
            m_amount->setFocus();
            m_amount->selectAll();
            return;
        }
        request.amount = *amount;
    }
    if (m_reason) {
        request.reason = m_reason->currentText();
        if (request.reason.isEmpty()) {
            say(tr("Choose a reason."), style::Tone::Error);
            m_reason->setFocus();
            return;
        }
    }
    if (m_bag) {
        request.bagNumber = m_bag->text().trimmed();
        if (request.bagNumber.isEmpty()) {
            say(tr("Enter the number of the safe bag."), style::Tone::Error);
            m_bag->setFocus();
            return;
        }
    }
    request.note = m_note->text().trimmed();
    say(tr("Recording…"), style::Tone::Neutral);
    m_till->record(request);
}

void TillMovementDialog::say(const QString& text, style::Tone tone)
{
    m_message->setText(text);
    style::setTone(m_message, tone);
    m_message->setVisible(!text.isEmpty());
}

void TillMovementDialog::setBusy(bool busy)
{
    m_record->setEnabled(!busy && !isAwaitingApproval());
    for (QWidget* field : {static_cast<QWidget*>(m_amount), static_cast<QWidget*>(m_reason),
                           static_cast<QWidget*>(m_bag)}) {
        if (field)
            field->setEnabled(!busy && !isAwaitingApproval());
    }
    m_approval->setBusy(busy);
}

void TillMovementDialog::showApproval(const api::TillApprovalDemand& demand)
{
    const bool wasShown = isAwaitingApproval();
    m_approval->show();
    if (!wasShown) {
        m_approval->ask(api::ApprovalDemand{}, m_locale);
        QStringList why;
        const std::optional<api::TillStatus>& status = m_till->status();
        if (demand.reasons.contains(QLatin1StringView("amount")))
            why << (status && status->limits.payOutApprovalAbove.isValid()
                        ? tr("Pay-outs above %1 need a manager's approval in this store.")
                              .arg(status->limits.payOutApprovalAbove.toString(m_locale))
                        : tr("This pay-out needs a manager's approval."));
        if (demand.reasons.contains(QLatin1StringView("no_sale_count")))
            why << (status ? tr("This store allows %n no sales per till session without a "
                                "manager.",
                                nullptr, int(status->limits.noSaleApprovalAfter))
                           : tr("This no sale needs a manager's approval."));
        if (why.isEmpty())
            why << tr("This needs a manager's approval.");
        why << tr("A manager enters their user name and password or PIN here; nobody is logged "
                  "out.");
        m_approval->explanation()->setText(why.join(QLatin1Char(' ')));
    }
    if (demand.denied)
        m_approval->refuse(tr("The approval was not accepted. Check the manager's user name and "
                              "password or PIN."));
    else
        m_approval->setBusy(false);
    say({}, style::Tone::Neutral);
    // The dialog grows by the panel (never below what its layout now needs).
    layout()->activate();
    const int needed = hasHeightForWidth() ? heightForWidth(width()) : sizeHint().height();
    resize(std::max(width(), sizeHint().width()),
           std::max({height(), needed, minimumSizeHint().height()}));
    // Enter in the approval's fields approves; it must not send the movement again without it.
    m_record->setDefault(false);
    m_approval->approveButton()->setDefault(true);
    setBusy(false);
}

void TillMovementDialog::hideApproval()
{
    if (!isAwaitingApproval())
        return;
    m_approval->reset();
    m_approval->hide();
    m_approval->approveButton()->setDefault(false);
    m_record->setDefault(true);
    setBusy(m_till && m_till->isBusy());
}

} // namespace storedesk::ui
