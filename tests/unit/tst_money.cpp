#include "domain/jsonreader.h"
#include "domain/money.h"
#include "domain/moneyformatter.h"

#include <QTest>

#include <limits>
#include <map>

using namespace Qt::StringLiterals;
using storedesk::Error;
using storedesk::Expected;
using storedesk::JsonObjectReader;
using storedesk::Money;

namespace {

constexpr qint64 Max = std::numeric_limits<qint64>::max();
constexpr qint64 Min = std::numeric_limits<qint64>::min();
constexpr int Cent = -1; // "use the currency's own digits" in the data tables

// A Money the test knows to be valid; digits == Cent means cent precision.
Money money(qint64 units, const char* code, int digits = Cent)
{
    const QString currency = QString::fromLatin1(code);
    const Expected<Money> result = digits == Cent
                                       ? Money::fromMinorUnits(units, currency)
                                       : Money::fromPreciseUnits(units, currency, digits);
    if (!result)
        qFatal("bad test money: %s", qPrintable(result.error().message));
    return *result;
}

QJsonObject object(const QByteArray& json)
{
    const Expected<QJsonObject> parsed = storedesk::json::parseObject(json);
    if (!parsed)
        qFatal("test input is not a JSON object: %s", json.constData());
    return *parsed;
}

QString describe(const Money& amount)
{
    if (!amount.isValid())
        return QStringLiteral("invalid Money");
    return QStringLiteral("%1 %2 (%3 digits)")
        .arg(amount.currencyCode())
        .arg(amount.minorUnits())
        .arg(amount.fractionDigits());
}

} // namespace

namespace storedesk {
// Lets QCOMPARE print the two amounts when they differ (found by argument-dependent lookup).
char* toString(const Money& amount)
{
    return qstrdup(describe(amount).toUtf8().constData());
}
} // namespace storedesk

Q_DECLARE_METATYPE(storedesk::Money)
Q_DECLARE_METATYPE(storedesk::Error::Kind)

class TestMoney : public QObject {
    Q_OBJECT

private slots:
    void parseTypedAmounts_data();
    void parseTypedAmounts();
    void tooManyDecimalsSaysHowManyInWords();
    void construction();
    void invalidMoney();
    void format_data();
    void format();
    void formatExtremesInEveryLocale();
    void formatWithSharedFormatter_data() { format_data(); }
    void formatWithSharedFormatter();
    void read_data();
    void read();
    void readErrors_data();
    void readErrors();
    void emulatorFractionDigitsZero();
    void readErrorPathIsNested();
    void arithmetic_data();
    void arithmetic();
    void overflow_data();
    void overflow();
    void currencyMismatch();
    void compare_data();
    void compare();
    void split_data();
    void split();
    void splitAlwaysAddsUp();
    void splitErrors();
    void lastSharesMatchSplit();
    void lastSharesOfHugeQuantities();
    void toCentPrecision_data();
    void toCentPrecision();
    void toJson();
    void toDraftJson();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
};

void TestMoney::construction()
{
    const Money eur = money(1234, "EUR");
    QVERIFY(eur.isValid());
    QCOMPARE(eur.minorUnits(), 1234);
    QCOMPARE(eur.fractionDigits(), 2);
    QCOMPARE(eur.currencyCode(), u"EUR"_s);
    QVERIFY(!eur.isHighPrecision());
    QVERIFY(!eur.isZero());
    QVERIFY(!eur.isNegative());

    QCOMPARE(money(5, "JPY").fractionDigits(), 0);
    QCOMPARE(money(5, "KWD").fractionDigits(), 3);
    QVERIFY(money(-1, "USD").isNegative());

    const Expected<Money> unknown = Money::fromMinorUnits(1, u"XYZ");
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, Error::Kind::UnknownCurrency);
    QVERIFY(unknown.error().message.contains(u"XYZ"));
    QCOMPARE(Money::fromMinorUnits(1, u"eur").error().kind, Error::Kind::UnknownCurrency);

    // High precision needs at least the currency's digits and at most 18.
    QVERIFY(money(1, "EUR", 18).isHighPrecision());
    QVERIFY(money(1, "JPY", 1).isHighPrecision());
    QVERIFY(!money(1, "EUR", 2).isHighPrecision());
    QCOMPARE(money(1, "EUR", 2), money(1, "EUR"));
    for (const auto& [code, digits] :
         {std::pair{u"EUR", 1}, {u"EUR", 19}, {u"KWD", 2}, {u"JPY", -1}}) {
        const Expected<Money> bad = Money::fromPreciseUnits(1, code, digits);
        QVERIFY2(!bad, qPrintable(QStringLiteral("%1 with %2 digits").arg(code).arg(digits)));
        QCOMPARE(bad.error().kind, Error::Kind::InvalidValue);
    }
    QCOMPARE(Money::fromPreciseUnits(1, u"XYZ", 4).error().kind, Error::Kind::UnknownCurrency);

    const Money zero = Money::zero(*storedesk::Currency::fromCode(u"KWD"));
    QVERIFY(zero.isZero());
    QCOMPARE(zero, money(0, "KWD"));
}

void TestMoney::invalidMoney()
{
    const Money none;
    QVERIFY(!none.isValid());
    QCOMPARE(none.currencyCode(), QString());
    QCOMPARE(none.toString(QLocale(u"de_DE"_s)), QString());
    QCOMPARE(none.toJson(), QJsonObject());
    QVERIFY(!none.isHighPrecision());
    QCOMPARE(none.toCentPrecision(), none);
    QCOMPARE(none.times(2).error().kind, Error::Kind::InvalidArgument);
    QCOMPARE(none.negated().error().kind, Error::Kind::InvalidArgument);
    QCOMPARE(none.plus(none).error().kind, Error::Kind::CurrencyMismatch);
    QCOMPARE(none.plus(money(1, "EUR")).error().kind, Error::Kind::CurrencyMismatch);
    QCOMPARE(money(1, "EUR").minus(none).error().kind, Error::Kind::CurrencyMismatch);
}

