#pragma once

#include "config/workstationconfig.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QLabel;
class QStackedWidget;
class QPushButton;
class QShortcut;

namespace storedesk::api {
class ApiClient;
class HealthMonitor;
} // namespace storedesk::api
namespace storedesk::flows {
class Checkout;
}
namespace storedesk::session {
class Session;
class TokenVault;
} // namespace storedesk::session

namespace storedesk::ui {

class CartWorkspace;
class EmptyStateWidget;
class IdleWatcher;
class LockPage;
class LoginPage;
class PaymentPanel;
class ReceiptDesk;
class PriceCheckDialog;
class RefundDialog;
class ScannerFilter;

// The colleague's one window: the workstation's pages (not set up, log in, carts, locked), the
// menus with their F-key shortcuts, and the status bar (where, who, whether the server answers).
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

    EmptyStateWidget* emptyState() const { return m_emptyState; }
    QLabel* connectionStatus() const { return m_connectionStatus; }
    QLabel* placeStatus() const { return m_placeStatus; }
    QLabel* userStatus() const { return m_userStatus; }
    QLabel* offlineBanner() const { return m_offlineBanner; }
    QStackedWidget* pages() const { return m_pages; }
    LoginPage* loginPage() const { return m_loginPage; }
    // The carts page (with its payment panel) and the lock page are built on first use: until a
    // colleague has logged in, only the login page shows.
    LockPage* lockPage();
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

public slots:
    void showAbout();
    void openSetup();
    void openPriceCheck();
    void openRefunds();
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

    config::WorkstationConfig m_config;
    api::ApiClient* m_client;
    api::ApiClient* m_setupClient;
    session::TokenVault* m_vault;
    session::Session* m_session;
    api::HealthMonitor* m_health;
    IdleWatcher* m_idle;
    ScannerFilter* m_scanner;

    QStackedWidget* m_pages = nullptr;
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
    QPointer<PriceCheckDialog> m_priceCheck;
    QPointer<RefundDialog> m_refunds;
    QString m_refundsUser; // whose orders the refund dialog shows
    QHash<QString, QAction*> m_actions;
    QShortcut* m_setupRefused = nullptr;
    bool m_started = false;
};

} // namespace storedesk::ui
