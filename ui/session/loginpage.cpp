#include "session/loginpage.h"

#include "common/widgethelpers.h"

#include <QFormLayout>
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
{
    setObjectName(QStringLiteral("loginPage"));
    setAccessibleName(tr("Log in"));
    auto* heading = widgets::plainLabel(this, QStringLiteral("loginHeading"), tr("Log in"),
                                        tr("Log in to StoreDesk"));
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);
    m_logIn->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&User name:"), m_username);
    form->addRow(tr("&Password or PIN:"), m_secret);

    auto* box = new QWidget(this);
    box->setMaximumWidth(420);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(heading);
    boxLayout->addWidget(m_workstation);
    boxLayout->addLayout(form);
    boxLayout->addWidget(m_logIn);
    boxLayout->addWidget(m_message);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(box, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    connect(m_logIn, &QPushButton::clicked, this, &LoginPage::submit);
    connect(m_username, &QLineEdit::returnPressed, m_secret, [this] { m_secret->setFocus(); });
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
    if (busy)
        m_message->setText(tr("Logging in…"));
}

void LoginPage::showMessage(const QString& message)
{
    m_message->setText(message);
}

void LoginPage::reset()
{
    m_username->clear();
    widgets::clearSecret(m_secret);
    setBusy(false);
    m_username->setFocus();
}

void LoginPage::submit()
{
    const QString username = m_username->text().trimmed();
    if (username.isEmpty() || m_secret->text().isEmpty()) {
        m_message->setText(tr("Enter your user name and your password or PIN."));
        (username.isEmpty() ? m_username : m_secret)->setFocus();
        return;
    }
    const QString secret = m_secret->text();
    widgets::clearSecret(m_secret);
    emit logInRequested(username, secret);
}

} // namespace storedesk::ui