void TestMoney::format_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<Money>("amount");
    QTest::addColumn<QString>("expected");

    // The strings are what Qt 6.4's CLDR data gives; the special characters are spelled out so a
    // wrong space or sign shows up as a failure: U+00A0 no-break space, U+202F narrow no-break
    // space (fr grouping), U+2019 (de_CH grouping), U+061C Arabic letter mark, U+066B/U+066C Arabic
    // decimal and thousands separators, U+200F right-to-left mark.
    const auto row = [](const char* name, const char* locale, const Money& amount,
                        const QString& expected) {
        QTest::newRow(name) << QString::fromLatin1(locale) << amount << expected;
    };

    row("de_DE EUR", "de_DE", money(123456789, "EUR"), QStringLiteral("1.234.567,89\u00A0\u20AC"));
    row("de_DE EUR negative", "de_DE", money(-123456789, "EUR"),
        QStringLiteral("-1.234.567,89\u00A0\u20AC"));
    row("de_DE EUR small negative", "de_DE", money(-5, "EUR"), QStringLiteral("-0,05\u00A0\u20AC"));
    row("de_DE EUR zero", "de_DE", money(0, "EUR"), QStringLiteral("0,00\u00A0\u20AC"));
    row("de_DE EUR five cents", "de_DE", money(5, "EUR"), QStringLiteral("0,05\u00A0\u20AC"));
    row("de_DE USD", "de_DE", money(123456789, "USD"), QStringLiteral("1.234.567,89\u00A0USD"));
    row("de_DE JPY", "de_DE", money(123456, "JPY"), QStringLiteral("123.456\u00A0JPY"));
    row("de_DE KWD negative", "de_DE", money(-1234567, "KWD"),
        QStringLiteral("-1.234,567\u00A0KWD"));
    row("de_DE EUR high precision", "de_DE", money(-123456789, "EUR", 5),
        QStringLiteral("-1.234,56789\u00A0\u20AC"));
    row("de_DE EUR 18 digits", "de_DE", money(1, "EUR", 18),
        QStringLiteral("0,000000000000000001\u00A0\u20AC"));

    row("en_US USD", "en_US", money(123456789, "USD"), u"$1,234,567.89"_s);
    row("en_US USD negative", "en_US", money(-123456, "USD"), u"($1,234.56)"_s);
    row("en_US USD zero", "en_US", money(0, "USD"), u"$0.00"_s);
    row("en_US EUR", "en_US", money(123456789, "EUR"), QStringLiteral("EUR\u00A01,234,567.89"));
    row("en_US EUR negative", "en_US", money(-123456789, "EUR"),
        QStringLiteral("(EUR\u00A01,234,567.89)"));
    row("en_US KWD", "en_US", money(1234567, "KWD"), QStringLiteral("KWD\u00A01,234.567"));
    row("en_US KWD negative", "en_US", money(-1234567, "KWD"),
        QStringLiteral("(KWD\u00A01,234.567)"));
    row("en_US JPY", "en_US", money(123456, "JPY"), QStringLiteral("JPY\u00A0123,456"));
    row("en_US EUR high precision negative", "en_US", money(-1, "EUR", 18),
        QStringLiteral("(EUR\u00A00.000000000000000001)"));

    row("fr_FR EUR", "fr_FR", money(123456789, "EUR"),
        QStringLiteral("1\u202F234\u202F567,89\u00A0\u20AC"));
    row("fr_FR EUR negative", "fr_FR", money(-123456789, "EUR"),
        QStringLiteral("(1\u202F234\u202F567,89\u00A0\u20AC)"));
    row("fr_FR EUR zero", "fr_FR", money(0, "EUR"), QStringLiteral("0,00\u00A0\u20AC"));
    row("fr_FR KWD negative", "fr_FR", money(-1234567, "KWD"),
        QStringLiteral("(1\u202F234,567\u00A0KWD)"));
    row("fr_FR JPY", "fr_FR", money(123456, "JPY"), QStringLiteral("123\u202F456\u00A0JPY"));

    row("de_CH CHF", "de_CH", money(1234567, "CHF"), QStringLiteral("12\u2019345.67\u00A0CHF"));
    row("de_CH CHF negative", "de_CH", money(-1234567, "CHF"),
        QStringLiteral("-12\u2019345.67\u00A0CHF"));
    row("de_CH EUR", "de_CH", money(123456789, "EUR"),
        QStringLiteral("1\u2019234\u2019567.89\u00A0EUR"));
    row("de_CH EUR zero", "de_CH", money(0, "EUR"), QStringLiteral("0.00\u00A0EUR"));

    row("ja_JP JPY", "ja_JP", money(123456, "JPY"), QStringLiteral("\uFFE5123,456"));
    row("ja_JP JPY negative", "ja_JP", money(-123456, "JPY"), QStringLiteral("(\uFFE5123,456)"));
    row("ja_JP JPY zero", "ja_JP", money(0, "JPY"), QStringLiteral("\uFFE50"));
    row("ja_JP EUR", "ja_JP", money(123456789, "EUR"), QStringLiteral("EUR\u00A01,234,567.89"));

    row("en_GB GBP", "en_GB", money(123456, "GBP"), QStringLiteral("\u00A31,234.56"));
    row("en_GB GBP negative", "en_GB", money(-123456, "GBP"), QStringLiteral("(\u00A31,234.56)"));
    row("en_GB EUR", "en_GB", money(5, "EUR"), QStringLiteral("EUR\u00A00.05"));

    const QString dinar = QStringLiteral("\u062F.\u0643.\u200F");
    row("ar_KW KWD", "ar_KW", money(1234567, "KWD"),
        QStringLiteral("\u0661\u066C\u0662\u0663\u0664\u066B\u0665\u0666\u0667\u00A0") + dinar);
    row("ar_KW KWD negative", "ar_KW", money(-1234567, "KWD"),
        QStringLiteral("\u061C-\u0661\u066C\u0662\u0663\u0664\u066B\u0665\u0666\u0667\u00A0") +
            dinar);
    row("ar_KW KWD zero", "ar_KW", money(0, "KWD"),
        QStringLiteral("\u0660\u066B\u0660\u0660\u0660\u00A0") + dinar);
    row("ar_KW EUR", "ar_KW", money(5, "EUR"), QStringLiteral("\u0660\u066B\u0660\u0665\u00A0EUR"));
    row("ar_KW JPY", "ar_KW", money(123456, "JPY"),
        QStringLiteral("\u0661\u0662\u0663\u066C\u0664\u0665\u0666\u00A0JPY"));

    row("de_DE int64 min", "de_DE", money(Min, "EUR"),
        QStringLiteral("-92.233.720.368.547.758,08\u00A0\u20AC"));
    row("de_DE int64 max JPY", "de_DE", money(Max, "JPY"),
        QStringLiteral("9.223.372.036.854.775.807\u00A0JPY"));
    row("en_US int64 min", "en_US", money(Min, "USD"), u"($92,233,720,368,547,758.08)"_s);
    row("fr_FR int64 max 18 digits", "fr_FR", money(Max, "EUR", 18),
        QStringLiteral("9,223372036854775807\u00A0\u20AC"));
    row("C locale", "C", money(-123456, "EUR"), QStringLiteral("-1234.56\u00A0EUR"));
}

