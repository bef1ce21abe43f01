#pragma once

#include "fakenetwork.h"

#include <QJsonArray>
#include <QJsonObject>

// Answers of the integration API's till routes (docs/TILL.md) for FakeNetwork scripts and for
// screens that show a till document: a session of workstation ws-1 of berlin-mitte opened with a
// float of 150.00 EUR, a day whose X report expects 90.00 EUR in the drawer, and its Z report
// counted at 87.00 EUR (3.00 short, approved by max). The figures add up as the server's do.
namespace storedesk::test::fake {

inline const QString tillStore = QStringLiteral("berlin-mitte");
inline const QString tillWorkstation = QStringLiteral("ws-1");
inline const QString tillSessionId = QStringLiteral("5e551011-0000-4000-8000-000000000001");
inline const QString tillZNumber = QStringLiteral("berlin-mitte-ws-1-Z000001");
// Routes below /stores/{store}/workstations/{ws}/till, and the managers' ones.
inline const QString tillRoute = QStringLiteral("/stores/[^/]+/workstations/[^/]+/till");
inline const QString tillOpenRoute = tillRoute + QStringLiteral("/open");
inline const QString tillMovementsRoute = tillRoute + QStringLiteral("/movements");
inline const QString tillXReportRoute = tillRoute + QStringLiteral("/x-report");
inline const QString tillCloseRoute = tillRoute + QStringLiteral("/close");
inline const QString tillExpectedFloatRoute = tillRoute + QStringLiteral("/expected-float");
inline const QString tillSessionsRoute = QStringLiteral("/stores/[^/]+/till-sessions");
inline const QString tillZReportRoute =
    QStringLiteral("/stores/[^/]+/till-sessions/[^/]+/z-report");

inline QJsonObject tillMoney(qint64 cents)
{
    return {{QStringLiteral("type"), QStringLiteral("centPrecision")},
            {QStringLiteral("centAmount"), cents},
            {QStringLiteral("currencyCode"), QStringLiteral("EUR")},
            {QStringLiteral("fractionDigits"), 2}};
}

// A count as the server answers it: lines and the total beside them.
inline QJsonObject tillCount(const QList<QPair<qint64, qint64>>& lines)
{
    QJsonArray array;
    qint64 total = 0;
    for (const auto& [value, count] : lines) {
        array.append(
            QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("count"), count}});
        total += value * count;
    }
    return {{QStringLiteral("currency"), QStringLiteral("EUR")},
            {QStringLiteral("lines"), array},
            {QStringLiteral("total"), tillMoney(total)}};
}

// 5 × 20 € + 20 × 2 € + 20 × 50 ct = 150.00 €.
inline QJsonObject tillFloatCount()
{
    return tillCount({{2000, 5}, {200, 20}, {50, 20}});
}

// 4 × 20 € + 1 × 2 € + 10 × 50 ct = 87.00 €: 3.00 € short of the expected 90.00 €.
inline QJsonObject tillClosingCount()
{
    return tillCount({{2000, 4}, {200, 1}, {50, 10}});
}

inline QJsonObject tillSession(bool closed = false)
{
    QJsonObject session{
        {QStringLiteral("id"), tillSessionId},
        {QStringLiteral("storeKey"), tillStore},
        {QStringLiteral("workstationId"), tillWorkstation},
        {QStringLiteral("state"), closed ? QStringLiteral("closed") : QStringLiteral("open")},
        {QStringLiteral("openedAt"), QStringLiteral("2026-12-03T07:58:12.345Z")},
        {QStringLiteral("openedBy"), QStringLiteral("anna")},
        {QStringLiteral("float"), tillFloatCount()},
        {QStringLiteral("expectedFloat"), tillMoney(15000)}};
    if (closed) {
        session.insert(QStringLiteral("closedAt"), QStringLiteral("2026-12-03T18:02:40.000Z"));
        session.insert(QStringLiteral("closedBy"), QStringLiteral("anna"));
        session.insert(QStringLiteral("zNumber"), tillZNumber);
        session.insert(QStringLiteral("counted"), tillMoney(8700));
        session.insert(QStringLiteral("overShort"), tillMoney(-300));
    }
    return session;
}

