#include "documentcases.h"
#include "domain/cart.h"
#include "domain/order.h"
#include "domain/payment.h"
#include "domain/store.h"
#include "fixtures.h"
#include "jsonpatch.h"

#include <QElapsedTimer>
#include <QTest>

using namespace storedesk;
using namespace storedesk::test;
using namespace Qt::StringLiterals;

// Documents a hostile or broken server could send. Each one is either parsed exactly or rejected
// with an Error naming what is wrong; none may crash, hang or lose precision.
namespace {

QByteArray seedCart()
{
    return readFixture(u"carts/seed-cart-1.json"_s);
}

QJsonObject seedCartObject()
{
    return QJsonDocument::fromJson(seedCart()).object();
}

// The seed cart with both its line total and its cart total (each 5600) replaced by `amount`,
// written as raw text so that no double ever touches the number.
QByteArray seedCartWithTotals(const QByteArray& amount)
{
    QByteArray json = seedCart();
    const QByteArray total = R"("centAmount" : 5600)";
    Q_ASSERT(json.count(total) == 2);
    return json.replace(total, R"("centAmount" : )" + amount);
}

// A cart with `lines` line items (about 530 bytes each as compact JSON). Line `negativeLine`, if
// any, gets a negative quantity.
QByteArray generatedCart(int lines, qint64* expectedTotal, int negativeLine = -1)
{
    QJsonArray lineItems;
    qint64 total = 0;
    for (int i = 0; i < lines; ++i) {
        const QString n = QString::number(i);
        const qint64 unit = 100 + i % 997;
        const qint64 quantity = i == negativeLine ? -5 : 1 + i % 5;
        total += unit * quantity;
        lineItems.append(QJsonObject{
            {u"id"_s, u"line-"_s + n},
            {u"productId"_s, u"product-"_s + n},
            {u"productKey"_s, u"key-"_s + n},
            {u"name"_s, QJsonObject{{u"en"_s, u"Generated product number "_s + n},
                                    {u"de"_s, u"Erzeugtes Produkt Nummer "_s + n}}},
            {u"variant"_s, QJsonObject{{u"id"_s, 1},
                                       {u"sku"_s, u"SKU-"_s + n},
                                       {u"prices"_s, QJsonArray()},
                                       {u"attributes"_s, QJsonArray()}}},
            {u"price"_s, QJsonObject{{u"id"_s, u"price-"_s + n}, {u"value"_s, eur(unit).toJson()}}},
            {u"quantity"_s, quantity},
            {u"discountedPricePerQuantity"_s, QJsonArray()},
            {u"totalPrice"_s, eur(unit * quantity).toJson()},
            {u"lineItemMode"_s, u"Standard"_s},
            {u"priceMode"_s, u"Platform"_s},
        });
    }
    const QJsonObject cart{
        {u"id"_s, u"big-cart"_s},
        {u"version"_s, 1},
        {u"cartState"_s, u"Active"_s},
        {u"lineItems"_s, lineItems},
        {u"customLineItems"_s, QJsonArray()},
        {u"totalPrice"_s, eur(total).toJson()},
    };
    *expectedTotal = total;
    return QJsonDocument(cart).toJson(QJsonDocument::Compact);
}

} // namespace

class TestHostileDocuments : public QObject {
    Q_OBJECT

private slots:
    void largeIntegersStayExact_data();
    void largeIntegersStayExact();
    void integersBeyond64BitsOverflow_data();
    void integersBeyond64BitsOverflow();
    void rejected_data();
    void rejected();
    void rejectedEverywhere_data();
    void rejectedEverywhere();
    void currencyMessagesStayShort();
    void deepNestingInsideAField();
    void tenMegabyteCart();
    void textIsKeptVerbatim();
};

void TestHostileDocuments::largeIntegersStayExact_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("value");
    QTest::newRow("2^53 + 1") << QByteArray("9007199254740993") << qint64(9007199254740993);
    QTest::newRow("-(2^53 + 1)") << QByteArray("-9007199254740993") << qint64(-9007199254740993);
    QTest::newRow("int64 max") << QByteArray("9223372036854775807")
                               << std::numeric_limits<qint64>::max();
    // -2^63 itself is left out: Qt's JSON parser hands it over as a double, and the reader then
    // rejects it as beyond 64 bits (safe, if not exact).
    QTest::newRow("int64 min + 1")
        << QByteArray("-9223372036854775807") << std::numeric_limits<qint64>::min() + 1;
}

void TestHostileDocuments::largeIntegersStayExact()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, value);
    const Expected<Cart> cart = Cart::fromJson(seedCartWithTotals(text));
    QVERIFY2(cart, qPrintable(describe(cart)));
    QCOMPARE(cart->totalPrice.minorUnits(), value);
    QCOMPARE(cart->lineItems.at(0).totalPrice.minorUnits(), value);
}

void TestHostileDocuments::integersBeyond64BitsOverflow_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("int64 max + 1") << QByteArray("9223372036854775808");
    QTest::newRow("int64 min - 1") << QByteArray("-9223372036854775809");
    QTest::newRow("2^64") << QByteArray("18446744073709551616");
    QTest::newRow("30 digits") << QByteArray("123456789012345678901234567890");
    QTest::newRow("exponent") << QByteArray("1e30");
}

