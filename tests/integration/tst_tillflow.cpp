// The app's side of the till (core/api/tilljobs, core/flows/tillday) against the real
// storedesk-server and the commercetools emulator: every document the server writes is read by
// the app's parsers, and TillDay drives a day — status, open, pay-in, a pay-out needing a
// manager (the same key), a safe drop, a no sale, the X report, the blind close short of the
// expected cash with a manager's approval, the Z report and the managers' day list and reprint.

#include "api/apiclient.h"
#include "api/sessionjobs.h"
#include "api/tilljobs.h"
#include "commercestack.h"
#include "flows/checkout.h"
#include "flows/tillday.h"
#include "jobwaiting.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace storedesk;
using storedesk::test::CommerceStack;
using storedesk::test::runJob;
using namespace Qt::StringLiterals;

using Operation = flows::TillDay::Operation;

namespace {

const QString store = u"berlin-mitte"_s;
const QString till = u"berlin-mitte-till-1"_s;
const QString till2 = u"berlin-mitte-till-2"_s;
const QString annaSecret = u"anna-Pa55-word"_s;
const QString maxSecret = u"max-Pa55-word"_s;

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

} // namespace

class TestTillFlow : public QObject {
    Q_OBJECT

private:
    CommerceStack m_stack;
    api::ApiClient m_client;
    api::ApiClient m_manager;

    bool logIn(api::ApiClient& client, const QString& user, const QString& secret,
               const QString& workstation)
    {
        client.setServerUrl(m_stack.serverUrl());
        const QByteArray token =
            m_stack.logIn(user, secret, workstation.isEmpty() ? QString() : store, workstation);
        client.setAccessToken(token);
        return !token.isEmpty();
    }

