#include "receipt.h"

#include "api/orderjobs.h"
#include "base/logging.h"
#include "domain/order.h"
#include "domain/payment.h"
#include "flows/refunddraft.h"

#include <algorithm>

namespace storedesk {
namespace {

// Product names on a receipt are in the store's language (the customer's document), not in the
// colleague's: the first store language, then the others, English, any.
QString nameIn(const LocalizedString& name, const QStringList& languages)
{
    return name.value(languages.value(0), languages);
}

Receipt headerFor(Receipt::Kind kind, const Order& order, const ReceiptContext& context)
{
    Receipt receipt;
    receipt.kind = kind;
    receipt.storeName = context.storeName;
    receipt.storeKey = context.storeKey;
    receipt.workstationId = context.workstationId;
    receipt.colleague = context.colleague;
    receipt.reprint = context.reprint;
    receipt.orderNumber = order.orderNumber.isEmpty() ? order.id : order.orderNumber;
    receipt.total = order.totalPrice;
    return receipt;
}

void addLines(Receipt& receipt, const Order& order, const QStringList& languages)
{
    for (const LineItem& item : order.lineItems) {
        receipt.lines.append(Receipt::Line{nameIn(item.name, languages), item.sku, item.quantity,
                                           item.effectiveUnitPrice(), item.totalPrice,
                                           item.isGift()});
    }
    for (const CustomLineItem& item : order.customLineItems) {
        receipt.lines.append(Receipt::Line{nameIn(item.name, languages), QString(), item.quantity,
                                           item.money, item.totalPrice, false});
    }
}

void addTaxes(Receipt& receipt, const Order& order)
{
    receipt.taxesCalculated = order.taxedPrice.has_value();
    if (!order.taxedPrice)
        return;
    for (const TaxPortion& portion : order.taxedPrice->taxPortions)
        receipt.taxes.append(Receipt::Tax{portion.name, portion.ratePpm, portion.amount});
    receipt.totalNet = order.taxedPrice->totalNet;
    if (order.taxedPrice->totalTax) {
        receipt.totalTax = order.taxedPrice->totalTax;
    } else if (const Expected<Money> tax =
                   order.taxedPrice->totalGross.minus(order.taxedPrice->totalNet)) {
        receipt.totalTax = *tax;
    }
}

} // namespace

QString Receipt::tenderLabel(const QString& method, const QString& fallback)
{
    const QString key = method.trimmed().toLower();
    if (key == QLatin1StringView("cash"))
        return tr("Cash");
    if (key == QLatin1StringView("card"))
        return tr("Card");
    if (!fallback.trimmed().isEmpty())
        return fallback;
    return method.isEmpty() ? tr("Other") : method;
}

Receipt Receipt::forSale(const Order& order, const QList<Payment>& payments,
                         const ReceiptContext& context, const QList<ChangeGiven>& change)
{
    Receipt receipt = headerFor(Kind::Sale, order, context);
    receipt.dateTime =
        order.createdAt.isValid() ? order.createdAt : QDateTime::currentDateTimeUtc();
    addLines(receipt, order, context.languages);
    addTaxes(receipt, order);

    for (const Payment& payment : payments) {
        const Expected<Money> charged = payment.chargedAmount();
        if (!charged) {
            qCWarning(lcDomain).noquote()
                << "payment" << payment.id << "left off the receipt:" << charged.error().toString();
            continue;
        }
        // Only money that moved is a tender: a declined or still pending charge is not.
        const bool hasCharge = std::any_of(payment.transactions.cbegin(),
                                           payment.transactions.cend(), [](const Transaction& t) {
                                               return t.type == Transaction::Type::Charge &&
                                                      t.state == Transaction::State::Success;
                                           });
        if (!hasCharge)
            continue;
        Tender tender;
        tender.method = payment.paymentMethodInfo.method.trimmed().toLower();
        tender.label =
            tenderLabel(tender.method, nameIn(payment.paymentMethodInfo.name, context.languages));
        tender.amount = *charged;
        for (const ChangeGiven& given : change) {
            if (given.paymentId != payment.id)
                continue;
            tender.change = given.change;
            tender.tendered = given.tendered;
        }
        receipt.tenders.append(tender);
    }
    return receipt;
}

Receipt Receipt::forRefund(const Order& order, const api::RefundResult& refund,
                           const ReceiptContext& context)
{
    Receipt receipt = headerFor(Kind::Refund, order, context);
    receipt.dateTime =
        refund.createdAt.isValid() ? refund.createdAt.toUTC() : QDateTime::currentDateTimeUtc();
    receipt.refundId = refund.id;
    receipt.refundTotal = refund.amount;
    // The server keeps the code; the customer reads its label (an unknown code as it is).
    receipt.reason = flows::RefundDraft::reasonLabel(refund.reason);
    receipt.approvedBy = refund.approvedBy;

    for (const api::RefundedItem& item : refund.items) {
        RefundedLine line;
        line.name =
            item.lineItemId; // only if the order has no such line, which the server rules out
        line.quantity = item.quantity;
        line.amount = item.amount;
        for (const LineItem& candidate : order.lineItems) {
            if (candidate.id == item.lineItemId) {
                line.name = nameIn(candidate.name, context.languages);
                line.sku = candidate.sku;
            }
        }
        for (const CustomLineItem& candidate : order.customLineItems) {
            if (candidate.id == item.lineItemId)
                line.name = nameIn(candidate.name, context.languages);
        }
        receipt.refundedLines.append(line);
    }
    for (const api::RefundTender& share : refund.tenders) {
        Tender tender;
        tender.method = share.tender.trimmed().toLower();
        tender.label = tenderLabel(tender.method);
        tender.amount = share.amount;
        tender.state = share.state;
        receipt.tenders.append(tender);
    }
    return receipt;
}

} // namespace storedesk
