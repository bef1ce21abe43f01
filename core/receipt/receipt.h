#pragma once

#include "domain/money.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace storedesk {

struct Order;
struct Payment;

namespace api {
struct RefundResult;
}

// Where and by whom a receipt is made; nothing in it comes from commercetools.
struct ReceiptContext {
    QString storeName;
    QString storeKey;
    QStringList languages; // the store's languages: product names are taken in the first one
    QString workstationId; // optional
    QString colleague;     // optional
    bool reprint = false;  // a copy printed again later (e.g. from the order lookup)
};

// The change handed back for one cash payment of a sale; the Payment itself does not hold it.
struct ChangeGiven {
    QString paymentId;
    Money change;
    std::optional<Money> tendered; // what the customer handed over, when known
};

// Everything a customer's receipt shows, taken from an order and its payments (a sale) or from an
// order and a refund of it. Text is plain (a product name may contain markup: it is printed
// literally); amounts are Money; no formatting happens here, so one receipt can be shown in any
// locale.
struct Receipt {
    Q_DECLARE_TR_FUNCTIONS(storedesk::Receipt)

public:
    enum class Kind { Sale, Refund };

    struct Line {
        QString name; // in the store's language, with fallback
        QString sku;  // empty for a custom line
        qint64 quantity = 0;
        Money unitPrice;
        Money lineTotal;
        bool gift = false;
    };
    struct Tax {
        QString name; // e.g. "19% MwSt"; may be empty
        qint64 ratePpm = 0;
        Money amount;
    };
    struct Tender {
        QString method; // lower case: "cash", "card", …
        QString label;  // what the receipt calls it: "Cash", "Card", or the payment's own name
        Money amount;
        std::optional<Money> tendered; // cash handed over
        std::optional<Money> change;   // cash handed back
        QString state;                 // refunds only: "succeeded", "pending" or "failed"
    };
    struct RefundedLine {
        QString name;
        QString sku;
        qint64 quantity = 0;
        std::optional<Money> amount;
    };

    Kind kind = Kind::Sale;
    QString storeName;
    QString storeKey;
    QString orderNumber; // the order's id when it has no number
    QDateTime dateTime;  // UTC
    QString workstationId;
    QString colleague;
    bool reprint = false;

    // Sale only: the order's lines and taxes.
    QList<Line> lines;
    bool taxesCalculated = false; // false: the order has no taxed price
    QList<Tax> taxes;
    std::optional<Money> totalNet;
    std::optional<Money> totalTax;
    Money total;           // the order's total
    QList<Tender> tenders; // sale: the payments' successful charges; refund: where the money went

    // Refund only.
    QList<RefundedLine> refundedLines;
    Money refundTotal;
    QString reason;
    QString approvedBy;
    QString refundId;

    // The sale of `order`: its lines and taxes, and one tender per payment with a successful
    // charge (a payment that charged nothing, e.g. a declined card, is left out), with the change
    // given for cash payments named in `change`.
    static Receipt forSale(const Order& order, const QList<Payment>& payments,
                           const ReceiptContext& context, const QList<ChangeGiven>& change = {});
    // A refund of `order` as the server answered it: the refunded lines, the amount, the reason's
    // label and the tenders it went back to.
    static Receipt forRefund(const Order& order, const api::RefundResult& refund,
                             const ReceiptContext& context);

    // "Cash", "Card", or `fallback` (the payment's own name), else the method as it is.
    static QString tenderLabel(const QString& method, const QString& fallback = {});
};

} // namespace storedesk
