#include "session/loginpage.h"

#include "common/keypad.h"
#include "common/style.h"
#include "common/widgethelpers.h"
#include "session/pinpagelayout.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace storedesk::ui {

LoginPage::LoginPage(QWidget* parent)
    : QWidget(parent)
    , m_workstation(
          widgets::plainLabel(this, QStringLiteral("loginWorkstation"), tr("Workstation")))
    , m_username(widgets::lineEdit(this, QStringLiteral("loginUsername"), tr("User name")))
    , m_secret(widgets::secretEdit(this, QStringLiteral("loginSecret"), tr("Password or PIN")))
    , m_logIn(widgets::button(this, QStringLiteral("loginButton"), tr("&Log in")))
    , m_message(widgets::plainLabel(this, QStringLiteral("loginMessage"), tr("Login message")))
    , m_keypad(new Keypad(this))
{
    setObjectName(QStringLiteral("loginPage"));
    setAccessibleName(tr("Log in"));
    auto* heading = widgets::plainLabel(this, QStringLiteral("loginHeading"), tr("Log in"),
                                        tr("Log in to StoreDesk"));
    style::setRole(heading, style::Role::Large);
    style::setRole(m_logIn, style::Role::Primary);
    // A PIN is digits: the keypad needs no decimal separator.
    m_keypad->setAccessibleName(tr("Keypad for the PIN"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->addRow(tr("&User name:"), m_username);
    form->addRow(tr("Pass&word or PIN:"), m_secret);

    // The form has a width of its own so that a wrapped message gets the height it needs.
    auto* box = new QWidget(this);
    box->setObjectName(QStringLiteral("loginForm"));
    box->setMinimumWidth(400);
    box->setMaximumWidth(480);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    boxLayout->setSpacing(style::spacing);
    boxLayout->addWidget(heading);
    boxLayout->addWidget(m_workstation);
    boxLayout->addLayout(form);
    boxLayout->addWidget(m_logIn);
    boxLayout->addWidget(m_message);
    boxLayout->addStretch();

    layOutBesidePinKeypad(this, box, m_keypad);

    connect(m_logIn, &QPushButton::clicked, this, &LoginPage::submit);
    // Enter moves on from an empty field and logs in once both are filled.
    connect(m_username, &QLineEdit::returnPressed, this, [this] {
        if (m_secret->text().isEmpty())
            m_secret->setFocus();
        else
            submit();
    });
    connect(m_secret, &QLineEdit::returnPressed, this, &LoginPage::submit);
    setTabOrder(m_username, m_secret);
    setTabOrder(m_secret, m_logIn);
}

void LoginPage::setWorkstation(const QString& description)
{
    m_workstation->setText(description);
}

void LoginPage::setBusy(bool busy)
{
    m_logIn->setEnabled(!busy);
    m_username->setEnabled(!busy);
    m_secret->setEnabled(!busy);
    m_keypad->setEnabled(!busy);
    if (busy) {
        m_message->setText(tr("Logging in…"));
        style::setTone(m_message, style::Tone::Neutral);
    }
}

void LoginPage::showMessage(const QString& message)
{
    if (m_attemptPending) {
        showError(message);
        return;
    }
    m_message->setText(message);
    style::setTone(m_message, style::Tone::Neutral);
}

void LoginPage::showError(const QString& message)
{
    m_attemptPending = false;
    m_message->setText(message);
    style::setTone(m_message, style::Tone::Error);
}

void LoginPage::reset()
{
    m_attemptPending = false;
    m_username->clear();
    widgets::clearSecret(m_secret);
    setBusy(false);
    m_username->setFocus();
}

void LoginPage::submit()
{
    const QString username = m_username->text().trimmed();
    if (username.isEmpty() || m_secret->text().isEmpty()) {
        showError(tr("Enter your user name and your password or PIN."));
        (username.isEmpty() ? m_username : m_secret)->setFocus();
        return;
    }
    const QString secret = m_secret->text();
    widgets::clearSecret(m_secret);
    m_attemptPending = true;
    emit logInRequested(username, secret);
}

} // namespace storedesk::ui
