#include "domain/currency.h"

#include <QTest>

using namespace Qt::StringLiterals;
using storedesk::Currency;

class TestCurrency : public QObject {
    Q_OBJECT

private slots:
    void knownCodes_data();
    void knownCodes();
    void rejectedCodes_data();
    void rejectedCodes();
    void equality();
};

void TestCurrency::knownCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("digits");

    QTest::newRow("EUR") << u"EUR"_s << 2;
    QTest::newRow("USD") << u"USD"_s << 2;
    QTest::newRow("GBP") << u"GBP"_s << 2;
    QTest::newRow("CHF") << u"CHF"_s << 2;
    QTest::newRow("JPY") << u"JPY"_s << 0;
    QTest::newRow("KRW") << u"KRW"_s << 0;
    QTest::newRow("CLP") << u"CLP"_s << 0;
    QTest::newRow("ISK") << u"ISK"_s << 0;
    QTest::newRow("XOF") << u"XOF"_s << 0;
    QTest::newRow("KWD") << u"KWD"_s << 3;
    QTest::newRow("BHD") << u"BHD"_s << 3;
    QTest::newRow("OMR") << u"OMR"_s << 3;
    QTest::newRow("TND") << u"TND"_s << 3;
}

void TestCurrency::knownCodes()
{
    QFETCH(QString, code);
    QFETCH(int, digits);

    const std::optional<Currency> currency = Currency::fromCode(code);
    QVERIFY(currency.has_value());
    QCOMPARE(currency->code(), code);
    QCOMPARE(currency->fractionDigits(), digits);
}

void TestCurrency::rejectedCodes_data()
{
    QTest::addColumn<QString>("code");

    QTest::newRow("empty") << QString();
    QTest::newRow("lowercase") << u"eur"_s;
    QTest::newRow("mixed case") << u"Eur"_s;
    QTest::newRow("four letters") << u"EURO"_s;
    QTest::newRow("two letters") << u"EU"_s;
    QTest::newRow("leading space") << u" EUR"_s;
    QTest::newRow("trailing space") << u"EUR "_s;
    QTest::newRow("unknown") << u"ABC"_s;
    QTest::newRow("digits") << u"978"_s;        // the numeric ISO code is not accepted
    QTest::newRow("withdrawn DEM") << u"DEM"_s; // replaced by EUR in 2002
    QTest::newRow("gold") << u"XAU"_s;          // precious metals are left out on purpose
    QTest::newRow("testing code") << u"XTS"_s;
    QTest::newRow("fullwidth") << QStringLiteral("\uFF25\uFF35\uFF32");
}

void TestCurrency::rejectedCodes()
{
    QFETCH(QString, code);
    QVERIFY(!Currency::fromCode(code).has_value());
}

void TestCurrency::equality()
{
    const auto eur = Currency::fromCode(u"EUR");
    const auto eurAgain = Currency::fromCode(QString::fromLatin1("EUR"));
    const auto usd = Currency::fromCode(u"USD");
    QVERIFY(eur && eurAgain && usd);
    QCOMPARE(*eur, *eurAgain);
    QVERIFY(!(*eur == *usd));
}

QTEST_GUILESS_MAIN(TestCurrency)
#include "tst_currency.moc"