void TestHostileDocuments::integersBeyond64BitsOverflow()
{
    QFETCH(QByteArray, text);
    const Expected<Cart> cart = Cart::fromJson(seedCartWithTotals(text));
    QVERIFY(!cart);
    QCOMPARE(cart.error().kind, Error::Kind::Overflow);
    QCOMPARE(cart.error().path, u"totalPrice.centAmount"_s);
}

void TestHostileDocuments::rejected_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("path");
    using K = Error::Kind;

    const QJsonObject cart = seedCartObject();
    const auto row = [](const char* name, const QByteArray& json, Error::Kind kind,
                        const QString& path) {
        QTest::newRow(name) << json << kind << path;
    };
    const auto edited = [&cart](const QString& path, const QJsonValue& value) {
        return toBytes(withValue(cart, path, value));
    };

    row("empty input", QByteArray(), K::InvalidJson, QString());
    row("whitespace only", "  \n\t ", K::InvalidJson, QString());
    row("array root", "[]", K::InvalidJson, QString());
    row("array of the cart", "[" + seedCart() + "]", K::InvalidJson, QString());
    row("string root", R"("cart")", K::InvalidJson, QString());
    row("number root", "42", K::InvalidJson, QString());
    row("null root", "null", K::InvalidJson, QString());
    row("truncated", seedCart().left(seedCart().size() / 2), K::InvalidJson, QString());
    row("truncated by one byte", seedCart().trimmed().chopped(1), K::InvalidJson, QString());
    row("trailing garbage", seedCart() + "}", K::InvalidJson, QString());
    row("100000 [", QByteArray(100000, '['), K::InvalidJson, QString());
    row("100000 {\"a\":", QByteArray("{\"a\":").repeated(100000), K::InvalidJson, QString());
    row("invalid UTF-8 in a name", seedCart().replace("SAPPHIRE", "SAPP\xff\xfeIRE"),
        K::InvalidJson, QString());
    row("NaN literal", seedCartWithTotals("NaN"), K::InvalidJson, QString());

    row("negative quantity", edited(u"lineItems[0].quantity"_s, -2), K::InvalidValue,
        u"lineItems[0].quantity"_s);
    row("missing currency", toBytes(without(cart, u"totalPrice.currencyCode"_s)), K::MissingValue,
        u"totalPrice.currencyCode"_s);
    row("null currency", edited(u"totalPrice.currencyCode"_s, QJsonValue::Null), K::MissingValue,
        u"totalPrice.currencyCode"_s);
    row("unknown currency", edited(u"totalPrice.currencyCode"_s, u"ABC"_s), K::UnknownCurrency,
        u"totalPrice.currencyCode"_s);
    row("lowercase currency", edited(u"lineItems[0].price.value.currencyCode"_s, u"eur"_s),
        K::UnknownCurrency, u"lineItems[0].price.value.currencyCode"_s);
    row("currency with spaces", edited(u"totalPrice.currencyCode"_s, u" EUR"_s), K::UnknownCurrency,
        u"totalPrice.currencyCode"_s);
    row("currency a number", edited(u"totalPrice.currencyCode"_s, 978), K::InvalidValue,
        u"totalPrice.currencyCode"_s);
    row("array instead of totalPrice", edited(u"totalPrice"_s, QJsonArray{5600}), K::InvalidValue,
        u"totalPrice"_s);
    row("array instead of a line item", edited(u"lineItems[0]"_s, QJsonArray()), K::InvalidValue,
        u"lineItems[0]"_s);
    row("array instead of a name", edited(u"lineItems[0].name"_s, QJsonArray{u"SAPPHIRE"_s}),
        K::InvalidValue, u"lineItems[0].name"_s);
    row("array instead of the store", edited(u"store"_s, QJsonArray()), K::InvalidValue,
        u"store"_s);
    row("string instead of lineItems", edited(u"lineItems"_s, u"[]"_s), K::InvalidValue,
        u"lineItems"_s);
    row("boolean quantity", edited(u"lineItems[0].quantity"_s, true), K::InvalidValue,
        u"lineItems[0].quantity"_s);
    row("object quantity", edited(u"lineItems[0].quantity"_s, QJsonObject()), K::InvalidValue,
        u"lineItems[0].quantity"_s);
}

void TestHostileDocuments::rejected()
{
    QFETCH(QByteArray, json);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, path);
    const Expected<Cart> cart = Cart::fromJson(json);
    QVERIFY2(!cart, "a hostile document was accepted");
    QCOMPARE(cart.error().kind, kind);
    QCOMPARE(cart.error().path, path);
    QVERIFY(!cart.error().message.isEmpty());
}

// Every entity answers a broken document with an error, never a crash or a half-read value.
void TestHostileDocuments::rejectedEverywhere_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("array") << QByteArray("[{}]");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("deep") << QByteArray(100000, '[') + QByteArray(100000, ']');
    QTest::newRow("truncated") << QByteArray(R"({"id": "x", "version": 1, "key": "ab)");
}

