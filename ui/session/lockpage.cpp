#include "session/lockpage.h"

#include "common/keypad.h"
#include "common/style.h"
#include "common/widgethelpers.h"
#include "session/pinpagelayout.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QVBoxLayout>

namespace storedesk::ui {

LockPage::LockPage(QWidget* parent)
    : QWidget(parent)
    , m_who(widgets::plainLabel(this, QStringLiteral("lockWho"), tr("Locked session")))
    , m_secret(widgets::secretEdit(this, QStringLiteral("lockSecret"), tr("Password or PIN")))
    , m_unlock(widgets::button(this, QStringLiteral("unlockButton"), tr("&Unlock")))
    , m_anotherUser(widgets::button(this, QStringLiteral("anotherUserButton"),
                                    tr("Log in as &another user…"), tr("Log in as another user")))
    , m_other(new QGroupBox(tr("Another user"), this))
    , m_otherUsername(
          widgets::lineEdit(this, QStringLiteral("switchUsername"), tr("Other user's name")))
    , m_otherSecret(widgets::secretEdit(this, QStringLiteral("switchSecret"),
                                        tr("Other user's password or PIN")))
    , m_switch(widgets::button(this, QStringLiteral("switchUserButton"),
                               tr("&Log in", "the other user logs in at the lock"),
                               tr("Log in as another user")))
    , m_message(widgets::plainLabel(this, QStringLiteral("lockMessage"), tr("Lock message")))
    , m_keypad(new Keypad(this))
{
    setObjectName(QStringLiteral("lockPage"));
    setAccessibleName(tr("Locked"));
    auto* icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("lockIcon"));
    icon->setPixmap(QIcon(QStringLiteral(":/icons/lock.svg")).pixmap(48, 48));
    icon->setAccessibleName(tr("Locked"));
    style::setRole(m_unlock, style::Role::Primary);
    m_other->setObjectName(QStringLiteral("anotherUserSection"));
    m_other->setAccessibleName(tr("Another user"));
    m_other->hide();
    // A PIN is digits: the keypad needs no decimal separator.
    m_keypad->setAccessibleName(tr("Keypad for the PIN"));

    auto* same = new QFormLayout;
    same->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    same->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    same->addRow(tr("Pass&word or PIN:"), m_secret);
    same->addRow(QString(), m_unlock);

    auto* otherForm = new QFormLayout(m_other);
    otherForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    otherForm->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    otherForm->addRow(tr("User &name:"), m_otherUsername);
    otherForm->addRow(tr("Password or P&IN:"), m_otherSecret);
    otherForm->addRow(QString(), m_switch);

    // The form has a width of its own so that wrapped texts get the height they need.
    auto* form = new QWidget(this);
    form->setObjectName(QStringLiteral("lockForm"));
    form->setMinimumWidth(420);
    form->setMaximumWidth(520);
    auto* formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->setSpacing(style::spacing);
    formLayout->addWidget(icon, 0, Qt::AlignHCenter);
    formLayout->addWidget(m_who);
    formLayout->addLayout(same);
    formLayout->addWidget(m_anotherUser);
    formLayout->addWidget(m_other);
    formLayout->addWidget(m_message);
    formLayout->addStretch();

    layOutBesidePinKeypad(this, form, m_keypad);

    connect(m_unlock, &QPushButton::clicked, this, &LockPage::unlock);
    connect(m_secret, &QLineEdit::returnPressed, this, &LockPage::unlock);
    connect(m_anotherUser, &QPushButton::clicked, this, &LockPage::openAnotherUser);
    connect(m_switch, &QPushButton::clicked, this, &LockPage::switchUser);
    connect(m_otherSecret, &QLineEdit::returnPressed, this, &LockPage::switchUser);
    connect(m_otherUsername, &QLineEdit::returnPressed, m_otherSecret,
            [this] { m_otherSecret->setFocus(); });
    setTabOrder(m_secret, m_unlock);
    setTabOrder(m_unlock, m_anotherUser);
    setTabOrder(m_anotherUser, m_otherUsername);
    setTabOrder(m_otherUsername, m_otherSecret);
    setTabOrder(m_otherSecret, m_switch);
}

void LockPage::lockFor(const QString& displayName, const QString& username)
{
    m_username = username;
    m_who->setText(tr("StoreDesk is locked. %1 is logged in; unlock with your password or PIN, "
                      "or log in as another user (%1 is then logged out).")
                       .arg(displayName.isEmpty() ? username : displayName));
    widgets::clearSecret(m_secret);
    m_otherUsername->clear();
    widgets::clearSecret(m_otherSecret);
    m_other->hide();
    m_anotherUser->show();
    m_message->clear();
    setBusy(false);
    m_secret->setFocus();
}

void LockPage::setBusy(bool busy)
{
    for (QWidget* widget :
         {static_cast<QWidget*>(m_secret), static_cast<QWidget*>(m_unlock),
          static_cast<QWidget*>(m_anotherUser), static_cast<QWidget*>(m_otherUsername),
          static_cast<QWidget*>(m_otherSecret), static_cast<QWidget*>(m_switch),
          static_cast<QWidget*>(m_keypad)})
        widget->setEnabled(!busy);
    if (busy) {
        m_message->setText(tr("Checking…"));
        style::setTone(m_message, style::Tone::Neutral);
    }
}

void LockPage::showMessage(const QString& message)
{
    // The page asks for nothing else: a message that comes back is why it was refused.
    showError(message);
}

void LockPage::showError(const QString& message)
{
    m_message->setText(message);
    style::setTone(m_message, style::Tone::Error);
}

void LockPage::openAnotherUser()
{
    m_anotherUser->hide();
    m_other->show();
    m_otherUsername->setFocus();
}

void LockPage::unlock()
{
    if (m_secret->text().isEmpty()) {
        showError(tr("Enter your password or PIN."));
        m_secret->setFocus();
        return;
    }
    const QString secret = m_secret->text();
    widgets::clearSecret(m_secret);
    emit unlockRequested(m_username, secret);
}

void LockPage::switchUser()
{
    const QString username = m_otherUsername->text().trimmed();
    if (username.isEmpty() || m_otherSecret->text().isEmpty()) {
        showError(tr("Enter the other user's name and password or PIN."));
        (username.isEmpty() ? m_otherUsername : m_otherSecret)->setFocus();
        return;
    }
    const QString secret = m_otherSecret->text();
    widgets::clearSecret(m_otherSecret);
    emit switchUserRequested(username, secret);
}

} // namespace storedesk::ui
