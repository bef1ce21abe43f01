#pragma once

#include "api/apiclient.h"
#include "common/style.h"
#include "fakenetwork.h"
#include "fixtures.h"
#include "flows/checkout.h"
#include "sale/paymentpanel.h"

#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

// The payment panel as the counter screen holds it (its share of the window beside the cart,
// ≈40 % of the width below the lookup bar), driven by a real flows::Checkout against the scripted
// server (FakeNetwork). For the layout audit's payment screens and tst_paymentscreens: the states
// are reached the way a colleague reaches them, through the panel and the server's answers.
namespace storedesk::test {

inline const QString stageStore = QStringLiteral("berlin-mitte");
inline const QString stageTill = QStringLiteral("till-1");
inline const QString stageCart = QStringLiteral("0b6d3d36-6bb4-4b0f-9a51-1f6e5b9b0c11");
inline const QString stagePaymentId = QStringLiteral("6937f373-aaca-4c19-bc2b-963b6cf587db");
inline const QString stageBalanceRoute =
    QStringLiteral("/stores/berlin-mitte/carts/[^/]+/payments");

inline QJsonObject stageMoney(qint64 cents)
{
    return {{QStringLiteral("centAmount"), cents},
            {QStringLiteral("currencyCode"), QStringLiteral("EUR")}};
}

// A top-level window holding the panel; deleting it deletes everything the stage made.
class PaymentStage : public QWidget {
public:
    // The open balance the cart starts with, in cents.
    static constexpr qint64 total = 2468;

    explicit PaymentStage(const QSize& screen, const QString& records = {})
        : network(new FakeNetwork(this))
        , client(new api::ApiClient(this))
    {
        setObjectName(QStringLiteral("paymentStage"));
        client->setNetwork(network);
        client->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
        client->setAccessToken("token");
        client->setDefaultTimeout(std::chrono::milliseconds(300));
        network->script("GET", stageBalanceRoute,
                        {FakeAnswer::json(200, fake::balance(stageCart, total, 0))});
        checkout = new flows::Checkout(
            client, flows::PendingPayments(records.isEmpty() ? m_records.path() : records), this);
        checkout->setPlace(stageStore, stageTill);
        panel = new ui::PaymentPanel(checkout, this);
        panel->setLocale(QLocale());
        panel->setTenders({QStringLiteral("cash"), QStringLiteral("card")});
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(ui::style::margin, ui::style::margin, ui::style::margin,
                                   ui::style::margin);
        layout->addWidget(panel);
        // The counter screen's money side: 40 % of the width; the menu, lookup and status bars
        // take about 140 px of the height.
        resize(screen.width() * 2 / 5, screen.height() - 140);
    }

    // Opens the cart and waits for its balance: the tender page.
    bool openCart()
    {
        panel->showCart(stageCart, Money::fromMinorUnits(total, u"EUR").value());
        return QTest::qWaitFor([this] { return checkout->balance().has_value(); }, 5000);
    }

    // The server's answer to a payment (POST …/payments).
    void answerPayment(const QJsonObject& view, int status = 201)
    {
        network->script("POST", stageBalanceRoute, {FakeAnswer::json(status, view)});
    }

    // Cash paid in full with change: the server books it, the balance reaches zero and the
    // order is placed.
    bool payCashWithChange(qint64 handedOver)
    {
        QJsonObject view = fake::paymentView(stagePaymentId, QStringLiteral("succeeded"),
                                             QStringLiteral("cash"), total);
        view.insert(QStringLiteral("cashTendered"), stageMoney(handedOver));
        view.insert(QStringLiteral("changeDue"), stageMoney(handedOver - total));
        answerPayment(view);
        network->script("GET", stageBalanceRoute,
                        {FakeAnswer::json(200, fake::balance(stageCart, total, total))});
        // The order is made from the cart as it is then (its version).
        network->script(
            "GET", QStringLiteral("/stores/berlin-mitte/carts/[^/]+"),
            {FakeAnswer::json(
                200, QJsonDocument::fromJson(readFixture(QStringLiteral("carts/seed-cart-1.json")))
                         .object())});
        network->script(
            "POST", QStringLiteral("/stores/berlin-mitte/carts/[^/]+/order"),
            {FakeAnswer::json(201, QJsonDocument::fromJson(
                                       readFixture(QStringLiteral("orders/returned-order.json")))
                                       .object())});
        panel->chooseTender(QStringLiteral("cash"));
        panel->cashTendered()->setText(QString::number(handedOver / 100));
        QTest::mouseClick(panel->confirmCashButton(), Qt::LeftButton);
        return QTest::qWaitFor([this] { return checkout->order().has_value(); }, 5000);
    }

    FakeNetwork* network;
    api::ApiClient* client;
    flows::Checkout* checkout = nullptr;
    ui::PaymentPanel* panel = nullptr;

private:
    QTemporaryDir m_records;
};

} // namespace storedesk::test