void TestHostileDocuments::rejectedEverywhere()
{
    QFETCH(QByteArray, json);
    QVERIFY(!Cart::fromJson(json));
    QVERIFY(!Order::fromJson(json));
    QVERIFY(!Payment::fromJson(json));
    QVERIFY(!Store::fromJson(json));
    QVERIFY(!LineItem::fromJson(json));
    QVERIFY(!TaxedPrice::fromJson(json));
    QVERIFY(!Reference::fromJson(json));
}

void TestHostileDocuments::currencyMessagesStayShort()
{
    const QString junk = QString(1 << 20, QLatin1Char('E'));
    const Expected<Cart> cart =
        Cart::fromJson(toBytes(withValue(seedCartObject(), u"totalPrice.currencyCode"_s, junk)));
    QVERIFY(!cart);
    QCOMPARE(cart.error().kind, Error::Kind::UnknownCurrency);
    QVERIFY2(cart.error().message.size() < 200,
             qPrintable(QString::number(cart.error().message.size())));

    const Expected<Cart> state =
        Cart::fromJson(toBytes(withValue(seedCartObject(), u"cartState"_s, junk)));
    QVERIFY(!state);
    QCOMPARE(state.error().path, u"cartState"_s);
    QVERIFY2(state.error().message.size() < 300,
             qPrintable(QString::number(state.error().message.size())));
}

void TestHostileDocuments::deepNestingInsideAField()
{
    QByteArray json = seedCart();
    const QByteArray key = R"("key" : "test-key",)";
    QVERIFY(json.contains(key));
    json.replace(key, R"("key" : )" + QByteArray(5000, '[') + QByteArray(5000, ']') + ",");
    const Expected<Cart> cart = Cart::fromJson(json);
    QVERIFY(!cart);
    // Either the JSON parser's depth limit or the type check stops it; both name the problem.
    QVERIFY(cart.error().kind == Error::Kind::InvalidJson || cart.error().path == u"key"_s);
}

void TestHostileDocuments::tenMegabyteCart()
{
    qint64 expectedTotal = 0;
    const int lines = 20000;
    const QByteArray json = generatedCart(lines, &expectedTotal);
    QVERIFY2(json.size() > 9'000'000, qPrintable(QString::number(json.size())));

    QElapsedTimer timer;
    timer.start();
    const Expected<Cart> cart = Cart::fromJson(json);
    QVERIFY2(cart, qPrintable(describe(cart)));
    qInfo("parsed %lld bytes with %d lines in %lld ms", qlonglong(json.size()), lines,
          qlonglong(timer.elapsed()));

    QCOMPARE(cart->lineItems.size(), lines);
    QCOMPARE(cart->totalPrice.minorUnits(), expectedTotal);
    Money sum = Money::zero(*cart->totalPrice.currency());
    qint64 quantity = 0;
    for (const LineItem& line : cart->lineItems) {
        sum = sum.plus(line.totalPrice).value();
        quantity += line.quantity;
    }
    QCOMPARE(sum, cart->totalPrice);
    QCOMPARE(quantity, qint64(lines / 5 * (1 + 2 + 3 + 4 + 5)));
    QCOMPARE(cart->lineItems.last().sku, u"SKU-19999"_s);

    // One bad line deep inside is still found, with its index.
    const Expected<Cart> rejected = Cart::fromJson(generatedCart(lines, &expectedTotal, 12345));
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().path, u"lineItems[12345].quantity"_s);
}

void TestHostileDocuments::textIsKeptVerbatim()
{
    const QString html = u"<script>alert('x')</script><b>&amp;</b>"_s;
    const QString control = QString::fromUtf16(u"tab\there\r\nnul\0esc\x1b[31mbell\a end", 35);
    const QString unicode = u"Caf\u00e9 \u202eRTL\u202c \U0001F600 \uFEFF"_s;
    QJsonObject cart = seedCartObject();
    cart = withValue(cart, u"lineItems[0].name.en"_s, html);
    cart = withValue(cart, u"lineItems[0].name.de"_s, control);
    cart = withValue(cart, u"lineItems[0].name.fr"_s, unicode);
    cart = withValue(cart, u"lineItems[0].variant.sku"_s, control);
    cart = withValue(cart, u"customerEmail"_s, html);

    const Expected<Cart> parsed = Cart::fromJson(toBytes(cart));
    QVERIFY2(parsed, qPrintable(describe(parsed)));
    const LineItem& line = parsed->lineItems.at(0);
    QCOMPARE(line.name.values().value(u"en"_s), html);
    QCOMPARE(line.name.values().value(u"de"_s), control);
    QCOMPARE(line.name.values().value(u"de"_s).size(), 35);
    QCOMPARE(line.name.values().value(u"fr"_s), unicode);
    QCOMPARE(line.sku, control);
    QCOMPARE(parsed->customerEmail, html);
}

QTEST_GUILESS_MAIN(TestHostileDocuments)
#include "tst_hostiledocuments.moc"
