#include "api/apiclient.h"
#include "api/tilljobs.h"
#include "auditscreens.h"
#include "fakenetwork.h"
#include "fixtures.h"
#include "till/expectedfloatdialog.h"
#include "till/tillreportdialog.h"
#include "till/tillsessionsdialog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTableWidget>
#include <QTest>

// The till's reports and the managers' dialogs (issue 15): the X and Z report dialogs from the Z
// report of tests/fixtures/till/z-report.json, its reprint (COPY), the day's session list against
// a scripted fake of the server's till-sessions route, and the expected float.
namespace storedesk::test::audit {
namespace {

std::optional<api::TillReport> zReport()
{
    const Expected<api::TillReport> report =
        api::TillReport::fromJson(readFixture(QStringLiteral("till/z-report.json")));
    return report ? std::optional<api::TillReport>(*report) : std::nullopt;
}

// The report of the same session before its close.
api::TillReport xReport(api::TillReport report)
{
    report.kind = api::TillReport::Kind::X;
    report.number.clear();
    report.closedAt = {};
    report.closedBy.clear();
    report.counted.reset();
    report.count.reset();
    report.overShort.reset();
    report.approvedBy.clear();
    report.differenceReason.clear();
    return report;
}

ReceiptContext berlin()
{
    ReceiptContext context;
    context.storeName = QStringLiteral("StoreDesk Berlin Mitte");
    context.storeKey = QStringLiteral("berlin-mitte");
    context.workstationId = QStringLiteral("till-1");
    context.colleague = QStringLiteral("Max Manager");
    return context;
}

QJsonObject eurMoney(qint64 cents)
{
    return {{QStringLiteral("type"), QStringLiteral("centPrecision")},
            {QStringLiteral("currencyCode"), QStringLiteral("EUR")},
            {QStringLiteral("centAmount"), cents},
            {QStringLiteral("fractionDigits"), 2}};
}

QJsonObject floatCount()
{
    return {{QStringLiteral("currency"), QStringLiteral("EUR")},
            {QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("value"), 5000},
                                                             {QStringLiteral("count"), 3}}}},
            {QStringLiteral("total"), eurMoney(15000)}};
}

// A session as the till-sessions route lists it; closed when `z` is given.
QJsonObject session(const QString& id, const QString& workstation, const QString& opened,
                    const QString& by, int z = 0, qint64 counted = 0, qint64 overShort = 0)
{
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("storeKey"), QStringLiteral("berlin-mitte")},
        {QStringLiteral("workstationId"), workstation},
        {QStringLiteral("state"), z ? QStringLiteral("closed") : QStringLiteral("open")},
        {QStringLiteral("openedAt"), opened},
        {QStringLiteral("openedBy"), by},
        {QStringLiteral("float"), floatCount()},
        {QStringLiteral("expectedFloat"), eurMoney(15000)}};
    if (z) {
        json.insert(QStringLiteral("closedAt"), QStringLiteral("2026-12-03T18:05:00.000Z"));
        json.insert(QStringLiteral("closedBy"), by);
        json.insert(
            QStringLiteral("zNumber"),
            QStringLiteral("berlin-mitte-%1-Z%2").arg(workstation).arg(z, 6, 10, QLatin1Char('0')));
        json.insert(QStringLiteral("counted"), eurMoney(counted));
        json.insert(QStringLiteral("overShort"), eurMoney(overShort));
    }
    return json;
}

api::ApiClient* fakeClient(FakeNetwork** network)
{
    auto* fake = new FakeNetwork;
    auto* client = new api::ApiClient;
    client->setNetwork(fake);
    client->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
    client->setAccessToken("token");
    fake->setParent(client);
    *network = fake;
    return client;
}

std::unique_ptr<QWidget> reportDialog(bool z, bool copy)
{
    const auto report = zReport();
    if (!report)
        return {};
    return std::make_unique<ui::TillReportDialog>(z ? *report : xReport(*report), berlin(), copy,
                                                  nullptr);
}

} // namespace

QList<AuditScreen> tillReportScreens()
{
    return {
        {QStringLiteral("till-x-report"),
         [](const ScreenRequest&) {
             return reportDialog(false, false);
         }},
        {QStringLiteral("till-z-report"),
         [](const ScreenRequest&) {
             return reportDialog(true, false);
         }},
        {QStringLiteral("till-z-report-copy"),
         [](const ScreenRequest&) {
             return reportDialog(true, true);
         }},
        {QStringLiteral("till-sessions"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             FakeNetwork* network = nullptr;
             api::ApiClient* client = fakeClient(&network);
             const QJsonArray sessions{
                 session(QStringLiteral("s-5"), QStringLiteral("till-1"),
                         QStringLiteral("2026-12-03T07:55:00.000Z"), QStringLiteral("anna"), 7,
                         16605, -250),
                 session(QStringLiteral("s-6"), QStringLiteral("till-2"),
                         QStringLiteral("2026-12-03T08:10:00.000Z"), QStringLiteral("ben"), 12,
                         23410, 0),
                 session(QStringLiteral("s-8"), QStringLiteral("till-3"),
                         QStringLiteral("2026-12-03T12:00:00.000Z"), QStringLiteral("clara")),
             };
             network->script(
                 "GET", QStringLiteral("/stores/berlin-mitte/till-sessions"),
                 {FakeAnswer::json(200, {{QStringLiteral("date"), QStringLiteral("2026-12-03")},
                                         {QStringLiteral("sessions"), sessions}})});
             auto dialog = std::make_unique<ui::TillSessionsDialog>(
                 client, QStringLiteral("berlin-mitte"), berlin(), nullptr);
             client->setParent(dialog.get());
             if (!QTest::qWaitFor([&] { return dialog->sessionCount() == 3; }, 5000))
                 return {};
             return dialog;
         }},
        {QStringLiteral("till-expected-float"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             FakeNetwork* network = nullptr;
             api::ApiClient* client = fakeClient(&network);
             api::TillStatus status;
             status.storeKey = QStringLiteral("berlin-mitte");
             status.workstationId = QStringLiteral("till-1");
             status.hasDrawer = true;
             status.currency = QStringLiteral("EUR");
             status.expectedFloat = *Money::fromMinorUnits(15000, u"EUR");
             auto dialog = std::make_unique<ui::ExpectedFloatDialog>(client, status, nullptr);
             client->setParent(dialog.get());
             return dialog;
         }},
    };
}

} // namespace storedesk::test::audit
