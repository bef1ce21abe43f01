#include "mainwindow.h"

#include "api/apiclient.h"
#include "api/healthmonitor.h"
#include "api/serverurl.h"
#include "base/logging.h"
#include "common/emptystatewidget.h"
#include "common/scannerfilter.h"
#include "common/style.h"
#include "common/widgethelpers.h"
#include "customer/customerdisplay.h"
#include "flows/cashdrawer.h"
#include "flows/checkout.h"
#include "flows/customerview.h"
#include "flows/paymentflow.h"
#include "flows/refundsession.h"
#include "flows/tillday.h"
#include "hardware/escposprinter.h"
#include "receipts/receiptdesk.h"
#include "receipts/receiptdialog.h"
#include "receipts/rollprinter.h"
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
#include "till/closetilldialog.h"
#include "till/expectedfloatdialog.h"
#include "till/opentilldialog.h"
#include "till/tillmovementdialog.h"
#include "till/tillreportdialog.h"
#include "till/tillsessionsdialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace storedesk::ui {

namespace {

QIcon applicationIcon()
{
    return QIcon(QStringLiteral(":/icons/storedesk.svg"));
}

} // namespace

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
    , m_till(new flows::TillDay(m_client, QString(), QString(), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("StoreDesk"));
    setMinimumSize(800, 560);

    createPages();
    createStatusBar();
    createMenus();

    // What the customer sees follows the checkout (and the refund dialog's session).
    m_customerView = new flows::CustomerView(this);
    m_customerView->watch(m_checkout);
    // The drawer opens for cash (and the till's movements), never for a card.
    m_drawer = new flows::CashDrawer(m_client, this);
    m_drawer->watch(m_checkout);
    m_drawer->watch(m_till);
    createDrawerStatus();

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
    // Drawer openings the server could not record while it was out of reach go once it is back.
    connect(m_health, &api::HealthMonitor::stateChanged, this,
            [this](api::HealthMonitor::State state) {
                if (state == api::HealthMonitor::State::Online)
                    m_drawer->retryUnrecorded();
            });
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lock);
    connect(m_scanner, &ScannerFilter::scanned, this, &MainWindow::routeScan);
    connect(m_till, &flows::TillDay::statusChanged, this, [this] {
        updateTillStatus();
        updateTillActions();
    });
    connect(m_till, &flows::TillDay::busyChanged, this, &MainWindow::updateTillActions);
    connect(m_till, &flows::TillDay::opened, this, [this] {
        m_tillBar->hide();
        statusBar()->showMessage(tr("The till is open."), 15000);
    });
    connect(m_till, &flows::TillDay::xReportReady, this, [this](const api::TillReport& report) {
        TillReportDialog::showReport(report, m_receiptContext, false, this, m_roll);
    });
    // The Z report of the close, with Print and Save as PDF.
    connect(m_till, &flows::TillDay::closed, this, [this](const api::TillReport& report) {
        TillReportDialog::showReport(report, m_receiptContext, false, this, m_roll);
    });
    connect(m_till, &flows::TillDay::failed, this,
            [this](flows::TillDay::Operation operation, const api::ApiError& error) {
                // The dialogs say their own; the menu's direct actions are said here.
                if (operation == flows::TillDay::Operation::XReport ||
                    (operation == flows::TillDay::Operation::Refresh && !m_tillDialog))
                    statusBar()->showMessage(error.toDisplayString(), 15000);
            });

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
    // Every widget is made inside the parent it stays in: moving a widget to another parent
    // under the application's style sheet re-evaluates the sheet for it and all it holds.
    auto* central = new QWidget(this);
    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));

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
    connect(m_checkout, &flows::Checkout::paymentFinished, this, [this](flows::PaymentFlow* flow) {
        if (m_workspace)
            m_workspace->holdCart({});
        if (flow && flow->isRefusedForClosedTill())
            offerToOpenTill();
    });
    m_receipts = new ReceiptDesk(m_client, this);
    connect(m_receipts, &ReceiptDesk::failed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    m_roll = new RollPrinter(this);
    m_receipts->setRollPrinter(m_roll);
    // With an ESC/POS printer the sale's receipt comes out as soon as the order is placed.
    connect(m_checkout, &flows::Checkout::orderPlaced, this,
            [this](const Order& order) { m_receipts->printSale(order, m_checkout->succeeded()); });
    m_pages->addWidget(m_loginPage);

    connect(m_loginPage, &LoginPage::logInRequested, this,
            [this](const QString& username, const QString& secret) {
                m_loginPage->setBusy(true);
                m_session->logIn(username, secret);
            });

    m_offlineBanner = widgets::plainLabel(
        central, QStringLiteral("offlineBanner"), tr("Offline"),
        tr("The server cannot be reached. The cart on screen stays readable; looking up carts, "
           "price checks and logging in need the server. StoreDesk keeps trying and reconnects "
           "by itself."));
    m_offlineBanner->setStyleSheet(
        QStringLiteral("QLabel { background: #fce8e6; color: #a50e0e; padding: 6px; }"));
    m_offlineBanner->hide();

    // A cash payment refused for a closed till: why in words, and the way out right there.
    m_tillBar = new QWidget(central);
    m_tillBar->setObjectName(QStringLiteral("tillNotOpenBar"));
    m_tillBarText = widgets::plainLabel(
        m_tillBar, QStringLiteral("tillNotOpenText"), tr("Till not open"),
        tr("The till is not open, so cash cannot be taken. Open the till with the float, then "
           "take the payment again."));
    style::setTone(m_tillBarText, style::Tone::Warning);
    m_tillBarButton = widgets::button(m_tillBar, QStringLiteral("tillNotOpenButton"),
                                      tr("Open till now… (Ctrl+Shift+O)"), tr("Open till now"));
    m_tillBarButton->setMinimumHeight(style::touchTarget);
    style::setRole(m_tillBarButton, style::Role::Primary);
    connect(m_tillBarButton, &QPushButton::clicked, this, &MainWindow::openTill);
    auto* tillBarLayout = new QHBoxLayout(m_tillBar);
    tillBarLayout->setContentsMargins(style::margin, style::spacing, style::margin, 0);
    tillBarLayout->addWidget(m_tillBarText, 1);
    tillBarLayout->addWidget(m_tillBarButton);
    m_tillBar->hide();

    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_offlineBanner);
    layout->addWidget(m_tillBar);
    layout->addWidget(createPrintBar(central));
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

