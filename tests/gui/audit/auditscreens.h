#pragma once

#include <QList>
#include <QSize>
#include <QString>
#include <QWidget>

#include <functional>
#include <memory>

// The screens of the app as the layout audit (tst_layoutaudit) and the screenshot gallery see
// them (issue 14). Each feature lists its own screens in its own file (sessionscreens.cpp,
// salescreens.cpp, paymentscreens.cpp, refundscreens.cpp, receiptscreens.cpp); the harness opens
// each at 1024x768 and 1920x1080 in en, de and fr, audits it and, under Xvfb, saves its picture.
namespace storedesk::test::audit {

// What the harness asks of a screen: the size of the till's screen. The language is already
// installed (translators) when `open` runs, and QLocale::setDefault matches it.
struct ScreenRequest {
    QSize screen;
};

struct AuditScreen {
    // File-name stem and test-row name: "lock-another-user", "refund-approval-needed".
    QString name;
    // Builds the screen, shows it and brings it to the state named, and returns its top-level
    // widget (a main window is resized to the screen; a dialog opens at its own size). Any
    // objects it needs (a fake network, a model) are parented to or owned by that widget, so
    // deleting it cleans up. Null when the state could not be reached (the harness fails).
    std::function<std::unique_ptr<QWidget>(const ScreenRequest&)> open;
};

QList<AuditScreen>
sessionScreens(); // login, lock, lock with another user, setup (both tabs), empty state
QList<AuditScreen>
saleScreens(); // the workspace with 3- and 200-line carts, price check, recent carts
QList<AuditScreen> paymentScreens(); // cash, change due, card in progress, declined, unresolved
QList<AuditScreen> refundScreens();  // the refund dialog in each state
QList<AuditScreen> receiptScreens(); // the receipt dialog, print preview
QList<AuditScreen> tillScreens();    // open, movements, approval, blind close, status bar
// The till's X and Z reports, a reprint, the managers' session list and expected float (issue 15).
QList<AuditScreen> tillReportScreens();
// The customer display: welcome, a long cart, card, change due, thank-you.
QList<AuditScreen> customerDisplayScreens();

} // namespace storedesk::test::audit
