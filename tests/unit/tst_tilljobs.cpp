// The till's API as the app reads and sends it (core/api/tilljobs, docs/TILL.md): every document
// shape, documents that do not fit the contract refused as InvalidResponse, the requests each job
// sends (path, body, Idempotency-Key), and each refusal the server names readable by callers.

#include "api/apiclient.h"
#include "api/tilljobs.h"
#include "faketill.h"
#include "jobwaiting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace storedesk;
using namespace storedesk::api;
using storedesk::test::FakeAnswer;
using storedesk::test::FakeNetwork;
using storedesk::test::runJob;
namespace fake = storedesk::test::fake;
using namespace Qt::StringLiterals;

namespace {

QByteArray bytes(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parsed(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

Money eur(qint64 cents)
{
    return *Money::fromMinorUnits(cents, u"EUR");
}

TillCount count(const QList<TillCount::Line>& lines)
{
    TillCount result;
    result.currency = u"EUR"_s;
    result.lines = lines;
    return result;
}

// Applies `change` to a copy of `object` at a dotted path ("limits.closeApprovalAbove").
QJsonObject with(QJsonObject object, const QString& path, const QJsonValue& value)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        if (value.isUndefined())
            object.remove(path);
        else
            object.insert(path, value);
        return object;
    }
    const QString head = path.left(dot);
    object.insert(head, with(object.value(head).toObject(), path.mid(dot + 1), value));
    return object;
}

QJsonObject usd(qint64 cents)
{
    QJsonObject money = fake::tillMoney(cents);
    money.insert(u"currencyCode"_s, u"USD"_s);
    return money;
}

} // namespace

class TestTillJobs : public QObject {
    Q_OBJECT

private:
    FakeNetwork* m_network = nullptr;
    ApiClient* m_client = nullptr;

    const test::FakeRequest& lastRequest() const { return m_network->requests().constLast(); }

private slots:
    void init()
    {
        m_network = new FakeNetwork(this);
        m_client = new ApiClient(this);
        m_client->setNetwork(m_network);
        m_client->setServerUrl(QUrl(u"http://127.0.0.1:9"_s));
        m_client->setAccessToken("token");
        m_client->setDefaultTimeout(std::chrono::milliseconds(2000));
    }

    void cleanup()
    {
        delete m_client;
        delete m_network;
    }

    // --- documents ---

    void statusOfAnOpenTill()
    {
        const Expected<TillStatus> status = TillStatus::fromJson(bytes(fake::tillStatus(true)));
        QVERIFY2(status, qPrintable(status ? QString() : status.error().toString()));
        QCOMPARE(status->storeKey, fake::tillStore);
        QCOMPARE(status->workstationId, fake::tillWorkstation);
        QVERIFY(status->hasDrawer);
        QCOMPARE(status->currency, u"EUR"_s);
        QVERIFY(status->isOpen());
        QCOMPARE(status->session->id, fake::tillSessionId);
        QCOMPARE(status->session->openedBy, u"anna"_s);
        QCOMPARE(status->session->openedAt,
                 QDateTime(QDate(2026, 12, 3), QTime(7, 58, 12, 345), Qt::UTC));
        QCOMPARE(status->session->floatTotal, eur(15000));
        QCOMPARE(status->session->floatCount.countOf(2000), 5);
        QCOMPARE(status->session->floatCount.countOf(50), 20);
        QCOMPARE(*status->expectedFloat, eur(15000));
        QCOMPARE(status->reasons.payIn, QStringList({u"Change delivery"_s, u"Float top-up"_s}));
        QCOMPARE(status->reasons.payOut.size(), 3);
        QCOMPARE(status->reasons.noSale.last(), u"Check drawer"_s);
        QCOMPARE(status->limits.payOutApprovalAbove, eur(5000));
        QCOMPARE(status->limits.noSaleApprovalAfter, 3);
        QCOMPARE(status->limits.closeApprovalAbove, eur(200));
        QVERIFY(!status->cardNeedsOpenTill);
    }

