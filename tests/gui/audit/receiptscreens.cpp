#include "api/orderjobs.h"
#include "auditscreens.h"
#include "documentcases.h"
#include "domain/order.h"
#include "domain/payment.h"
#include "receipts/receiptdialog.h"
#include "receipts/receiptprinter.h"

#include <QPrintPreviewDialog>

namespace storedesk::test::audit {

namespace {

// The order of the receipt tests (tests/fixtures/orders), paid by card with cash change.
struct Receipts {
    Receipt sale;
    Receipt refund;
};

std::optional<Receipts> receipts()
{
    const Expected<Order> order =
        Order::fromJson(readFixture(QStringLiteral("orders/returned-order.json")));
    const Expected<Payment> card =
        Payment::fromJson(readFixture(QStringLiteral("payments/card-payment.json")));
    if (!order || !card)
        return std::nullopt;
    ReceiptContext context;
    context.storeName = QStringLiteral("StoreDesk Berlin Mitte");
    context.storeKey = QStringLiteral("berlin-mitte");
    context.languages = {QStringLiteral("de"), QStringLiteral("en")};
    context.workstationId = QStringLiteral("berlin-mitte-till-1");
    context.colleague = QStringLiteral("Anna Schmidt");

    api::RefundResult refund;
    refund.id = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    refund.state = QStringLiteral("succeeded");
    refund.amount = eur(2490);
    refund.reason = QStringLiteral("damaged");
    refund.approvedBy = QStringLiteral("max");
    refund.items = {{order->lineItems.at(0).id, false, 1, eur(2490)}};
    refund.tenders = {{QStringLiteral("card"), eur(2490), QString(), QStringLiteral("succeeded")}};
    return Receipts{Receipt::forSale(*order, {*card}, context, {{card->id, eur(1110), eur(11000)}}),
                    Receipt::forRefund(*order, refund, context)};
}

} // namespace

QList<AuditScreen> receiptScreens()
{
    return {
        {QStringLiteral("receipt"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             const auto all = receipts();
             return all ? std::make_unique<ui::ReceiptDialog>(all->sale, QLocale())
                        : std::unique_ptr<QWidget>();
         }},
        {QStringLiteral("receipt-refund"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             const auto all = receipts();
             return all ? std::make_unique<ui::ReceiptDialog>(all->refund, QLocale())
                        : std::unique_ptr<QWidget>();
         }},
        {QStringLiteral("receipt-preview"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             // The preview on its own (no receipt dialog behind it), with its printer inside.
             const auto all = receipts();
             if (!all)
                 return {};
             auto* printer = new ui::ReceiptPrinter(QLocale());
             QPrintPreviewDialog* preview = printer->preview(all->sale);
             printer->setParent(preview);
             preview->setAttribute(Qt::WA_DeleteOnClose, false); // the harness deletes it
             return std::unique_ptr<QWidget>(preview);
         }},
    };
}

} // namespace storedesk::test::audit
