// The till's screens (issue 15) for the layout audit: the open dialog empty and counted, each
// movement kind, a pay-out waiting for a manager, the blind close counted and waiting for a
// manager, and the main window with the till's status and the "till not open" bar. The server is
// the scripted fake of the till's routes (tests/support/faketill.h).
#include "api/apiclient.h"
#include "auditscreens.h"
#include "faketill.h"
#include "flows/tillday.h"
#include "mainwindow.h"
#include "receipts/rollprinter.h"
#include "sale/cartworkspace.h"
#include "till/closetilldialog.h"
#include "till/countgrid.h"
#include "till/opentilldialog.h"
#include "till/tillmovementdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

namespace storedesk::test::audit {
namespace {

using Kind = api::TillMovement::Kind;

// A till of berlin-mitte ws-1 over a scripted server, its status read; owned by `owner`.
flows::TillDay* scriptedTill(bool open, FakeNetwork** network)
{
    auto* client = new api::ApiClient;
    *network = new FakeNetwork(client);
    client->setNetwork(*network);
    client->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
    client->setAccessToken("token");
    (*network)->script("GET", fake::tillRoute, {FakeAnswer::json(200, fake::tillStatus(open))});
    auto* till = new flows::TillDay(client, fake::tillStore, fake::tillWorkstation, client);
    till->refresh();
    if (!QTest::qWaitFor([&] { return till->isKnown(); }, 5000)) {
        delete client;
        return nullptr;
    }
    return till;
}

// Hands the till's client (and so the till) to the dialog that shows it.
template <typename Dialog>
std::unique_ptr<Dialog> adopt(std::unique_ptr<Dialog> dialog, flows::TillDay* till)
{
    till->parent()->setParent(dialog.get());
    dialog->show();
    return dialog;
}

// The float of faketill.h: 5 × 20 €, 20 × 2 €, 20 × 50 ct.
void countFloat(ui::CountGrid* grid)
{
    grid->setCount(TillCount{QStringLiteral("EUR"), {{2000, 5}, {200, 20}, {50, 20}}});
}

std::unique_ptr<QWidget> openTill(bool counted)
{
    FakeNetwork* network = nullptr;
    flows::TillDay* till = scriptedTill(false, &network);
    if (!till)
        return nullptr;
    auto dialog = adopt(std::make_unique<ui::OpenTillDialog>(till), till);
    if (counted)
        countFloat(dialog->grid());
    return dialog;
}

std::unique_ptr<QWidget> movement(Kind kind, bool approval)
{
    FakeNetwork* network = nullptr;
    flows::TillDay* till = scriptedTill(true, &network);
    if (!till)
        return nullptr;
    auto dialog = adopt(std::make_unique<ui::TillMovementDialog>(till, kind), till);
    if (dialog->amount())
        dialog->amount()->setText(QStringLiteral("60"));
    if (dialog->bagNumber())
        dialog->bagNumber()->setText(QStringLiteral("B-17"));
    dialog->note()->setText(QStringLiteral("Invoice 2026-1187"));
    if (!approval)
        return dialog;
    network->script("POST", fake::tillMovementsRoute,
                    {fake::tillApprovalDemand(QStringLiteral("amount"))});
    dialog->record();
    if (!QTest::qWaitFor([&] { return dialog->isAwaitingApproval() && !till->isBusy(); }, 5000))
        return nullptr;
    return dialog;
}

std::unique_ptr<QWidget> closeTill(bool approval)
{
    FakeNetwork* network = nullptr;
    flows::TillDay* till = scriptedTill(true, &network);
    if (!till)
        return nullptr;
    auto dialog = adopt(std::make_unique<ui::CloseTillDialog>(till), till);
    dialog->grid()->setCount(TillCount{QStringLiteral("EUR"), {{2000, 4}, {200, 1}, {50, 10}}});
    if (!approval)
        return dialog;
    network->script("POST", fake::tillCloseRoute,
                    {fake::tillApprovalDemand(QStringLiteral("difference"))});
    dialog->submit();
    if (!QTest::qWaitFor(
            [&] {
                return dialog->stage() == ui::CloseTillDialog::Stage::Approval && !till->isBusy();
            },
            5000))
        return nullptr;
    dialog->reason()->setText(QStringLiteral("Change given wrongly"));
    return dialog;
}

// The user's settings of the window, in a folder that lives as long as the window.
class SettingsFolder : public QObject {
public:
    using QObject::QObject;
    QTemporaryDir dir;
};

// The main window on its carts page with the till's status read (open or closed), and with the
// bar that offers to open the till after a refused cash payment. `printProblem`: a receipt printer
// that cannot be reached failed a receipt (its words and Reprint), and the drawer is reported open.
std::unique_ptr<QWidget> statusBar(bool open, bool notOpenBar, bool printProblem = false)
{
    auto* folder = new SettingsFolder;
    config::WorkstationConfig config(
        nullptr, std::make_unique<QSettings>(folder->dir.filePath(QStringLiteral("user.conf")),
                                             QSettings::IniFormat));
    config.setValue(config::Field::ServerUrl, QStringLiteral("http://127.0.0.1:9"));
    config.setValue(config::Field::StoreKey, fake::tillStore);
    config.setValue(config::Field::LocationId, QStringLiteral("shop-floor"));
    config.setValue(config::Field::WorkstationId, fake::tillWorkstation);
    config.setStoreName(QStringLiteral("Berlin Mitte"));
    config.setPlaceName(config::Field::LocationId, QStringLiteral("shop-floor"),
                        QStringLiteral("Shop floor"));
    config.setPlaceName(config::Field::WorkstationId, fake::tillWorkstation,
                        QStringLiteral("Till 1"));
    if (printProblem) // nothing listens on port 9 of the loopback: the connection is refused
        config.setValue(config::Field::ReceiptPrinter, QStringLiteral("escpos-tcp://127.0.0.1:9"));
    auto window = std::make_unique<ui::MainWindow>(std::move(config));
    folder->setParent(window.get());
    auto* network = new FakeNetwork(window.get());
    window->client()->setNetwork(network);
    window->client()->setAccessToken("token");
    network->script("GET", fake::tillRoute, {FakeAnswer::json(200, fake::tillStatus(open))});
    window->pages()->setCurrentWidget(window->workspace());
    window->show();
    window->till()->setWorkstation(fake::tillStore, fake::tillWorkstation);
    window->till()->refresh();
    if (!QTest::qWaitFor([&] { return window->tillStatus()->isVisible(); }, 5000))
        return nullptr;
    if (notOpenBar)
        window->tillNotOpenBar()->show();
    if (printProblem) {
        Receipt receipt;
        receipt.orderNumber = QStringLiteral("berlin-mitte-000123");
        window->rollPrinter()->print(receipt);
        if (!QTest::qWaitFor([&] { return window->reprintButton()->isVisible(); }, 10000))
            return nullptr;
        window->drawerStatus()->show(); // as a printer's status would say
    }
    return window;
}

} // namespace

QList<AuditScreen> tillScreens()
{
    return {
        {QStringLiteral("till-open-empty"),
         [](const ScreenRequest&) {
             return openTill(false);
         }},
        {QStringLiteral("till-open-counted"),
         [](const ScreenRequest&) {
             return openTill(true);
         }},
        {QStringLiteral("till-pay-in"),
         [](const ScreenRequest&) {
             return movement(Kind::PayIn, false);
         }},
        {QStringLiteral("till-pay-out"),
         [](const ScreenRequest&) {
             return movement(Kind::PayOut, false);
         }},
        {QStringLiteral("till-pay-out-approval"),
         [](const ScreenRequest&) {
             return movement(Kind::PayOut, true);
         }},
        {QStringLiteral("till-safe-drop"),
         [](const ScreenRequest&) {
             return movement(Kind::SafeDrop, false);
         }},
        {QStringLiteral("till-no-sale"),
         [](const ScreenRequest&) {
             return movement(Kind::NoSale, false);
         }},
        {QStringLiteral("till-close-blind"),
         [](const ScreenRequest&) {
             return closeTill(false);
         }},
        {QStringLiteral("till-close-approval"),
         [](const ScreenRequest&) {
             return closeTill(true);
         }},
        {QStringLiteral("till-status-open"),
         [](const ScreenRequest&) {
             return statusBar(true, false);
         }},
        {QStringLiteral("till-status-closed-not-open-bar"),
         [](const ScreenRequest&) {
             return statusBar(false, true);
         }},
        {QStringLiteral("till-status-print-problem"),
         [](const ScreenRequest&) {
             return statusBar(true, false, true);
         }},
    };
}

} // namespace storedesk::test::audit