    // Waits until the flow has no request with the server (an open may be followed by a
    // refresh).
    static bool settles(flows::TillDay& day)
    {
        for (int i = 0; i < 30 && day.isBusy(); ++i) {
            QSignalSpy busy(&day, &flows::TillDay::busyChanged);
            busy.wait(1000);
        }
        return !day.isBusy();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_stack.startEmulator(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.seed(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.startDatabase(), qPrintable(m_stack.errorString()));
        QVERIFY(m_stack.addUser(u"anna"_s, annaSecret, {u"colleague"_s}, {store}));
        QVERIFY(m_stack.addUser(u"max"_s, maxSecret, {u"manager"_s}, {store}));
        QVERIFY2(m_stack.startServer(CommerceStack::fullScopes()),
                 qPrintable(m_stack.errorString()));
        QVERIFY(logIn(m_client, u"anna"_s, annaSecret, till));
        QVERIFY(logIn(m_manager, u"max"_s, maxSecret, {}));
    }

    void cleanupTestCase() { QCOMPARE(m_stack.stopServer(), 0); }

    void aDayAtTheTill()
    {
        flows::TillDay day(&m_client, store, till);
        QSignalSpy failed(&day, &flows::TillDay::failed);
        QSignalSpy unknown(&day, &flows::TillDay::outcomeUnknown);
        QSignalSpy approval(&day, &flows::TillDay::approvalNeeded);
        const auto noTrouble = [&] {
            return failed.isEmpty() && unknown.isEmpty() ? QByteArray()
                                                         : (failed.isEmpty() ? unknown : failed)
                                                               .first()
                                                               .at(1)
                                                               .value<api::ApiError>()
                                                               .toDisplayString()
                                                               .toUtf8();
        };

        // The status as the server writes it.
        day.refresh();
        QVERIFY(settles(day));
        QVERIFY2(noTrouble().isEmpty(), noTrouble().constData());
        QVERIFY(day.isKnown());
        QVERIFY(day.hasDrawer());
        QVERIFY(!day.isOpen());
        QCOMPARE(day.status()->currency, u"EUR"_s);
        QVERIFY(!day.status()->reasons.payOut.isEmpty());
        const api::TillStatus::Limits limits = day.status()->limits;
        QCOMPARE(limits.payOutApprovalAbove, eur(5000));

        // Open with 150.00: 5 × 20 €, 20 × 2 €, 20 × 50 ct.
        QSignalSpy opened(&day, &flows::TillDay::opened);
        day.open(count({{2000, 5}, {200, 20}, {50, 20}}));
        QVERIFY(settles(day));
        QVERIFY2(noTrouble().isEmpty(), noTrouble().constData());
        QCOMPARE(opened.count(), 1);
        QVERIFY(day.isOpen());
        QCOMPARE(day.session()->floatTotal, eur(15000));

        // Pay-in 20.00.
        QSignalSpy recorded(&day, &flows::TillDay::recorded);
        api::TillMovementRequest payIn;
        payIn.kind = api::TillMovementRequest::Kind::PayIn;
        payIn.amount = eur(2000);
        payIn.reason = day.status()->reasons.payIn.first();
        day.record(payIn);
        QVERIFY(settles(day));
        QVERIFY2(noTrouble().isEmpty(), noTrouble().constData());
        QCOMPARE(recorded.count(), 1);

        // Pay-out 60.00: above the limit, a manager approves the same movement.
        api::TillMovementRequest payOut;
        payOut.kind = api::TillMovementRequest::Kind::PayOut;
        payOut.amount = eur(6000);
        payOut.reason = day.status()->reasons.payOut.first();
        payOut.note = u"Invoice 4711"_s;
        day.record(payOut);
        QVERIFY(settles(day));
        QCOMPARE(approval.count(), 1);
        QCOMPARE(approval.first().at(1).value<api::TillApprovalDemand>().reasons,
                 QStringList{u"amount"_s});
        day.approveMovement(u"max"_s, u"not-the-secret"_s);
        QVERIFY(settles(day));
        QCOMPARE(approval.count(), 2);
        QVERIFY(day.approvalDemand()->denied);
        day.approveMovement(u"max"_s, maxSecret);
        QVERIFY(settles(day));
        QVERIFY2(noTrouble().isEmpty(), noTrouble().constData());
        QCOMPARE(recorded.count(), 2);
        QCOMPARE(recorded.last().at(0).value<api::TillMovement>().approvedBy, u"max"_s);

        // A safe drop of 50.00 and a no sale.
        api::TillMovementRequest drop;
        drop.kind = api::TillMovementRequest::Kind::SafeDrop;
        drop.amount = eur(5000);
        drop.bagNumber = u"B-17"_s;
        day.record(drop);
        QVERIFY(settles(day));
        api::TillMovementRequest noSale;
        noSale.kind = api::TillMovementRequest::Kind::NoSale;
        noSale.reason = day.status()->reasons.noSale.first();
        day.record(noSale);
        QVERIFY(settles(day));
        QVERIFY2(noTrouble().isEmpty(), noTrouble().constData());
        QCOMPARE(recorded.count(), 4);

        // A safe drop of more than the drawer holds: refused, nothing recorded.
        api::TillMovementRequest tooMuch = drop;
        tooMuch.amount = eur(100000);
        day.record(tooMuch);
        QVERIFY(settles(day));
        QCOMPARE(failed.count(), 1);
        QVERIFY(api::isInsufficientCash(failed.takeFirst().at(1).value<api::ApiError>()));
        QCOMPARE(day.pendingOperation(), Operation::None);

        // The X report: 150 + 20 − 60 − 50 = 60.00 expected.
        QSignalSpy xReady(&day, &flows::TillDay::xReportReady);
        day.requestXReport();
        QVERIFY(settles(day));
        QVERIFY2(noTrouble().isEmpty(), noTrouble().constData());
        const api::TillReport x = xReady.first().at(0).value<api::TillReport>();
        QCOMPARE(x.expectedCash, eur(6000));
        QCOMPARE(x.payIns, eur(2000));
        QCOMPARE(x.payOuts, eur(6000));
        QCOMPARE(x.safeDrops, eur(5000));
        QCOMPARE(x.noSalesCount, 1);
        QCOMPARE(x.movements.size(), 4);

        // The blind close: 52.00 counted, 8.00 short — more than the store allows.
        QSignalSpy closed(&day, &flows::TillDay::closed);
        const TillCount counted = count({{2000, 2}, {200, 6}});
        day.submitCount(counted);
        QVERIFY(settles(day));
        QCOMPARE(approval.count(), 3);
        const api::TillApprovalDemand demand = *day.approvalDemand();
        QCOMPARE(demand.reasons, QStringList{u"difference"_s});
        QCOMPARE(*demand.expectedCash, eur(6000));
        QCOMPARE(*demand.counted, eur(5200));
        QCOMPARE(*demand.overShort, eur(-800));
        day.approveClose(u"Change given wrongly"_s, u"max"_s, maxSecret);
        QVERIFY(settles(day));
        QVERIFY2(noTrouble().isEmpty(), noTrouble().constData());
        QCOMPARE(closed.count(), 1);
        const api::TillReport z = closed.first().at(0).value<api::TillReport>();
        QVERIFY(z.isZ());
        QVERIFY2(z.number.startsWith(store + u'-' + till + u"-Z"_s), qPrintable(z.number));
        QCOMPARE(*z.counted, eur(5200));
        QCOMPARE(*z.overShort, eur(-800));
        QCOMPARE(*z.count, counted);
        QCOMPARE(z.approvedBy, u"max"_s);
        QCOMPARE(z.differenceReason, u"Change given wrongly"_s);
        QVERIFY(!day.isOpen());

        // The managers' day list and the reprint read what the close wrote.
        const auto list = runJob(
            new api::TillSessionsJob(&m_manager, store, QDateTime::currentDateTimeUtc().date()));
        QVERIFY(list && *list);
        bool listed = false;
        for (const api::TillSession& session : (*list)->sessions)
            listed = listed || (session.zNumber == z.number && *session.overShort == eur(-800));
        QVERIFY(listed);
        const auto reprint = runJob(new api::ZReportJob(&m_manager, store, z.sessionId));
        QVERIFY(reprint && *reprint);
        QCOMPARE((*reprint)->number, z.number);
        QCOMPARE((*reprint)->expectedCash, eur(6000));

        // The expected float, set by the manager, shows in the colleague's status.
        const auto set = runJob(
            new api::SetExpectedFloatJob(&m_manager, store, till, eur(15000), "float-key-1"));
        QVERIFY2(set && *set, set && !*set ? qPrintable((*set).error().message) : "");
        QCOMPARE(*(*set)->expectedFloat, eur(15000));
        day.refresh();
        QVERIFY(settles(day));
        QCOMPARE(*day.status()->expectedFloat, eur(15000));
    }

    // Cash into a closed till (the payment gate): the checkout's attempt is refused in a way the
    // screen recognises, nothing is paid; after opening the till a new attempt (a new key) pays.
    void cashNeedsAnOpenTill()
    {
        api::ApiClient client;
        QVERIFY(logIn(client, u"anna"_s, annaSecret, till2));
        QTemporaryDir records;
        flows::Checkout checkout(&client, flows::PendingPayments(records.path()));
        checkout.setPlace(store, till2);
        QSignalSpy balance(&checkout, &flows::Checkout::balanceChanged);
        checkout.open(m_stack.newCart(store, 1));
        QVERIFY(balance.wait(30000));
        const Money open = checkout.balance()->openBalance;
        QVERIFY(!open.isZero());

        QSignalSpy finished(&checkout, &flows::Checkout::paymentFinished);
        QVERIFY(checkout.pay(api::PaymentRequest{u"cash"_s, open, open}));
        QVERIFY(finished.wait(30000));
        auto* refused = finished.first().at(0).value<flows::PaymentFlow*>();
        QCOMPARE(refused->stage(), flows::PaymentFlow::Stage::Refused);
        QVERIFY2(refused->isRefusedForClosedTill(), qPrintable(refused->message()));
        const QByteArray refusedKey = refused->attempt().idempotencyKey;
        QTRY_VERIFY(!checkout.isPaying());
        QCOMPARE(checkout.balance()->openBalance, open);

        flows::TillDay day(&client, store, till2);
        day.open(count({{2000, 5}}));
        QVERIFY(settles(day));
        QVERIFY(day.isOpen());

        QVERIFY(checkout.pay(api::PaymentRequest{u"cash"_s, open, open}));
        QVERIFY(finished.wait(30000));
        auto* paid = finished.last().at(0).value<flows::PaymentFlow*>();
        QCOMPARE(paid->stage(), flows::PaymentFlow::Stage::Succeeded);
        QVERIFY(paid->attempt().idempotencyKey != refusedKey);
    }
};

QTEST_GUILESS_MAIN(TestTillFlow)
#include "tst_tillflow.moc"
