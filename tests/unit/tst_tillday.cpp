// The till's day on its own (core/flows/tillday), against a scripted fake of the server's till
// routes: the status, opening, movements with a manager's approval as the same attempt, an
// outcome that is not known asked about again with the same Idempotency-Key, a new key once the
// request changed or ended, and the blind close that never shows the expected cash before the
// count was submitted.

#include "api/apiclient.h"
#include "faketill.h"
#include "flows/tillday.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace storedesk;
using namespace storedesk::flows;
using storedesk::test::FakeAnswer;
using storedesk::test::FakeNetwork;
using storedesk::test::FakeRequest;
namespace fake = storedesk::test::fake;
using namespace Qt::StringLiterals;

using Operation = TillDay::Operation;

namespace {

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

const TillCount floatCount = count({{2000, 5}, {200, 20}, {50, 20}});
const TillCount closingCount = count({{2000, 4}, {200, 1}, {50, 10}});

QJsonObject body(const FakeRequest& request)
{
    return QJsonDocument::fromJson(request.body).object();
}

api::TillMovementRequest payOut(qint64 cents)
{
    api::TillMovementRequest request;
    request.kind = api::TillMovementRequest::Kind::PayOut;
    request.amount = eur(cents);
    request.reason = u"Supplier paid"_s;
    return request;
}

} // namespace

class TestTillDay : public QObject {
    Q_OBJECT

private:
    FakeNetwork* m_network = nullptr;
    api::ApiClient* m_client = nullptr;
    TillDay* m_day = nullptr;

    QList<FakeRequest> requestsTo(const QByteArray& method, const QString& suffix) const
    {
        QList<FakeRequest> found;
        for (const FakeRequest& request : m_network->requests()) {
            if (request.method == method && request.path.endsWith(suffix))
                found << request;
        }
        return found;
    }

    void refreshTo(bool open)
    {
        m_network->script("GET", fake::tillRoute, {FakeAnswer::json(200, fake::tillStatus(open))});
        QSignalSpy changed(m_day, &TillDay::statusChanged);
        m_day->refresh();
        QVERIFY(changed.wait());
        QCOMPARE(m_day->isOpen(), open);
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<TillDay::Operation>();
        qRegisterMetaType<api::ApiError>();
        qRegisterMetaType<api::TillApprovalDemand>();
    }

    void init()
    {
        m_network = new FakeNetwork(this);
        m_client = new api::ApiClient(this);
        m_client->setNetwork(m_network);
        m_client->setServerUrl(QUrl(u"http://127.0.0.1:9"_s));
        m_client->setAccessToken("token");
        m_client->setDefaultTimeout(std::chrono::milliseconds(300));
        m_day = new TillDay(m_client, fake::tillStore, fake::tillWorkstation, m_client);
    }

    void cleanup()
    {
        delete m_client;
        delete m_network;
    }

    void theStatusIsUnknownUntilRead()
    {
        QVERIFY(!m_day->isKnown());
        QVERIFY(!m_day->isOpen());
        QVERIFY(!m_day->hasDrawer());
        QSignalSpy busy(m_day, &TillDay::busyChanged);
        refreshTo(true);
        QVERIFY(m_day->isKnown());
        QVERIFY(m_day->hasDrawer());
        QCOMPARE(m_day->session()->id, fake::tillSessionId);
        QCOMPARE(m_day->status()->reasons.payOut.size(), 3);
        QCOMPARE(busy.count(), 2); // busy, then not
        QVERIFY(!m_day->isBusy());
    }

