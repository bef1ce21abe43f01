// The cash drawer on its own (core/flows/cashdrawer): a pulse goes to the receipt printer (the
// fake ESC/POS printer on loopback, the only device double) and each opening is recorded at the
// server (a scripted fake of the drawer-openings route) with its reason and reference; an unclear
// answer is asked again with the same Idempotency-Key, and one the server could not take is kept
// and sent again later; a printer that cannot kick the drawer says so in words and nothing is
// recorded; the printer's "drawer open" status is passed on.

#include "api/apiclient.h"
#include "fakeescposprinter.h"
#include "fakenetwork.h"
#include "flows/cashdrawer.h"
#include "hardware/escposprinter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace storedesk;
using namespace storedesk::flows;
using storedesk::test::FakeAnswer;
using storedesk::test::FakeNetwork;
using storedesk::test::FakeRequest;
using storedesk::testing::EscPosDocument;
using storedesk::testing::FakeEscPosPrinter;
using namespace Qt::StringLiterals;
using Reason = CashDrawer::Reason;

namespace {

const QString route = u"/stores/berlin-mitte/workstations/berlin-mitte-till-1/drawer-openings"_s;

FakeAnswer recorded(const QString& reason, const QString& reference)
{
    return FakeAnswer::json(201, QJsonObject{{u"id"_s, u"drawer-1"_s},
                                             {u"at"_s, u"2026-12-04T10:00:00Z"_s},
                                             {u"reason"_s, reason},
                                             {u"reference"_s, reference}});
}

} // namespace

class TestCashDrawer : public QObject {
    Q_OBJECT

private:
    FakeNetwork* m_network = nullptr;
    api::ApiClient* m_client = nullptr;
    FakeEscPosPrinter* m_device = nullptr;
    hardware::EscPosPrinter* m_printer = nullptr;
    CashDrawer* m_drawer = nullptr;

    QList<FakeRequest> audits() const
    {
        QList<FakeRequest> found;
        for (const FakeRequest& request : m_network->requests()) {
            if (request.method == "POST" && request.path == route)
                found << request;
        }
        return found;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<CashDrawer::Reason>();
        qRegisterMetaType<EscPosDocument>();
    }

    void init()
    {
        m_network = new FakeNetwork(this);
        m_client = new api::ApiClient(this);
        m_client->setNetwork(m_network);
        m_client->setServerUrl(QUrl(u"http://127.0.0.1:9"_s));
        m_client->setAccessToken("token");
        m_client->setDefaultTimeout(std::chrono::milliseconds(500));
        m_device = new FakeEscPosPrinter(this);
        QVERIFY(m_device->listen());
        m_printer = new hardware::EscPosPrinter(
            *hardware::PrinterAddress::parse(m_device->address()), this);
        m_printer->setTimeouts(2000, 500, 2000);
        m_drawer = new CashDrawer(m_client, this);
        m_drawer->setPlace(u"berlin-mitte"_s, u"berlin-mitte-till-1"_s);
        m_drawer->setPrinter(m_printer, hardware::DrawerPulse{5, 120});
    }

    void cleanup()
    {
        delete m_drawer;
        delete m_printer;
        delete m_device;
        delete m_client;
        delete m_network;
    }

    void aPulseIsSentAndTheOpeningRecorded()
    {
        m_network->script("POST", route, {recorded(u"cash-sale"_s, u"pay-1"_s)});
        QSignalSpy document(m_device, &FakeEscPosPrinter::documentReceived);
        QSignalSpy opened(m_drawer, &CashDrawer::opened);
        QSignalSpy audited(m_drawer, &CashDrawer::auditFinished);

        m_drawer->open(Reason::CashSale, u"pay-1"_s);
        QVERIFY(audited.wait());
        QCOMPARE(audited.first().at(2).toBool(), true);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().at(1).toString(), u"pay-1"_s);

        // The device got exactly one pulse on pin 5 with the configured time, and nothing else.
        QTRY_COMPARE(document.size(), 1);
        const EscPosDocument printed = document.first().first().value<EscPosDocument>();
        QVERIFY2(printed.errors.isEmpty(), qPrintable(printed.errors.join(u'\n')));
        QCOMPARE(printed.pulses.size(), 1);
        QCOMPARE(printed.pulses.first().pin, 5);
        QCOMPARE(printed.pulses.first().onMs, 120);
        QVERIFY(printed.lines.isEmpty());
        QCOMPARE(printed.cuts, 0);

