#include "payments/refundplan.h"

#include <QTest>

using namespace storedesk;
using namespace storedesk::server;

namespace {

Money eur(qint64 cents)
{
    return *Money::fromMinorUnits(cents, u"EUR");
}

RefundSource source(const QString& paymentId, const QString& tender, qint64 cents)
{
    return RefundSource{paymentId, tender, eur(cents)};
}

// "p1:card:1000,p2:cash:500" – compact enough to read a whole plan in one QCOMPARE.
QString describe(const QList<RefundShare>& shares)
{
    QStringList parts;
    for (const RefundShare& share : shares)
        parts.append(QStringLiteral("%1:%2:%3")
                         .arg(share.paymentId, share.tender)
                         .arg(share.amount.minorUnits()));
    return parts.join(u',');
}

} // namespace

class TestRefundPlan : public QObject {
    Q_OBJECT

private slots:
    void cardBeforeCash_data();
    void cardBeforeCash();
    void otherTendersKeepTheirOrder();
    void neverMoreThanAvailable();
    void sharesAddUpExactly_data();
    void sharesAddUpExactly();
    void emptyOrNegativeSourcesAreSkipped();
    void uncoverableIsAnError_data();
    void uncoverableIsAnError();
    void nothingToRefund();

    void lineRefundsAddUpToTheLine_data();
    void lineRefundsAddUpToTheLine();
    void lineRefundOfThreeUnits();
    void lineRefundAllAtOnce();
    void lineRefundOfManyUnits();
    void lineRefundRefusesTooMuch_data();
    void lineRefundRefusesTooMuch();

    void approvalReasons_data();
    void approvalReasons();
};

void TestRefundPlan::cardBeforeCash_data()
{
    QTest::addColumn<QList<RefundSource>>("sources");
    const RefundSource card = source(QStringLiteral("p-card"), QStringLiteral("card"), 3000);
    const RefundSource cash = source(QStringLiteral("p-cash"), QStringLiteral("cash"), 2000);
    QTest::newRow("card first") << QList<RefundSource>{card, cash};
    QTest::newRow("cash first") << QList<RefundSource>{cash, card};
}

void TestRefundPlan::cardBeforeCash()
{
    // Money goes back the way it came, card first: cash over the counter only for the rest.
    QFETCH(QList<RefundSource>, sources);
    const auto plan = planRefund(eur(4000), sources);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message));
    QCOMPARE(describe(*plan), QStringLiteral("p-card:card:3000,p-cash:cash:1000"));

    // When the card covers it all, no cash moves.
    QCOMPARE(describe(*planRefund(eur(2500), sources)), QStringLiteral("p-card:card:2500"));
}

void TestRefundPlan::otherTendersKeepTheirOrder()
{
    const QList<RefundSource> sources{
        source(QStringLiteral("p1"), QStringLiteral("cash"), 1000),
        source(QStringLiteral("p2"), QStringLiteral("card"), 1000),
        source(QStringLiteral("p3"), QStringLiteral("voucher"), 1000),
        source(QStringLiteral("p4"), QStringLiteral("cash"), 1000),
        source(QStringLiteral("p5"), QStringLiteral("card"), 1000),
    };
    QCOMPARE(describe(*planRefund(eur(4500), sources)),
             QStringLiteral("p2:card:1000,p3:voucher:1000,p5:card:1000,p1:cash:1000,p4:cash:500"));
}

void TestRefundPlan::neverMoreThanAvailable()
{
    const QList<RefundSource> sources{source(QStringLiteral("p1"), QStringLiteral("card"), 999),
                                      source(QStringLiteral("p2"), QStringLiteral("card"), 1),
                                      source(QStringLiteral("p3"), QStringLiteral("cash"), 5000)};
    const auto plan = planRefund(eur(1500), sources);
    QVERIFY(plan);
    QCOMPARE(describe(*plan), QStringLiteral("p1:card:999,p2:card:1,p3:cash:500"));
    for (int i = 0; i < plan->size(); ++i) {
        for (const RefundSource& s : sources) {
            if (s.paymentId == plan->at(i).paymentId)
                QVERIFY(*plan->at(i).amount.compare(s.available) <= 0);
        }
    }
    // Exactly everything there is.
    QCOMPARE(describe(*planRefund(eur(6000), sources)),
             QStringLiteral("p1:card:999,p2:card:1,p3:cash:5000"));
}

void TestRefundPlan::sharesAddUpExactly_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::newRow("one cent") << qint64(1);
    QTest::newRow("within the first") << qint64(333);
    QTest::newRow("first exactly") << qint64(334);
    QTest::newRow("into the second") << qint64(335);
    QTest::newRow("into cash") << qint64(1001);
    QTest::newRow("all") << qint64(1667);
}

