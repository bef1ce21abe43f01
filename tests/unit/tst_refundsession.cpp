// The refund flow on its own (core/flows/refundsession), against a scripted fake of the server's
// order and refund routes: each stage a view renders, a manager's approval as the same attempt,
// and an outcome that is not known being asked about with the same Idempotency-Key — never
// refunded again.

#include "api/apiclient.h"
#include "fakenetwork.h"
#include "fakerefunds.h"
#include "flows/refundsession.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace storedesk;
using namespace storedesk::flows;
using storedesk::test::FakeAnswer;
using storedesk::test::FakeNetwork;
namespace fake = storedesk::test::fake;

using Stage = RefundSession::Stage;

namespace {

const QString store = QStringLiteral("berlin-mitte");

} // namespace

class TestRefundSession : public QObject {
    Q_OBJECT

private:
    FakeNetwork* m_network = nullptr;
    api::ApiClient* m_client = nullptr;
    RefundSession* m_session = nullptr;

    QList<test::FakeRequest> refundRequests() const
    {
        QList<test::FakeRequest> posts;
        for (const test::FakeRequest& request : m_network->requests()) {
            if (request.method == "POST" && request.path.endsWith(QLatin1StringView("/refunds")))
                posts << request;
        }
        return posts;
    }

    // Looks the fixture order up and chooses its one refundable espresso, damaged.
    void lookUpAndChoose()
    {
        m_session->lookUp(QStringLiteral("  ") + fake::refundOrderNumber + QStringLiteral("\n"));
        QCOMPARE(m_session->stage(), Stage::LookingUp);
        QVERIFY(m_session->isBusy());
        QTRY_COMPARE(m_session->stage(), Stage::Editing);
        QCOMPARE(m_session->orderNumber(), fake::refundOrderNumber);
        QVERIFY(m_session->setQuantity(fake::refundCoffeeLine, 1));
        m_session->setReason(QStringLiteral("damaged"));
        QVERIFY(m_session->draft().problem().isEmpty());
    }

private slots:
    void init()
    {
        m_network = new FakeNetwork(this);
        m_client = new api::ApiClient(this);
        m_client->setNetwork(m_network);
        m_client->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
        m_client->setAccessToken("token");
        m_client->setDefaultTimeout(std::chrono::milliseconds(300));
        m_network->script("GET", fake::orderLookupRoute,
                          {FakeAnswer::json(200, fake::orderLookup())});
        m_network->script("POST", fake::refundRoute, {FakeAnswer::json(201, fake::refundView())});
        m_session = new RefundSession(m_client, store, m_client);
    }

    void cleanup()
    {
        delete m_client;
        delete m_network;
    }

    void aFreshSessionIsEmpty()
    {
        QCOMPARE(m_session->stage(), Stage::Empty);
        QVERIFY(!m_session->hasOrder());
        QVERIFY(!m_session->result());
        QVERIFY(m_session->message().isEmpty());
        // Nothing to refund: nothing is sent.
        m_session->refund();
        QCOMPARE(m_session->stage(), Stage::Empty);
        QVERIFY(m_network->requests().isEmpty());
    }

    void aBlankNumberAsksForOneAndSendsNothing()
    {
        m_session->lookUp(QStringLiteral("   "));
        QCOMPARE(m_session->stage(), Stage::Empty);
        QCOMPARE(m_session->notice(), RefundSession::Notice::Warning);
        QVERIFY(!m_session->message().isEmpty());
        QVERIFY(m_network->requests().isEmpty());
    }

    void anUnknownOrderSaysSo()
    {
        m_network->script("GET", fake::orderLookupRoute,
                          {FakeAnswer::error(404, QStringLiteral("not_found"))});
        m_session->lookUp(QStringLiteral("B-2026-999999"));
        QTRY_COMPARE(m_session->stage(), Stage::Empty);
        QVERIFY(!m_session->hasOrder());
        QCOMPARE(m_session->notice(), RefundSession::Notice::Error);
        QVERIFY(!m_session->message().isEmpty());
    }

