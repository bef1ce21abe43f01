#include "mainwindow.h"

#include "api/apiclient.h"
#include "api/healthmonitor.h"
#include "api/serverurl.h"
#include "common/emptystatewidget.h"
#include "common/scannerfilter.h"
#include "common/widgethelpers.h"
#include "flows/checkout.h"
#include "receipts/receiptdesk.h"
#include "receipts/receiptdialog.h"
#include "refund/refunddialog.h"
#include "sale/cartview.h"
#include "sale/cartworkspace.h"
#include "sale/paymentpanel.h"
#include "sale/pricecheckdialog.h"
#include "sale/unresolvedpaymentsdialog.h"
#include "session/idlewatcher.h"
#include "session/lockpage.h"
#include "session/loginpage.h"
#include "session/session.h"
#include "session/setupdialog.h"
#include "session/tokenvault.h"
#include "storedesk/version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace storedesk::ui {

MainWindow::MainWindow(QWidget* parent)
    : MainWindow(config::WorkstationConfig(nullptr, nullptr), parent)
{
}

MainWindow::MainWindow(config::WorkstationConfig config, QWidget* parent)
    : QMainWindow(parent)
    , m_config(std::move(config))
    , m_client(new api::ApiClient(this))
    , m_setupClient(new api::ApiClient(this))
    , m_vault(new session::TokenVault(this))
    , m_session(new session::Session(m_client, m_vault, this))
    , m_health(new api::HealthMonitor(m_client, this))
    , m_idle(new IdleWatcher(this))
    , m_scanner(new ScannerFilter(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("StoreDesk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/storedesk.svg")));
    setMinimumSize(800, 560);

    createPages();
    createStatusBar();
    createMenus();

    connect(m_session, &session::Session::loggedIn, this, &MainWindow::onLoggedIn);
    connect(m_session, &session::Session::loggedOut, this, &MainWindow::onLoggedOut);
    connect(m_session, &session::Session::loginFailed, this, &MainWindow::onLoginFailed);
    connect(m_session, &session::Session::resumeFinished, this,
            [this](bool resumed, const QString& message) {
                if (!resumed) {
                    showPage(m_loginPage);
                    m_loginPage->reset();
                    m_loginPage->showMessage(message);
                }
            });
    connect(m_health, &api::HealthMonitor::stateChanged, this, &MainWindow::updateStatus);
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lock);
    connect(m_scanner, &ScannerFilter::scanned, this, &MainWindow::routeScan);

    applyConfig();
}

MainWindow::~MainWindow()
{
    m_scanner->setEnabled(false);
    m_idle->stop();
}

PriceCheckDialog* MainWindow::priceCheckDialog() const
{
    return m_priceCheck;
}

RefundDialog* MainWindow::refundDialog() const
{
    return m_refunds;
}

