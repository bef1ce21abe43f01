#include "auditscreens.h"
#include "paymentstage.h"
#include "sale/unresolvedpaymentsdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

// The money side of the counter screen in each state a colleague meets (issue 14): choosing a
// tender, cash entry, change due after the sale, a card on the terminal, a decline, an outcome
// nobody knows yet, and the Unresolved payments view.
namespace storedesk::test::audit {

namespace {

using Screen = std::unique_ptr<QWidget>;

// The stage, shown, with its cart open; null when the balance never came.
std::unique_ptr<PaymentStage> openStage(const ScreenRequest& request, const QString& records = {})
{
    auto stage = std::make_unique<PaymentStage>(request.screen, records);
    stage->show();
    if (!stage->openCart())
        return nullptr;
    return stage;
}

Screen tender(const ScreenRequest& request)
{
    return openStage(request);
}

Screen cashEntry(const ScreenRequest& request)
{
    auto stage = openStage(request);
    if (!stage)
        return nullptr;
    stage->panel->chooseTender(QStringLiteral("cash"));
    stage->panel->cashTendered()->setText(QStringLiteral("50"));
    if (stage->panel->page() != ui::PaymentPanel::Page::Cash)
        return nullptr;
    return stage;
}

Screen changeDue(const ScreenRequest& request)
{
    auto stage = openStage(request);
    if (!stage || !stage->payCashWithChange(5000))
        return nullptr;
    if (!QTest::qWaitFor([&] { return stage->panel->doneChange()->isVisible(); }, 5000))
        return nullptr;
    return stage;
}

// A part paid in cash with change, the rest still open: the change stays in sight beside the
// open balance while the next tender is chosen.
Screen splitWithChange(const ScreenRequest& request)
{
    auto stage = openStage(request);
    if (!stage)
        return nullptr;
    QJsonObject view = fake::paymentView(stagePaymentId, QStringLiteral("succeeded"),
                                         QStringLiteral("cash"), 1000);
    view.insert(QStringLiteral("cashTendered"), stageMoney(2000));
    view.insert(QStringLiteral("changeDue"), stageMoney(1000));
    stage->answerPayment(view);
    stage->network->script(
        "GET", stageBalanceRoute,
        {FakeAnswer::json(200, fake::balance(stageCart, PaymentStage::total, 1000))});
    stage->panel->amount()->setText(QStringLiteral("10"));
    stage->panel->chooseTender(QStringLiteral("cash"));
    stage->panel->cashTendered()->setText(QStringLiteral("20"));
    QTest::mouseClick(stage->panel->confirmCashButton(), Qt::LeftButton);
    if (!QTest::qWaitFor(
            [&] {
                return stage->panel->tenderChange()->isVisible() &&
                       stage->checkout->balance()->paid.minorUnits() == 1000;
            },
            5000))
        return nullptr;
    return stage;
}

Screen cardInProgress(const ScreenRequest& request)
{
    auto stage = openStage(request);
    if (!stage)
        return nullptr;
    stage->answerPayment(fake::paymentView(stagePaymentId, QStringLiteral("pending"),
                                           QStringLiteral("card"), PaymentStage::total),
                         202);
    stage->network->script("GET", QStringLiteral("/payments/.*"), {FakeAnswer::silence()});
    stage->panel->chooseTender(QStringLiteral("card"));
    if (!QTest::qWaitFor(
            [&] {
                return stage->checkout->payment() &&
                       stage->checkout->payment()->stage() == flows::PaymentFlow::Stage::Waiting;
            },
            5000))
        return nullptr;
    return stage;
}

Screen declined(const ScreenRequest& request)
{
    auto stage = openStage(request);
    if (!stage)
        return nullptr;
    QJsonObject view = fake::paymentView(stagePaymentId, QStringLiteral("failed"),
                                         QStringLiteral("card"), PaymentStage::total);
    view.insert(QStringLiteral("message"), QStringLiteral("Card declined by issuer."));
    stage->answerPayment(view);
    stage->panel->chooseTender(QStringLiteral("card"));
    if (!QTest::qWaitFor(
            [&] {
                return stage->checkout->payment() && stage->checkout->payment()->isFinal() &&
                       stage->panel->page() == ui::PaymentPanel::Page::Tender;
            },
            5000))
        return nullptr;
    return stage;
}

// The server stopped answering while the terminal may have charged: "MAY HAVE BEEN CHARGED".
Screen outcomeUnknown(const ScreenRequest& request)
{
    auto stage = openStage(request);
    if (!stage)
        return nullptr;
    stage->answerPayment(fake::paymentView(stagePaymentId, QStringLiteral("pending"),
                                           QStringLiteral("card"), PaymentStage::total),
                         202);
    stage->network->script("GET", QStringLiteral("/payments/.*"), {FakeAnswer::broken()});
    stage->panel->chooseTender(QStringLiteral("card"));
    if (!QTest::qWaitFor([&] { return stage->checkout->payment() != nullptr; }, 5000))
        return nullptr;
    stage->checkout->payment()->setUncertainAfter(100);
    if (!QTest::qWaitFor([&] { return stage->checkout->payment()->isOutcomeUncertain(); }, 5000))
        return nullptr;
    return stage;
}

// An attempt recorded before the app went away, for the stage's cart.
flows::PendingPayment recorded(const QString& tender)
{
    flows::PendingPayment attempt = flows::PendingPayment::create(
        stageStore, stageTill, stageCart,
        api::PaymentRequest{tender, *Money::fromMinorUnits(PaymentStage::total, u"EUR"),
                            tender == QLatin1StringView("cash")
                                ? Money::fromMinorUnits(3000, u"EUR").value()
                                : std::optional<Money>()});
    attempt.serverUrl = QStringLiteral("http://127.0.0.1:9");
    attempt.colleague = QStringLiteral("Anna Schmidt");
    attempt.startedAt = QDateTime(QDate(2026, 12, 3), QTime(9, 41), Qt::UTC);
    return attempt;
}

// After a restart, an attempt the server never received: the colleague decides.
Screen question(const ScreenRequest& request, const QString& tender)
{
    auto stage = std::make_unique<PaymentStage>(request.screen);
    if (!flows::PendingPayments(stage->checkout->records().directory()).save(recorded(tender)))
        return nullptr;
    stage->network->script("GET", QStringLiteral(".*/payment-attempts/.*"),
                           {FakeAnswer::error(404, QStringLiteral("attempt_unknown"))});
    stage->show();
    if (!stage->openCart() ||
        !QTest::qWaitFor([&] { return stage->panel->takeNowButton()->isVisible(); }, 5000))
        return nullptr;
    return stage;
}

// A resumed attempt the server no longer knows: listed as unresolved for a manager.
Screen unresolvedOutcome(const ScreenRequest& request)
{
    auto stage = std::make_unique<PaymentStage>(request.screen);
    flows::PendingPayment stale = recorded(QStringLiteral("card"));
    stale.paymentId = stagePaymentId;
    if (!flows::PendingPayments(stage->checkout->records().directory()).save(stale))
        return nullptr;
    stage->network->script("GET", QStringLiteral("/payments/.*"),
                           {FakeAnswer::error(404, QStringLiteral("not_found"))});
    stage->show();
    if (!stage->openCart() || !QTest::qWaitFor(
                                  [&] {
                                      return stage->checkout->payment() &&
                                             stage->checkout->payment()->stage() ==
                                                 flows::PaymentFlow::Stage::Unresolved &&
                                             !stage->panel->message()->text().isEmpty();
                                  },
                                  5000))
        return nullptr;
    return stage;
}

// Two attempts a manager must check: one the server no longer knows, one made with another server.
Screen unresolvedPayments(const ScreenRequest&)
{
    auto folder = std::make_shared<QTemporaryDir>();
    const flows::PendingPayments records(folder->path());
    int n = 0;
    for (const QString& reason :
         {QStringLiteral("unknown_to_server"), QStringLiteral("other_server")}) {
        flows::PendingPayment attempt = flows::PendingPayment::create(
            stageStore, stageTill, stageCart,
            api::PaymentRequest{n == 0 ? QStringLiteral("card") : QStringLiteral("cash"),
                                *Money::fromMinorUnits(PaymentStage::total, u"EUR"),
                                {}});
        attempt.serverUrl = QStringLiteral("http://127.0.0.1:9");
        attempt.colleague = QStringLiteral("Anna Schmidt");
        attempt.startedAt = QDateTime(QDate(2026, 12, 3), QTime(9, 41 + n), Qt::UTC);
        attempt.paymentId = stagePaymentId;
        attempt.unresolvedReason = reason;
        attempt.unresolvedAt = attempt.startedAt.addSecs(300);
        if (!records.save(attempt))
            return nullptr;
        ++n;
    }
    auto* stage = new PaymentStage(QSize(1024, 768), folder->path());
    auto dialog = std::make_unique<ui::UnresolvedPaymentsDialog>(stage->checkout->unresolved(),
                                                                 true, QLocale());
    stage->setParent(dialog.get(), Qt::Widget);
    stage->hide();
    // The records' folder lives as long as the dialog.
    QObject::connect(dialog.get(), &QObject::destroyed, [folder] {});
    if (dialog->table()->rowCount() != 2)
        return nullptr;
    return dialog;
}

} // namespace

QList<AuditScreen> paymentScreens()
{
    return {
        {QStringLiteral("payment-tender"), tender},
        {QStringLiteral("payment-cash-entry"), cashEntry},
        {QStringLiteral("payment-change-due"), changeDue},
        {QStringLiteral("payment-split-change-due"), splitWithChange},
        {QStringLiteral("payment-card-in-progress"), cardInProgress},
        {QStringLiteral("payment-declined"), declined},
        {QStringLiteral("payment-outcome-unknown"), outcomeUnknown},
        {QStringLiteral("payment-question-card"),
         [](const ScreenRequest& request) {
             return question(request, QStringLiteral("card"));
         }},
        {QStringLiteral("payment-question-cash"),
         [](const ScreenRequest& request) {
             return question(request, QStringLiteral("cash"));
         }},
        {QStringLiteral("payment-unresolved"), unresolvedOutcome},
        {QStringLiteral("unresolved-payments"), unresolvedPayments},
    };
}

} // namespace storedesk::test::audit