void TestRefundPlan::sharesAddUpExactly()
{
    QFETCH(qint64, amount);
    const QList<RefundSource> sources{source(QStringLiteral("p1"), QStringLiteral("cash"), 667),
                                      source(QStringLiteral("p2"), QStringLiteral("card"), 334),
                                      source(QStringLiteral("p3"), QStringLiteral("card"), 666)};
    const auto plan = planRefund(eur(amount), sources);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message));
    Money sum = eur(0);
    for (const RefundShare& share : *plan) {
        QVERIFY(!share.amount.isZero());
        QVERIFY(!share.amount.isNegative());
        QCOMPARE(share.amount.currencyCode(), QStringLiteral("EUR"));
        sum = *sum.plus(share.amount);
    }
    QCOMPARE(sum, eur(amount));
}

void TestRefundPlan::emptyOrNegativeSourcesAreSkipped()
{
    // A payment refunded in full (or, after a correction, more than in full) gives nothing, and
    // appears in no share: a zero refund transaction would only confuse the PSP.
    const QList<RefundSource> sources{source(QStringLiteral("p1"), QStringLiteral("card"), 0),
                                      source(QStringLiteral("p2"), QStringLiteral("card"), -500),
                                      source(QStringLiteral("p3"), QStringLiteral("cash"), 800)};
    const auto plan = planRefund(eur(700), sources);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message));
    QCOMPARE(describe(*plan), QStringLiteral("p3:cash:700"));
    // A negative source does not add to what the others must give either.
    QVERIFY(!planRefund(eur(801), sources));
}

void TestRefundPlan::uncoverableIsAnError_data()
{
    QTest::addColumn<QList<RefundSource>>("sources");
    QTest::addColumn<qint64>("amount");
    QTest::newRow("one cent too much")
        << QList<RefundSource>{source(QStringLiteral("p1"), QStringLiteral("card"), 1000),
                               source(QStringLiteral("p2"), QStringLiteral("cash"), 1000)}
        << qint64(2001);
    QTest::newRow("no payments") << QList<RefundSource>{} << qint64(100);
    QTest::newRow("all refunded") << QList<RefundSource>{source(QStringLiteral("p1"),
                                                                QStringLiteral("card"), 0)}
                                  << qint64(100);
}

void TestRefundPlan::uncoverableIsAnError()
{
    QFETCH(QList<RefundSource>, sources);
    QFETCH(qint64, amount);
    const auto plan = planRefund(eur(amount), sources);
    QVERIFY(!plan);
    QCOMPARE(plan.error().kind, Error::Kind::InvalidValue);
}

void TestRefundPlan::nothingToRefund()
{
    const auto plan =
        planRefund(eur(0), {source(QStringLiteral("p1"), QStringLiteral("card"), 1000)});
    QVERIFY(plan);
    QVERIFY(plan->isEmpty());
}

void TestRefundPlan::lineRefundsAddUpToTheLine_data()
{
    QTest::addColumn<qint64>("lineTotal");
    QTest::addColumn<QList<qint64>>("steps"); // units refunded one refund after another
    QTest::newRow("10.00 over 3, 1+1+1") << qint64(1000) << QList<qint64>{1, 1, 1};
    QTest::newRow("10.00 over 3, 2+1") << qint64(1000) << QList<qint64>{2, 1};
    QTest::newRow("10.00 over 3, 1+2") << qint64(1000) << QList<qint64>{1, 2};
    QTest::newRow("0.01 over 3") << qint64(1) << QList<qint64>{1, 1, 1};
    QTest::newRow("0.02 over 3") << qint64(2) << QList<qint64>{1, 1, 1};
    QTest::newRow("100.00 over 7, 3+2+2") << qint64(10000) << QList<qint64>{3, 2, 2};
    QTest::newRow("99.99 over 6, 1 each") << qint64(9999) << QList<qint64>{1, 1, 1, 1, 1, 1};
    // A discount larger than the price: the line is negative and must still add up.
    QTest::newRow("-10.00 over 3") << qint64(-1000) << QList<qint64>{1, 1, 1};
}

void TestRefundPlan::lineRefundsAddUpToTheLine()
{
    QFETCH(qint64, lineTotal);
    QFETCH(QList<qint64>, steps);
    qint64 quantity = 0;
    for (qint64 step : std::as_const(steps))
        quantity += step;
    qint64 refundable = quantity;
    Money refunded = eur(0);
    for (qint64 step : std::as_const(steps)) {
        const auto amount = lineRefundAmount(eur(lineTotal), quantity, refundable, step);
        QVERIFY2(amount, qPrintable(amount ? QString() : amount.error().message));
        refunded = *refunded.plus(*amount);
        refundable -= step;
    }
    QCOMPARE(refundable, qint64(0));
    QCOMPARE(refunded, eur(lineTotal));
}