void TestMoney::format()
{
    QFETCH(QString, locale);
    QFETCH(Money, amount);
    QFETCH(QString, expected);
    QCOMPARE(amount.toString(QLocale(locale)), expected);
}

void TestMoney::formatWithSharedFormatter()
{
    // One formatter per locale for all rows (as a cart's lines share one): what it worked out for
    // one currency and sign must not leak into another's amounts.
    static std::map<QString, storedesk::MoneyFormatter> formatters;
    QFETCH(QString, locale);
    QFETCH(Money, amount);
    QFETCH(QString, expected);
    auto formatter = formatters.try_emplace(locale, QLocale(locale)).first;
    QCOMPARE(formatter->second.format(amount), expected);
    QCOMPARE(formatter->second.format(amount), expected);
}

void TestMoney::formatExtremesInEveryLocale()
{
    // Whatever pattern a locale has, the extremes format without crashing and keep the whole
    // integer part (grouped as the locale groups it).
    const QList<QLocale> locales =
        QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
    QVERIFY(locales.size() > 100);
    for (const QLocale& locale : locales) {
        for (const Money& amount :
             {money(Min, "EUR"), money(Max, "JPY"), money(Min, "KWD"), money(Max, "EUR", 18)}) {
            const QString text = amount.toString(locale);
            quint64 scale = 1;
            for (int i = 0; i < amount.fractionDigits(); ++i)
                scale *= 10;
            const quint64 magnitude = amount.isNegative() ? 0 - quint64(amount.minorUnits())
                                                          : quint64(amount.minorUnits());
            const QString integerPart = locale.toString(qulonglong(magnitude / scale));
            QVERIFY2(text.contains(integerPart),
                     qPrintable(locale.name() + u": "_s + text + u" lacks "_s + integerPart));
        }
    }
}

void TestMoney::read_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Money>("expected");

    const auto row = [](const char* name, const char* json, const Money& expected) {
        QTest::newRow(name) << QByteArray(json) << expected;
    };
    row("typeless", R"({"currencyCode":"EUR","centAmount":1234})", money(1234, "EUR"));
    row("centPrecision",
        R"({"type":"centPrecision","currencyCode":"EUR","centAmount":1234,"fractionDigits":2})",
        money(1234, "EUR"));
    row("null type", R"({"type":null,"currencyCode":"USD","centAmount":-99})", money(-99, "USD"));
    row("JPY with wrong digits",
        R"({"type":"centPrecision","currencyCode":"JPY","centAmount":500,"fractionDigits":2})",
        money(500, "JPY"));
    row("KWD", R"({"currencyCode":"KWD","centAmount":1234})", money(1234, "KWD"));
    row("centPrecision ignores preciseAmount",
        R"({"type":"centPrecision","currencyCode":"EUR","centAmount":5,"preciseAmount":51})",
        money(5, "EUR"));
    row("int64 max", R"({"currencyCode":"EUR","centAmount":9223372036854775807})",
        money(Max, "EUR"));
    row("highPrecision",
        R"({"type":"highPrecision","currencyCode":"EUR","centAmount":123,)"
        R"("preciseAmount":123456,"fractionDigits":5})",
        money(123456, "EUR", 5));
    row("highPrecision negative",
        R"({"type":"highPrecision","currencyCode":"JPY","centAmount":-2,)"
        R"("preciseAmount":-15,"fractionDigits":1})",
        money(-15, "JPY", 1));
    row("highPrecision 18 digits",
        R"({"type":"highPrecision","currencyCode":"EUR","centAmount":0,)"
        R"("preciseAmount":1,"fractionDigits":18})",
        money(1, "EUR", 18));
    row("highPrecision with the currency's digits",
        R"({"type":"highPrecision","currencyCode":"EUR","centAmount":7,)"
        R"("preciseAmount":7,"fractionDigits":2})",
        money(7, "EUR"));
}

void TestMoney::read()
{
    QFETCH(QByteArray, json);
    QFETCH(Money, expected);

    const Expected<Money> result = Money::fromJson(object(json));
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(*result, expected);
}

