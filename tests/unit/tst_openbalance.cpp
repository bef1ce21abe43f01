// The one open-balance rule (server/payments/openbalance): total less succeeded and pending
// attempts, failed and cancelled ones taking nothing, never below zero, one currency.
#include "payments/openbalance.h"

#include <QTest>

using namespace storedesk;
using namespace storedesk::server;
using State = PaymentAttemptRecord::State;

namespace {

Money eur(qint64 cents)
{
    return *Money::fromMinorUnits(cents, u"EUR");
}

qint64 units(const Money& money)
{
    return money.minorUnits();
}

} // namespace

class TestOpenBalance : public QObject {
    Q_OBJECT

private slots:
    void nothingTakenLeavesTheTotalOpen()
    {
        const OpenBalance balance(eur(2468));
        QCOMPARE(units(balance.total()), 2468);
        QCOMPARE(units(balance.paid()), 0);
        QCOMPARE(units(balance.pending()), 0);
        QCOMPARE(units(balance.open()), 2468);
        QCOMPARE(balance.open().currencyCode(), QStringLiteral("EUR"));
        QVERIFY(balance.fits(eur(2468)));
        QVERIFY(!balance.fits(eur(2469)));
    }

    void succeededIsPaidAndPendingIsTaken()
    {
        OpenBalance balance(eur(2468));
        QVERIFY(balance.add(eur(1000), State::Succeeded));
        QVERIFY(balance.add(eur(300), State::Pending));
        QVERIFY(balance.add(eur(200), State::Creating));
        QCOMPARE(units(balance.paid()), 1000);
        QCOMPARE(units(balance.pending()), 500);
        QCOMPARE(units(balance.open()), 968);
        QVERIFY(balance.fits(eur(968)));
        QVERIFY(!balance.fits(eur(969)));
    }

    void failedAndCancelledTakeNothing()
    {
        OpenBalance balance(eur(2468));
        QVERIFY(balance.add(eur(2468), State::Failed));
        QVERIFY(balance.add(eur(2468), State::Cancelled));
        QCOMPARE(units(balance.paid()), 0);
        QCOMPARE(units(balance.pending()), 0);
        QCOMPARE(units(balance.open()), 2468);
    }

    void neverNegative()
    {
        // The cart's total dropped after it was paid: nothing is open, and nothing fits.
        OpenBalance balance(eur(1000));
        QVERIFY(balance.add(eur(1500), State::Succeeded));
        QCOMPARE(units(balance.open()), 0);
        QVERIFY(!balance.open().isNegative());
        QVERIFY(!balance.fits(eur(1)));
        QCOMPARE(units(balance.paid()), 1500);
    }

    void paidInFullLeavesNothing()
    {
        OpenBalance balance(eur(1234));
        QVERIFY(balance.add(eur(1234), State::Succeeded));
        QVERIFY(balance.open().isZero());
        QVERIFY(!balance.fits(eur(1)));
    }

    void anotherCurrencyIsRefusedAndCountsNothing()
    {
        OpenBalance balance(eur(2468));
        const Money chf = *Money::fromMinorUnits(500, u"CHF");
        for (const State state : {State::Succeeded, State::Pending, State::Failed})
            QVERIFY(!balance.add(chf, state));
        QCOMPARE(units(balance.open()), 2468);
        QVERIFY(!balance.fits(chf));
    }

    void overflowIsRefusedAndCountsNothing()
    {
        OpenBalance balance(eur(100));
        QVERIFY(balance.add(eur(std::numeric_limits<qint64>::max()), State::Succeeded));
        QVERIFY(!balance.add(eur(std::numeric_limits<qint64>::max()), State::Succeeded));
        QCOMPARE(units(balance.paid()), std::numeric_limits<qint64>::max());
        QVERIFY(balance.open().isZero());
    }

    void recordsCountByTheirState()
    {
        OpenBalance balance(eur(5000));
        PaymentAttemptRecord record;
        record.attempt.amount = eur(1200);
        record.state = State::Succeeded;
        QVERIFY(balance.add(record));
        record.state = State::Pending;
        QVERIFY(balance.add(record));
        QCOMPARE(units(balance.open()), 2600);
    }
};

QTEST_GUILESS_MAIN(TestOpenBalance)
#include "tst_openbalance.moc"