inline QJsonObject tillStatus(bool open, bool hasDrawer = true)
{
    return {
        {QStringLiteral("storeKey"), tillStore},
        {QStringLiteral("workstationId"), tillWorkstation},
        {QStringLiteral("hasDrawer"), hasDrawer},
        {QStringLiteral("currency"), QStringLiteral("EUR")},
        {QStringLiteral("session"), open ? QJsonValue(tillSession()) : QJsonValue()},
        {QStringLiteral("expectedFloat"), tillMoney(15000)},
        {QStringLiteral("reasons"),
         QJsonObject{{QStringLiteral("payIn"), QJsonArray{QStringLiteral("Change delivery"),
                                                          QStringLiteral("Float top-up")}},
                     {QStringLiteral("payOut"),
                      QJsonArray{QStringLiteral("Supplier paid"), QStringLiteral("Tip out"),
                                 QStringLiteral("Petty cash")}},
                     {QStringLiteral("noSale"), QJsonArray{QStringLiteral("Change for customer"),
                                                           QStringLiteral("Check drawer")}}}},
        {QStringLiteral("limits"),
         QJsonObject{{QStringLiteral("payOutApprovalAbove"), tillMoney(5000)},
                     {QStringLiteral("noSaleApprovalAfter"), 3},
                     {QStringLiteral("closeApprovalAbove"), tillMoney(200)}}},
        {QStringLiteral("cardNeedsOpenTill"), false},
    };
}

// kind: "pay_in", "pay_out", "safe_drop", "no_sale" (cents ignored for a no sale).
inline QJsonObject tillMovement(const QString& kind, qint64 cents, const QString& reason,
                                const QString& approvedBy = {})
{
    static int serial = 0;
    QJsonObject movement{
        {QStringLiteral("id"),
         QStringLiteral("70e00000-0000-4000-8000-%1").arg(++serial, 12, 10, QLatin1Char('0'))},
        {QStringLiteral("sessionId"), tillSessionId},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("username"), QStringLiteral("anna")},
        {QStringLiteral("at"), QStringLiteral("2026-12-03T12:00:00.000Z")}};
    if (kind != QLatin1StringView("no_sale"))
        movement.insert(QStringLiteral("amount"), tillMoney(cents));
    if (kind == QLatin1StringView("safe_drop"))
        movement.insert(QStringLiteral("bagNumber"), QStringLiteral("B-17"));
    if (!approvedBy.isEmpty())
        movement.insert(QStringLiteral("approvedBy"), approvedBy);
    return movement;
}