void TestMoney::readErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<Error::Kind>("kind");

    const auto row = [](const char* name, const QByteArray& json, const char* path,
                        Error::Kind kind) {
        QTest::newRow(name) << json << QString::fromLatin1(path) << kind;
    };
    // A highPrecision document with the given members after "type".
    const auto high = [](const char* members) {
        return QByteArray(R"({"type":"highPrecision",)") + members + '}';
    };
    using K = Error::Kind;
    row("unknown currency", R"({"currencyCode":"XYZ","centAmount":1})", "currencyCode",
        K::UnknownCurrency);
    row("lowercase eur", R"({"currencyCode":"eur","centAmount":1})", "currencyCode",
        K::UnknownCurrency);
    row("empty currency", R"({"currencyCode":"","centAmount":1})", "currencyCode",
        K::UnknownCurrency);
    row("missing currency", R"({"centAmount":1})", "currencyCode", K::MissingValue);
    row("null currency", R"({"currencyCode":null,"centAmount":1})", "currencyCode",
        K::MissingValue);
    row("numeric currency", R"({"currencyCode":978,"centAmount":1})", "currencyCode",
        K::InvalidValue);
    row("missing centAmount", R"({"currencyCode":"EUR"})", "centAmount", K::MissingValue);
    row("string centAmount", R"({"currencyCode":"EUR","centAmount":"1234"})", "centAmount",
        K::InvalidValue);
    row("fractional centAmount", R"({"currencyCode":"EUR","centAmount":12.5})", "centAmount",
        K::InvalidValue);
    row("centAmount beyond int64", R"({"currencyCode":"EUR","centAmount":9223372036854775808})",
        "centAmount", K::Overflow);
    row("unknown type", R"({"type":"lowPrecision","currencyCode":"EUR","centAmount":1})", "type",
        K::InvalidValue);
    row("type of wrong case", R"({"type":"CentPrecision","currencyCode":"EUR","centAmount":1})",
        "type", K::InvalidValue);
    row("numeric type", R"({"type":2,"currencyCode":"EUR","centAmount":1})", "type",
        K::InvalidValue);
    row("highPrecision without preciseAmount",
        high(R"("currencyCode":"EUR","centAmount":1,"fractionDigits":4)"), "preciseAmount",
        K::MissingValue);
    row("highPrecision without fractionDigits",
        high(R"("currencyCode":"EUR","centAmount":1,"preciseAmount":100)"), "fractionDigits",
        K::MissingValue);
    row("highPrecision string preciseAmount",
        high(R"("currencyCode":"EUR","centAmount":1,"preciseAmount":"100","fractionDigits":4)"),
        "preciseAmount", K::InvalidValue);
    row("highPrecision fewer digits than the currency",
        high(R"("currencyCode":"KWD","centAmount":1,"preciseAmount":10,"fractionDigits":2)"),
        "fractionDigits", K::InvalidValue);
    row("highPrecision 19 digits",
        high(R"("currencyCode":"EUR","centAmount":1,"preciseAmount":10,"fractionDigits":19)"),
        "fractionDigits", K::InvalidValue);
    row("highPrecision negative digits",
        high(R"("currencyCode":"JPY","centAmount":1,"preciseAmount":10,"fractionDigits":-1)"),
        "fractionDigits", K::InvalidValue);
    // 2^32 + 2 would become 2 if the digits were narrowed to int before the range check.
    row("highPrecision huge digits",
        high(R"("currencyCode":"EUR","centAmount":1,"preciseAmount":10,)"
             R"("fractionDigits":4294967298)"),
        "fractionDigits", K::InvalidValue);
    row("highPrecision unknown currency",
        high(R"("currencyCode":"ABC","centAmount":1,"preciseAmount":10,"fractionDigits":4)"),
        "currencyCode", K::UnknownCurrency);
}

void TestMoney::readErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(Error::Kind, kind);

    const Expected<Money> result = Money::fromJson(object(json));
    QVERIFY2(!result, qPrintable(result ? describe(*result) : QString()));
    QCOMPARE(result.error().path, path);
    QCOMPARE(result.error().kind, kind);
    QVERIFY(!result.error().message.isEmpty());
}

void TestMoney::emulatorFractionDigitsZero()
{
    // What the commercetools emulator sends for some EUR cart totals: the digits must come from
    // the currency, so this is 12.34 EUR and never 1234 EUR.
    const Expected<Money> total =
        Money::fromJson(object(R"({"type":"centPrecision","currencyCode":"EUR",)"
                               R"("centAmount":1234,"fractionDigits":0})"));
    QVERIFY2(total, qPrintable(total ? QString() : total.error().toString()));
    QCOMPARE(total->minorUnits(), 1234);
    QCOMPARE(total->fractionDigits(), 2);
    QVERIFY(!total->isHighPrecision());
    QCOMPARE(*total, money(1234, "EUR"));
    QCOMPARE(total->toString(QLocale(u"de_DE"_s)), QStringLiteral("12,34\u00A0\u20AC"));
    QCOMPARE(total->toString(QLocale(u"en_US"_s)), QStringLiteral("EUR\u00A012.34"));
    QCOMPARE(total->toJson().value(u"fractionDigits").toInteger(), 2);

    // Without "type" as well.
    const Expected<Money> typeless =
        Money::fromJson(object(R"({"currencyCode":"EUR","centAmount":1234,"fractionDigits":0})"));
    QVERIFY2(typeless, qPrintable(typeless ? QString() : typeless.error().toString()));
    QCOMPARE(*typeless, money(1234, "EUR"));
}

void TestMoney::readErrorPathIsNested()
{
    JsonObjectReader reader(
        object(R"({"lineItems":[{"totalPrice":{"currencyCode":"EUR","centAmount":1}},)"
               R"({"totalPrice":{"currencyCode":"eur","centAmount":1}}]})"));
    QList<Money> totals;
    reader.forEachObject("lineItems"_L1, [&](JsonObjectReader& item) {
        totals.append(Money::read(item.requiredObject("totalPrice"_L1)));
    });
    QVERIFY(reader.failed());
    QCOMPARE(reader.error().path, u"lineItems[1].totalPrice.currencyCode"_s);
    QCOMPARE(reader.error().kind, Error::Kind::UnknownCurrency);
    QCOMPARE(totals.size(), 2);
    QCOMPARE(totals.at(0), money(1, "EUR"));
    QVERIFY(!totals.at(1).isValid());

    JsonObjectReader missing(object(R"({"taxedPrice":{}})"));
    Money::read(missing.requiredObject("taxedPrice"_L1).requiredObject("totalGross"_L1));
    QCOMPARE(missing.error().toString(), u"taxedPrice.totalGross: is required"_s);
}