QWidget* MainWindow::notSetUpPage()
{
    if (m_notSetUpPage)
        return m_notSetUpPage;
    // Made when first shown: a set-up workstation starts on the login page and never needs it
    // (its icon and wrapped hint cost a noticeable part of the first frame).
    m_notSetUpPage = new QWidget(m_pages);
    m_notSetUpPage->setObjectName(QStringLiteral("notSetUpPage"));
    m_emptyState = new EmptyStateWidget(m_notSetUpPage);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setHeading(tr("No cart open"));
    m_emptyState->setHint(tr("This workstation is not set up yet. A manager connects it to the "
                             "integration server and picks the store, location and workstation."));
    m_setUpButton =
        widgets::button(m_notSetUpPage, QStringLiteral("setUpButton"),
                        tr("Set &up this workstation… (F9)"), tr("Set up this workstation"));
    connect(m_setUpButton, &QPushButton::clicked, this, &MainWindow::openSetup);
    auto* layout = new QVBoxLayout(m_notSetUpPage);
    layout->addWidget(m_emptyState, 1);
    layout->addWidget(m_setUpButton, 0, Qt::AlignHCenter);
    layout->addStretch();
    m_pages->addWidget(m_notSetUpPage);
    return m_notSetUpPage;
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
        if (cart)
            m_customerView->showCart(*cart);
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
    m_placeStatus =
        widgets::plainLabel(statusBar(), QStringLiteral("placeStatus"), tr("Workstation"));
    m_placeStatus->setWordWrap(false);
    m_userStatus = widgets::plainLabel(statusBar(), QStringLiteral("userStatus"), tr("User"));
    m_userStatus->setWordWrap(false);
    m_connectionStatus = widgets::plainLabel(statusBar(), QStringLiteral("connectionStatus"),
                                             tr("Server connection"), tr("Not connected"));
    m_connectionStatus->setWordWrap(false);
    m_tillStatus = widgets::plainLabel(statusBar(), QStringLiteral("tillStatus"), tr("Till"));
    m_tillStatus->setWordWrap(false);
    m_tillStatus->hide();
    statusBar()->addWidget(m_placeStatus);
    statusBar()->addWidget(m_userStatus);
    statusBar()->addWidget(m_tillStatus);
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

    // The till's day (issue 15). Ctrl+Shift+letter: the F-keys are taken, and these are the same
    // in every language (the mnemonics differ).
    using Kind = api::TillMovement::Kind;
    QMenu* tillMenu = menuBar()->addMenu(tr("&Till"));
    tillMenu->setObjectName(QStringLiteral("tillMenu"));
    add(tillMenu, QStringLiteral("actionOpenTill"), tr("&Open till…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] { openTill(); });
    tillMenu->addSeparator();
    add(tillMenu, QStringLiteral("actionPayIn"), tr("Pay &in…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
        [this] { recordTillMovement(Kind::PayIn); });
    add(tillMenu, QStringLiteral("actionPayOut"), tr("Pay o&ut…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
        [this] { recordTillMovement(Kind::PayOut); });
    add(tillMenu, QStringLiteral("actionSafeDrop"), tr("Safe &drop…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
        [this] { recordTillMovement(Kind::SafeDrop); });
    add(tillMenu, QStringLiteral("actionNoSale"), tr("&No sale…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        [this] { recordTillMovement(Kind::NoSale); });
    tillMenu->addSeparator();
    add(tillMenu, QStringLiteral("actionXReport"), tr("&X report"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), [this] { requestXReport(); });
    add(tillMenu, QStringLiteral("actionCloseTill"), tr("&Close till…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] { closeTill(); });
    tillMenu->addSeparator();
    add(tillMenu, QStringLiteral("actionTillSessions"), tr("Till &sessions…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), [this] { openTillSessions(); });
    add(tillMenu, QStringLiteral("actionExpectedFloat"), tr("&Expected float…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] { openExpectedFloat(); });
    tillMenu->setToolTipsVisible(true); // a greyed entry says why

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
        showPage(notSetUpPage());
        m_health->stop();
    } else if (!m_session->isLoggedIn()) {
        showPage(m_loginPage);
        m_loginPage->reset();
    }
    applyCustomerDisplay();
    applyHardware();
    updateStatus();
}

void MainWindow::applyHardware()
{
    const Expected<hardware::PrinterAddress> address =
        hardware::PrinterAddress::parse(m_config.receiptPrinter());
    const QString wanted = address && address->isEscPos() ? address->toString() : QString();
    const QString current = m_receiptPrinter ? m_receiptPrinter->address().toString() : QString();
    if (wanted != current) {
        if (m_receiptPrinter) {
            m_roll->setPrinter(nullptr, 0);
            m_drawer->setPrinter(nullptr, {});
            m_receiptPrinter->deleteLater(); // it may be inside one of its own signals
            m_receiptPrinter = nullptr;
        }
        if (!wanted.isEmpty())
            m_receiptPrinter = new hardware::EscPosPrinter(*address, this);
        m_printBar->hide();
        m_drawerStatus->hide();
    }
    if (!address)
        qCWarning(lcUi) << "ReceiptPrinter:" << address.error().message;
    m_roll->setPrinter(m_receiptPrinter, m_config.receiptPrinterColumns());
    m_drawer->setPrinter(m_receiptPrinter, hardware::DrawerPulse{m_config.cashDrawerPin(),
                                                                 m_config.cashDrawerPulseMs()});
    m_drawer->setPlace(m_config.storeKey(), m_config.workstationId());
}

QWidget* MainWindow::createPrintBar(QWidget* parent)
{
    // A failed print waits here with Reprint, above the counter, while the next customer is
    // served; it goes once the document is printed.
    m_printBar = new QWidget(parent);
    m_printBar->setObjectName(QStringLiteral("printProblemBar"));
    m_printProblem =
        widgets::plainLabel(m_printBar, QStringLiteral("printProblem"), tr("Receipt printer"));
    style::setTone(m_printProblem, style::Tone::Error);
    m_reprintButton = widgets::button(m_printBar, QStringLiteral("reprintButton"), tr("&Reprint"),
                                      tr("Print the document again"));
    m_reprintButton->setMinimumHeight(style::touchTarget);
    auto* layout = new QHBoxLayout(m_printBar);
    layout->setContentsMargins(style::margin, style::spacing, style::margin, 0);
    layout->addWidget(m_printProblem, 1);
    layout->addWidget(m_reprintButton);
    m_printBar->hide();

    connect(m_roll, &RollPrinter::failed, this, [this](quint64, const QString& message) {
        m_printProblem->setText(message);
        m_printBar->show();
    });
    connect(m_roll, &RollPrinter::printed, this, [this](quint64, const QString& message) {
        if (!m_roll->hasFailedDocument())
            m_printBar->hide();
        statusBar()->showMessage(message, 5000);
    });
    connect(m_reprintButton, &QPushButton::clicked, this, [this] {
        m_printBar->hide();
        m_roll->reprint();
    });
    return m_printBar;
}

void MainWindow::createDrawerStatus()
{
    m_drawerStatus = widgets::plainLabel(statusBar(), QStringLiteral("drawerStatus"),
                                         tr("Cash drawer"), tr("Cash drawer open"));
    m_drawerStatus->setWordWrap(false);
    style::setTone(m_drawerStatus, style::Tone::Warning);
    m_drawerStatus->hide();
    statusBar()->addPermanentWidget(m_drawerStatus);
    connect(m_drawer, &flows::CashDrawer::failed, this,
            [this](flows::CashDrawer::Reason, const QString& message) {
                statusBar()->showMessage(tr("The cash drawer did not open: %1").arg(message),
                                         15000);
            });
    connect(m_drawer, &flows::CashDrawer::drawerOpenChanged, m_drawerStatus, &QLabel::setVisible);
}

CustomerDisplay* MainWindow::customerDisplay() const
{
    return m_customerDisplay;
}

void MainWindow::applyCustomerDisplay()
{
    const QString storeName = m_config.storeName();
    m_customerView->setStoreName(storeName.isEmpty() ? m_config.storeKey() : storeName);
    m_customerView->setStoreLanguages(m_config.storeLanguages());
    const QString screen = m_config.customerDisplayScreen();
    if (screen.isEmpty()) {
        delete m_customerDisplay;
        return;
    }
    if (!m_customerDisplay)
        m_customerDisplay = new CustomerDisplay(m_customerView, this);
    m_customerDisplay->setScreenName(screen);
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
    // The icon is an SVG: reading it loads Qt's SVG icon engine and library, and a window system
    // that shows icons renders it at several sizes. Nothing of that is in the first frame.
    setWindowIcon(applicationIcon());
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
    updateTillActions();
}

namespace {

const QStringList colleagueTillActions{
    QStringLiteral("actionOpenTill"), QStringLiteral("actionPayIn"),
    QStringLiteral("actionPayOut"),   QStringLiteral("actionSafeDrop"),
    QStringLiteral("actionNoSale"),   QStringLiteral("actionXReport"),
    QStringLiteral("actionCloseTill")};
const QStringList managerTillActions{QStringLiteral("actionTillSessions"),
                                     QStringLiteral("actionExpectedFloat")};

} // namespace

QString MainWindow::tillActionRefusal(const QString& name) const
{
    if (!m_session->isLoggedIn())
        return tr("Log in first.");
    if (m_pages->currentWidget() != m_workspace)
        return tr("Unlock the workstation first.");
    const bool manager = m_session->info()->isManager();
    if (managerTillActions.contains(name) && !manager)
        return tr("Only a manager can do this. Ask a manager to log in.");
    if (name == QLatin1String("actionTillSessions"))
        return {};
    if (!m_till->isKnown())
        return tr("The till's status is not known yet: the server has not answered.");
    if (!m_till->hasDrawer())
        return tr("This workstation has no cash drawer.");
    if (name == QLatin1String("actionExpectedFloat"))
        return {};
    // A status read in flight (one follows every refused cash payment) holds up no dialog: the
    // dialog sends its request only when the colleague confirms it, after the answer.
    const bool opensDialog = name != QLatin1String("actionXReport");
    const bool busy = m_till->isBusy() &&
                      !(opensDialog && m_till->busyWith() == flows::TillDay::Operation::Refresh);
    if (busy || m_tillDialog)
        return tr("The till is busy with another request.");
    if (name == QLatin1String("actionOpenTill"))
        return m_till->isOpen() ? tr("The till is open already.") : QString();
    return m_till->isOpen() ? QString() : tr("The till is not open. Open it first (Ctrl+Shift+O).");
}

void MainWindow::updateTillActions()
{
    if (!m_till || !m_pages)
        return;
    // A workstation without a drawer shows no till actions (but its status).
    const bool drawer = !m_till->isKnown() || m_till->hasDrawer();
    for (const QString& name : colleagueTillActions + managerTillActions) {
        QAction* action = m_actions.value(name);
        if (!action)
            continue;
        const QString why = tillActionRefusal(name);
        action->setEnabled(why.isEmpty());
        action->setToolTip(why.isEmpty() ? QString(action->text()).remove(QLatin1Char('&')) : why);
        action->setStatusTip(why);
        if (colleagueTillActions.contains(name) || name == QLatin1String("actionExpectedFloat"))
            action->setVisible(drawer);
    }
}

void MainWindow::updateTillStatus()
{
    // Known only after a colleague's log-in: a log-out forgets it (setWorkstation).
    if (!m_till->isKnown()) {
        m_tillStatus->hide();
        return;
    }
    if (!m_till->hasDrawer()) {
        m_tillStatus->setText(tr("No cash drawer"));
        style::setTone(m_tillStatus, style::Tone::Neutral);
    } else if (m_till->isOpen()) {
        m_tillStatus->setText(tr("Till open"));
        style::setTone(m_tillStatus, style::Tone::Success);
        m_tillBar->hide();
    } else {
        m_tillStatus->setText(tr("Till closed"));
        style::setTone(m_tillStatus, style::Tone::Warning);
    }
    m_tillStatus->show();
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
    // The till's status is read after every log-in (another colleague may have closed it).
    m_till->setWorkstation(m_config.storeKey(), m_config.workstationId());
    m_till->refresh();
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
    if (m_tillDialog)
        m_tillDialog->reject();
    m_tillBar->hide();
    m_till->setWorkstation(m_config.storeKey(), m_config.workstationId()); // forgets the status
    m_customerView->clear();
    if (m_workspace) {
        m_workspace->cartView()->clear();
        m_payment->showCart({}, std::nullopt); // a pending attempt stays recorded for next login
        m_workspace->holdCart({});
    }
    showPage(m_config.isComplete() ? static_cast<QWidget*>(m_loginPage) : notSetUpPage());
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
    m_receiptContext = context;
}

void MainWindow::nextCustomer()
{
    m_customerView->clear();
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
    if (m_tillDialog)
        m_tillDialog->reject();
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
        connect(m_refunds, &RefundDialog::sessionStarted, this, &MainWindow::watchRefundSession);
        watchRefundSession(m_refunds->session());
    }
    m_refunds->present();
}

void MainWindow::watchRefundSession(flows::RefundSession* session)
{
    m_customerView->watch(session);
    m_drawer->watch(session);
    // With an ESC/POS printer the refund's receipt comes out at once, as a sale's does.
    connect(session, &flows::RefundSession::refunded, this,
            [this](const api::RefundResult& result, const api::OrderLookup& lookup) {
                if (m_roll->isAvailable())
                    m_receipts->showRefund(result, lookup);
            });
    // A cash refund refused for a closed till: the dialog says why; the way to open the till is
    // offered over it.
    connect(session, &flows::RefundSession::changed, this, [this, session] {
        if (session->isRefusedForClosedTill() && !m_tillDialog && !m_offeringTill) {
            m_offeringTill = true;
            // Not inside the session's own signal: the offer may wait for the colleague.
            QMetaObject::invokeMethod(this, &MainWindow::offerToOpenTill, Qt::QueuedConnection);
        }
    });
}

void MainWindow::trackTillDialog(QDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_tillDialog = dialog;
    // Keys typed into a till dialog (an amount, a bag number) are never taken for a scan.
    m_scanner->setEnabled(false);
    connect(dialog, &QDialog::finished, this, [this] {
        m_tillDialog = nullptr; // deleted later, done now
        m_scanner->setEnabled(m_pages->currentWidget() == m_workspace);
        updateTillActions();
    });
    updateTillActions();
}

bool MainWindow::mayUseTillAction(const QString& action)
{
    const QString why = tillActionRefusal(action);
    if (!why.isEmpty())
        statusBar()->showMessage(why, 15000);
    return why.isEmpty();
}

bool MainWindow::mayStartTillDialog(const QString& action)
{
    if (m_tillDialog) {
        // One till dialog at a time: the one open comes to the front.
        m_tillDialog->raise();
        m_tillDialog->activateWindow();
        return false;
    }
    return mayUseTillAction(action);
}

void MainWindow::offerToOpenTill()
{
    m_till->refresh(); // the status bar learns that the till is closed
    if (m_refunds && m_refunds->isVisible() && m_refunds->session()->isRefusedForClosedTill()) {
        // The refund dialog is in front: the offer goes there.
        QMessageBox box(QMessageBox::Warning, tr("Till not open"),
                        tr("The till is not open, so cash cannot be handed back. Open the till "
                           "with the float, then refund again."),
                        QMessageBox::NoButton, m_refunds);
        box.setObjectName(QStringLiteral("tillNotOpenBox"));
        QPushButton* open = box.addButton(tr("Open till now…"), QMessageBox::AcceptRole);
        open->setObjectName(QStringLiteral("tillNotOpenBoxButton"));
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(open);
        box.exec();
        m_offeringTill = false;
        if (box.clickedButton() == open)
            openTill();
        return;
    }
    m_offeringTill = false;
    m_tillBar->show();
}

void MainWindow::openTill()
{
    if (!mayStartTillDialog(QStringLiteral("actionOpenTill")))
        return;
    auto* dialog = new OpenTillDialog(
        m_till, QLocale(),
        m_refunds && m_refunds->isVisible() ? static_cast<QWidget*>(m_refunds) : this);
    trackTillDialog(dialog);
    dialog->open();
}

void MainWindow::recordTillMovement(api::TillMovement::Kind kind)
{
    static const QHash<api::TillMovement::Kind, QString> actions{
        {api::TillMovement::Kind::PayIn, QStringLiteral("actionPayIn")},
        {api::TillMovement::Kind::PayOut, QStringLiteral("actionPayOut")},
        {api::TillMovement::Kind::SafeDrop, QStringLiteral("actionSafeDrop")},
        {api::TillMovement::Kind::NoSale, QStringLiteral("actionNoSale")}};
    if (!mayStartTillDialog(actions.value(kind)))
        return;
    auto* dialog = new TillMovementDialog(m_till, kind, QLocale(), this);
    trackTillDialog(dialog);
    connect(dialog, &TillMovementDialog::recorded, this, [this](const api::TillMovement& movement) {
        const QString title = TillMovementDialog::title(movement.kind);
        statusBar()->showMessage(
            movement.amount
                ? tr("%1 of %2 recorded.").arg(title, movement.amount->toString(QLocale()))
                : tr("%1 recorded.").arg(title),
            15000);
    });
    dialog->open();
}

void MainWindow::requestXReport()
{
    if (!mayUseTillAction(QStringLiteral("actionXReport")))
        return;
    statusBar()->showMessage(tr("Reading the X report…"), 5000);
    m_till->requestXReport();
}

void MainWindow::closeTill()
{
    if (!mayStartTillDialog(QStringLiteral("actionCloseTill")))
        return;
    auto* dialog = new CloseTillDialog(m_till, QLocale(), this);
    trackTillDialog(dialog);
    dialog->open();
}

void MainWindow::openTillSessions()
{
    if (!mayUseTillAction(QStringLiteral("actionTillSessions")))
        return;
    auto* dialog = new TillSessionsDialog(m_client, m_config.storeKey(), m_receiptContext, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openExpectedFloat()
{
    if (!mayUseTillAction(QStringLiteral("actionExpectedFloat")))
        return;
    auto* dialog = new ExpectedFloatDialog(m_client, *m_till->status(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExpectedFloatDialog::saved, m_till, &flows::TillDay::refresh);
    dialog->open();
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
    box.setIconPixmap(applicationIcon().pixmap(64, 64));
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("StoreDesk %1").arg(applicationVersion()));
    box.setInformativeText(tr("Point of sale for store colleagues: carts, payments and refunds, "
                              "through your integration server."));
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
}

} // namespace storedesk::ui