// The X report of the day: 150.00 float + 42.50 cash sales − 12.50 cash refunds + 20.00 pay-in
// − 60.00 pay-out − 50.00 safe drop = 90.00 expected.
inline QJsonObject tillXReport()
{
    return {
        {QStringLiteral("kind"), QStringLiteral("x")},
        {QStringLiteral("sessionId"), tillSessionId},
        {QStringLiteral("storeKey"), tillStore},
        {QStringLiteral("workstationId"), tillWorkstation},
        {QStringLiteral("currency"), QStringLiteral("EUR")},
        {QStringLiteral("openedAt"), QStringLiteral("2026-12-03T07:58:12.345Z")},
        {QStringLiteral("openedBy"), QStringLiteral("anna")},
        {QStringLiteral("generatedAt"), QStringLiteral("2026-12-03T17:45:00.000Z")},
        {QStringLiteral("float"), tillMoney(15000)},
        {QStringLiteral("floatCount"), tillFloatCount()},
        {QStringLiteral("expectedFloat"), tillMoney(15000)},
        {QStringLiteral("cashSales"), tillMoney(4250)},
        {QStringLiteral("cashSalesCount"), 3},
        {QStringLiteral("cashRefunds"), tillMoney(1250)},
        {QStringLiteral("cashRefundsCount"), 1},
        {QStringLiteral("payIns"), tillMoney(2000)},
        {QStringLiteral("payInsCount"), 1},
        {QStringLiteral("payOuts"), tillMoney(6000)},
        {QStringLiteral("payOutsCount"), 1},
        {QStringLiteral("safeDrops"), tillMoney(5000)},
        {QStringLiteral("safeDropsCount"), 1},
        {QStringLiteral("noSalesCount"), 1},
        {QStringLiteral("expectedCash"), tillMoney(9000)},
        {QStringLiteral("cardTotals"),
         QJsonArray{QJsonObject{{QStringLiteral("terminalId"), QStringLiteral("T-1")},
                                {QStringLiteral("amount"), tillMoney(3490)},
                                {QStringLiteral("count"), 2}}}},
        {QStringLiteral("salesCount"), 5},
        {QStringLiteral("refundsCount"), 1},
        {QStringLiteral("firstOrderNumber"), QStringLiteral("B-2026-000101")},
        {QStringLiteral("lastOrderNumber"), QStringLiteral("B-2026-000105")},
        {QStringLiteral("movements"),
         QJsonArray{tillMovement(QStringLiteral("pay_in"), 2000, QStringLiteral("Change delivery")),
                    tillMovement(QStringLiteral("pay_out"), 6000, QStringLiteral("Supplier paid"),
                                 QStringLiteral("max")),
                    tillMovement(QStringLiteral("safe_drop"), 5000, QStringLiteral("safe_drop")),
                    tillMovement(QStringLiteral("no_sale"), 0, QStringLiteral("Check drawer"))}},
    };
}

// The Z report of that day: counted 87.00, 3.00 short, approved by max.
inline QJsonObject tillZReport()
{
    QJsonObject report = tillXReport();
    report.insert(QStringLiteral("kind"), QStringLiteral("z"));
    report.insert(QStringLiteral("number"), tillZNumber);
    report.insert(QStringLiteral("generatedAt"), QStringLiteral("2026-12-03T18:02:40.000Z"));
    report.insert(QStringLiteral("closedAt"), QStringLiteral("2026-12-03T18:02:40.000Z"));
    report.insert(QStringLiteral("closedBy"), QStringLiteral("anna"));
    report.insert(QStringLiteral("counted"), tillMoney(8700));
    report.insert(QStringLiteral("count"), tillClosingCount());
    report.insert(QStringLiteral("overShort"), tillMoney(-300));
    report.insert(QStringLiteral("approvedBy"), QStringLiteral("max"));
    report.insert(QStringLiteral("differenceReason"), QStringLiteral("Change given wrongly"));
    return report;
}

inline QJsonObject tillSessionList()
{
    return {{QStringLiteral("date"), QStringLiteral("2026-12-03")},
            {QStringLiteral("sessions"), QJsonArray{tillSession(true)}}};
}

// The 403 of a movement or close that needs a manager (denied: an approval was sent and refused).
// The close's carries the difference.
inline FakeAnswer tillApprovalDemand(const QString& reason, bool denied = false)
{
    QJsonObject details{
        {denied ? QStringLiteral("approvalDenied") : QStringLiteral("approvalRequired"), true},
        {QStringLiteral("reasons"), QJsonArray{reason}}};
    if (denied)
        details.insert(QStringLiteral("approvalRequired"), true);
    if (reason == QLatin1StringView("difference")) {
        details.insert(QStringLiteral("expectedCash"), tillMoney(9000));
        details.insert(QStringLiteral("counted"), tillMoney(8700));
        details.insert(QStringLiteral("overShort"), tillMoney(-300));
    }
    return FakeAnswer::json(403, {{QStringLiteral("code"), QStringLiteral("forbidden")},
                                  {QStringLiteral("message"), QStringLiteral("approval required")},
                                  {QStringLiteral("details"), details}});
}

} // namespace storedesk::test::fake