void TestMoney::arithmetic_data()
{
    QTest::addColumn<Money>("a");
    QTest::addColumn<Money>("b");
    QTest::addColumn<Money>("sum");
    QTest::addColumn<Money>("difference");

    QTest::newRow("simple") << money(1050, "EUR") << money(250, "EUR") << money(1300, "EUR")
                            << money(800, "EUR");
    QTest::newRow("negative result")
        << money(100, "USD") << money(250, "USD") << money(350, "USD") << money(-150, "USD");
    QTest::newRow("zero") << money(0, "JPY") << money(0, "JPY") << money(0, "JPY")
                          << money(0, "JPY");
    QTest::newRow("KWD") << money(1, "KWD") << money(999, "KWD") << money(1000, "KWD")
                         << money(-998, "KWD");
    // Mixed precision: the result carries the finer digits, exactly.
    QTest::newRow("cent plus high") << money(123, "EUR") << money(1, "EUR", 4)
                                    << money(12301, "EUR", 4) << money(12299, "EUR", 4);
    QTest::newRow("high plus cent")
        << money(5, "JPY", 1) << money(2, "JPY") << money(25, "JPY", 1) << money(-15, "JPY", 1);
    QTest::newRow("edges") << money(Max, "EUR") << money(Min, "EUR") << money(-1, "EUR")
                           << money(-1, "EUR");
}

void TestMoney::arithmetic()
{
    QFETCH(Money, a);
    QFETCH(Money, b);
    QFETCH(Money, sum);
    QFETCH(Money, difference);

    if (QByteArrayView(QTest::currentDataTag()) == "edges") {
        // Max - Min does not fit; checked in overflow(). Only the sum is meaningful here.
        QCOMPARE(a.plus(b).value(), sum);
        QCOMPARE(a.minus(b).error().kind, Error::Kind::Overflow);
        return;
    }
    const Expected<Money> plus = a.plus(b);
    const Expected<Money> minus = a.minus(b);
    QVERIFY(plus && minus);
    QCOMPARE(*plus, sum);
    QCOMPARE(*minus, difference);
    QCOMPARE(b.plus(a).value(), sum); // commutative
}

void TestMoney::overflow_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<Money>("a");
    QTest::addColumn<Money>("b"); // second operand for plus/minus
    QTest::addColumn<qint64>("factor");
    QTest::addColumn<bool>("overflows");
    QTest::addColumn<qint64>("result");

    const Money none;
    const auto row = [&](const char* name, const char* operation, const Money& a, const Money& b,
                         qint64 factor, bool overflows, qint64 result) {
        QTest::newRow(name) << QString::fromLatin1(operation) << a << b << factor << overflows
                            << result;
    };
    const Money max = money(Max, "EUR");
    const Money min = money(Min, "EUR");
    const Money one = money(1, "EUR");
    const Money minusOne = money(-1, "EUR");

    row("max plus 1", "plus", max, one, 0, true, 0);
    row("min plus -1", "plus", min, minusOne, 0, true, 0);
    row("max plus min", "plus", max, min, 0, false, -1);
    row("max minus 1 plus 1", "plus", money(Max - 1, "EUR"), one, 0, false, Max);
    row("min minus 1", "minus", min, one, 0, true, 0);
    row("max minus -1", "minus", max, minusOne, 0, true, 0);
    row("0 minus min", "minus", money(0, "EUR"), min, 0, true, 0);
    row("-1 minus max", "minus", minusOne, max, 0, false, Min);
    row("max times 2", "times", max, none, 2, true, 0);
    row("half max times 2", "times", money(Max / 2 + 1, "EUR"), none, 2, true, 0);
    row("min times -1", "times", min, none, -1, true, 0);
    row("max times -1", "times", max, none, -1, false, -Max);
    row("min times 1", "times", min, none, 1, false, Min);
    row("sqrt max squared", "times", money(3037000500, "EUR"), none, 3037000500, true, 0);
    row("sqrt max below", "times", money(3037000499, "EUR"), none, 3037000499, false,
        3037000499LL * 3037000499LL);
    row("quantity times price", "times", money(1999, "EUR"), none, 3, false, 5997);
    row("times zero", "times", max, none, 0, false, 0);
    row("negated min", "negated", min, none, 0, true, 0);
    row("negated max", "negated", max, none, 0, false, -Max);
    row("negated zero", "negated", money(0, "EUR"), none, 0, false, 0);
    // Aligning to the finer digits can overflow before the sum does.
    row("rescale overflows", "plus", max, money(1, "EUR", 3), 0, true, 0);
    row("rescale fits", "plus", money(Max / 10, "EUR"), money(7, "EUR", 3), 0, false,
        Max / 10 * 10 + 7);
}

void TestMoney::overflow()
{
    QFETCH(QString, operation);
    QFETCH(Money, a);
    QFETCH(Money, b);
    QFETCH(qint64, factor);
    QFETCH(bool, overflows);
    QFETCH(qint64, result);

    Expected<Money> outcome = Error{};
    if (operation == u"plus")
        outcome = a.plus(b);
    else if (operation == u"minus")
        outcome = a.minus(b);
    else if (operation == u"times")
        outcome = a.times(factor);
    else
        outcome = a.negated();

    if (overflows) {
        QVERIFY2(!outcome, qPrintable(outcome ? describe(*outcome) : QString()));
        QCOMPARE(outcome.error().kind, Error::Kind::Overflow);
        QVERIFY(!outcome.error().message.isEmpty());
    } else {
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
        QCOMPARE(outcome->minorUnits(), result);
        QCOMPARE(outcome->currencyCode(), u"EUR"_s);
    }
}

void TestMoney::currencyMismatch()
{
    const Money eur = money(100, "EUR");
    const Money usd = money(100, "USD");
    for (const Error& error : {eur.plus(usd).error(), eur.minus(usd).error(),
                               Error(eur.compare(usd).error()), usd.plus(eur).error()}) {
        QCOMPARE(error.kind, Error::Kind::CurrencyMismatch);
        QVERIFY2(error.message.contains(u"EUR") && error.message.contains(u"USD"),
                 qPrintable(error.message));
    }
    // Same digits, different currency: still a mismatch (CHF and EUR both have 2).
    QCOMPARE(money(1, "CHF").plus(money(1, "EUR")).error().kind, Error::Kind::CurrencyMismatch);
    QCOMPARE(money(1, "EUR", 4).minus(money(1, "GBP", 4)).error().kind,
             Error::Kind::CurrencyMismatch);
}