void MainWindow::createPages()
{
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));

    auto* notSetUp = new QWidget(m_pages);
    notSetUp->setObjectName(QStringLiteral("notSetUpPage"));
    m_emptyState = new EmptyStateWidget(notSetUp);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setHeading(tr("No cart open"));
    m_emptyState->setHint(tr("This workstation is not set up yet. A manager connects it to the "
                             "integration server and picks the store, location and workstation."));
    m_setUpButton =
        widgets::button(notSetUp, QStringLiteral("setUpButton"),
                        tr("Set &up this workstation… (F9)"), tr("Set up this workstation"));
    connect(m_setUpButton, &QPushButton::clicked, this, &MainWindow::openSetup);
    auto* notSetUpLayout = new QVBoxLayout(notSetUp);
    notSetUpLayout->addWidget(m_emptyState, 1);
    notSetUpLayout->addWidget(m_setUpButton, 0, Qt::AlignHCenter);
    notSetUpLayout->addStretch();

    m_loginPage = new LoginPage(m_pages);
    m_checkout = new flows::Checkout(m_client, flows::PendingPayments(), this);
    connect(m_checkout, &flows::Checkout::balanceChanged, this, [this] {
        if (m_checkout->balance() && m_workspace)
            m_workspace->cartView()->setBalance(*m_checkout->balance(), QLocale());
    });
    // A running payment keeps its cart on screen until it has an outcome.
    connect(m_checkout, &flows::Checkout::paymentStarted, this, [this] {
        workspace()->holdCart(tr("A payment for this cart is in progress. Wait for its outcome "
                                 "or cancel it before opening another cart."));
    });
    connect(m_checkout, &flows::Checkout::paymentFinished, this, [this] {
        if (m_workspace)
            m_workspace->holdCart({});
    });
    m_receipts = new ReceiptDesk(m_client, this);
    connect(m_receipts, &ReceiptDesk::failed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    m_pages->addWidget(notSetUp);
    m_pages->addWidget(m_loginPage);

    connect(m_loginPage, &LoginPage::logInRequested, this,
            [this](const QString& username, const QString& secret) {
                m_loginPage->setBusy(true);
                m_session->logIn(username, secret);
            });

    m_offlineBanner = widgets::plainLabel(
        this, QStringLiteral("offlineBanner"), tr("Offline"),
        tr("The server cannot be reached. The cart on screen stays readable; looking up carts, "
           "price checks and logging in need the server. StoreDesk keeps trying and reconnects "
           "by itself."));
    m_offlineBanner->setStyleSheet(
        QStringLiteral("QLabel { background: #fce8e6; color: #a50e0e; padding: 6px; }"));
    m_offlineBanner->hide();

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_offlineBanner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

CartWorkspace* MainWindow::workspace()
{
    if (m_workspace)
        return m_workspace;
    m_workspace = new CartWorkspace(m_client, m_pages);
    m_payment = new PaymentPanel(m_checkout, m_workspace);
    m_workspace->setSidePanel(m_payment);
    m_workspace->setStore(m_config.storeKey(), m_config.storeLanguages());
    connect(m_workspace, &CartWorkspace::balanceRead, m_checkout, &flows::Checkout::offerBalance);
    connect(m_workspace, &CartWorkspace::cartShown, this, [this](const QString& cartId) {
        const std::optional<Cart>& cart = m_workspace->cartView()->cart();
        m_payment->showCart(cartId, cart ? std::optional<Money>(cart->totalPrice) : std::nullopt);
    });
    connect(m_payment, &PaymentPanel::nextCustomer, this, &MainWindow::nextCustomer);
    connect(m_payment, &PaymentPanel::receiptRequested, m_receipts, &ReceiptDesk::showSale);
    m_pages->addWidget(m_workspace);
    return m_workspace;
}

PaymentPanel* MainWindow::paymentPanel()
{
    workspace();
    return m_payment;
}

LockPage* MainWindow::lockPage()
{
    if (m_lockPage)
        return m_lockPage;
    m_lockPage = new LockPage(m_pages);
    const auto logIn = [this](const QString& username, const QString& secret) {
        m_lockPage->setBusy(true);
        m_session->logIn(username, secret);
    };
    connect(m_lockPage, &LockPage::unlockRequested, this, logIn);
    connect(m_lockPage, &LockPage::switchUserRequested, this, logIn);
    m_pages->addWidget(m_lockPage);
    return m_lockPage;
}

void MainWindow::createStatusBar()
{
    m_placeStatus = widgets::plainLabel(this, QStringLiteral("placeStatus"), tr("Workstation"));
    m_placeStatus->setWordWrap(false);
    m_userStatus = widgets::plainLabel(this, QStringLiteral("userStatus"), tr("User"));
    m_userStatus->setWordWrap(false);
    m_connectionStatus = widgets::plainLabel(this, QStringLiteral("connectionStatus"),
                                             tr("Server connection"), tr("Not connected"));
    m_connectionStatus->setWordWrap(false);
    statusBar()->addWidget(m_placeStatus);
    statusBar()->addWidget(m_userStatus);
    statusBar()->addPermanentWidget(m_connectionStatus);
}

void MainWindow::createMenus()
{
    const auto add = [this](QMenu* menu, const QString& name, const QString& text,
                            const QKeySequence& shortcut, auto slot) {
        QAction* action = menu->addAction(text);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::ApplicationShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_actions.insert(name, action);
        return action;
    };

    QMenu* cartMenu = menuBar()->addMenu(tr("&Cart"));
    add(cartMenu, QStringLiteral("actionFindCart"), tr("&Find cart"), QKeySequence(Qt::Key_F2),
        [this] { workspace()->focusLookup(); });
    add(cartMenu, QStringLiteral("actionRecentCarts"), tr("&Recent carts"),
        QKeySequence(Qt::Key_F3), [this] { workspace()->showRecent(); });
    add(cartMenu, QStringLiteral("actionPriceCheck"), tr("&Price check…"), QKeySequence(Qt::Key_F4),
        [this] { openPriceCheck(); });
    add(cartMenu, QStringLiteral("actionRefresh"), tr("R&efresh cart"), QKeySequence(Qt::Key_F5),
        [this] { workspace()->refresh(); });
    add(cartMenu, QStringLiteral("actionCancel"), tr("&Cancel / back"),
        QKeySequence(Qt::Key_Escape),
        [this] {
            if (!paymentPanel()->back())
                workspace()->cancel();
        })
        ->setShortcutContext(Qt::WindowShortcut);

    QMenu* paymentMenu = menuBar()->addMenu(tr("&Payment"));
    add(paymentMenu, QStringLiteral("actionPayCash"), tr("Pay in &cash"), QKeySequence(Qt::Key_F11),
        [this] { paymentPanel()->chooseTender(QStringLiteral("cash")); });
    add(paymentMenu, QStringLiteral("actionPayCard"), tr("Pay by car&d"), QKeySequence(Qt::Key_F12),
        [this] { paymentPanel()->chooseTender(QStringLiteral("card")); });
    add(paymentMenu, QStringLiteral("actionNextCustomer"), tr("&Next customer"),
        QKeySequence(Qt::CTRL | Qt::Key_N), [this] {
            if (!m_checkout->isPaying())
                nextCustomer();
        });
    paymentMenu->addSeparator();
    add(paymentMenu, QStringLiteral("actionUnresolvedPayments"), tr("&Unresolved payments…"),
        QKeySequence(Qt::CTRL | Qt::Key_U), [this] {
            const bool manager = m_session->isLoggedIn() && m_session->info()->isManager();
            auto* dialog =
                new UnresolvedPaymentsDialog(m_checkout->unresolved(), manager, QLocale(), this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });

    QMenu* ordersMenu = menuBar()->addMenu(tr("&Orders"));
    add(ordersMenu, QStringLiteral("actionRefund"), tr("Find order / &Refund…"),
        QKeySequence(Qt::Key_F6), [this] { openRefunds(); });

    QMenu* sessionMenu = menuBar()->addMenu(tr("&Session"));
    add(sessionMenu, QStringLiteral("actionLock"), tr("&Lock"), QKeySequence(Qt::Key_F8),
        [this] { lock(); });
    add(sessionMenu, QStringLiteral("actionLogOut"), tr("Log &out"), QKeySequence(Qt::Key_F7),
        [this] { logOut(); });
    sessionMenu->addSeparator();
    add(sessionMenu, QStringLiteral("actionSetup"), tr("&Workstation setup…"),
        QKeySequence(Qt::Key_F9), [this] { openSetup(); });
    sessionMenu->setToolTipsVisible(true); // the greyed setup says why
    // F9 while the setup is greyed out: a disabled action's key does nothing, so this one says
    // why (only while the action is disabled; both at once would make F9 ambiguous).
    m_setupRefused = new QShortcut(QKeySequence(Qt::Key_F9), this);
    m_setupRefused->setContext(Qt::ApplicationShortcut);
    connect(m_setupRefused, &QShortcut::activated, this,
            [this] { statusBar()->showMessage(setupRefusedText(), 15000); });
    sessionMenu->addSeparator();
    QAction* quit = sessionMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About StoreDesk"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setShortcut(QKeySequence(Qt::Key_F1));
    about->setMenuRole(QAction::AboutRole);
    updateActions();
}

void MainWindow::applyConfig()
{
    const Expected<QUrl> url = api::ServerUrl::parse(m_config.serverUrl());
    m_client->setServerUrl(url ? *url : QUrl());
    m_session->setWorkstation(m_config.storeKey(), m_config.workstationId());
    m_checkout->setPlace(m_config.storeKey(), m_config.workstationId());
    if (m_workspace)
        m_workspace->setStore(m_config.storeKey(), m_config.storeLanguages());
    m_idle->setTimeout(std::chrono::minutes(m_config.idleLockMinutes()));
    // Names where this machine knows them (set-up, the last login), keys otherwise.
    const QString storeName = m_config.storeName();
    const QString tillName = m_config.placeName(config::Field::WorkstationId);
    m_loginPage->setWorkstation(tr("Store %1 · Workstation %2")
                                    .arg(storeName.isEmpty() ? m_config.storeKey() : storeName,
                                         tillName.isEmpty() ? m_config.workstationId() : tillName));
    if (!m_config.isComplete()) {
        showPage(m_pages->widget(0));
        m_health->stop();
    } else if (!m_session->isLoggedIn()) {
        showPage(m_loginPage);
        m_loginPage->reset();
    }
    updateStatus();
}

void MainWindow::showAsConfigured()
{
    if (m_config.fullScreen()) {
        showFullScreen();
        return;
    }
    const QByteArray geometry = m_config.windowGeometry();
    // The first start (nothing saved) opens maximized: the counter screen is made for the whole
    // screen. A saved geometry also knows whether the window was maximized.
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        showMaximized();
    else
        show();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Where this machine's window was left; under IT's full screen there is nothing to keep.
    if (!m_config.fullScreen() && isVisible()) {
        m_config.setWindowGeometry(saveGeometry());
        m_config.sync();
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::start()
{
    m_started = true;
    if (!m_config.isComplete())
        return;
    m_health->start();
    m_loginPage->setBusy(true);
    m_loginPage->showMessage(tr("Resuming your session…"));
    m_session->resume();
}

void MainWindow::showPage(QWidget* page)
{
    m_pages->setCurrentWidget(page);
    // A scan is a cart lookup only while the carts are on screen (and not behind the lock).
    m_scanner->setEnabled(page == m_workspace);
    updateActions();
}

void MainWindow::updateActions()
{
    const bool working = m_pages && m_pages->currentWidget() == m_workspace;
    for (const char* name :
         {"actionFindCart", "actionRecentCarts", "actionPriceCheck", "actionRefresh", "actionLock",
          "actionCancel", "actionPayCash", "actionPayCard", "actionNextCustomer", "actionRefund",
          "actionUnresolvedPayments"}) {
        if (QAction* action = m_actions.value(QString::fromLatin1(name)))
            action->setEnabled(working);
    }
    if (QAction* logOut = m_actions.value(QStringLiteral("actionLogOut")))
        logOut->setEnabled(m_session->isLoggedIn());
    // Only a manager may open the setup once a workstation is set up; before that, anyone may
    // start it, and it asks for a manager's login itself.
    const bool manager = m_session->isLoggedIn() && m_session->info()->isManager();
    const bool mayOpenSetup = !m_config.isComplete() || manager;
    // Greyed out says "not now"; the hint says why and whom to ask.
    const QString why = mayOpenSetup ? QString() : setupRefusedText();
    if (m_setupRefused)
        m_setupRefused->setEnabled(!mayOpenSetup);
    if (QAction* setup = m_actions.value(QStringLiteral("actionSetup"))) {
        setup->setEnabled(mayOpenSetup);
        setup->setToolTip(mayOpenSetup ? setup->text() : why);
        setup->setStatusTip(why);
    }
    if (m_setUpButton) {
        m_setUpButton->setEnabled(mayOpenSetup);
        m_setUpButton->setToolTip(why);
    }
}

void MainWindow::updateStatus()
{
    if (m_config.isComplete()) {
        m_placeStatus->setText(placeText());
    } else {
        m_placeStatus->setText(tr("Not set up"));
    }
    if (m_session->isLoggedIn()) {
        const api::SessionInfo& info = *m_session->info();
        m_userStatus->setText(
            tr("User: %1").arg(info.displayName.isEmpty() ? info.username : info.displayName));
    } else {
        m_userStatus->setText(tr("Nobody logged in"));
    }
    const api::HealthMonitor::State state = m_health->state();
    switch (state) {
    case api::HealthMonitor::State::Online:
        m_connectionStatus->setText(tr("Server online"));
        break;
    case api::HealthMonitor::State::CommerceUnavailable:
        m_connectionStatus->setText(tr("Server online, commerce system not answering"));
        break;
    case api::HealthMonitor::State::Offline:
        m_connectionStatus->setText(tr("Server offline"));
        break;
    case api::HealthMonitor::State::Unknown:
        m_connectionStatus->setText(tr("Not connected"));
        break;
    }
    m_offlineBanner->setVisible(m_config.isComplete() &&
                                state == api::HealthMonitor::State::Offline);
}

QString MainWindow::setupRefusedText()
{
    return tr("Only a manager can change the workstation setup. Ask a manager to log in.");
}

QString MainWindow::placeText() const
{
    const auto either = [](const QString& name, const QString& key) {
        return name.isEmpty() ? key : name;
    };
    QString workstation = m_config.placeName(config::Field::WorkstationId);
    if (m_session->isLoggedIn() && m_session->info()->workstation &&
        m_session->info()->workstation->id == m_config.workstationId())
        workstation = m_session->info()->workstation->name;
    return tr("%1 · %2 · %3")
        .arg(either(m_config.storeName(), m_config.storeKey()),
             either(m_config.placeName(config::Field::LocationId), m_config.locationId()),
             either(workstation, m_config.workstationId()));
}

void MainWindow::onLoggedIn()
{
    m_loginPage->setBusy(false);
    if (m_lockPage)
        m_lockPage->setBusy(false);
    // Another user took over at the lock: the orders the first one had open are not theirs.
    if (m_refunds && m_refundsUser != m_session->info()->username)
        discardRefunds();
    // What was on screen before a lock stays as it was: the workspace is only hidden.
    showPage(workspace());
    m_workspace->focusLookup();
    const std::optional<api::WorkstationInfo>& workstation = m_session->info()->workstation;
    m_payment->setTenders(workstation ? workstation->tenders : QStringList{QStringLiteral("cash")});
    // The server's name for this till, kept for the status bar before the next login.
    if (workstation && workstation->id == m_config.workstationId() &&
        workstation->name != m_config.placeName(config::Field::WorkstationId)) {
        m_config.setPlaceName(config::Field::WorkstationId, workstation->id, workstation->name);
        m_config.sync();
    }
    updateReceiptContext();
    const api::SessionInfo& info = *m_session->info();
    m_checkout->setColleague(info.displayName.isEmpty() ? info.username : info.displayName);
    // Reports of unresolved payments that waited for a session go out now.
    m_checkout->unresolved()->report();
    resumePendingPayments();
    if (m_config.idleLockMinutes() > 0)
        m_idle->start();
    updateStatus();
}

void MainWindow::onLoggedOut(const QString& message)
{
    m_idle->stop();
    if (m_priceCheck)
        m_priceCheck->close();
    discardRefunds();
    if (m_workspace) {
        m_workspace->cartView()->clear();
        m_payment->showCart({}, std::nullopt); // a pending attempt stays recorded for next login
        m_workspace->holdCart({});
    }
    showPage(m_config.isComplete() ? static_cast<QWidget*>(m_loginPage) : m_pages->widget(0));
    m_loginPage->reset();
    m_loginPage->showMessage(message.isEmpty() ? tr("You have been logged out.") : message);
    updateStatus();
}

void MainWindow::onLoginFailed(const QString& message)
{
    if (m_pages->currentWidget() == m_lockPage) {
        m_lockPage->setBusy(false);
        m_lockPage->showMessage(message);
        m_lockPage->secret()->setFocus();
        return;
    }
    m_loginPage->setBusy(false);
    m_loginPage->showMessage(message);
    m_loginPage->secret()->setFocus();
}

void MainWindow::resumePendingPayments()
{
    // An attempt a previous run left unfinished is finished first: its cart is opened, and the
    // checkout asks the server for the attempt's status.
    if (m_checkout->isPaying() || !m_checkout->cartId().isEmpty())
        return;
    const QStringList carts = m_checkout->cartsWithPendingPayments();
    if (!carts.isEmpty())
        workspace()->openCart(carts.first());
}

void MainWindow::updateReceiptContext()
{
    const api::SessionInfo& info = *m_session->info();
    ReceiptContext context;
    context.storeKey = m_config.storeKey();
    context.storeName = m_config.storeName().isEmpty() ? m_config.storeKey() : m_config.storeName();
    context.languages = m_config.storeLanguages();
    context.workstationId = m_config.workstationId();
    context.colleague = info.displayName.isEmpty() ? info.username : info.displayName;
    m_receipts->setContext(context);
}

void MainWindow::nextCustomer()
{
    workspace()->cartView()->clear();
    m_payment->showCart({}, std::nullopt);
    m_workspace->lookupField()->clear();
    m_workspace->clearMessage(); // what was said about the last cart is over
    statusBar()->clearMessage();
    m_workspace->focusLookup();
    resumePendingPayments();
}

void MainWindow::routeScan(const QString& code)
{
    const bool priceCheckShown = m_priceCheck && m_priceCheck->isVisible();
    if (m_refunds && m_refunds->isVisible() && (m_refunds->isActiveWindow() || !priceCheckShown)) {
        m_refunds->lookUp(code);
        return;
    }
    if (priceCheckShown) {
        m_priceCheck->check(code);
        return;
    }
    if (m_pages->currentWidget() != m_workspace)
        return;
    m_workspace->lookupField()->setText(code);
    m_workspace->lookUp(code);
}

void MainWindow::lock()
{
    if (!m_session->isLoggedIn() || m_pages->currentWidget() == m_lockPage)
        return;
    m_idle->stop();
    if (m_priceCheck)
        m_priceCheck->hide();
    if (m_refunds)
        m_refunds->hide();
    const api::SessionInfo& info = *m_session->info();
    lockPage()->lockFor(info.displayName, info.username);
    showPage(m_lockPage);
    m_lockPage->secret()->setFocus();
}

void MainWindow::logOut()
{
    if (m_session->isLoggedIn())
        m_session->logOut();
}

void MainWindow::openPriceCheck()
{
    if (m_pages->currentWidget() != m_workspace)
        return;
    if (!m_priceCheck)
        m_priceCheck = new PriceCheckDialog(m_client, m_config.storeKey(),
                                            m_config.storeLanguages(), QLocale(), this);
    m_priceCheck->show();
    m_priceCheck->raise();
    m_priceCheck->activateWindow();
    m_priceCheck->code()->setFocus();
    m_priceCheck->code()->selectAll();
}

void MainWindow::openRefunds()
{
    if (m_pages->currentWidget() != m_workspace || !m_session->isLoggedIn())
        return;
    if (!m_refunds) {
        m_refunds = new RefundDialog(m_client, m_config.storeKey(), m_config.storeLanguages(),
                                     QLocale(), this);
        m_refundsUser = m_session->info()->username;
        connect(m_refunds, &RefundDialog::reprintRequested, m_receipts, &ReceiptDesk::showReprint);
        connect(m_refunds, &RefundDialog::refundReceiptRequested, m_receipts,
                &ReceiptDesk::showRefund);
    }
    m_refunds->present();
}

void MainWindow::discardRefunds()
{
    if (!m_refunds)
        return;
    m_refunds->hide();
    m_refunds->deleteLater();
    m_refunds = nullptr;
    m_refundsUser.clear();
}

void MainWindow::openSetup()
{
    const bool manager = m_session->isLoggedIn() && m_session->info()->isManager();
    if (m_config.isComplete() && !manager) {
        QMessageBox::information(this, tr("Workstation setup"), setupRefusedText());
        return;
    }
    SetupDialog dialog(m_config, m_setupClient, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The names the manager picked from (GET /stores), for the status bar.
    if (dialog.location()->currentIndex() >= 0)
        m_config.setPlaceName(config::Field::LocationId, m_config.locationId(),
                              dialog.location()->currentText());
    m_config.sync();
    // The session belonged to the old setup; whoever works here logs in anew.
    if (m_session->isLoggedIn())
        m_session->logOut();
    if (m_priceCheck) {
        m_priceCheck->deleteLater();
        m_priceCheck = nullptr;
    }
    discardRefunds();
    applyConfig();
    if (m_config.isComplete()) {
        showPage(m_loginPage);
        m_loginPage->reset();
        m_loginPage->showMessage(tr("The workstation is set up. Log in to start."));
        if (m_started)
            m_health->start();
    }
}

void MainWindow::showAbout()
{
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("aboutBox"));
    box.setWindowTitle(tr("About StoreDesk"));
    box.setIconPixmap(windowIcon().pixmap(64, 64));
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("StoreDesk %1").arg(applicationVersion()));
    box.setInformativeText(tr("Point of sale for store colleagues: carts, payments and refunds, "
                              "through your integration server."));
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
}

} // namespace storedesk::ui
