// The customer display for the layout audit and the gallery: the welcome, a cart too
// long for the screen (its last lines shown), a card payment at the terminal, the change due, and
// the thank-you with the order number. A real flows::Checkout over the scripted server
// (paymentstage.h, kept hidden) brings flows::CustomerView to each state as at the counter.
#include "customer/customerdisplay.h"

#include "auditscreens.h"
#include "flows/customerview.h"
#include "paymentstage.h"

namespace storedesk::test::audit {
namespace {

enum class Step { Idle, Cart, Card, Change, ThankYou };

// A cart of `count` lines (some names long) with the stage's cart id.
Cart cartOf(int count)
{
    Cart cart;
    cart.id = stageCart;
    qint64 sum = 0;
    for (int i = 0; i < count; ++i) {
        LineItem line;
        line.id = QStringLiteral("line-%1").arg(i);
        line.name = LocalizedString(
            {{QStringLiteral("en"),
              i % 3 == 0 ? QStringLiteral("Organic single-origin espresso beans, dark roast, 1 kg "
                                          "bag from the Sidamo highlands (item %1)")
                               .arg(i + 1)
                         : QStringLiteral("Ceramic mug %1").arg(i + 1)}});
        line.quantity = 1 + i % 4;
        line.totalPrice = *Money::fromMinorUnits(249 * line.quantity, u"EUR");
        sum += 249 * line.quantity;
        cart.lineItems << line;
    }
    cart.totalPrice = *Money::fromMinorUnits(sum, u"EUR");
    return cart;
}

std::unique_ptr<QWidget> display(const ScreenRequest& request, Step step, int lines = 3)
{
    auto* stage = new PaymentStage(request.screen);
    auto* view = new flows::CustomerView(stage);
    view->setStoreName(QStringLiteral("Berlin Mitte"));
    view->watch(stage->checkout);
    auto window = std::make_unique<ui::CustomerDisplay>(view);
    QObject::connect(window.get(), &QObject::destroyed, [stage] { delete stage; });
    window->resize(request.screen);
    if (step == Step::Idle)
        return window;
    view->showCart(cartOf(lines));
    if (step == Step::Cart)
        return window;
    if (!stage->openCart())
        return nullptr;
    const qint64 total = PaymentStage::total;
    if (step == Step::Card) {
        stage->network->script("GET", QStringLiteral("/payments/[^/]+"), {FakeAnswer::silence()});
        stage->answerPayment(fake::paymentView(stagePaymentId, QStringLiteral("pending"),
                                               QStringLiteral("card"), total),
                             202);
        stage->checkout->pay(
            api::PaymentRequest{QStringLiteral("card"), *Money::fromMinorUnits(total, u"EUR"), {}});
        return view->state() == flows::CustomerView::State::CardPayment ? std::move(window)
                                                                        : nullptr;
    }
    if (step == Step::Change) {
        // 10 € of the cart in cash, 50 € handed over: the rest is still open, no order yet.
        QJsonObject cash = fake::paymentView(stagePaymentId, QStringLiteral("succeeded"),
                                             QStringLiteral("cash"), 1000);
        cash.insert(QStringLiteral("cashTendered"), stageMoney(5000));
        cash.insert(QStringLiteral("changeDue"), stageMoney(4000));
        stage->answerPayment(cash);
        stage->checkout->pay(api::PaymentRequest{QStringLiteral("cash"),
                                                 *Money::fromMinorUnits(1000, u"EUR"),
                                                 *Money::fromMinorUnits(5000, u"EUR")});
        if (!QTest::qWaitFor([view] { return view->state() == flows::CustomerView::State::Change; },
                             5000))
            return nullptr;
        return window;
    }
    if (!stage->payCashWithChange(5000))
        return nullptr;
    return view->state() == flows::CustomerView::State::ThankYou ? std::move(window) : nullptr;
}

} // namespace

QList<AuditScreen> customerDisplayScreens()
{
    return {
        {QStringLiteral("customer-display-idle"),
         [](const ScreenRequest& request) {
             return display(request, Step::Idle);
         }},
        {QStringLiteral("customer-display-cart-many-lines"),
         [](const ScreenRequest& request) {
             return display(request, Step::Cart, 60);
         }},
        {QStringLiteral("customer-display-card"),
         [](const ScreenRequest& request) {
             return display(request, Step::Card);
         }},
        {QStringLiteral("customer-display-change"),
         [](const ScreenRequest& request) {
             return display(request, Step::Change);
         }},
        {QStringLiteral("customer-display-thank-you"),
         [](const ScreenRequest& request) {
             return display(request, Step::ThankYou);
         }},
    };
}

} // namespace storedesk::test::audit