void TestMoney::compare_data()
{
    QTest::addColumn<Money>("a");
    QTest::addColumn<Money>("b");
    QTest::addColumn<int>("expected");

    QTest::newRow("equal") << money(123, "EUR") << money(123, "EUR") << 0;
    QTest::newRow("less") << money(122, "EUR") << money(123, "EUR") << -1;
    QTest::newRow("greater") << money(124, "EUR") << money(123, "EUR") << 1;
    QTest::newRow("negative") << money(-5, "EUR") << money(0, "EUR") << -1;
    QTest::newRow("edges") << money(Min, "EUR") << money(Max, "EUR") << -1;
    QTest::newRow("1.23 vs 1.2300") << money(123, "EUR") << money(12300, "EUR", 4) << 0;
    QTest::newRow("1.23 vs 1.2301") << money(123, "EUR") << money(12301, "EUR", 4) << -1;
    QTest::newRow("1.2299 vs 1.23") << money(12299, "EUR", 4) << money(123, "EUR") << -1;
    QTest::newRow("-1.23 vs -1.2299") << money(-123, "EUR") << money(-12299, "EUR", 4) << -1;
    QTest::newRow("JPY 5 vs 5.0") << money(5, "JPY") << money(50, "JPY", 1) << 0;
    QTest::newRow("KWD 4 vs 6 digits") << money(1000, "KWD", 4) << money(99999, "KWD", 6) << 1;
    // Scaling the coarse amount up to 4 digits would overflow; comparing must not.
    QTest::newRow("huge cents vs 4 digits") << money(Max / 10, "EUR") << money(1, "EUR", 4) << 1;
    QTest::newRow("huge negative cents vs 4 digits")
        << money(Min / 10, "EUR") << money(-1, "EUR", 4) << -1;
    QTest::newRow("max at 4 digits vs cents")
        << money(Max, "EUR", 4) << money(Max / 100, "EUR") << 1;
}

void TestMoney::compare()
{
    QFETCH(Money, a);
    QFETCH(Money, b);
    QFETCH(int, expected);

    QCOMPARE(a.compare(b).value(), expected);
    QCOMPARE(b.compare(a).value(), -expected);
    // Exact equality also looks at the digits: 1.23 and 1.2300 compare equal but are not ==.
    QCOMPARE(a == b, expected == 0 && a.fractionDigits() == b.fractionDigits());
}

void TestMoney::split_data()
{
    QTest::addColumn<Money>("amount");
    QTest::addColumn<int>("parts");
    QTest::addColumn<QList<qint64>>("expected");

    QTest::newRow("100 in 3") << money(100, "EUR") << 3 << QList<qint64>{34, 33, 33};
    QTest::newRow("101 in 3") << money(101, "EUR") << 3 << QList<qint64>{34, 34, 33};
    QTest::newRow("-100 in 3") << money(-100, "EUR") << 3 << QList<qint64>{-34, -33, -33};
    QTest::newRow("-101 in 3") << money(-101, "EUR") << 3 << QList<qint64>{-34, -34, -33};
    QTest::newRow("one part") << money(12345, "EUR") << 1 << QList<qint64>{12345};
    QTest::newRow("even") << money(900, "JPY") << 3 << QList<qint64>{300, 300, 300};
    QTest::newRow("fewer units than parts") << money(2, "EUR") << 5 << QList<qint64>{1, 1, 0, 0, 0};
    QTest::newRow("negative fewer units") << money(-2, "EUR") << 4 << QList<qint64>{-1, -1, 0, 0};
    QTest::newRow("zero") << money(0, "KWD") << 2 << QList<qint64>{0, 0};
    QTest::newRow("max in 2") << money(Max, "EUR") << 2 << QList<qint64>{Max / 2 + 1, Max / 2};
    QTest::newRow("min in 2") << money(Min, "EUR") << 2 << QList<qint64>{Min / 2, Min / 2};
    QTest::newRow("min in 3") << money(Min, "EUR") << 3
                              << QList<qint64>{Min / 3 - 1, Min / 3 - 1, Min / 3};
}

void TestMoney::split()
{
    QFETCH(Money, amount);
    QFETCH(int, parts);
    QFETCH(QList<qint64>, expected);

    const Expected<QList<Money>> result = amount.split(parts);
    QVERIFY(result);
    QList<qint64> units;
    for (const Money& part : *result) {
        QCOMPARE(part.currencyCode(), amount.currencyCode());
        QCOMPARE(part.fractionDigits(), amount.fractionDigits());
        units.append(part.minorUnits());
    }
    QCOMPARE(units, expected);
}

void TestMoney::splitAlwaysAddsUp()
{
    QList<Money> amounts;
    for (qint64 units = -250; units <= 250; ++units)
        amounts.append(money(units, "EUR"));
    for (qint64 units : {Max, Min, Max - 1, Min + 1, qint64(1) << 53, -(qint64(1) << 53) - 1})
        amounts.append(money(units, "EUR"));
    amounts.append(money(-12345, "KWD", 5));

    for (const Money& amount : amounts) {
        for (int parts : {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 13, 97, 1000}) {
            const Expected<QList<Money>> result = amount.split(parts);
            QVERIFY(result);
            QCOMPARE(result->size(), parts);
            // Adding a high-precision part to a cent-precision zero keeps the finer digits.
            Money sum = Money::zero(*amount.currency());
            qint64 largest = result->first().minorUnits();
            qint64 smallest = largest;
            for (qsizetype i = 0; i < result->size(); ++i) {
                const Money& part = result->at(i);
                QVERIFY(!part.isNegative() || amount.isNegative()); // no part against the sign
                largest = std::max(largest, part.minorUnits());
                smallest = std::min(smallest, part.minorUnits());
                // The extra units go to the first parts: magnitudes never grow along the list.
                if (i > 0) {
                    const qint64 previous = result->at(i - 1).minorUnits();
                    QVERIFY(amount.isNegative() ? previous <= part.minorUnits()
                                                : previous >= part.minorUnits());
                }
                const Expected<Money> next = sum.plus(part);
                QVERIFY2(next, qPrintable(describe(amount)));
                sum = *next;
            }
            QVERIFY2(sum == amount,
                     qPrintable(describe(amount) + QStringLiteral(" in %1").arg(parts)));
            QVERIFY(largest - smallest <= 1);
            // Deterministic: the same split again gives the same parts.
            QCOMPARE(amount.split(parts).value(), *result);
        }
    }
}