    void statusOfAClosedTillAndOfNoDrawer()
    {
        Expected<TillStatus> status = TillStatus::fromJson(bytes(fake::tillStatus(false)));
        QVERIFY(status);
        QVERIFY(!status->isOpen());
        QVERIFY(!status->session);
        status = TillStatus::fromJson(
            bytes(with(with(fake::tillStatus(false, false), u"expectedFloat"_s, QJsonValue::Null),
                       u"cardNeedsOpenTill"_s, true)));
        QVERIFY(status);
        QVERIFY(!status->hasDrawer);
        QVERIFY(!status->expectedFloat);
        QVERIFY(status->cardNeedsOpenTill);
    }

    void aClosedSession()
    {
        const Expected<TillSession> session = TillSession::fromJson(bytes(fake::tillSession(true)));
        QVERIFY(session);
        QVERIFY(!session->isOpen());
        QCOMPARE(session->zNumber, fake::tillZNumber);
        QCOMPARE(session->closedBy, u"anna"_s);
        QVERIFY(session->closedAt.isValid());
        QCOMPARE(*session->counted, eur(8700));
        QCOMPARE(*session->overShort, eur(-300));
    }

    void movementsOfEachKind_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("expected");
        QTest::newRow("pay in") << u"pay_in"_s << int(TillMovement::Kind::PayIn);
        QTest::newRow("pay out") << u"pay_out"_s << int(TillMovement::Kind::PayOut);
        QTest::newRow("safe drop") << u"safe_drop"_s << int(TillMovement::Kind::SafeDrop);
        QTest::newRow("no sale") << u"no_sale"_s << int(TillMovement::Kind::NoSale);
    }

    void movementsOfEachKind()
    {
        QFETCH(QString, kind);
        QFETCH(int, expected);
        const Expected<TillMovement> movement =
            TillMovement::fromJson(bytes(fake::tillMovement(kind, 1234, u"Tip out"_s, u"max"_s)));
        QVERIFY2(movement, qPrintable(movement ? QString() : movement.error().toString()));
        QCOMPARE(int(movement->kind), expected);
        QCOMPARE(TillMovement::kindName(movement->kind), kind);
        QCOMPARE(movement->sessionId, fake::tillSessionId);
        QCOMPARE(movement->username, u"anna"_s);
        QCOMPARE(movement->approvedBy, u"max"_s);
        QVERIFY(movement->at.isValid());
        if (movement->kind == TillMovement::Kind::NoSale)
            QVERIFY(!movement->amount);
        else
            QCOMPARE(*movement->amount, eur(1234));
        QCOMPARE(movement->bagNumber,
                 movement->kind == TillMovement::Kind::SafeDrop ? u"B-17"_s : QString());
    }

    void theXReport()
    {
        const Expected<TillReport> report = TillReport::fromJson(bytes(fake::tillXReport()));
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        QVERIFY(!report->isZ());
        QVERIFY(report->number.isEmpty());
        QCOMPARE(report->sessionId, fake::tillSessionId);
        QCOMPARE(report->floatTotal, eur(15000));
        QCOMPARE(report->floatCount.countOf(200), 20);
        QCOMPARE(*report->expectedFloat, eur(15000));
        QCOMPARE(report->cashSales, eur(4250));
        QCOMPARE(report->cashSalesCount, 3);
        QCOMPARE(report->cashRefunds, eur(1250));
        QCOMPARE(report->cashRefundsCount, 1);
        QCOMPARE(report->payIns, eur(2000));
        QCOMPARE(report->payOuts, eur(6000));
        QCOMPARE(report->safeDrops, eur(5000));
        QCOMPARE(report->safeDropsCount, 1);
        QCOMPARE(report->noSalesCount, 1);
        QCOMPARE(report->expectedCash, eur(9000));
        QCOMPARE(report->cardTotals.size(), 1);
        QCOMPARE(report->cardTotals.first().terminalId, u"T-1"_s);
        QCOMPARE(report->cardTotals.first().amount, eur(3490));
        QCOMPARE(report->cardTotals.first().count, 2);
        QCOMPARE(report->salesCount, 5);
        QCOMPARE(report->refundsCount, 1);
        QCOMPARE(report->firstOrderNumber, u"B-2026-000101"_s);
        QCOMPARE(report->lastOrderNumber, u"B-2026-000105"_s);
        QCOMPARE(report->movements.size(), 4);
        QCOMPARE(report->movements.at(1).approvedBy, u"max"_s);
        QVERIFY(!report->closedAt.isValid());
        QVERIFY(!report->counted);
        QVERIFY(!report->count);
        QVERIFY(!report->overShort);
    }

    void theZReport()
    {
        const Expected<TillReport> report = TillReport::fromJson(bytes(fake::tillZReport()));
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        QVERIFY(report->isZ());
        QCOMPARE(report->number, fake::tillZNumber);
        QCOMPARE(report->closedBy, u"anna"_s);
        QVERIFY(report->closedAt.isValid());
        QCOMPARE(report->expectedCash, eur(9000));
        QCOMPARE(*report->counted, eur(8700));
        QCOMPARE(report->count->countOf(2000), 4);
        QCOMPARE(report->count->countOf(50), 10);
        QCOMPARE(*report->overShort, eur(-300));
        QCOMPARE(report->approvedBy, u"max"_s);
        QCOMPARE(report->differenceReason, u"Change given wrongly"_s);
    }

    void theManagersDayList()
    {
        const Expected<TillSessionList> list =
            TillSessionList::fromJson(bytes(fake::tillSessionList()));
        QVERIFY(list);
        QCOMPARE(list->date, QDate(2026, 12, 3));
        QCOMPARE(list->sessions.size(), 1);
        QCOMPARE(list->sessions.first().zNumber, fake::tillZNumber);
    }

    void documentsThatBreakTheContract_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("path");
        const QJsonObject x = fake::tillXReport();
        const QJsonObject z = fake::tillZReport();
        QTest::newRow("report: sums do not add up")
            << u"report"_s << bytes(with(x, u"expectedCash"_s, fake::tillMoney(9001)))
            << u"expectedCash"_s;
        QTest::newRow("report: over/short is not counted - expected")
            << u"report"_s << bytes(with(z, u"overShort"_s, fake::tillMoney(300)))
            << u"overShort"_s;
        QTest::newRow("report: counted is not the count's total")
            << u"report"_s
            << bytes(with(with(z, u"counted"_s, fake::tillMoney(8800)), u"overShort"_s,
                          fake::tillMoney(-200)))
            << u"counted"_s;
        QTest::newRow("report: float is not the float count's total")
            << u"report"_s << bytes(with(x, u"float"_s, fake::tillMoney(14000))) << u"float"_s;
        QTest::newRow("report: a count's total is wrong")
            << u"report"_s << bytes(with(x, u"floatCount.total"_s, fake::tillMoney(1)))
            << u"floatCount.total"_s;
        QTest::newRow("report: not a denomination")
            << u"report"_s
            << bytes(with(x, u"floatCount.lines"_s,
                          QJsonArray{QJsonObject{{u"value"_s, 300}, {u"count"_s, 1}}}))
            << u"floatCount"_s;
        QTest::newRow("report: card total in another currency")
            << u"report"_s
            << bytes(with(x, u"cardTotals"_s,
                          QJsonArray{QJsonObject{{u"terminalId"_s, u"T-1"_s},
                                                 {u"amount"_s, usd(100)},
                                                 {u"count"_s, 1}}}))
            << u"cardTotals[0].amount.currencyCode"_s;
        QTest::newRow("report: unknown kind")
            << u"report"_s << bytes(with(x, u"kind"_s, u"y"_s)) << u"kind"_s;
        QTest::newRow("report: z without number")
            << u"report"_s << bytes(with(z, u"number"_s, QJsonValue::Undefined)) << u"number"_s;
        QTest::newRow("report: negative count")
            << u"report"_s << bytes(with(x, u"salesCount"_s, -1)) << u"salesCount"_s;
        QTest::newRow("report: no movements")
            << u"report"_s << bytes(with(x, u"movements"_s, QJsonValue::Undefined))
            << u"movements"_s;
        QJsonObject noSaleWithAmount = fake::tillMovement(u"no_sale"_s, 0, u"Check drawer"_s);
        noSaleWithAmount.insert(u"amount"_s, fake::tillMoney(100));
        QTest::newRow("movement: no sale with an amount")
            << u"movement"_s << bytes(noSaleWithAmount) << u"amount"_s;
        QTest::newRow("movement: pay-out without amount")
            << u"movement"_s
            << bytes(with(fake::tillMovement(u"pay_out"_s, 100, u"Tip out"_s), u"amount"_s,
                          QJsonValue::Undefined))
            << u"amount"_s;
        QTest::newRow("movement: unknown kind")
            << u"movement"_s
            << bytes(with(fake::tillMovement(u"pay_in"_s, 100, u"x"_s), u"kind"_s, u"refund"_s))
            << u"kind"_s;
        QTest::newRow("status: no limits")
            << u"status"_s
            << bytes(with(fake::tillStatus(true), u"limits"_s, QJsonValue::Undefined))
            << u"limits"_s;
        QTest::newRow("status: limit in another currency")
            << u"status"_s
            << bytes(with(fake::tillStatus(true), u"limits.closeApprovalAbove"_s, usd(200)))
            << u"limits.closeApprovalAbove.currencyCode"_s;
        QTest::newRow("session: unknown state")
            << u"session"_s << bytes(with(fake::tillSession(), u"state"_s, u"paused"_s))
            << u"state"_s;
        QTest::newRow("session: bad time")
            << u"session"_s << bytes(with(fake::tillSession(), u"openedAt"_s, u"today"_s))
            << u"openedAt"_s;
        QTest::newRow("list: bad date")
            << u"list"_s << bytes(with(fake::tillSessionList(), u"date"_s, u"3.12.2026"_s))
            << u"date"_s;
    }

    void documentsThatBreakTheContract()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, document);
        QFETCH(QString, path);
        std::optional<Error> error;
        const auto check = [&](const auto& result) {
            QVERIFY2(!result, "a document that breaks the contract was accepted");
            error = result.error();
        };
        if (type == u"report")
            check(TillReport::fromJson(document));
        else if (type == u"movement")
            check(TillMovement::fromJson(document));
        else if (type == u"status")
            check(TillStatus::fromJson(document));
        else if (type == u"session")
            check(TillSession::fromJson(document));
        else
            check(TillSessionList::fromJson(document));
        QVERIFY(error);
        QCOMPARE(error->path, path);
    }

    // --- requests ---

    void theStatusIsReadForTheWorkstation()
    {
        m_network->script("GET", fake::tillRoute, {FakeAnswer::json(200, fake::tillStatus(true))});
        const auto result = runJob(new TillStatusJob(m_client, u"berlin mitte"_s, u"ws/1"_s));
        QVERIFY(result && *result);
        QCOMPARE(lastRequest().method, QByteArray("GET"));
        // Keys are path segments: a space or slash cannot change the route.
        QCOMPARE(lastRequest().path, u"/stores/berlin%20mitte/workstations/ws%2F1/till"_s);
        QVERIFY((*result)->isOpen());
    }

    void openingSendsTheFloatCountWithTheKey()
    {
        m_network->script("POST", fake::tillOpenRoute,
                          {FakeAnswer::json(201, fake::tillSession())});
        const TillCount floatCount = count({{2000, 5}, {200, 20}, {50, 20}});
        const auto result = runJob(
            new OpenTillJob(m_client, fake::tillStore, fake::tillWorkstation, floatCount, "key-1"));
        QVERIFY(result && *result);
        QCOMPARE(lastRequest().path, u"/stores/berlin-mitte/workstations/ws-1/till/open"_s);
        QCOMPARE(lastRequest().idempotencyKey, QByteArray("key-1"));
        const QJsonObject body = parsed(lastRequest().body);
        QCOMPARE(TillCount::fromJson(body.value(u"float"_s).toObject()).value(), floatCount);
        QCOMPARE((*result)->floatTotal, eur(15000));
    }

    void aMovementSendsItsFieldsAndTheApproval()
    {
        m_network->script(
            "POST", fake::tillMovementsRoute,
            {FakeAnswer::json(
                201, fake::tillMovement(u"pay_out"_s, 6000, u"Supplier paid"_s, u"max"_s))});
        TillMovementRequest request;
        request.kind = TillMovementRequest::Kind::PayOut;
        request.amount = eur(6000);
        request.reason = u"Supplier paid"_s;
        request.note = u"Invoice 4711"_s;
        request.approval = TillApproval{u"max"_s, u"1234"_s};
        const auto result = runJob(new TillMovementJob(m_client, fake::tillStore,
                                                       fake::tillWorkstation, request, "key-2"));
        QVERIFY(result && *result);
        QCOMPARE(lastRequest().path, u"/stores/berlin-mitte/workstations/ws-1/till/movements"_s);
        QCOMPARE(lastRequest().idempotencyKey, QByteArray("key-2"));
        const QJsonObject body = parsed(lastRequest().body);
        QCOMPARE(body.value(u"kind"_s).toString(), u"pay_out"_s);
        QCOMPARE(body.value(u"amount"_s).toObject().value(u"centAmount"_s).toInteger(), 6000);
        QCOMPARE(body.value(u"reason"_s).toString(), u"Supplier paid"_s);
        QCOMPARE(body.value(u"note"_s).toString(), u"Invoice 4711"_s);
        QCOMPARE(body.value(u"approval"_s).toObject().value(u"username"_s).toString(), u"max"_s);
        QVERIFY(!body.contains(u"bagNumber"_s));
        QCOMPARE((*result)->approvedBy, u"max"_s);
    }

    void aSafeDropAndANoSaleSendWhatTheContractAsks()
    {
        TillMovementRequest drop;
        drop.kind = TillMovementRequest::Kind::SafeDrop;
        drop.amount = eur(5000);
        drop.bagNumber = u"B-17"_s;
        QJsonObject body = drop.toJson();
        QCOMPARE(body.value(u"reason"_s).toString(), u"safe_drop"_s);
        QCOMPARE(body.value(u"bagNumber"_s).toString(), u"B-17"_s);
        TillMovementRequest noSale;
        noSale.kind = TillMovementRequest::Kind::NoSale;
        noSale.reason = u"Check drawer"_s;
        body = noSale.toJson();
        QCOMPARE(body.value(u"kind"_s).toString(), u"no_sale"_s);
        QVERIFY(!body.contains(u"amount"_s));
        QVERIFY(!body.contains(u"approval"_s));
    }

    void aMovementsIdentityLeavesOutNoteAndApproval()
    {
        TillMovementRequest a;
        a.kind = TillMovementRequest::Kind::PayOut;
        a.amount = eur(6000);
        a.reason = u"Tip out"_s;
        TillMovementRequest b = a;
        b.note = u"for Sam"_s;
        b.approval = TillApproval{u"max"_s, u"1234"_s};
        QVERIFY(a.isSameMovement(b));
        b.amount = eur(6001);
        QVERIFY(!a.isSameMovement(b));
        b = a;
        b.reason = u"Petty cash"_s;
        QVERIFY(!a.isSameMovement(b));
    }

    void closingSendsTheCountReasonAndApproval()
    {
        m_network->script("POST", fake::tillCloseRoute,
                          {FakeAnswer::json(201, fake::tillZReport())});
        const TillCount counted = count({{2000, 4}, {200, 1}, {50, 10}});
        const auto result = runJob(new CloseTillJob(
            m_client, fake::tillStore, fake::tillWorkstation, counted, u"Change given wrongly"_s,
            TillApproval{u"max"_s, u"1234"_s}, "key-3"));
        QVERIFY(result && *result);
        QCOMPARE(lastRequest().path, u"/stores/berlin-mitte/workstations/ws-1/till/close"_s);
        QCOMPARE(lastRequest().idempotencyKey, QByteArray("key-3"));
        const QJsonObject body = parsed(lastRequest().body);
        QCOMPARE(TillCount::fromJson(body.value(u"count"_s).toObject()).value(), counted);
        QCOMPARE(body.value(u"reason"_s).toString(), u"Change given wrongly"_s);
        QCOMPARE(body.value(u"approval"_s).toObject().value(u"secret"_s).toString(), u"1234"_s);
        QCOMPARE((*result)->number, fake::tillZNumber);
    }

    void aBlindCloseSendsOnlyTheCount()
    {
        m_network->script("POST", fake::tillCloseRoute,
                          {FakeAnswer::json(201, fake::tillZReport())});
        const auto result =
            runJob(new CloseTillJob(m_client, fake::tillStore, fake::tillWorkstation,
                                    count({{2000, 4}}), {}, std::nullopt, "key-4"));
        QVERIFY(result && *result);
        const QJsonObject body = parsed(lastRequest().body);
        QCOMPARE(body.keys(), QStringList{u"count"_s});
    }

    void theManagersRoutes()
    {
        m_network->script("PUT", fake::tillExpectedFloatRoute,
                          {FakeAnswer::json(200, fake::tillStatus(false))});
        auto status = runJob(new SetExpectedFloatJob(m_client, fake::tillStore,
                                                     fake::tillWorkstation, eur(15000), "key-5"));
        QVERIFY(status && *status);
        QCOMPARE(lastRequest().method, QByteArray("PUT"));
        QCOMPARE(lastRequest().idempotencyKey, QByteArray("key-5"));
        QCOMPARE(parsed(lastRequest().body).value(u"amount"_s).toObject(), fake::tillMoney(15000));

        m_network->script("GET", fake::tillSessionsRoute,
                          {FakeAnswer::json(200, fake::tillSessionList())});
        auto list = runJob(new TillSessionsJob(m_client, fake::tillStore, QDate(2026, 12, 3)));
        QVERIFY(list && *list);
        QCOMPARE(lastRequest().path, u"/stores/berlin-mitte/till-sessions"_s);
        QCOMPARE((*list)->sessions.size(), 1);

        m_network->script("GET", fake::tillZReportRoute,
                          {FakeAnswer::json(200, fake::tillZReport())});
        auto z = runJob(new ZReportJob(m_client, fake::tillStore, fake::tillSessionId));
        QVERIFY(z && *z);
        QCOMPARE(lastRequest().path,
                 u"/stores/berlin-mitte/till-sessions/%1/z-report"_s.arg(fake::tillSessionId));
        QCOMPARE((*z)->number, fake::tillZNumber);
    }

    void theXReportIsRead()
    {
        m_network->script("GET", fake::tillXReportRoute,
                          {FakeAnswer::json(200, fake::tillXReport())});
        const auto result =
            runJob(new XReportJob(m_client, fake::tillStore, fake::tillWorkstation));
        QVERIFY(result && *result);
        QCOMPARE((*result)->expectedCash, eur(9000));
    }

    // --- answers that do not fit ---

    void aReportOfTheWrongKindIsInvalid()
    {
        m_network->script("GET", fake::tillXReportRoute,
                          {FakeAnswer::json(200, fake::tillZReport())});
        auto x = runJob(new XReportJob(m_client, fake::tillStore, fake::tillWorkstation));
        QVERIFY(x && !*x);
        QCOMPARE(x->error().code, ApiError::Code::InvalidResponse);
        m_network->script("POST", fake::tillCloseRoute,
                          {FakeAnswer::json(201, fake::tillXReport())});
        auto z = runJob(new CloseTillJob(m_client, fake::tillStore, fake::tillWorkstation,
                                         count({{2000, 4}}), {}, std::nullopt, "key"));
        QVERIFY(z && !*z);
        QCOMPARE(z->error().code, ApiError::Code::InvalidResponse);
    }

    void garbageIsInvalid()
    {
        FakeAnswer garbage;
        garbage.body = "<html>proxy</html>";
        m_network->script("GET", fake::tillRoute, {garbage});
        auto status = runJob(new TillStatusJob(m_client, fake::tillStore, fake::tillWorkstation));
        QVERIFY(status && !*status);
        QCOMPARE(status->error().code, ApiError::Code::InvalidResponse);
        m_network->script(
            "POST", fake::tillOpenRoute,
            {FakeAnswer::json(201, with(fake::tillSession(), u"float"_s, QJsonValue::Undefined))});
        auto open = runJob(new OpenTillJob(m_client, fake::tillStore, fake::tillWorkstation,
                                           count({{2000, 1}}), "key"));
        QVERIFY(open && !*open);
        QCOMPARE(open->error().code, ApiError::Code::InvalidResponse);
    }

    // --- refusals ---

    void theTillsCodesAreRecognisedAndExplained_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("till_not_open") << u"till_not_open"_s;
        QTest::newRow("till_already_open") << u"till_already_open"_s;
        QTest::newRow("till_busy") << u"till_busy"_s;
        QTest::newRow("insufficient_cash") << u"insufficient_cash"_s;
    }

    void theTillsCodesAreRecognisedAndExplained()
    {
        QFETCH(QString, code);
        FakeAnswer answer = FakeAnswer::json(
            409, {{u"code"_s, code},
                  {u"message"_s, u"english words"_s},
                  {u"details"_s, QJsonObject{{u"expectedCash"_s, fake::tillMoney(4000)}}}});
        m_network->script("POST", fake::tillMovementsRoute, {answer});
        TillMovementRequest request;
        request.kind = TillMovementRequest::Kind::PayOut;
        request.amount = eur(6000);
        request.reason = u"Tip out"_s;
        auto* job =
            new TillMovementJob(m_client, fake::tillStore, fake::tillWorkstation, request, "key");
        std::optional<Money> expectedCash;
        connect(job, &ApiJob::finished, this, [&] { expectedCash = job->expectedCash(); });
        const auto result = runJob(job);
        QVERIFY(result && !*result);
        const ApiError& error = result->error();
        QCOMPARE(error.code, ApiError::Code::Conflict);
        QCOMPARE(error.serverCode, code);
        QCOMPARE(isTillNotOpen(error), code == u"till_not_open");
        QCOMPARE(isTillAlreadyOpen(error), code == u"till_already_open");
        QCOMPARE(isTillBusy(error), code == u"till_busy");
        QCOMPARE(isInsufficientCash(error), code == u"insufficient_cash");
        // The app's words, not the server's English nor the generic "someone else changed this".
        QCOMPARE(error.message, ApiError::tillMessage(error));
        QVERIFY(!error.message.isEmpty());
        QVERIFY(error.message != ApiError::defaultMessage(ApiError::Code::Conflict));
        QVERIFY(!error.message.contains(u"english words"_s));
        QCOMPARE(expectedCash.has_value(), code == u"insufficient_cash");
        if (expectedCash)
            QCOMPARE(*expectedCash, eur(4000));
    }

    void anotherConflictIsNoTillCode()
    {
        const ApiError error = ApiError::make(ApiError::Code::Conflict, {});
        QVERIFY(!isTillNotOpen(error));
        QVERIFY(ApiError::tillMessage(error).isEmpty());
    }

    void aMovementNeedingAManagerSaysWhy()
    {
        m_network->script("POST", fake::tillMovementsRoute,
                          {fake::tillApprovalDemand(u"no_sale_count"_s)});
        TillMovementRequest request;
        request.kind = TillMovementRequest::Kind::NoSale;
        request.reason = u"Check drawer"_s;
        auto* job =
            new TillMovementJob(m_client, fake::tillStore, fake::tillWorkstation, request, "key");
        std::optional<TillApprovalDemand> demand;
        connect(job, &ApiJob::finished, this, [&] { demand = job->approvalNeeded(); });
        const auto result = runJob(job);
        QVERIFY(result && !*result);
        QCOMPARE(result->error().code, ApiError::Code::Forbidden);
        QVERIFY(demand);
        QVERIFY(!demand->denied);
        QCOMPARE(demand->reasons, QStringList{u"no_sale_count"_s});
        QVERIFY(!demand->expectedCash);
    }

    void aRefusedApprovalIsDenied()
    {
        m_network->script("POST", fake::tillMovementsRoute,
                          {fake::tillApprovalDemand(u"amount"_s, true)});
        TillMovementRequest request;
        request.kind = TillMovementRequest::Kind::PayOut;
        request.amount = eur(6000);
        request.reason = u"Tip out"_s;
        request.approval = TillApproval{u"max"_s, u"s3cr3t-9931"_s};
        auto* job =
            new TillMovementJob(m_client, fake::tillStore, fake::tillWorkstation, request, "key");
        std::optional<TillApprovalDemand> demand;
        connect(job, &ApiJob::finished, this, [&] { demand = job->approvalNeeded(); });
        const auto result = runJob(job);
        QVERIFY(result && !*result);
        QVERIFY(demand && demand->denied);
        // The secret never reaches what a colleague is shown.
        QVERIFY(!result->error().toDisplayString().contains(u"s3cr3t"_s));
    }

    void aCloseNeedingAManagerNamesTheDifference()
    {
        m_network->script("POST", fake::tillCloseRoute,
                          {fake::tillApprovalDemand(u"difference"_s)});
        auto* job =
            new CloseTillJob(m_client, fake::tillStore, fake::tillWorkstation,
                             count({{2000, 4}, {200, 1}, {50, 10}}), {}, std::nullopt, "key");
        std::optional<TillApprovalDemand> demand;
        connect(job, &ApiJob::finished, this, [&] { demand = job->approvalNeeded(); });
        const auto result = runJob(job);
        QVERIFY(result && !*result);
        QVERIFY(demand);
        QCOMPARE(demand->reasons, QStringList{u"difference"_s});
        QCOMPARE(*demand->expectedCash, eur(9000));
        QCOMPARE(*demand->counted, eur(8700));
        QCOMPARE(*demand->overShort, eur(-300));
    }

    void aForbiddenWithoutApprovalIsNoDemand()
    {
        m_network->script("POST", fake::tillCloseRoute, {FakeAnswer::error(403, u"forbidden"_s)});
        auto* job = new CloseTillJob(m_client, fake::tillStore, fake::tillWorkstation,
                                     count({{2000, 4}}), {}, std::nullopt, "key");
        std::optional<TillApprovalDemand> demand;
        connect(job, &ApiJob::finished, this, [&] { demand = job->approvalNeeded(); });
        const auto result = runJob(job);
        QVERIFY(result && !*result);
        QCOMPARE(result->error().code, ApiError::Code::Forbidden);
        QVERIFY(!demand);
    }
};

QTEST_GUILESS_MAIN(TestTillJobs)
#include "tst_tilljobs.moc"
