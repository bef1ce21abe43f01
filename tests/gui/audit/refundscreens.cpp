#include "api/apiclient.h"
#include "auditscreens.h"
#include "fakenetwork.h"
#include "fakerefunds.h"
#include "refund/refunddialog.h"
#include "refund/refundlineseditor.h"

#include <QComboBox>
#include <QSpinBox>
#include <QTest>

// The refund dialog in each state a colleague meets, reached through its RefundSession against a
// scripted fake of the server's order and refund routes (no server needed).
namespace storedesk::test::audit {
namespace {

using Stage = flows::RefundSession::Stage;

// What the fake server answers to the refund; the lookup finds the fixture order (or not).
enum class Script { Refunded, ApprovalNeeded, OutcomeUnknown, UnknownOrder };

std::unique_ptr<ui::RefundDialog> openDialog(Script script)
{
    auto* network = new FakeNetwork;
    auto* client = new api::ApiClient;
    client->setNetwork(network);
    client->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
    client->setAccessToken("token");
    network->setParent(client);
    network->script("GET", fake::orderLookupRoute,
                    {script == Script::UnknownOrder
                         ? FakeAnswer::error(404, QStringLiteral("not_found"))
                         : FakeAnswer::json(200, fake::orderLookup())});
    switch (script) {
    case Script::Refunded:
    case Script::UnknownOrder:
        network->script("POST", fake::refundRoute, {FakeAnswer::json(201, fake::refundView())});
        break;
    case Script::ApprovalNeeded:
        network->script("POST", fake::refundRoute, {fake::approvalDemand(false)});
        break;
    case Script::OutcomeUnknown:
        network->script("POST", fake::refundRoute,
                        {FakeAnswer::error(503, QStringLiteral("upstream_unavailable"))});
        break;
    }
    auto dialog = std::make_unique<ui::RefundDialog>(
        client, QStringLiteral("berlin-mitte"),
        QStringList{QStringLiteral("de"), QStringLiteral("en")}, QLocale());
    client->setParent(dialog.get()); // deleted with the dialog, after its session
    dialog->present();
    return dialog;
}

bool reach(ui::RefundDialog* dialog, Stage stage)
{
    return QTest::qWaitFor([&] { return dialog->session()->stage() == stage; }, 5000);
}

// Looks the fixture order up; with `choose`, one espresso for a damaged one.
bool lookUp(ui::RefundDialog* dialog, bool choose)
{
    dialog->lookUp(fake::refundOrderNumber);
    if (!reach(dialog, Stage::Editing))
        return false;
    if (choose) {
        dialog->lines()->quantityBox(0)->setValue(1);
        dialog->reason()->setCurrentIndex(0);
    }
    return true;
}

std::unique_ptr<QWidget> refundAfter(Script script, Stage stage)
{
    std::unique_ptr<ui::RefundDialog> dialog = openDialog(script);
    if (!lookUp(dialog.get(), true))
        return nullptr;
    dialog->refund();
    if (!reach(dialog.get(), stage))
        return nullptr;
    return dialog;
}

} // namespace

QList<AuditScreen> refundScreens()
{
    return {
        {QStringLiteral("refund-lookup-empty"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             return openDialog(Script::Refunded);
         }},
        {QStringLiteral("refund-order-lines"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             std::unique_ptr<ui::RefundDialog> dialog = openDialog(Script::Refunded);
             if (!lookUp(dialog.get(), true))
                 return nullptr;
             return dialog;
         }},
        {QStringLiteral("refund-approval-needed"),
         [](const ScreenRequest&) {
             return refundAfter(Script::ApprovalNeeded, Stage::AwaitingApproval);
         }},
        {QStringLiteral("refund-outcome-unknown"),
         [](const ScreenRequest&) {
             return refundAfter(Script::OutcomeUnknown, Stage::OutcomeUnknown);
         }},
        {QStringLiteral("refund-refunded"),
         [](const ScreenRequest&) {
             return refundAfter(Script::Refunded, Stage::Refunded);
         }},
        {QStringLiteral("refund-unknown-order"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             std::unique_ptr<ui::RefundDialog> dialog = openDialog(Script::UnknownOrder);
             dialog->lookUp(QStringLiteral("B-2026-999999"));
             // The lookup goes out, and comes back refused.
             if (!QTest::qWaitFor(
                     [&] {
                         return dialog->session()->stage() == Stage::Empty &&
                                !dialog->session()->message().isEmpty() &&
                                dialog->session()->notice() == flows::RefundSession::Notice::Error;
                     },
                     5000))
                 return nullptr;
             return dialog;
         }},
    };
}

} // namespace storedesk::test::audit