        const QList<FakeRequest> sent = audits();
        QCOMPARE(sent.size(), 1);
        QVERIFY(!sent.first().idempotencyKey.isEmpty());
        const QJsonObject body = QJsonDocument::fromJson(sent.first().body).object();
        QCOMPARE(body.value(u"reason"_s).toString(), u"cash-sale"_s);
        QCOMPARE(body.value(u"reference"_s).toString(), u"pay-1"_s);
    }

    void everyReasonHasItsAuditName()
    {
        QCOMPARE(CashDrawer::reasonName(Reason::CashRefund), u"cash-refund"_s);
        QCOMPARE(CashDrawer::reasonName(Reason::PayIn), u"pay-in"_s);
        QCOMPARE(CashDrawer::reasonName(Reason::PayOut), u"pay-out"_s);
        QCOMPARE(CashDrawer::reasonName(Reason::SafeDrop), u"safe-drop"_s);
        QCOMPARE(CashDrawer::reasonName(Reason::NoSale), u"no-sale"_s);
        QCOMPARE(CashDrawer::reasonName(Reason::Test), u"test"_s);
    }

    void anUnclearAuditIsAskedAgainWithTheSameKey()
    {
        m_network->script("POST", route,
                          {FakeAnswer::error(503, u"upstream_unavailable"_s),
                           recorded(u"pay-out"_s, u"movement-7"_s)});
        QSignalSpy audited(m_drawer, &CashDrawer::auditFinished);
        m_drawer->open(Reason::PayOut, u"movement-7"_s);
        QVERIFY(audited.wait());
        QCOMPARE(audited.first().at(2).toBool(), true);
        const QList<FakeRequest> sent = audits();
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent.at(1).idempotencyKey, sent.at(0).idempotencyKey);
    }

    void anAuditTheServerCouldNotTakeIsSentAgainLaterWithTheSameKey()
    {
        m_network->script("POST", route,
                          {FakeAnswer::error(503, u"upstream_unavailable"_s),
                           FakeAnswer::error(503, u"upstream_unavailable"_s),
                           recorded(u"safe-drop"_s, u"movement-9"_s)});
        QSignalSpy audited(m_drawer, &CashDrawer::auditFinished);
        m_drawer->open(Reason::SafeDrop, u"movement-9"_s);
        QVERIFY(audited.wait());
        QCOMPARE(audited.first().at(2).toBool(), false);
        QCOMPARE(m_drawer->unrecordedCount(), 1);

        // The server is back (MainWindow calls this when the health check says online).
        m_drawer->retryUnrecorded();
        QVERIFY(audited.wait());
        QCOMPARE(audited.last().at(2).toBool(), true);
        QCOMPARE(m_drawer->unrecordedCount(), 0);
        const QList<FakeRequest> sent = audits();
        QCOMPARE(sent.size(), 3);
        QCOMPARE(sent.at(2).idempotencyKey, sent.at(0).idempotencyKey);
        QCOMPARE(QJsonDocument::fromJson(sent.at(2).body).object().value(u"reason"_s).toString(),
                 u"safe-drop"_s);
        m_drawer->retryUnrecorded(); // nothing left: no request
        QCOMPARE(m_network->count("POST", route), 3);
    }

    void aRefusedAuditIsGivenUpWithoutAskingAgain()
    {
        m_network->script("POST", route, {FakeAnswer::error(403, u"forbidden"_s)});
        QSignalSpy audited(m_drawer, &CashDrawer::auditFinished);
        QSignalSpy failed(m_drawer, &CashDrawer::failed);
        m_drawer->open(Reason::NoSale, u"movement-8"_s);
        QVERIFY(audited.wait());
        QCOMPARE(audited.first().at(2).toBool(), false);
        QCOMPARE(audits().size(), 1);
        QCOMPARE(m_drawer->unrecordedCount(), 0); // refused, not unclear: not kept
        QVERIFY(failed.isEmpty());                // the drawer did open: nothing for the colleague
    }

    void aPrinterThatCannotKickTheDrawerSaysWhyAndNothingIsRecorded()
    {
        m_device->setCondition(FakeEscPosPrinter::Condition::CoverOpen);
        QSignalSpy failed(m_drawer, &CashDrawer::failed);
        QSignalSpy opened(m_drawer, &CashDrawer::opened);
        m_drawer->open(Reason::CashRefund, u"refund-1"_s);
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).value<Reason>(), Reason::CashRefund);
        QCOMPARE(failed.first().at(1).toString(),
                 hardware::EscPosPrinter::describe(hardware::PrinterProblem::CoverOpen));
        QVERIFY(opened.isEmpty());
        QVERIFY(audits().isEmpty());
        const auto documents = m_device->documents();
        for (const EscPosDocument& document : documents)
            QVERIFY(document.pulses.isEmpty());
    }

    void paperOutStillKicksTheDrawer()
    {
        m_network->script("POST", route, {recorded(u"cash-sale"_s, u"pay-2"_s)});
        m_device->setCondition(FakeEscPosPrinter::Condition::PaperOut);
        QSignalSpy audited(m_drawer, &CashDrawer::auditFinished);
        m_drawer->open(Reason::CashSale, u"pay-2"_s);
        QVERIFY(audited.wait());
        QTRY_COMPARE(m_device->documents().size(), 1);
        QCOMPARE(m_device->documents().first().pulses.size(), 1);
    }

    void theDrawerLeftOpenIsReported()
    {
        m_network->script("POST", route, {recorded(u"no-sale"_s, u"m"_s)});
        m_device->setDrawerOpen(true);
        QSignalSpy openChanged(m_drawer, &CashDrawer::drawerOpenChanged);
        m_drawer->open(Reason::NoSale, u"m"_s);
        QVERIFY(openChanged.wait());
        QCOMPARE(openChanged.first().first().toBool(), true);
        QVERIFY(m_drawer->isDrawerOpen());

        m_device->setDrawerOpen(false);
        m_printer->queryStatus();
        QVERIFY(openChanged.wait());
        QCOMPARE(openChanged.last().first().toBool(), false);
    }

    void withoutAPrinterThereIsNoDrawer()
    {
        m_drawer->setPrinter(nullptr, {});
        QVERIFY(!m_drawer->hasDrawer());
        QSignalSpy opened(m_drawer, &CashDrawer::opened);
        QSignalSpy failed(m_drawer, &CashDrawer::failed);
        m_drawer->open(Reason::CashSale, u"pay-3"_s);
        // open() returns without queuing anything: there is no job whose outcome could follow.
        QVERIFY(!m_printer->isBusy());
        QVERIFY(opened.isEmpty() && failed.isEmpty());
        QVERIFY(audits().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCashDrawer)
#include "tst_cashdrawer.moc"
