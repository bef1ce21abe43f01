#pragma once

#include "fakenetwork.h"
#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>

// Answers of the integration API's order and refund routes for FakeNetwork scripts (the refund
// flow's unit test and the refund screens of the layout audit): the fixture order B-2026-000123
// with one unit of the espresso and one bag still refundable, and its RefundView.
namespace storedesk::test::fake {

inline const QString refundOrderNumber = QStringLiteral("B-2026-000123");
inline const QString refundCoffeeLine = QStringLiteral("d1000000-0000-4000-8000-000000000001");
inline const QString refundMugLine = QStringLiteral("d1000000-0000-4000-8000-000000000002");
inline const QString refundBagLine = QStringLiteral("e1000000-0000-4000-8000-000000000001");
// GET /stores/{store}/orders/{number} and POST /stores/{store}/orders/{id}/refunds.
inline const QString orderLookupRoute = QStringLiteral("/stores/[^/]+/orders/[^/]+");
inline const QString refundRoute = QStringLiteral("/stores/[^/]+/orders/[^/]+/refunds");

inline QJsonObject eurMoney(qint64 cents)
{
    return {{QStringLiteral("type"), QStringLiteral("centPrecision")},
            {QStringLiteral("centAmount"), cents},
            {QStringLiteral("currencyCode"), QStringLiteral("EUR")},
            {QStringLiteral("fractionDigits"), 2}};
}

// The lookup answer of the fixture order (tests/fixtures/orders/returned-order.json).
inline QJsonObject orderLookup()
{
    const auto refundable = [](const QString& line, qint64 quantity, qint64 cents) {
        return QJsonObject{{QStringLiteral("lineItemId"), line},
                           {QStringLiteral("quantity"), quantity},
                           {QStringLiteral("amount"), eurMoney(cents)}};
    };
    return {
        {QStringLiteral("order"),
         QJsonDocument::fromJson(readFixture(QStringLiteral("orders/returned-order.json")))
             .object()},
        {QStringLiteral("refundable"),
         QJsonArray{refundable(refundCoffeeLine, 1, 2490), refundable(refundMugLine, 0, 0),
                    refundable(refundBagLine, 1, 10)}},
        {QStringLiteral("payments"),
         QJsonArray{
             QJsonDocument::fromJson(readFixture(QStringLiteral("payments/card-payment.json")))
                 .object()}},
    };
}

// The 201 answer of a refund (tests/fixtures/refunds/refund-view.json).
inline QJsonObject refundView()
{
    return QJsonDocument::fromJson(readFixture(QStringLiteral("refunds/refund-view.json")))
        .object();
}

// The 403 answer when a manager must approve (denied: an approval was sent and refused).
inline FakeAnswer approvalDemand(bool denied, qint64 cents = 2500)
{
    return FakeAnswer::json(
        403, {{QStringLiteral("code"), QStringLiteral("forbidden")},
              {QStringLiteral("message"), QStringLiteral("A manager must approve this refund.")},
              {QStringLiteral("details"),
               QJsonObject{
                   {denied ? QStringLiteral("approvalDenied") : QStringLiteral("approvalRequired"),
                    true},
                   {QStringLiteral("reasons"), QJsonArray{QStringLiteral("amount")}},
                   {QStringLiteral("amount"), eurMoney(cents)}}}});
}

} // namespace storedesk::test::fake
