#pragma once

#include "api/tilljobs.h"
#include "config/workstationconfig.h"
#include "receipt/receipt.h"

#include <QDialog>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QStackedWidget;
class QPushButton;
class QShortcut;

namespace storedesk::api {
class ApiClient;
class HealthMonitor;
} // namespace storedesk::api
namespace storedesk::flows {
class CashDrawer;
class Checkout;
class CustomerView;
class RefundSession;
class TillDay;
} // namespace storedesk::flows
namespace storedesk::hardware {
class EscPosPrinter;
}
namespace storedesk::session {
class Session;
class TokenVault;
} // namespace storedesk::session

namespace storedesk::ui {

class CartWorkspace;
class CustomerDisplay;
class EmptyStateWidget;
class IdleWatcher;
class LockPage;
class LoginPage;
class PaymentPanel;
class ReceiptDesk;
class PriceCheckDialog;
class RefundDialog;
class RollPrinter;
class ScannerFilter;
class TillMovementDialog;

// The colleague's one window: the workstation's pages (not set up, log in, carts, locked), the
// menus with their F-key shortcuts, the Till menu (issue 15), and the status bar (where, who,
// whether the till is open, whether the server answers).
// It wires core's API client, session and token vault to the pages; it never waits on the network.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // A window without any configuration source: "not set up".
    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(config::WorkstationConfig config, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows the window as this machine had it: full screen when IT's policy says so (FullScreen),
    // else where and how large it was left, and maximized on the first start.
    void showAsConfigured();
    // Resumes a saved session and starts watching the server; call once the window is shown.
    void start();

    // Made with the not-set-up page, when that is first shown: null on a set-up workstation.
    EmptyStateWidget* emptyState() const { return m_emptyState; }
    QLabel* connectionStatus() const { return m_connectionStatus; }
    QLabel* placeStatus() const { return m_placeStatus; }
    QLabel* userStatus() const { return m_userStatus; }
    QLabel* tillStatus() const { return m_tillStatus; }
    // Shown when a cash payment was refused because the till is not open: why, and Open till….
    QWidget* tillNotOpenBar() const { return m_tillBar; }
    QPushButton* tillNotOpenButton() const { return m_tillBarButton; }
    flows::TillDay* till() const { return m_till; }
    // The till dialog open now (open, movement, close), if any.
    QDialog* tillDialog() const { return m_tillDialog; }
    QAction* action(const QString& name) const { return m_actions.value(name); }
    QLabel* offlineBanner() const { return m_offlineBanner; }
    QStackedWidget* pages() const { return m_pages; }
    LoginPage* loginPage() const { return m_loginPage; }
    // The carts page (with its payment panel), the lock page and the not-set-up page are built on
    // first use: until a colleague has logged in, only the login page shows (or, on a workstation
    // not set up yet, only the not-set-up page).
    LockPage* lockPage();
    QWidget* notSetUpPage();
    CartWorkspace* workspace();
    PaymentPanel* paymentPanel();
    ReceiptDesk* receipts() const { return m_receipts; }
    flows::Checkout* checkout() const { return m_checkout; }
    IdleWatcher* idleWatcher() const { return m_idle; }
    ScannerFilter* scanner() const { return m_scanner; }
    PriceCheckDialog* priceCheckDialog() const;
    RefundDialog* refundDialog() const;
    session::Session* session() const { return m_session; }
    api::ApiClient* client() const { return m_client; }
    api::HealthMonitor* health() const { return m_health; }
    config::WorkstationConfig& config() { return m_config; }
    // The customer display: made when CustomerDisplayScreen names a screen; null otherwise.
    // customerView() is what it shows (always there).
    CustomerDisplay* customerDisplay() const;
    flows::CustomerView* customerView() const { return m_customerView; }
    // The ESC/POS receipt printer of ReceiptPrinter (null for `system`), the roll documents go
    // to, the cash drawer it kicks, and what the status bar says of them.
    hardware::EscPosPrinter* receiptPrinter() const { return m_receiptPrinter; }
    RollPrinter* rollPrinter() const { return m_roll; }
    flows::CashDrawer* cashDrawer() const { return m_drawer; }
    QWidget* printProblemBar() const { return m_printBar; }
    QLabel* printProblem() const { return m_printProblem; }
    QPushButton* reprintButton() const { return m_reprintButton; }
    QLabel* drawerStatus() const { return m_drawerStatus; }

public slots:
    void showAbout();
    void openSetup();
    void openPriceCheck();
    void openRefunds();
    // The Till menu: each opens its dialog over the window (one at a time).
    void openTill();
    void recordTillMovement(api::TillMovement::Kind kind);
    void requestXReport();
    void closeTill();
    void openTillSessions();
    void openExpectedFloat();
    void lock();
    void logOut();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createPages();
    void createMenus();
    void createStatusBar();
    void applyConfig();
    void showPage(QWidget* page);
    void updateStatus();
    void updateActions();
    void updateTillActions();
    void updateTillStatus();
    // Why a till action cannot be used now (empty when it can).
    QString tillActionRefusal(const QString& name) const;
    // A cash payment or refund was refused because the till is not open.
    void offerToOpenTill();
    // Says in the status bar why an action cannot be used now.
    bool mayUseTillAction(const QString& action);
    bool mayStartTillDialog(const QString& action);
    // The till dialog on screen now: one at a time, deleted when closed.
    void trackTillDialog(QDialog* dialog);
    void routeScan(const QString& code);
    void onLoggedIn();
    void onLoggedOut(const QString& message);
    void onLoginFailed(const QString& message);
    void resumePendingPayments();
    void nextCustomer();
    void updateReceiptContext();
    // "Berlin Mitte · Shop floor · Till 1": names when known, keys otherwise.
    QString placeText() const;
    static QString setupRefusedText();
    // Closes the refund dialog and forgets what it showed (another user, another setup).
    void discardRefunds();
    // Makes, moves or removes the customer display for CustomerDisplayScreen.
    void applyCustomerDisplay();
    // Makes the ESC/POS receipt printer of ReceiptPrinter (again when the address changed) and
    // hands it to the roll printer and the cash drawer with the columns and the pulse.
    void applyHardware();
    QWidget* createPrintBar(QWidget* parent);
    void createDrawerStatus();
    // A refund session of the refund dialog: its cash opens the drawer, its receipt is printed,
    // the customer sees its result, a refusal for a closed till offers to open it.
    void watchRefundSession(flows::RefundSession* session);

    config::WorkstationConfig m_config;
    api::ApiClient* m_client;
    api::ApiClient* m_setupClient;
    session::TokenVault* m_vault;
    session::Session* m_session;
    api::HealthMonitor* m_health;
    IdleWatcher* m_idle;
    ScannerFilter* m_scanner;

    QStackedWidget* m_pages = nullptr;
    QWidget* m_notSetUpPage = nullptr;
    EmptyStateWidget* m_emptyState = nullptr;
    QPushButton* m_setUpButton = nullptr;
    LoginPage* m_loginPage = nullptr;
    LockPage* m_lockPage = nullptr;
    CartWorkspace* m_workspace = nullptr;
    flows::Checkout* m_checkout = nullptr;
    PaymentPanel* m_payment = nullptr;
    ReceiptDesk* m_receipts = nullptr;
    QLabel* m_offlineBanner = nullptr;
    QLabel* m_connectionStatus = nullptr;
    QLabel* m_placeStatus = nullptr;
    QLabel* m_userStatus = nullptr;
    QLabel* m_tillStatus = nullptr;
    QWidget* m_tillBar = nullptr;
    QLabel* m_tillBarText = nullptr;
    QPushButton* m_tillBarButton = nullptr;
    flows::TillDay* m_till = nullptr;
    QPointer<QDialog> m_tillDialog;
    ReceiptContext m_receiptContext;
    bool m_offeringTill = false; // the refund dialog's offer to open the till is on screen
    QPointer<PriceCheckDialog> m_priceCheck;
    QPointer<RefundDialog> m_refunds;
    QString m_refundsUser; // whose orders the refund dialog shows
    QHash<QString, QAction*> m_actions;
    QShortcut* m_setupRefused = nullptr;
    bool m_started = false;
    flows::CustomerView* m_customerView = nullptr;
    QPointer<CustomerDisplay> m_customerDisplay;
    hardware::EscPosPrinter* m_receiptPrinter = nullptr;
    RollPrinter* m_roll = nullptr;
    flows::CashDrawer* m_drawer = nullptr;
    QWidget* m_printBar = nullptr;
    QLabel* m_printProblem = nullptr;
    QPushButton* m_reprintButton = nullptr;
    QLabel* m_drawerStatus = nullptr;
};

} // namespace storedesk::ui