    void aRefundGoesBackOnce()
    {
        QSignalSpy shown(m_session, &RefundSession::orderShown);
        QSignalSpy refunded(m_session, &RefundSession::refunded);
        lookUpAndChoose();
        QCOMPARE(shown.count(), 1);
        QVERIFY(m_session->isEditable());
        QCOMPARE(*m_session->draft().total(), *Money::fromMinorUnits(2490, u"EUR"));
        m_session->refund();
        QCOMPARE(m_session->stage(), Stage::Refunding);
        QVERIFY(m_session->isUnsettled());
        // Nothing changes what is being refunded while the server has it.
        QVERIFY(!m_session->setQuantity(fake::refundCoffeeLine, 0));
        QTRY_COMPARE(m_session->stage(), Stage::Refunded);
        QCOMPARE(m_session->notice(), RefundSession::Notice::Success);
        QCOMPARE(refunded.count(), 1);
        QCOMPARE(m_session->result()->orderNumber, fake::refundOrderNumber);
        QCOMPARE(refundRequests().size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(refundRequests().first().body).object();
        QCOMPARE(body.value(QStringLiteral("reason")).toString(), QStringLiteral("damaged"));
        QVERIFY(!body.contains(QStringLiteral("approval")));
        // Refund again does nothing once refunded.
        m_session->refund();
        QCOMPARE(refundRequests().size(), 1);
    }

    void anIncompleteDraftSaysWhatIsMissing()
    {
        m_session->lookUp(fake::refundOrderNumber);
        QTRY_COMPARE(m_session->stage(), Stage::Editing);
        m_session->refund();
        QCOMPARE(m_session->stage(), Stage::Editing);
        QVERIFY(m_session->message().contains(QStringLiteral("how many")));
        QVERIFY(refundRequests().isEmpty());
        // More than is refundable is refused and changes nothing.
        QVERIFY(!m_session->setQuantity(fake::refundCoffeeLine, 2));
        QCOMPARE(m_session->draft().quantity(fake::refundCoffeeLine), 0);
    }

    void aManagerApprovesTheSameAttempt()
    {
        m_network->script("POST", fake::refundRoute,
                          {fake::approvalDemand(false), fake::approvalDemand(true),
                           FakeAnswer::json(201, fake::refundView())});
        lookUpAndChoose();
        m_session->refund();
        QTRY_COMPARE(m_session->stage(), Stage::AwaitingApproval);
        QVERIFY(m_session->approvalDemand());
        QCOMPARE(m_session->approvalDemand()->amount, Money::fromMinorUnits(2500, u"EUR").value());
        QVERIFY(m_session->approvalProblem().isEmpty());
        QCOMPARE(m_session->notice(), RefundSession::Notice::Warning);
        // While a manager looks at it, neither the choice nor the order changes.
        QVERIFY(!m_session->setQuantity(fake::refundCoffeeLine, 0));
        m_session->lookUp(QStringLiteral("B-2026-000124"));
        QCOMPARE(m_session->stage(), Stage::AwaitingApproval);
        QCOMPARE(m_session->orderNumber(), fake::refundOrderNumber);

        m_session->approve(QStringLiteral("max"), QStringLiteral("wrong"));
        QCOMPARE(m_session->stage(), Stage::Approving);
        QTRY_COMPARE(m_session->stage(), Stage::AwaitingApproval);
        QVERIFY(!m_session->approvalProblem().isEmpty());
        m_session->approve(QStringLiteral("max"), QStringLiteral("right"));
        QTRY_COMPARE(m_session->stage(), Stage::Refunded);

        const QList<test::FakeRequest> posts = refundRequests();
        QCOMPARE(posts.size(), 3);
        for (const test::FakeRequest& post : posts)
            QCOMPARE(post.idempotencyKey, posts.first().idempotencyKey);
        const QJsonObject approval = QJsonDocument::fromJson(posts.last().body)
                                         .object()
                                         .value(QStringLiteral("approval"))
                                         .toObject();
        QCOMPARE(approval.value(QStringLiteral("username")).toString(), QStringLiteral("max"));
    }

    void noApprovalMeansBackToEditingWithNothingRefunded()
    {
        m_network->script("POST", fake::refundRoute, {fake::approvalDemand(false)});
        lookUpAndChoose();
        m_session->refund();
        QTRY_COMPARE(m_session->stage(), Stage::AwaitingApproval);
        m_session->cancelApproval();
        QCOMPARE(m_session->stage(), Stage::Editing);
        QVERIFY(!m_session->approvalDemand());
        QVERIFY(m_session->message().contains(QStringLiteral("no manager")));
        QCOMPARE(refundRequests().size(), 1);
    }

    void aLostAnswerIsAskedAboutWithTheSameKey()
    {
        // The first answer never comes (time-out); the check is answered with the refund.
        m_network->script("POST", fake::refundRoute,
                          {FakeAnswer::silence(), FakeAnswer::json(201, fake::refundView())});
        QSignalSpy refunded(m_session, &RefundSession::refunded);
        lookUpAndChoose();
        m_session->refund();
        QTRY_COMPARE(m_session->stage(), Stage::OutcomeUnknown);
        QVERIFY(m_session->isUnsettled());
        QCOMPARE(m_session->notice(), RefundSession::Notice::Warning);
        QVERIFY(m_session->message().contains(QStringLiteral("not known")));
        // Neither another order nor another choice while the outcome is open.
        QVERIFY(!m_session->setQuantity(fake::refundBagLine, 1));
        m_session->setReason(QStringLiteral("other"));
        QCOMPARE(m_session->draft().reason(), QStringLiteral("damaged"));
        m_session->lookUp(QStringLiteral("B-2026-000124"));
        QCOMPARE(m_session->stage(), Stage::OutcomeUnknown);
        QCOMPARE(m_network->count("GET", fake::orderLookupRoute), 1);

        m_session->refund(); // "Check outcome"
        QCOMPARE(m_session->stage(), Stage::Checking);
        QTRY_COMPARE(m_session->stage(), Stage::Refunded);
        QCOMPARE(refunded.count(), 1);
        const QList<test::FakeRequest> posts = refundRequests();
        QCOMPARE(posts.size(), 2);
        QVERIFY(!posts.first().idempotencyKey.isEmpty());
        QCOMPARE(posts.last().idempotencyKey, posts.first().idempotencyKey);
        QCOMPARE(posts.last().body, posts.first().body);
    }

    void cancellingARefundChecksItRatherThanDroppingIt()
    {
        m_network->script("POST", fake::refundRoute,
                          {FakeAnswer::silence(), FakeAnswer::json(201, fake::refundView())});
        m_client->setDefaultTimeout(std::chrono::milliseconds(30000));
        lookUpAndChoose();
        m_session->refund();
        QCOMPARE(m_session->stage(), Stage::Refunding);
        QTRY_COMPARE(refundRequests().size(), 1);
        m_session->cancel();
        // The same attempt is asked about at once, and answered with the refund.
        QTRY_COMPARE(m_session->stage(), Stage::Refunded);
        const QList<test::FakeRequest> posts = refundRequests();
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts.last().idempotencyKey, posts.first().idempotencyKey);
    }

