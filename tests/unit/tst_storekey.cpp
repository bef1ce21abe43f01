#include "domain/storekey.h"

#include <QTest>

using namespace storedesk;

class TestStoreKey : public QObject {
    Q_OBJECT

private slots:
    void rule_data();
    void rule();
    void parseKeepsTheKey();
    void errorNamesTheRule();
    void errorQuotesAtMost64Characters();
    void errorNeutralisesControlCharacters();
    void emptyIsMissing();
    void defaultIsEmpty();
};

void TestStoreKey::rule_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("length 1") << QStringLiteral("a") << false;
    QTest::newRow("length 2") << QStringLiteral("ab") << true;
    QTest::newRow("length 256") << QString(256, QLatin1Char('k')) << true;
    QTest::newRow("length 257") << QString(257, QLatin1Char('k')) << false;
    QTest::newRow("seed example") << QStringLiteral("random-key-12314") << true;
    QTest::newRow("all allowed classes") << QStringLiteral("AZaz09_-") << true;
    QTest::newRow("only separators") << QStringLiteral("_-") << true;
    QTest::newRow("space") << QStringLiteral("berlin mitte") << false;
    QTest::newRow("leading space") << QStringLiteral(" berlin") << false;
    QTest::newRow("trailing newline") << QStringLiteral("berlin\n") << false;
    QTest::newRow("dot") << QStringLiteral("berlin.mitte") << false;
    QTest::newRow("slash (path injection)") << QStringLiteral("berlin/../carts") << false;
    QTest::newRow("percent-encoded") << QStringLiteral("berlin%2F") << false;
    QTest::newRow("equals") << QStringLiteral("key=berlin") << false;
    QTest::newRow("umlaut") << QStringLiteral("m\u00fcnchen") << false;
    QTest::newRow("fullwidth digit") << QStringLiteral("store\uff11") << false;
    QTest::newRow("emoji") << QStringLiteral("store\U0001F600") << false;
    QTest::newRow("NUL") << QString::fromUtf16(u"ab\0cd", 5) << false;
}

void TestStoreKey::rule()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);

    QCOMPARE(StoreKey::isValid(key), valid);
    const Expected<StoreKey> parsed = StoreKey::parse(key);
    QCOMPARE(parsed.hasValue(), valid);
    if (!valid)
        QVERIFY(!parsed.error().message.isEmpty());
}

void TestStoreKey::parseKeepsTheKey()
{
    const Expected<StoreKey> parsed = StoreKey::parse(u"Berlin_Mitte-01");
    QVERIFY(parsed);
    QCOMPARE(parsed->toString(), QStringLiteral("Berlin_Mitte-01"));
    QVERIFY(!parsed->isEmpty());
    QCOMPARE(*parsed, *StoreKey::parse(u"Berlin_Mitte-01"));
    QVERIFY(!(*parsed == *StoreKey::parse(u"berlin_mitte-01"))); // keys are case-sensitive
}

void TestStoreKey::errorNamesTheRule()
{
    const Expected<StoreKey> parsed = StoreKey::parse(u"berlin mitte");
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().kind, Error::Kind::InvalidValue);
    const QString message = parsed.error().message;
    QVERIFY2(message.contains(QStringLiteral("2 to 256")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("A-Z")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("\"berlin mitte\"")), qPrintable(message));
}

void TestStoreKey::errorQuotesAtMost64Characters()
{
    const QString hostile = QString(64, QLatin1Char('a')) + QString(100000, QLatin1Char('b'));
    const Expected<StoreKey> parsed = StoreKey::parse(hostile);
    QVERIFY(!parsed);
    const QString message = parsed.error().message;
    QVERIFY2(message.size() < 300, qPrintable(QString::number(message.size())));
    QVERIFY(message.contains(QString(64, QLatin1Char('a'))));
    QVERIFY(!message.contains(QLatin1Char('b')));
}

void TestStoreKey::errorNeutralisesControlCharacters()
{
    const Expected<StoreKey> parsed = StoreKey::parse(u"ab\u001b[2Jcd\r\n");
    QVERIFY(!parsed);
    const QString message = parsed.error().message;
    QVERIFY2(!message.contains(QChar(0x1b)), qPrintable(message));
    QVERIFY(!message.contains(QLatin1Char('\n')));
    QVERIFY(message.contains(QStringLiteral("[2Jcd")));
}

void TestStoreKey::emptyIsMissing()
{
    const Expected<StoreKey> parsed = StoreKey::parse(u"");
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().kind, Error::Kind::MissingValue);
    QVERIFY(parsed.error().message.contains(QStringLiteral("2 to 256")));
}

void TestStoreKey::defaultIsEmpty()
{
    const StoreKey key;
    QVERIFY(key.isEmpty());
    QVERIFY(key.toString().isEmpty());
    QVERIFY(!StoreKey::isValid(key.toString()));
}

QTEST_GUILESS_MAIN(TestStoreKey)
#include "tst_storekey.moc"