    void openingTakesTheCountedFloat()
    {
        refreshTo(false);
        m_network->script("POST", fake::tillOpenRoute,
                          {FakeAnswer::json(201, fake::tillSession())});
        QSignalSpy opened(m_day, &TillDay::opened);
        QSignalSpy changed(m_day, &TillDay::statusChanged);
        m_day->open(floatCount);
        QVERIFY(m_day->isBusy());
        QCOMPARE(m_day->busyWith(), Operation::Open);
        QVERIFY(opened.wait());
        QVERIFY(m_day->isOpen());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_day->pendingOperation(), Operation::None);
        const QList<FakeRequest> posts = requestsTo("POST", u"/till/open"_s);
        QCOMPARE(posts.size(), 1);
        QVERIFY(!posts.first().idempotencyKey.isEmpty());
        QCOMPARE(TillCount::fromJson(body(posts.first()).value(u"float"_s).toObject()).value(),
                 floatCount);
    }

    void anUnclearOpenIsAskedAgainWithTheSameKey()
    {
        refreshTo(false);
        m_network->script("POST", fake::tillOpenRoute,
                          {FakeAnswer::silence(), FakeAnswer::json(201, fake::tillSession())});
        QSignalSpy unknown(m_day, &TillDay::outcomeUnknown);
        QSignalSpy opened(m_day, &TillDay::opened);
        QSignalSpy failed(m_day, &TillDay::failed);
        m_day->open(floatCount);
        QVERIFY(unknown.wait());
        QCOMPARE(unknown.first().at(0).value<Operation>(), Operation::Open);
        QCOMPARE(unknown.first().at(1).value<api::ApiError>().code, api::ApiError::Code::Timeout);
        QVERIFY(m_day->isOutcomeUnknown());
        QCOMPARE(m_day->pendingOperation(), Operation::Open);
        QVERIFY(!m_day->isOpen()); // not guessed

        // Nothing else may happen to the till until this is settled; dropping it is not allowed.
        m_day->open(count({{2000, 1}}));
        m_day->submitCount(closingCount);
        QCOMPARE(failed.count(), 2);
        m_day->abandon();
        QVERIFY(m_day->isOutcomeUnknown());
        QCOMPARE(requestsTo("POST", u"/till/open"_s).size(), 1);

        m_day->retry();
        QVERIFY(opened.wait());
        QVERIFY(m_day->isOpen());
        QVERIFY(!m_day->isOutcomeUnknown());
        const QList<FakeRequest> posts = requestsTo("POST", u"/till/open"_s);
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts.at(1).idempotencyKey, posts.at(0).idempotencyKey);
        QCOMPARE(posts.at(1).body, posts.at(0).body);
    }

    void theSameCountAskedAgainIsTheSameAttempt()
    {
        refreshTo(false);
        m_network->script("POST", fake::tillOpenRoute,
                          {FakeAnswer::broken(), FakeAnswer::json(201, fake::tillSession())});
        QSignalSpy unknown(m_day, &TillDay::outcomeUnknown);
        QSignalSpy opened(m_day, &TillDay::opened);
        m_day->open(floatCount);
        QVERIFY(unknown.wait());
        m_day->open(floatCount); // the colleague presses Open again
        QVERIFY(opened.wait());
        const QList<FakeRequest> posts = requestsTo("POST", u"/till/open"_s);
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts.at(1).idempotencyKey, posts.at(0).idempotencyKey);
    }

    void aRefusedOpenEndsTheAttempt()
    {
        refreshTo(false);
        m_network->script("POST", fake::tillOpenRoute,
                          {FakeAnswer::error(400, u"invalid_input"_s),
                           FakeAnswer::json(201, fake::tillSession())});
        QSignalSpy failed(m_day, &TillDay::failed);
        QSignalSpy opened(m_day, &TillDay::opened);
        m_day->open(floatCount);
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).value<Operation>(), Operation::Open);
        QCOMPARE(m_day->pendingOperation(), Operation::None);
        m_day->open(floatCount);
        QVERIFY(opened.wait());
        const QList<FakeRequest> posts = requestsTo("POST", u"/till/open"_s);
        QCOMPARE(posts.size(), 2);
        QVERIFY(posts.at(1).idempotencyKey != posts.at(0).idempotencyKey);
    }

    void anOpenTillElsewhereRefreshesTheStatus()
    {
        refreshTo(false);
        m_network->script("POST", fake::tillOpenRoute,
                          {FakeAnswer::error(409, u"till_already_open"_s)});
        m_network->script("GET", fake::tillRoute, {FakeAnswer::json(200, fake::tillStatus(true))});
        QSignalSpy failed(m_day, &TillDay::failed);
        m_day->open(floatCount);
        QVERIFY(failed.wait());
        QVERIFY(api::isTillAlreadyOpen(failed.first().at(1).value<api::ApiError>()));
        QTRY_VERIFY(m_day->isOpen());
    }

    void aBadCountIsRefusedBeforeSending()
    {
        refreshTo(false);
        QSignalSpy failed(m_day, &TillDay::failed);
        m_day->open(count({{300, 1}})); // no such euro note
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(1).value<api::ApiError>().code,
                 api::ApiError::Code::InvalidInput);
        QVERIFY(requestsTo("POST", u"/till/open"_s).isEmpty());
    }

    void aMovementWithApprovalIsOneAttempt()
    {
        refreshTo(true);
        m_network->script(
            "POST", fake::tillMovementsRoute,
            {fake::tillApprovalDemand(u"amount"_s),
             FakeAnswer::json(
                 201, fake::tillMovement(u"pay_out"_s, 6000, u"Supplier paid"_s, u"max"_s))});
        QSignalSpy approval(m_day, &TillDay::approvalNeeded);
        QSignalSpy recorded(m_day, &TillDay::recorded);
        m_day->record(payOut(6000));
        QVERIFY(approval.wait());
        QCOMPARE(approval.first().at(0).value<Operation>(), Operation::Movement);
        QCOMPARE(approval.first().at(1).value<api::TillApprovalDemand>().reasons,
                 QStringList{u"amount"_s});
        QCOMPARE(m_day->pendingOperation(), Operation::Movement);
        QVERIFY(m_day->approvalDemand());

        m_day->approveMovement(u"max"_s, u"1234"_s);
        QVERIFY(recorded.wait());
        QCOMPARE(recorded.first().at(0).value<api::TillMovement>().approvedBy, u"max"_s);
        QCOMPARE(m_day->pendingOperation(), Operation::None);
        QVERIFY(!m_day->approvalDemand());

        const QList<FakeRequest> posts = requestsTo("POST", u"/till/movements"_s);
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts.at(1).idempotencyKey, posts.at(0).idempotencyKey);
        QVERIFY(!body(posts.at(0)).contains(u"approval"_s));
        QCOMPARE(body(posts.at(1)).value(u"approval"_s).toObject().value(u"username"_s).toString(),
                 u"max"_s);

        // The next movement is another attempt.
        m_day->record(payOut(6000));
        QVERIFY(recorded.wait());
        const QList<FakeRequest> after = requestsTo("POST", u"/till/movements"_s);
        QCOMPARE(after.size(), 3);
        QVERIFY(after.at(2).idempotencyKey != after.at(0).idempotencyKey);
    }

    void aRefusedApprovalWaitsForAnother()
    {
        refreshTo(true);
        m_network->script(
            "POST", fake::tillMovementsRoute,
            {fake::tillApprovalDemand(u"amount"_s), fake::tillApprovalDemand(u"amount"_s, true),
             FakeAnswer::json(
                 201, fake::tillMovement(u"pay_out"_s, 6000, u"Supplier paid"_s, u"max"_s))});
        QSignalSpy approval(m_day, &TillDay::approvalNeeded);
        QSignalSpy recorded(m_day, &TillDay::recorded);
        m_day->record(payOut(6000));
        QVERIFY(approval.wait());
        m_day->approveMovement(u"max"_s, u"wrong"_s);
        QVERIFY(approval.wait());
        QVERIFY(approval.at(1).at(1).value<api::TillApprovalDemand>().denied);
        QVERIFY(m_day->approvalDemand()->denied);
        // The approval handed in with the request itself goes the same way.
        api::TillMovementRequest again = payOut(6000);
        again.note = u"second manager"_s;
        again.approval = api::TillApproval{u"eva"_s, u"5678"_s};
        m_day->record(again);
        QVERIFY(recorded.wait());
        const QList<FakeRequest> posts = requestsTo("POST", u"/till/movements"_s);
        QCOMPARE(posts.size(), 3);
        QCOMPARE(posts.at(1).idempotencyKey, posts.at(0).idempotencyKey);
        QCOMPARE(posts.at(2).idempotencyKey, posts.at(0).idempotencyKey);
        QCOMPARE(body(posts.at(2)).value(u"note"_s).toString(), u"second manager"_s);
    }

    void anotherAmountWhileAwaitingApprovalIsANewAttempt()
    {
        refreshTo(true);
        m_network->script(
            "POST", fake::tillMovementsRoute,
            {fake::tillApprovalDemand(u"amount"_s),
             FakeAnswer::json(201, fake::tillMovement(u"pay_out"_s, 4000, u"Supplier paid"_s))});
        QSignalSpy approval(m_day, &TillDay::approvalNeeded);
        QSignalSpy recorded(m_day, &TillDay::recorded);
        m_day->record(payOut(6000));
        QVERIFY(approval.wait());
        m_day->record(payOut(4000)); // below the limit: no manager needed
        QVERIFY(recorded.wait());
        const QList<FakeRequest> posts = requestsTo("POST", u"/till/movements"_s);
        QCOMPARE(posts.size(), 2);
        QVERIFY(posts.at(1).idempotencyKey != posts.at(0).idempotencyKey);
    }

    void anUnclearMovementIsAskedAgainWithTheSameKey()
    {
        refreshTo(true);
        m_network->script(
            "POST", fake::tillMovementsRoute,
            {FakeAnswer::error(503, u"upstream_unavailable"_s),
             FakeAnswer::json(201, fake::tillMovement(u"pay_out"_s, 6000, u"Supplier paid"_s))});
        QSignalSpy unknown(m_day, &TillDay::outcomeUnknown);
        QSignalSpy recorded(m_day, &TillDay::recorded);
        QSignalSpy failed(m_day, &TillDay::failed);
        m_day->record(payOut(6000));
        QVERIFY(unknown.wait());
        QVERIFY(m_day->isOutcomeUnknown());
        m_day->record(payOut(5000)); // another movement must wait
        QCOMPARE(failed.count(), 1);
        m_day->retry();
        QVERIFY(recorded.wait());
        const QList<FakeRequest> posts = requestsTo("POST", u"/till/movements"_s);
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts.at(1).idempotencyKey, posts.at(0).idempotencyKey);
    }

    void aMovementIntoAClosedTillRefreshesTheStatus()
    {
        refreshTo(true);
        m_network->script("POST", fake::tillMovementsRoute,
                          {FakeAnswer::error(409, u"till_not_open"_s)});
        m_network->script("GET", fake::tillRoute, {FakeAnswer::json(200, fake::tillStatus(false))});
        QSignalSpy failed(m_day, &TillDay::failed);
        m_day->record(payOut(1000));
        QVERIFY(failed.wait());
        QVERIFY(api::isTillNotOpen(failed.first().at(1).value<api::ApiError>()));
        QCOMPARE(m_day->pendingOperation(), Operation::None);
        QTRY_VERIFY(!m_day->isOpen());
    }

    void movementsCheckedBeforeSending()
    {
        refreshTo(true);
        QSignalSpy failed(m_day, &TillDay::failed);
        m_day->record(payOut(0));
        api::TillMovementRequest drop;
        drop.kind = api::TillMovementRequest::Kind::SafeDrop;
        drop.amount = eur(5000);
        m_day->record(drop); // no bag number
        QCOMPARE(failed.count(), 2);
        QVERIFY(requestsTo("POST", u"/till/movements"_s).isEmpty());
    }

    void theXReport()
    {
        refreshTo(true);
        m_network->script("GET", fake::tillXReportRoute,
                          {FakeAnswer::json(200, fake::tillXReport())});
        QSignalSpy ready(m_day, &TillDay::xReportReady);
        m_day->requestXReport();
        QVERIFY(ready.wait());
        QCOMPARE(ready.first().at(0).value<api::TillReport>().expectedCash, eur(9000));
        QCOMPARE(m_day->lastReport()->kind, api::TillReport::Kind::X);
    }

    void aBlindCloseWithADifferenceNeedsAManager()
    {
        refreshTo(true);
        m_network->script("POST", fake::tillCloseRoute,
                          {fake::tillApprovalDemand(u"difference"_s),
                           FakeAnswer::json(201, fake::tillZReport())});
        // Before the count is submitted nothing of the flow knows the expected cash: it never
        // asked for a report, and the status carries none.
        QVERIFY(!m_day->approvalDemand());
        QVERIFY(!m_day->lastReport());
        QVERIFY(requestsTo("GET", u"/till/x-report"_s).isEmpty());

        QSignalSpy approval(m_day, &TillDay::approvalNeeded);
        QSignalSpy closed(m_day, &TillDay::closed);
        m_day->submitCount(closingCount);
        QCOMPARE(m_day->busyWith(), Operation::Close);
        QVERIFY(approval.wait());
        QCOMPARE(approval.first().at(0).value<Operation>(), Operation::Close);
        const api::TillApprovalDemand demand = *m_day->approvalDemand();
        QCOMPARE(*demand.expectedCash, eur(9000));
        QCOMPARE(*demand.counted, eur(8700));
        QCOMPARE(*demand.overShort, eur(-300));
        QVERIFY(m_day->isOpen());

        m_day->approveClose(u"Change given wrongly"_s, u"max"_s, u"1234"_s);
        QVERIFY(closed.wait());
        const api::TillReport z = closed.first().at(0).value<api::TillReport>();
        QCOMPARE(z.number, fake::tillZNumber);
        QCOMPARE(*z.overShort, eur(-300));
        QCOMPARE(m_day->lastReport()->number, fake::tillZNumber);
        QVERIFY(!m_day->isOpen());
        QCOMPARE(m_day->pendingOperation(), Operation::None);
        QVERIFY(!m_day->approvalDemand());

        const QList<FakeRequest> posts = requestsTo("POST", u"/till/close"_s);
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts.at(1).idempotencyKey, posts.at(0).idempotencyKey);
        QCOMPARE(body(posts.at(0)).keys(), QStringList{u"count"_s});
        QCOMPARE(body(posts.at(1)).value(u"reason"_s).toString(), u"Change given wrongly"_s);
        QCOMPARE(body(posts.at(1)).value(u"approval"_s).toObject().value(u"username"_s).toString(),
                 u"max"_s);
        QCOMPARE(TillCount::fromJson(body(posts.at(1)).value(u"count"_s).toObject()).value(),
                 closingCount);
    }

    void aRecountIsANewClose()
    {
        refreshTo(true);
        m_network->script("POST", fake::tillCloseRoute,
                          {fake::tillApprovalDemand(u"difference"_s),
                           FakeAnswer::json(201, fake::tillZReport())});
        QSignalSpy approval(m_day, &TillDay::approvalNeeded);
        QSignalSpy closed(m_day, &TillDay::closed);
        m_day->submitCount(closingCount);
        QVERIFY(approval.wait());
        // The colleague counts again and finds the missing coins.
        m_day->submitCount(count({{2000, 4}, {200, 2}, {50, 12}}));
        QVERIFY(closed.wait());
        const QList<FakeRequest> posts = requestsTo("POST", u"/till/close"_s);
        QCOMPARE(posts.size(), 2);
        QVERIFY(posts.at(1).idempotencyKey != posts.at(0).idempotencyKey);
    }

    void anUnclearCloseIsAskedAgainWithTheSameKey()
    {
        refreshTo(true);
        m_network->script("POST", fake::tillCloseRoute,
                          {FakeAnswer::silence(), FakeAnswer::json(201, fake::tillZReport())});
        QSignalSpy unknown(m_day, &TillDay::outcomeUnknown);
        QSignalSpy closed(m_day, &TillDay::closed);
        m_day->submitCount(closingCount);
        QVERIFY(unknown.wait());
        QVERIFY(m_day->isOpen()); // not guessed either way
        m_day->retry();
        QVERIFY(closed.wait());
        const QList<FakeRequest> posts = requestsTo("POST", u"/till/close"_s);
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts.at(1).idempotencyKey, posts.at(0).idempotencyKey);
        QVERIFY(!m_day->isOpen());
    }

    void aBusyTillIsRefusedAndTheNextCloseIsNew()
    {
        refreshTo(true);
        m_network->script(
            "POST", fake::tillCloseRoute,
            {FakeAnswer::error(409, u"till_busy"_s), FakeAnswer::json(201, fake::tillZReport())});
        QSignalSpy failed(m_day, &TillDay::failed);
        QSignalSpy closed(m_day, &TillDay::closed);
        m_day->submitCount(closingCount);
        QVERIFY(failed.wait());
        QVERIFY(api::isTillBusy(failed.first().at(1).value<api::ApiError>()));
        m_day->submitCount(closingCount);
        QVERIFY(closed.wait());
        const QList<FakeRequest> posts = requestsTo("POST", u"/till/close"_s);
        QVERIFY(posts.at(1).idempotencyKey != posts.at(0).idempotencyKey);
    }

    void oneRequestAtATime()
    {
        refreshTo(true);
        m_network->script("GET", fake::tillXReportRoute,
                          {FakeAnswer::json(200, fake::tillXReport(), 200)});
        QSignalSpy failed(m_day, &TillDay::failed);
        QSignalSpy ready(m_day, &TillDay::xReportReady);
        m_day->requestXReport();
        m_day->submitCount(closingCount);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(0).value<Operation>(), Operation::Close);
        QVERIFY(ready.wait());
        QVERIFY(requestsTo("POST", u"/till/close"_s).isEmpty());
    }

    void anotherWorkstationForgetsEverything()
    {
        refreshTo(true);
        m_network->script("POST", fake::tillCloseRoute,
                          {fake::tillApprovalDemand(u"difference"_s)});
        QSignalSpy approval(m_day, &TillDay::approvalNeeded);
        m_day->submitCount(closingCount);
        QVERIFY(approval.wait());
        m_day->setWorkstation(fake::tillStore, u"ws-2"_s);
        QVERIFY(!m_day->isKnown());
        QVERIFY(!m_day->approvalDemand());
        QCOMPARE(m_day->pendingOperation(), Operation::None);
        QCOMPARE(m_day->workstationId(), u"ws-2"_s);
    }
};

QTEST_GUILESS_MAIN(TestTillDay)
#include "tst_tillday.moc"