    void cancellingTheCheckLeavesTheOutcomeOpen()
    {
        m_network->script("POST", fake::refundRoute,
                          {FakeAnswer::silence(), FakeAnswer::silence(),
                           FakeAnswer::json(201, fake::refundView())});
        m_client->setDefaultTimeout(std::chrono::milliseconds(30000));
        lookUpAndChoose();
        m_session->refund();
        QTRY_COMPARE(refundRequests().size(), 1);
        m_session->cancel();
        QTRY_COMPARE(refundRequests().size(), 2);
        m_session->cancel();
        QTRY_COMPARE(m_session->stage(), Stage::OutcomeUnknown);
        QVERIFY(m_session->message().contains(QStringLiteral("Check outcome")));
        m_session->refund();
        QTRY_COMPARE(m_session->stage(), Stage::Refunded);
        const QList<test::FakeRequest> posts = refundRequests();
        QCOMPARE(posts.size(), 3);
        QCOMPARE(posts.last().idempotencyKey, posts.first().idempotencyKey);
    }

    void aClearRefusalLetsTheChoiceChange()
    {
        m_network->script("POST", fake::refundRoute,
                          {FakeAnswer::error(409, QStringLiteral("conflict"))});
        lookUpAndChoose();
        m_session->refund();
        QTRY_COMPARE(m_session->stage(), Stage::Editing);
        QCOMPARE(m_session->notice(), RefundSession::Notice::Error);
        QVERIFY(!m_session->isUnsettled());
        QVERIFY(m_session->setQuantity(fake::refundBagLine, 1));
    }

    // A cash share into a closed till: nothing moved, the screen can offer opening the till, and
    // the refund after that is a new attempt (the refusal stays the old key's answer).
    void aRefundIntoAClosedTillIsRefusedAndTheNextTryIsNew()
    {
        m_network->script("POST", fake::refundRoute,
                          {FakeAnswer::error(409, QStringLiteral("till_not_open")),
                           FakeAnswer::json(201, fake::refundView())});
        lookUpAndChoose();
        m_session->refund();
        QTRY_COMPARE(m_session->stage(), Stage::Editing);
        QVERIFY(m_session->isRefusedForClosedTill());
        QCOMPARE(m_session->notice(), RefundSession::Notice::Error);
        QVERIFY(m_session->message().startsWith(api::ApiError::tillMessage(*m_session->refusal())));
        QVERIFY(!m_session->isUnsettled());
        m_session->refund();
        QVERIFY(!m_session->isRefusedForClosedTill());
        QTRY_COMPARE(m_session->stage(), Stage::Refunded);
        const QList<test::FakeRequest> posts = refundRequests();
        QCOMPARE(posts.size(), 2);
        QVERIFY(posts.at(1).idempotencyKey != posts.at(0).idempotencyKey);
    }

    void anotherClearRefusalIsNoClosedTill()
    {
        m_network->script("POST", fake::refundRoute,
                          {FakeAnswer::error(409, QStringLiteral("conflict"))});
        lookUpAndChoose();
        m_session->refund();
        QTRY_COMPARE(m_session->stage(), Stage::Editing);
        QVERIFY(m_session->refusal());
        QVERIFY(!m_session->isRefusedForClosedTill());
    }

    void anotherOrderAfterARefundStartsAfresh()
    {
        lookUpAndChoose();
        m_session->refund();
        QTRY_COMPARE(m_session->stage(), Stage::Refunded);
        m_session->lookUp(fake::refundOrderNumber);
        QCOMPARE(m_session->stage(), Stage::LookingUp);
        QVERIFY(!m_session->result());
        QVERIFY(!m_session->hasOrder());
        QTRY_COMPARE(m_session->stage(), Stage::Editing);
        QCOMPARE(m_session->draft().chosenUnits(), 0);
        QVERIFY(m_session->draft().reason().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRefundSession)
#include "tst_refundsession.moc"
