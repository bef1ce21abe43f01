// The counter's screens for the layout audit: the main window on its carts page with a 3-line and
// a 200-line cart (cart beside the payment panel), with the recent carts open, and the price
// check, empty and with a price. The server is the scripted fake (FakeNetwork); the carts are
// tests/fixtures/carts/rich-cart.json, its lines repeated for the long cart.
#include "api/apiclient.h"
#include "auditscreens.h"
#include "fakenetwork.h"
#include "fixtures.h"
#include "mainwindow.h"
#include "sale/cartview.h"
#include "sale/cartworkspace.h"
#include "sale/paymentpanel.h"
#include "sale/pricecheckdialog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace storedesk::test::audit {
namespace {

const QString store = QStringLiteral("berlin-mitte");

// The user's settings of the window, in a folder that lives as long as the window.
class SettingsFolder : public QObject {
public:
    using QObject::QObject;
    QTemporaryDir dir;
};

// rich-cart.json with `lines` product lines (names and SKUs numbered), no custom lines and no
// payments; one name far longer than a line.
QJsonObject cartWithLines(int lines)
{
    QJsonObject cart =
        QJsonDocument::fromJson(readFixture(QStringLiteral("carts/rich-cart.json"))).object();
    const QJsonArray shapes = cart.value(QLatin1StringView("lineItems")).toArray();
    QJsonArray items;
    for (int i = 0; i < lines; ++i) {
        QJsonObject item = shapes.at(i % shapes.size()).toObject();
        item.insert(
            QStringLiteral("id"),
            QStringLiteral("a1000000-0000-4000-8000-%1").arg(i + 1, 12, 10, QLatin1Char('0')));
        if (lines > shapes.size()) {
            QJsonObject name = item.value(QLatin1StringView("name")).toObject();
            for (auto it = name.begin(); it != name.end(); ++it)
                it.value() = it.value().toString() + QLatin1Char(' ') + QString::number(i + 1);
            item.insert(QStringLiteral("name"), name);
        }
        if (i == 1) {
            item.insert(
                QStringLiteral("name"),
                QJsonObject{
                    {QStringLiteral("de"), QStringLiteral("Bio-Grüntee lose aus kontrolliert "
                                                          "biologischem Anbau, Frühjahrsernte, "
                                                          "Nachfüllbeutel 250 g")},
                    {QStringLiteral("en"), QStringLiteral("Organic loose green tea from certified "
                                                          "organic farming, spring harvest, refill "
                                                          "bag 250 g")}});
        }
        items.append(item);
    }
    cart.insert(QStringLiteral("lineItems"), items);
    cart.insert(QStringLiteral("customLineItems"), QJsonArray());
    cart.remove(QStringLiteral("paymentInfo"));
    return cart;
}

// The main window of a set-up till on its carts page, answering from a fake server.
std::unique_ptr<ui::MainWindow> counterWindow(FakeNetwork** network)
{
    auto* folder = new SettingsFolder;
    config::WorkstationConfig config(
        nullptr, std::make_unique<QSettings>(folder->dir.filePath(QStringLiteral("user.conf")),
                                             QSettings::IniFormat));
    config.setValue(config::Field::ServerUrl, QStringLiteral("http://127.0.0.1:9/v1"));
    config.setValue(config::Field::StoreKey, store);
    config.setValue(config::Field::LocationId, QStringLiteral("shop-floor"));
    config.setValue(config::Field::WorkstationId, QStringLiteral("berlin-mitte-till-1"));
    config.setStoreLanguages({QStringLiteral("de"), QStringLiteral("en")});
    config.setStoreName(QStringLiteral("Berlin Mitte"));
    config.setPlaceName(config::Field::LocationId, QStringLiteral("shop-floor"),
                        QStringLiteral("Shop floor"));
    config.setPlaceName(config::Field::WorkstationId, QStringLiteral("berlin-mitte-till-1"),
                        QStringLiteral("Till 1"));
    auto window = std::make_unique<ui::MainWindow>(std::move(config));
    folder->setParent(window.get());
    *network = new FakeNetwork(window.get());
    window->client()->setNetwork(*network);
    window->client()->setAccessToken("token");
    // The carts page as after a login (no keychain here): the page, its tenders.
    window->pages()->setCurrentWidget(window->workspace());
    window->paymentPanel()->setTenders({QStringLiteral("cash"), QStringLiteral("card")});
    return window;
}

std::unique_ptr<QWidget> withCart(int lines)
{
    FakeNetwork* network = nullptr;
    std::unique_ptr<ui::MainWindow> window = counterWindow(&network);
    const QJsonObject cart = cartWithLines(lines);
    const QString id = cart.value(QLatin1StringView("id")).toString();
    const qint64 total = cart.value(QLatin1StringView("totalPrice"))
                             .toObject()
                             .value(QLatin1StringView("centAmount"))
                             .toInteger();
    QJsonObject balance = fake::balance(id, total, 0);
    balance.insert(QStringLiteral("cart"), cart);
    network->script("GET", QStringLiteral("/v1/stores/berlin-mitte/carts/[^/]+/payments"),
                    {FakeAnswer::json(200, balance)});
    window->show();
    ui::CartWorkspace* workspace = window->workspace();
    workspace->openCart(id);
    if (!QTest::qWaitFor([&] { return !workspace->isBusy(); }, 5000) ||
        !workspace->cartView()->hasCart())
        return nullptr;
    return window;
}

std::unique_ptr<QWidget> withRecentCarts()
{
    std::unique_ptr<QWidget> shown = withCart(3);
    if (!shown)
        return nullptr;
    auto* window = static_cast<ui::MainWindow*>(shown.get());
    FakeNetwork* network = window->findChild<FakeNetwork*>();
    QJsonArray results;
    const QStringList customers{QStringLiteral("ben.mueller@example.com"), QString(),
                                QStringLiteral("chloe.dubois@example.fr")};
    for (int i = 0; i < 8; ++i) {
        results.append(QJsonObject{
            {QStringLiteral("id"),
             QStringLiteral("c2000000-0000-4000-8000-%1").arg(i + 1, 12, 10, QLatin1Char('0'))},
            {QStringLiteral("key"),
             QStringLiteral("till-1-2026-12-03-%1").arg(i + 1, 4, 10, QLatin1Char('0'))},
            {QStringLiteral("customerEmail"), customers.at(i % customers.size())},
            {QStringLiteral("cartState"), QStringLiteral("Active")},
            {QStringLiteral("totalPrice"),
             QJsonObject{{QStringLiteral("centAmount"), 1299 + 4711 * i},
                         {QStringLiteral("currencyCode"), QStringLiteral("EUR")}}},
            {QStringLiteral("lineItemCount"), 1 + i},
            {QStringLiteral("itemQuantity"), 2 + i},
            {QStringLiteral("lastModifiedAt"),
             QStringLiteral("2026-12-03T09:%1:00.000Z").arg(10 + i)}});
    }
    network->script("GET", QStringLiteral("/v1/stores/berlin-mitte/carts"),
                    {FakeAnswer::json(200, QJsonObject{{QStringLiteral("results"), results}})});
    ui::CartWorkspace* workspace = window->workspace();
    workspace->showRecent();
    if (!QTest::qWaitFor([&] { return !workspace->isBusy(); }, 5000) || !workspace->isListShown() ||
        workspace->cartList()->topLevelItemCount() != 8)
        return nullptr;
    return shown;
}

std::unique_ptr<QWidget> priceCheck(bool withPrice)
{
    auto* client = new api::ApiClient;
    auto* network = new FakeNetwork(client);
    client->setNetwork(network);
    client->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:9/v1")));
    client->setAccessToken("token");
    auto dialog = std::make_unique<ui::PriceCheckDialog>(
        client, store, QStringList{QStringLiteral("de"), QStringLiteral("en")}, QLocale());
    client->setParent(dialog.get()); // goes with the dialog
    dialog->show();
    if (!withPrice)
        return dialog;
    const QJsonObject money{{QStringLiteral("centAmount"), 2490},
                            {QStringLiteral("currencyCode"), QStringLiteral("EUR")}};
    network->script(
        "GET", QStringLiteral("/v1/stores/berlin-mitte/products"),
        {FakeAnswer::json(
            200,
            QJsonObject{
                {QStringLiteral("product"),
                 QJsonObject{
                     {QStringLiteral("id"), QStringLiteral("p-1")},
                     {QStringLiteral("name"),
                      QJsonObject{{QStringLiteral("de"), QStringLiteral("Espressobohnen 1 kg")},
                                  {QStringLiteral("en"), QStringLiteral("Espresso beans 1 kg")}}}}},
                {QStringLiteral("variant"),
                 QJsonObject{{QStringLiteral("sku"), QStringLiteral("ESP-1KG")}}},
                {QStringLiteral("price"), QJsonObject{{QStringLiteral("value"), money}}}})});
    QTest::keyClicks(dialog->code(), QStringLiteral("ESP-1KG"));
    QTest::keyClick(dialog->code(), Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return !dialog->price()->text().isEmpty(); }, 5000))
        return nullptr;
    return dialog;
}

} // namespace

QList<AuditScreen> saleScreens()
{
    return {
        {QStringLiteral("counter-3-lines"),
         [](const ScreenRequest&) {
             return withCart(3);
         }},
        {QStringLiteral("counter-200-lines"),
         [](const ScreenRequest&) {
             return withCart(200);
         }},
        {QStringLiteral("counter-recent-carts"),
         [](const ScreenRequest&) {
             return withRecentCarts();
         }},
        {QStringLiteral("price-check-empty"),
         [](const ScreenRequest&) {
             return priceCheck(false);
         }},
        {QStringLiteral("price-check-price"),
         [](const ScreenRequest&) {
             return priceCheck(true);
         }},
    };
}

} // namespace storedesk::test::audit
