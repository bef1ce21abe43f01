#include "session/lockpage.h"

#include "common/widgethelpers.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QIcon>
#include <QVBoxLayout>

namespace storedesk::ui {

LockPage::LockPage(QWidget* parent)
    : QWidget(parent)
    , m_who(widgets::plainLabel(this, QStringLiteral("lockWho"), tr("Locked session")))
    , m_secret(widgets::secretEdit(this, QStringLiteral("lockSecret"), tr("Password or PIN")))
    , m_unlock(widgets::button(this, QStringLiteral("unlockButton"), tr("&Unlock")))
    , m_otherUsername(
          widgets::lineEdit(this, QStringLiteral("switchUsername"), tr("Other user's name")))
    , m_otherSecret(widgets::secretEdit(this, QStringLiteral("switchSecret"),
                                        tr("Other user's password or PIN")))
    , m_switch(
          widgets::button(this, QStringLiteral("switchUserButton"), tr("Log in as &another user")))
    , m_message(widgets::plainLabel(this, QStringLiteral("lockMessage"), tr("Lock message")))
{
    setObjectName(QStringLiteral("lockPage"));
    setAccessibleName(tr("Locked"));
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/lock.svg")).pixmap(48, 48));
    icon->setAccessibleName(tr("Locked"));

    auto* same = new QFormLayout;
    same->addRow(tr("&Password or PIN:"), m_secret);
    same->addRow(QString(), m_unlock);

    auto* other = new QGroupBox(tr("Another user"), this);
    other->setAccessibleName(tr("Another user"));
    auto* otherForm = new QFormLayout(other);
    otherForm->addRow(tr("User &name:"), m_otherUsername);
    otherForm->addRow(tr("Pass&word or PIN:"), m_otherSecret);
    otherForm->addRow(QString(), m_switch);

    auto* box = new QWidget(this);
    box->setMaximumWidth(460);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(icon, 0, Qt::AlignHCenter);
    boxLayout->addWidget(m_who);
    boxLayout->addLayout(same);
    boxLayout->addWidget(other);
    boxLayout->addWidget(m_message);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(box, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    connect(m_unlock, &QPushButton::clicked, this, &LockPage::unlock);
    connect(m_secret, &QLineEdit::returnPressed, this, &LockPage::unlock);
    connect(m_switch, &QPushButton::clicked, this, &LockPage::switchUser);
    connect(m_otherSecret, &QLineEdit::returnPressed, this, &LockPage::switchUser);
    connect(m_otherUsername, &QLineEdit::returnPressed, m_otherSecret,
            [this] { m_otherSecret->setFocus(); });
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
    m_message->clear();
    setBusy(false);
    m_secret->setFocus();
}

void LockPage::setBusy(bool busy)
{
    for (QWidget* widget : {static_cast<QWidget*>(m_secret), static_cast<QWidget*>(m_unlock),
                            static_cast<QWidget*>(m_otherUsername),
                            static_cast<QWidget*>(m_otherSecret), static_cast<QWidget*>(m_switch)})
        widget->setEnabled(!busy);
    if (busy)
        m_message->setText(tr("Checking…"));
}

void LockPage::showMessage(const QString& message)
{
    m_message->setText(message);
}

void LockPage::unlock()
{
    if (m_secret->text().isEmpty()) {
        m_message->setText(tr("Enter your password or PIN."));
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
        m_message->setText(tr("Enter the other user's name and password or PIN."));
        return;
    }
    const QString secret = m_otherSecret->text();
    widgets::clearSecret(m_otherSecret);
    emit switchUserRequested(username, secret);
}

} // namespace storedesk::ui
