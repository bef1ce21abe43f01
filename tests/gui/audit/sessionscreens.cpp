#include "api/apiclient.h"
#include "auditscreens.h"
#include "common/style.h"
#include "config/workstationconfig.h"
#include "guitesting.h"
#include "mainwindow.h"
#include "session/lockpage.h"
#include "session/loginpage.h"
#include "session/setupdialog.h"
#include "session/setuphardwarepage.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>

namespace storedesk::test::audit {

namespace {

// A workstation set up at berlin-mitte, till 1. The window is never started, so nothing is sent
// to the address; the configuration's files live as long as the window.
std::unique_ptr<ui::MainWindow> setUpWindow()
{
    auto files = std::make_shared<TestConfig>();
    auto window = std::make_unique<ui::MainWindow>(
        files->berlinTill1(QUrl(QStringLiteral("https://pos.example.com/storedesk/v1"))));
    QObject::connect(window.get(), &QObject::destroyed, [files] {});
    return window;
}

std::unique_ptr<QWidget> lockedWindow(bool anotherUser, const QString& refusal = {})
{
    auto window = setUpWindow();
    ui::LockPage* page = window->lockPage();
    page->lockFor(QStringLiteral("Anna Schmidt"), QStringLiteral("anna"));
    window->pages()->setCurrentWidget(page);
    if (anotherUser)
        page->anotherUserButton()->click();
    if (!refusal.isEmpty())
        page->showMessage(refusal);
    return window;
}

// The setup dialog over an empty configuration; the dialog owns its client and the
// configuration outlives it.
std::unique_ptr<ui::SetupDialog> setupDialog()
{
    auto config = std::make_shared<config::WorkstationConfig>(nullptr, nullptr);
    auto* client = new api::ApiClient;
    auto dialog = std::make_unique<ui::SetupDialog>(*config, client);
    client->setParent(dialog.get());
    QObject::connect(dialog.get(), &QObject::destroyed, [config] {});
    return dialog;
}

QString setupText(const char* text)
{
    return QCoreApplication::translate("storedesk::ui::SetupDialog", text);
}

// The setup dialog on its Hardware tab with an ESC/POS printer on the network chosen.
std::unique_ptr<ui::SetupDialog> hardwareTab()
{
    auto dialog = setupDialog();
    ui::SetupHardwarePage* page = dialog->hardwarePage();
    dialog->tabs()->setCurrentWidget(page);
    page->printerKind()->setCurrentIndex(1);
    return dialog;
}

} // namespace

QList<AuditScreen> sessionScreens()
{
    return {
        {QStringLiteral("not-set-up"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             // A machine nobody has set up yet: the empty state says so.
             return std::make_unique<ui::MainWindow>();
         }},
        {QStringLiteral("login"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             return setUpWindow();
         }},
        {QStringLiteral("login-error"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             // The longest message a login can end with: the keychain is missing.
             auto window = setUpWindow();
             window->loginPage()->showError(QCoreApplication::translate(
                 "storedesk::session::TokenVault",
                 "The system keychain is not available (no Secret Service is running). "
                 "StoreDesk keeps your login only there; ask IT to enable the keychain, "
                 "then try again."));
             return window;
         }},
        {QStringLiteral("lock"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             return lockedWindow(false);
         }},
        {QStringLiteral("lock-another-user"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             return lockedWindow(true);
         }},
        {QStringLiteral("lock-refused"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             // The other user's fields open and the server's longest refusal of a login.
             return lockedWindow(
                 true, QCoreApplication::translate("storedesk::api::LoginJob",
                                                   "Too many failed logins. Try again in %n "
                                                   "second(s).",
                                                   nullptr, 300));
         }},
        {QStringLiteral("setup"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             return setupDialog();
         }},
        {QStringLiteral("setup-checked"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             // After the check and a colleague's refused login: the longest results.
             auto dialog = setupDialog();
             dialog->serverUrl()->setText(
                 QStringLiteral("https://pos.berlin-mitte.example.com/storedesk/v1"));
             dialog->serverResult()->setText(
                 setupText("Connected to StoreDesk server %1, but the commerce system does not "
                           "answer right now; carts cannot be looked up until it does.")
                     .arg(QStringLiteral("1.4.0")));
             dialog->findChild<QWidget*>(QStringLiteral("setupManagerSection"))->setEnabled(true);
             dialog->managerUsername()->setText(QStringLiteral("anna"));
             dialog->loginResult()->setText(setupText("Only a manager can set a workstation up."));
             // As the dialog shows results that arrive.
             ui::style::setTone(dialog->serverResult(), ui::style::Tone::Warning);
             ui::style::setTone(dialog->loginResult(), ui::style::Tone::Error);
             dialog->serverResult()->show();
             dialog->loginResult()->show();
             return dialog;
         }},
        {QStringLiteral("setup-hardware"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             // The Hardware tab, a printer on the network tried with success.
             auto dialog = hardwareTab();
             ui::SetupHardwarePage* page = dialog->hardwarePage();
             page->printerAddress()->setText(QStringLiteral("192.168.100.250:9100"));
             page->testPageResult()->setText(QCoreApplication::translate(
                 "storedesk::ui::SetupHardwarePage", "Test page printed."));
             ui::style::setTone(page->testPageResult(), ui::style::Tone::Success);
             page->testPageResult()->show();
             return dialog;
         }},
        {QStringLiteral("setup-hardware-errors"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             // The longest words the tab shows: the address refused (also in the dialog's
             // message, as Save says it) and the longest printer problem.
             auto dialog = hardwareTab();
             ui::SetupHardwarePage* page = dialog->hardwarePage();
             page->printerAddress()->setText(QStringLiteral("printer 7:99999"));
             page->checkPrinterAddress();
             dialog->message()->setText(page->printerResult()->text());
             ui::style::setTone(dialog->message(), ui::style::Tone::Error);
             dialog->message()->show();
             page->testPageResult()->setText(QCoreApplication::translate(
                 "storedesk::hardware::EscPosPrinter",
                 "The receipt printer cannot be reached. Check that it is switched on and "
                 "connected."));
             ui::style::setTone(page->testPageResult(), ui::style::Tone::Error);
             page->testPageResult()->show();
             return dialog;
         }},
    };
}

} // namespace storedesk::test::audit