void TestMoney::splitErrors()
{
    for (int parts : {0, -1, std::numeric_limits<int>::min()}) {
        const Expected<QList<Money>> result = money(100, "EUR").split(parts);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::InvalidArgument);
        QVERIFY(!result.error().message.isEmpty());
    }
    QCOMPARE(Money().split(2).error().kind, Error::Kind::InvalidArgument);
}

void TestMoney::toCentPrecision_data()
{
    QTest::addColumn<Money>("precise");
    QTest::addColumn<Money>("rounded");

    QTest::newRow("1.2345 down") << money(12345, "EUR", 4) << money(123, "EUR");
    QTest::newRow("1.2349 down") << money(12349, "EUR", 4) << money(123, "EUR");
    QTest::newRow("1.2351 up") << money(12351, "EUR", 4) << money(124, "EUR");
    QTest::newRow("1.2350 tie to even up") << money(12350, "EUR", 4) << money(124, "EUR");
    QTest::newRow("1.2250 tie to even down") << money(12250, "EUR", 4) << money(122, "EUR");
    QTest::newRow("1.2251 up") << money(12251, "EUR", 4) << money(123, "EUR");
    QTest::newRow("-1.2345") << money(-12345, "EUR", 4) << money(-123, "EUR");
    QTest::newRow("-1.2350 tie") << money(-12350, "EUR", 4) << money(-124, "EUR");
    QTest::newRow("-1.2250 tie") << money(-12250, "EUR", 4) << money(-122, "EUR");
    QTest::newRow("-1.2251") << money(-12251, "EUR", 4) << money(-123, "EUR");
    QTest::newRow("0.0050 tie to zero") << money(50, "EUR", 4) << money(0, "EUR");
    QTest::newRow("-0.0050 tie to zero") << money(-50, "EUR", 4) << money(0, "EUR");
    QTest::newRow("0.0150 tie up") << money(150, "EUR", 4) << money(2, "EUR");
    QTest::newRow("-0.0150 tie down") << money(-150, "EUR", 4) << money(-2, "EUR");
    QTest::newRow("0.005 three digits") << money(5, "EUR", 3) << money(0, "EUR");
    QTest::newRow("0.015 three digits") << money(15, "EUR", 3) << money(2, "EUR");
    QTest::newRow("JPY 0.5") << money(5, "JPY", 1) << money(0, "JPY");
    QTest::newRow("JPY 1.5") << money(15, "JPY", 1) << money(2, "JPY");
    QTest::newRow("JPY 2.5") << money(25, "JPY", 1) << money(2, "JPY");
    QTest::newRow("JPY -2.5") << money(-25, "JPY", 1) << money(-2, "JPY");
    QTest::newRow("KWD 1.2345 tie") << money(12345, "KWD", 4) << money(1234, "KWD");
    QTest::newRow("KWD 1.2355 tie") << money(12355, "KWD", 4) << money(1236, "KWD");
    QTest::newRow("18 digits max") << money(Max, "EUR", 18) << money(922, "EUR");
    QTest::newRow("18 digits min") << money(Min, "EUR", 18) << money(-922, "EUR");
    QTest::newRow("18 digits half") << money(5000000000000000, "EUR", 18) << money(0, "EUR");
    QTest::newRow("18 digits just over half")
        << money(5000000000000001, "EUR", 18) << money(1, "EUR");
    QTest::newRow("already cent") << money(12345, "EUR") << money(12345, "EUR");
    QTest::newRow("cent max") << money(Max, "EUR") << money(Max, "EUR");
}

void TestMoney::toCentPrecision()
{
    QFETCH(Money, precise);
    QFETCH(Money, rounded);
    const Money result = precise.toCentPrecision();
    QCOMPARE(result, rounded);
    QVERIFY(!result.isHighPrecision());
}

void TestMoney::toJson()
{
    const QJsonObject cent = money(1234, "EUR").toJson();
    QCOMPARE(cent, (QJsonObject{{u"type"_s, u"centPrecision"_s},
                                {u"currencyCode"_s, u"EUR"_s},
                                {u"centAmount"_s, 1234},
                                {u"fractionDigits"_s, 2}}));
    // Integers must stay integers in JSON, not become doubles.
    QCOMPARE(money(Max, "JPY").toJson().value(u"centAmount").toVariant().typeId(),
             QMetaType::LongLong);
    QCOMPARE(money(Max, "JPY").toJson().value(u"centAmount").toInteger(), Max);

    const QJsonObject high = money(12350, "EUR", 4).toJson();
    QCOMPARE(high, (QJsonObject{{u"type"_s, u"highPrecision"_s},
                                {u"currencyCode"_s, u"EUR"_s},
                                {u"centAmount"_s, 124},
                                {u"preciseAmount"_s, 12350},
                                {u"fractionDigits"_s, 4}}));
    QCOMPARE(money(3, "KWD").toJson().value(u"fractionDigits").toInteger(), 3);
}

void TestMoney::toDraftJson()
{
    // commercetools' Money draft has exactly these two fields; type and fractionDigits belong to
    // the typed money it answers with.
    QCOMPARE(money(1234, "EUR").toDraftJson(),
             (QJsonObject{{u"currencyCode"_s, u"EUR"_s}, {u"centAmount"_s, 1234}}));
    QCOMPARE(money(500, "JPY").toDraftJson(),
             (QJsonObject{{u"currencyCode"_s, u"JPY"_s}, {u"centAmount"_s, 500}}));
    QCOMPARE(money(Max, "JPY").toDraftJson().value(u"centAmount").toVariant().typeId(),
             QMetaType::LongLong);
    QCOMPARE(money(12350, "EUR", 4).toDraftJson(),
             (QJsonObject{{u"currencyCode"_s, u"EUR"_s}, {u"centAmount"_s, 124}}));
    QCOMPARE(Money().toDraftJson(), QJsonObject());
    // What is sent can be read back as the same amount.
    const Expected<Money> back = Money::fromJson(money(-1234, "EUR").toDraftJson());
    QVERIFY(back);
    QCOMPARE(*back, money(-1234, "EUR"));
}

