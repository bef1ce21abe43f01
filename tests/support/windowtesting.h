#pragma once

#include "sale/cartworkspace.h"
#include "demousers.h"
#include "guitesting.h"
#include "session/loginpage.h"
#include "mainwindow.h"
#include "common/scannerfilter.h"

#include <QPushButton>
#include <QStackedWidget>

// For the GUI flow tests that link storedesk_ui: the main window shown, started and logged in
// the way a colleague does it.
namespace storedesk::test {

// Shows the window, makes it the active one (shortcuts and focus need it, on a real X server
// too) and starts it (health, resuming a saved session). False when the window never showed.
inline bool showAndStart(ui::MainWindow& window, QSize size = QSize(1100, 700))
{
    window.resize(size);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return false;
    window.scanner()->setMaxGapMs(testScannerGapMs);
    window.start();
    return true;
}

// Types `user`'s name and secret into the login page and presses Enter; true once the carts are
// on screen.
inline bool logInThroughThePage(ui::MainWindow& window, DemoUser user)
{
    ui::LoginPage* page = window.loginPage();
    if (!QTest::qWaitFor([&] { return page->logInButton()->isEnabled(); }, 20000))
        return false;
    QTest::keyClicks(page->username(), QString::fromLatin1(user.username));
    QTest::keyClicks(page->secret(), QString::fromLatin1(user.secret));
    QTest::keyClick(page->secret(), Qt::Key_Return);
    return QTest::qWaitFor([&] { return window.pages()->currentWidget() == window.workspace(); },
                           20000);
}

} // namespace storedesk::test
