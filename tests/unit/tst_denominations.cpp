#include "domain/denominations.h"

#include <QJsonDocument>
#include <QTest>

using namespace storedesk;

class TestDenominations : public QObject {
    Q_OBJECT

private slots:
    void tablesAreHighestFirstWithoutRepeats_data();
    void tablesAreHighestFirstWithoutRepeats();
    void unknownCurrencyHasNoTable();
    void totalAddsValueTimesCount();
    void totalRefusesWhatIsNotACount_data();
    void totalRefusesWhatIsNotACount();
    void jsonIsCanonical();
    void jsonRoundTrips();
    void fromJsonRefusesBadShapes_data();
    void fromJsonRefusesBadShapes();
};

void TestDenominations::tablesAreHighestFirstWithoutRepeats_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("highest");
    QTest::addColumn<qint64>("lowest");
    QTest::newRow("EUR") << "EUR" << qint64(50000) << qint64(1);
    QTest::newRow("CHF") << "CHF" << qint64(100000) << qint64(5);
    QTest::newRow("GBP") << "GBP" << qint64(5000) << qint64(1);
    QTest::newRow("USD") << "USD" << qint64(10000) << qint64(1);
}

void TestDenominations::tablesAreHighestFirstWithoutRepeats()
{
    QFETCH(QString, currency);
    QFETCH(qint64, highest);
    QFETCH(qint64, lowest);
    const QList<Denomination> table = denominationsFor(currency);
    QVERIFY(!table.isEmpty());
    QCOMPARE(table.first().value, highest);
    QCOMPARE(table.last().value, lowest);
    QCOMPARE(table.first().kind, Denomination::Kind::Note);
    QCOMPARE(table.last().kind, Denomination::Kind::Coin);
    for (qsizetype i = 1; i < table.size(); ++i)
        QVERIFY2(table[i - 1].value > table[i].value, qPrintable(QString::number(table[i].value)));
}

void TestDenominations::unknownCurrencyHasNoTable()
{
    QVERIFY(denominationsFor(u"JPY").isEmpty());
    QVERIFY(denominationsFor(u"eur").isEmpty());
    const TillCount count{QStringLiteral("JPY"), {}};
    QVERIFY(!count.total());
}

void TestDenominations::totalAddsValueTimesCount()
{
    const TillCount count{QStringLiteral("EUR"), {{5000, 2}, {200, 10}, {1, 3}, {10, 0}}};
    const Expected<Money> total = count.total();
    QVERIFY(total);
    QCOMPARE(total->minorUnits(), 12003);
    QCOMPARE(total->currencyCode(), QStringLiteral("EUR"));
    QCOMPARE(count.countOf(200), 10);
    QCOMPARE(count.countOf(100), 0);
    const TillCount empty{QStringLiteral("GBP"), {}};
    QCOMPARE(empty.total()->minorUnits(), 0);
}

void TestDenominations::totalRefusesWhatIsNotACount_data()
{
    QTest::addColumn<TillCount>("count");
    using Line = TillCount::Line;
    QTest::newRow("not a euro note") << TillCount{QStringLiteral("EUR"), {Line{300, 1}}};
    QTest::newRow("a franc has no 1 rappen coin") << TillCount{QStringLiteral("CHF"), {Line{1, 1}}};
    QTest::newRow("twice the same note")
        << TillCount{QStringLiteral("EUR"), {Line{500, 1}, Line{500, 2}}};
    QTest::newRow("negative count") << TillCount{QStringLiteral("EUR"), {Line{500, -1}}};
    QTest::newRow("too many pieces")
        << TillCount{QStringLiteral("EUR"), {Line{500, TillCount::MaxPieces + 1}}};
}

void TestDenominations::totalRefusesWhatIsNotACount()
{
    QFETCH(TillCount, count);
    const Expected<Money> total = count.total();
    QVERIFY(!total);
    QVERIFY(!total.error().message.isEmpty());
}

void TestDenominations::jsonIsCanonical()
{
    // The same drawer counted in another order gives the same bytes: a repeated request keeps
    // its idempotency digest.
    const TillCount a{QStringLiteral("EUR"), {{1, 3}, {5000, 2}, {10, 0}}};
    const TillCount b{QStringLiteral("EUR"), {{5000, 2}, {1, 3}}};
    const QByteArray json = QJsonDocument(a.toJson()).toJson(QJsonDocument::Compact);
    QCOMPARE(json, QJsonDocument(b.toJson()).toJson(QJsonDocument::Compact));
    QCOMPARE(json, QByteArray(R"({"currency":"EUR","lines":[{"count":2,"value":5000},)"
                              R"({"count":3,"value":1}]})"));
}

void TestDenominations::jsonRoundTrips()
{
    const TillCount count{QStringLiteral("USD"), {{10000, 1}, {25, 40}}};
    const Expected<TillCount> read = TillCount::fromJson(count.toJson());
    QVERIFY(read);
    QCOMPARE(*read, count);
}

void TestDenominations::fromJsonRefusesBadShapes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("no lines") << QByteArray(R"({"currency":"EUR"})");
    QTest::newRow("fraction") << QByteArray(
        R"({"currency":"EUR","lines":[{"value":500,"count":1.5}]})");
    QTest::newRow("text count") << QByteArray(
        R"({"currency":"EUR","lines":[{"value":500,"count":"1"}]})");
    QTest::newRow("unknown value")
        << QByteArray(R"({"currency":"EUR","lines":[{"value":7,"count":1}]})");
    QTest::newRow("unknown currency") << QByteArray(R"({"currency":"XXX","lines":[]})");
}

void TestDenominations::fromJsonRefusesBadShapes()
{
    QFETCH(QByteArray, json);
    QVERIFY(!TillCount::fromJson(QJsonDocument::fromJson(json).object()));
}

QTEST_GUILESS_MAIN(TestDenominations)
#include "tst_denominations.moc"