void TestMoney::jsonRoundTrip_data()
{
    QTest::addColumn<Money>("amount");

    QTest::newRow("EUR") << money(1234, "EUR");
    QTest::newRow("EUR negative") << money(-1234, "EUR");
    QTest::newRow("JPY") << money(500, "JPY");
    QTest::newRow("KWD") << money(1234567, "KWD");
    QTest::newRow("zero") << money(0, "USD");
    QTest::newRow("max") << money(Max, "EUR");
    QTest::newRow("min + 1") << money(Min + 1, "EUR");
    QTest::newRow("high precision") << money(-123456789, "EUR", 7);
    QTest::newRow("high precision 18") << money(Max, "EUR", 18);
    QTest::newRow("JPY high precision") << money(15, "JPY", 1);
}

void TestMoney::jsonRoundTrip()
{
    QFETCH(Money, amount);

    const Expected<Money> direct = Money::fromJson(amount.toJson());
    QVERIFY2(direct, qPrintable(direct ? QString() : direct.error().toString()));
    QCOMPARE(*direct, amount);

    // Through bytes as well, where a double would lose the low digits of large amounts.
    const QByteArray bytes = QJsonDocument(amount.toJson()).toJson(QJsonDocument::Compact);
    const Expected<Money> parsed = storedesk::json::read<Money>(bytes);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
    QCOMPARE(*parsed, amount);
}

QTEST_GUILESS_MAIN(TestMoney)

void TestMoney::parseTypedAmounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("units"); // -1: refused

    QTest::newRow("whole") << "12"
                           << "C"
                           << "EUR" << qint64(1200);
    QTest::newRow("cents") << "12.34"
                           << "C"
                           << "EUR" << qint64(1234);
    QTest::newRow("one decimal") << "12.5"
                                 << "C"
                                 << "EUR" << qint64(1250);
    QTest::newRow("german comma") << "12,34"
                                  << "de_DE"
                                  << "EUR" << qint64(1234);
    QTest::newRow("german groups and symbol") << "1.234,50 €"
                                              << "de_DE"
                                              << "EUR" << qint64(123450);
    QTest::newRow("french spaces") << "1 234,50"
                                   << "fr_FR"
                                   << "EUR" << qint64(123450);
    QTest::newRow("english groups") << "1,234.50"
                                    << "en_US"
                                    << "USD" << qint64(123450);
    QTest::newRow("yen has no decimals") << "1500"
                                         << "ja_JP"
                                         << "JPY" << qint64(1500);
    QTest::newRow("too many decimals") << "12.345"
                                       << "C"
                                       << "EUR" << qint64(-1);
    QTest::newRow("decimals for yen") << "15.5"
                                      << "ja_JP"
                                      << "JPY" << qint64(-1);
    QTest::newRow("negative") << "-5"
                              << "C"
                              << "EUR" << qint64(-1);
    QTest::newRow("two points") << "1.2.3"
                                << "C"
                                << "EUR" << qint64(-1);
    QTest::newRow("empty") << ""
                           << "C"
                           << "EUR" << qint64(-1);
    QTest::newRow("letters only") << "abc"
                                  << "C"
                                  << "EUR" << qint64(-1);
    QTest::newRow("overflow") << "99999999999999999999"
                              << "C"
                              << "EUR" << qint64(-1);
}

void TestMoney::parseTypedAmounts()
{
    QFETCH(QString, text);
    QFETCH(QString, locale);
    QFETCH(QString, currency);
    QFETCH(qint64, units);
    const Expected<Money> parsed =
        Money::parse(text, *storedesk::Currency::fromCode(currency), QLocale(locale));
    if (units < 0) {
        QVERIFY(!parsed);
        QVERIFY(!parsed.error().message.isEmpty());
        return;
    }
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->minorUnits(), units);
    QCOMPARE(parsed->currencyCode(), currency);
}

// Issue 14: "EUR has at most 2 decimal(s)" — the English text is a real sentence for each count.
void TestMoney::tooManyDecimalsSaysHowManyInWords()
{
    const auto problem = [](const QString& text, const QString& code) {
        const Expected<Money> parsed =
            Money::parse(text, *storedesk::Currency::fromCode(code), QLocale::c());
        return parsed ? QString() : parsed.error().message;
    };
    QCOMPARE(problem(QStringLiteral("12.345"), QStringLiteral("EUR")),
             QStringLiteral("EUR has at most 2 decimals."));
    QCOMPARE(problem(QStringLiteral("1.2345"), QStringLiteral("KWD")),
             QStringLiteral("KWD has at most 3 decimals."));
    QCOMPARE(problem(QStringLiteral("15.5"), QStringLiteral("JPY")),
             QStringLiteral("JPY amounts have no decimals."));
}

#include "tst_money.moc"

void TestMoney::lastSharesMatchSplit()
{
    for (const qint64 units :
         {qint64(0), qint64(1), qint64(100), qint64(101), qint64(-101), qint64(9999), qint64(-7)}) {
        const Money amount = money(units, "EUR");
        for (int parts = 1; parts <= 9; ++parts) {
            const QList<Money> shares = amount.split(parts).value();
            for (int count = 0; count <= parts; ++count) {
                qint64 expected = 0;
                for (int i = parts - count; i < parts; ++i)
                    expected += shares.at(i).minorUnits();
                const Expected<Money> last = amount.lastShares(parts, count);
                QVERIFY(last);
                QCOMPARE(last->minorUnits(), expected);
            }
        }
    }
    QVERIFY(!money(100, "EUR").lastShares(0, 0));
    QVERIFY(!money(100, "EUR").lastShares(3, 4));
    QVERIFY(!money(100, "EUR").lastShares(3, -1));
}

void TestMoney::lastSharesOfHugeQuantities()
{
    // 10 units of 1 cent spread over 10^12 parts: the ten extra cents sit on the first parts.
    const Money amount = money(10, "EUR");
    QCOMPARE(amount.lastShares(1000000000000, 1000000000000 - 10)->minorUnits(), 0);
    QCOMPARE(amount.lastShares(1000000000000, 1000000000000 - 9)->minorUnits(), 1);
    QCOMPARE(money(Max, "EUR").lastShares(Max, Max)->minorUnits(), Max);
    QCOMPARE(money(Min, "EUR").lastShares(2, 1)->minorUnits(), Min / 2);
}