void TestRefundPlan::lineRefundOfThreeUnits()
{
    // split(3) of 10.00 is 3.34, 3.33, 3.33 and what is still refundable is the last shares, so
    // the first refunded unit takes the extra cent; the same on every server, every time.
    const Money line = eur(1000);
    QCOMPARE(*lineRefundAmount(line, 3, 3, 1), eur(334));
    QCOMPARE(*lineRefundAmount(line, 3, 2, 1), eur(333));
    QCOMPARE(*lineRefundAmount(line, 3, 1, 1), eur(333));
    QCOMPARE(*lineRefundAmount(line, 3, 3, 0), eur(0));
}

void TestRefundPlan::lineRefundAllAtOnce()
{
    QCOMPARE(*lineRefundAmount(eur(1000), 3, 3, 3), eur(1000));
    QCOMPARE(*lineRefundAmount(eur(1), 1, 1, 1), eur(1));
    // High precision stays high precision, exactly.
    const Money precise = *Money::fromPreciseUnits(1000001, u"EUR", 5);
    QCOMPARE(*lineRefundAmount(precise, 2, 2, 2), precise);
    const Money half = *lineRefundAmount(precise, 2, 2, 1);
    QCOMPARE(*half.plus(*lineRefundAmount(precise, 2, 1, 1)), precise);
}

void TestRefundPlan::lineRefundOfManyUnits()
{
    // A line of a billion units (sold by the gram, say) must not be split into a billion amounts.
    const qint64 units = 1000000000;
    const Money line = eur(123456789);
    const Money first = *lineRefundAmount(line, units, units, 400000000);
    const Money rest = *lineRefundAmount(line, units, units - 400000000, units - 400000000);
    QCOMPARE(*first.plus(rest), line);
}

void TestRefundPlan::lineRefundRefusesTooMuch_data()
{
    QTest::addColumn<qint64>("lineQuantity");
    QTest::addColumn<qint64>("refundable");
    QTest::addColumn<qint64>("quantity");
    QTest::newRow("more than refundable") << qint64(3) << qint64(2) << qint64(3);
    QTest::newRow("nothing left") << qint64(3) << qint64(0) << qint64(1);
    QTest::newRow("negative quantity") << qint64(3) << qint64(3) << qint64(-1);
    QTest::newRow("refundable above the line") << qint64(3) << qint64(4) << qint64(1);
}

void TestRefundPlan::lineRefundRefusesTooMuch()
{
    QFETCH(qint64, lineQuantity);
    QFETCH(qint64, refundable);
    QFETCH(qint64, quantity);
    const auto amount = lineRefundAmount(eur(1000), lineQuantity, refundable, quantity);
    QVERIFY(!amount);
    QCOMPARE(amount.error().kind, Error::Kind::InvalidValue);
}

void TestRefundPlan::approvalReasons_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<int>("ageDays"); // -1: the order has no creation time
    QTest::addColumn<int>("afterDays");
    QTest::addColumn<QStringList>("reasons");
    const QStringList none;
    const QStringList amount{QStringLiteral("amount")};
    const QStringList age{QStringLiteral("age")};
    QTest::newRow("small and recent") << qint64(5000) << 3 << 30 << none;
    QTest::newRow("one cent above") << qint64(5001) << 3 << 30 << amount;
    QTest::newRow("exactly the age") << qint64(100) << 30 << 30 << none;
    QTest::newRow("a day older") << qint64(100) << 31 << 30 << age;
    QTest::newRow("both") << qint64(9999) << 400 << 30 << (amount + age);
    QTest::newRow("age rule off") << qint64(100) << 400 << 0 << none;
    QTest::newRow("unknown age") << qint64(100) << -1 << 30 << age;
}

void TestRefundPlan::approvalReasons()
{
    QFETCH(qint64, amount);
    QFETCH(int, ageDays);
    QFETCH(int, afterDays);
    QFETCH(QStringList, reasons);
    const QDateTime now(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC);
    const QDateTime created = ageDays < 0 ? QDateTime() : now.addDays(-ageDays);
    QCOMPARE(refundApprovalReasons(eur(amount), 5000, created, afterDays, now), reasons);
}

QTEST_GUILESS_MAIN(TestRefundPlan)
#include "tst_refundplan.moc"
