#include "documentcases.h"
#include "domain/cart.h"
#include "domain/pagedqueryresult.h"
#include "fixtures.h"
#include "jsonpatch.h"

#include <QTest>

using namespace storedesk;
using namespace storedesk::test;
using namespace Qt::StringLiterals;

namespace {

constexpr auto seedFile = "004_25ddac526084a271.txt";

// For QVERIFY2, which evaluates its message even when the check passes.

// Every cart example, from the fixtures (always) and from the seed document (when it is here).
QList<std::pair<QString, QByteArray>> cartExamples()
{
    QList<std::pair<QString, QByteArray>> examples;
    const auto addPaged = [&](const QString& name, const QByteArray& json) {
        const QJsonArray results =
            QJsonDocument::fromJson(json).object().value(u"results").toArray();
        for (qsizetype i = 0; i < results.size(); ++i) {
            examples.append({name + u" results[%1]"_s.arg(i),
                             QJsonDocument(results.at(i).toObject()).toJson()});
        }
    };
    examples.append({u"fixture seed-cart-1"_s, readFixture(u"carts/seed-cart-1.json"_s)});
    examples.append({u"fixture seed-cart-2"_s, readFixture(u"carts/seed-cart-2.json"_s)});
    addPaged(u"fixture seed-cart-paged-1"_s, readFixture(u"carts/seed-cart-paged-1.json"_s));
    examples.append({u"fixture rich-cart"_s, readFixture(u"carts/rich-cart.json"_s)});
    if (!seedsDir().isEmpty()) {
        const QList<QByteArray> carts = seedJsonExamples(QString::fromLatin1(seedFile), u"Cart"_s);
        for (qsizetype i = 0; i < carts.size(); ++i)
            examples.append({u"seed Cart %1"_s.arg(i + 1), carts.at(i)});
        const QList<QByteArray> pages =
            seedJsonExamples(QString::fromLatin1(seedFile), u"CartPagedQueryResponse"_s);
        for (qsizetype i = 0; i < pages.size(); ++i)
            addPaged(u"seed CartPagedQueryResponse %1"_s.arg(i + 1), pages.at(i));
    }
    return examples;
}

} // namespace

class TestCart : public QObject {
    Q_OBJECT

private slots:
    void examplesMatchTheirDocument_data();
    void examplesMatchTheirDocument();
    void seedExamplesArePresent();
    void fixturesMatchSeeds_data();
    void fixturesMatchSeeds();
    void seedCartValues();
    void seedPagedQueryResponse();
    void richCartLines();
    void richCartDiscounts();
    void richCartCustomLines();
    void richCartTaxes();
    void richCartReferences();
    void emulatorFractionDigitsAreIgnored();
    void cartStates_data();
    void cartStates();
    void storeKeyAbsent();
    void malformed_data();
    void malformed();
    void negativeQuantityMessage();
    void discountAmountOverflows();
};

void TestCart::examplesMatchTheirDocument_data()
{
    QTest::addColumn<QByteArray>("json");
    for (const auto& [name, json] : cartExamples())
        QTest::newRow(qPrintable(name)) << json;
}

// Compares the model with the raw document field by field, so any cart example (including ones a
// later seed adds) checks the parser against its own source.
void TestCart::examplesMatchTheirDocument()
{
    QFETCH(QByteArray, json);
    QVERIFY(!json.isEmpty());
    const QJsonObject document = QJsonDocument::fromJson(json).object();
    const Expected<Cart> cart = Cart::fromJson(json);
    QVERIFY2(cart, qPrintable(describe(cart)));

    QCOMPARE(cart->id, document.value(u"id").toString());
    QCOMPARE(cart->version, document.value(u"version").toInteger());
    QCOMPARE(cart->key, document.value(u"key").toString());
    const QJsonObject total = document.value(u"totalPrice").toObject();
    QCOMPARE(cart->totalPrice.minorUnits(), total.value(u"centAmount").toInteger());
    QCOMPARE(cart->totalPrice.currencyCode(), total.value(u"currencyCode").toString());
    QCOMPARE(cart->country, document.value(u"country").toString());

    const QJsonArray lines = document.value(u"lineItems").toArray();
    QCOMPARE(cart->lineItems.size(), lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject line = lines.at(i).toObject();
        const LineItem& item = cart->lineItems.at(i);
        QCOMPARE(item.id, line.value(u"id").toString());
        QCOMPARE(item.productId, line.value(u"productId").toString());
        QCOMPARE(item.quantity, line.value(u"quantity").toInteger());
        QCOMPARE(item.totalPrice.minorUnits(),
                 line.value(u"totalPrice").toObject().value(u"centAmount").toInteger());
        QCOMPARE(item.price.value.toCentPrecision().minorUnits(), line.value(u"price")
                                                                      .toObject()
                                                                      .value(u"value")
                                                                      .toObject()
                                                                      .value(u"centAmount")
                                                                      .toInteger());
        QCOMPARE(item.sku, line.value(u"variant").toObject().value(u"sku").toString());
        QCOMPARE(item.variantId, line.value(u"variant").toObject().value(u"id").toInteger());
        QCOMPARE(item.name.toJson(), line.value(u"name").toObject());
    }
    QCOMPARE(cart->customLineItems.size(), document.value(u"customLineItems").toArray().size());
}

void TestCart::seedExamplesArePresent()
{
    if (seedsDir().isEmpty())
        QSKIP("the seed documents (../shared/seeds) are not here; the fixtures cover the same "
              "examples");
    // Guards the extraction itself: a changed marker line would otherwise silently test nothing.
    QCOMPARE(seedJsonExamples(QString::fromLatin1(seedFile), u"Cart"_s).size(), 2);
    QCOMPARE(seedJsonExamples(QString::fromLatin1(seedFile), u"CartPagedQueryResponse"_s).size(),
             1);
}

void TestCart::fixturesMatchSeeds_data()
{
    QTest::addColumn<QByteArray>("seed");
    QTest::addColumn<QString>("fixture");
    if (seedsDir().isEmpty())
        return;
    const auto add = [](const QString& type, const QString& prefix) {
        const QList<QByteArray> examples = seedJsonExamples(QString::fromLatin1(seedFile), type);
        for (qsizetype i = 0; i < examples.size(); ++i) {
            const QString fixture = u"carts/%1-%2.json"_s.arg(prefix).arg(i + 1);
            QTest::newRow(qPrintable(fixture)) << examples.at(i) << fixture;
        }
    };
    add(u"Cart"_s, u"seed-cart"_s);
    add(u"CartPagedQueryResponse"_s, u"seed-cart-paged"_s);
}

void TestCart::fixturesMatchSeeds()
{
    if (seedsDir().isEmpty())
        QSKIP(
            "the seed documents (../shared/seeds) are not here, so there is nothing to compare the "
            "carts/seed-*.json fixtures with");
    QFETCH(QByteArray, seed);
    QFETCH(QString, fixture);
    const QByteArray copy = readFixture(fixture);
    QVERIFY2(!copy.isEmpty(), qPrintable(fixture + u" is missing; copy it from the seed"_s));
    QCOMPARE(QJsonDocument::fromJson(copy), QJsonDocument::fromJson(seed));
}

void TestCart::seedCartValues()
{
    const Expected<Cart> cart = Cart::fromJson(readFixture(u"carts/seed-cart-1.json"_s));
    QVERIFY2(cart, qPrintable(describe(cart)));
    QCOMPARE(cart->id, u"2a3baa00-44fa-4ab8-bec7-933c31e18dcc"_s);
    QCOMPARE(cart->key, u"test-key"_s);
    QCOMPARE(cart->version, 5);
    QCOMPARE(cart->cartState, Cart::State::Active);
    QCOMPARE(cart->totalPrice, eur(5600));
    QCOMPARE(cart->storeKey(), StoreKey::parse(u"test-key").value());
    QCOMPARE(cart->createdAt, QDateTime(QDate(2015, 9, 22), QTime(15, 36, 17, 510), Qt::UTC));
    QCOMPARE(cart->lastModifiedAt, QDateTime(QDate(2015, 9, 22), QTime(15, 41, 55, 816), Qt::UTC));
    QVERIFY(!cart->taxedPrice);
    QVERIFY(cart->paymentIds.isEmpty());
    QCOMPARE(cart->lineItems.size(), 1);
    const LineItem& line = cart->lineItems.at(0);
    QCOMPARE(line.name.values().value(u"en"_s), u"SAPPHIRE"_s);
    QCOMPARE(line.sku, u"sku_SAPPHIRE_variant1_1421832124423"_s);
    QCOMPARE(line.variantId, 1);
    QCOMPARE(line.quantity, 2);
    QCOMPARE(line.price.id, u"8da659ef-9e54-447d-9c36-84912db1848f"_s);
    QCOMPARE(line.price.value, eur(2800));
    QCOMPARE(line.totalPrice, eur(5600));
    QCOMPARE(line.lineItemMode, u"Standard"_s);
    QCOMPARE(line.discountAmount().value(), eur(0));
}

void TestCart::seedPagedQueryResponse()
{
    const auto page =
        PagedQueryResult<Cart>::fromJson(readFixture(u"carts/seed-cart-paged-1.json"_s));
    QVERIFY2(page, qPrintable(describe(page)));
    QCOMPARE(page->count, 2);
    QCOMPARE(page->total, std::optional<qint64>(2));
    QCOMPARE(page->results.size(), 2);
    QCOMPARE(page->results.at(0).totalPrice, eur(5600));
    const Cart& second = page->results.at(1);
    QCOMPARE(second.id, u"668e5783-73c8-4f2d-91f4-3c90b872c700"_s);
    QCOMPARE(second.version, 3);
    QCOMPARE(second.totalPrice, eur(8400));
    QCOMPARE(second.country, u"DE"_s);
    QVERIFY(!second.store);
    QVERIFY(!second.storeKey());
    QCOMPARE(second.lineItems.size(), 1);
    QCOMPARE(second.lineItems.at(0).name.values().value(u"de"_s), u"WB ATHLETIC PANZER"_s);
    QCOMPARE(second.lineItems.at(0).name.values().value(u"en"_s), u"WB ATHLETIC TANK"_s);
    QCOMPARE(second.lineItems.at(0).sku, u"sku_WB_ATHLETIC_TANK_variant1_1421832124574"_s);
    QCOMPARE(second.lineItems.at(0).quantity, 1);
    QCOMPARE(second.lineItems.at(0).totalPrice, eur(8400));
}

void TestCart::richCartLines()
{
    const Expected<Cart> cart = Cart::fromJson(readFixture(u"carts/rich-cart.json"_s));
    QVERIFY2(cart, qPrintable(describe(cart)));
    QCOMPARE(cart->lineItems.size(), 3);

    const LineItem& coffee = cart->lineItems.at(0);
    QCOMPARE(coffee.productKey, u"espresso-beans"_s);
    QCOMPARE(coffee.sku, u"ESP-1KG"_s);
    QCOMPARE(coffee.variantId, 2);
    QCOMPARE(coffee.quantity, 3);
    QCOMPARE(coffee.name.values().value(u"de"_s), u"Espressobohnen 1 kg"_s);
    QCOMPARE(coffee.totalPrice, eur(6723));

    const LineItem& tea = cart->lineItems.at(1);
    QVERIFY(tea.price.value.isHighPrecision());
    QCOMPARE(tea.price.value.minorUnits(), 12345);
    QCOMPARE(tea.price.value.fractionDigits(), 4);
    QCOMPARE(tea.price.value.toCentPrecision(), eur(123));
    QCOMPARE(tea.quantity, 250);
    QCOMPARE(tea.totalPrice, eur(30862));
    QVERIFY(tea.productKey.isEmpty());
}

void TestCart::richCartDiscounts()
{
    const Expected<Cart> cart = Cart::fromJson(readFixture(u"carts/rich-cart.json"_s));
    QVERIFY2(cart, qPrintable(describe(cart)));

    // Cart discount: 10% off 3 × 24.90.
    const LineItem& coffee = cart->lineItems.at(0);
    QCOMPARE(coffee.discountedPricePerQuantity.size(), 1);
    const DiscountedPricePerQuantity& discounted = coffee.discountedPricePerQuantity.at(0);
    QCOMPARE(discounted.quantity, 3);
    QCOMPARE(discounted.value, eur(2241));
    QCOMPARE(discounted.includedDiscounts.size(), 1);
    QCOMPARE(discounted.includedDiscounts.at(0).discount.typeId, u"cart-discount"_s);
    QCOMPARE(discounted.includedDiscounts.at(0).discount.id, u"cd-coffee-10"_s);
    QCOMPARE(discounted.includedDiscounts.at(0).discountedAmount, eur(249));
    QCOMPARE(coffee.effectiveUnitPrice(), eur(2490));
    QCOMPARE(coffee.discountAmount().value(), eur(747));

    // 1.2345 × 250 = 308.625, which commercetools rounds half-even to 308.62: no discount at all.
    const LineItem& tea = cart->lineItems.at(1);
    QCOMPARE(tea.effectiveUnitPrice(), tea.price.value);
    QCOMPARE(tea.discountAmount().value(), eur(0));
    QVERIFY(tea.discountAmount()->isZero());

    // Product discount: 12.00 → 9.00.
    const LineItem& mug = cart->lineItems.at(2);
    QCOMPARE(mug.price.discounted, std::optional<Money>(eur(900)));
    QCOMPARE(mug.price.productDiscount->id, u"pd-mugs-25"_s);
    QCOMPARE(mug.effectiveUnitPrice(), eur(900));
    QCOMPARE(mug.discountAmount().value(), eur(600));

    QCOMPARE(cart->discountCodes.size(), 1);
    QCOMPARE(cart->discountCodes.at(0).discountCode.id, u"dc-coffee"_s);
    QCOMPARE(cart->discountCodes.at(0).state, u"MatchesCart"_s);
}

void TestCart::richCartCustomLines()
{
    const Expected<Cart> cart = Cart::fromJson(readFixture(u"carts/rich-cart.json"_s));
    QVERIFY2(cart, qPrintable(describe(cart)));
    QCOMPARE(cart->customLineItems.size(), 2);
    const CustomLineItem& staff = cart->customLineItems.at(0);
    QCOMPARE(staff.slug, u"staff-discount"_s);
    QCOMPARE(staff.name.values().value(u"en"_s), u"Staff discount"_s);
    QCOMPARE(staff.money, eur(-500));
    QVERIFY(staff.money.isNegative());
    QCOMPARE(staff.quantity, 1);
    QCOMPARE(staff.totalPrice, eur(-500));
    QVERIFY(staff.taxedPrice);
    QCOMPARE(staff.taxedPrice->totalTax, std::optional<Money>(eur(-80)));
    QCOMPARE(cart->customLineItems.at(1).quantity, 2);
    QVERIFY(!cart->customLineItems.at(1).taxedPrice);

    // The lines add up to the cart total (the fixture has no shipping).
    Money sum = eur(0);
    for (const LineItem& line : cart->lineItems)
        sum = sum.plus(line.totalPrice).value();
    for (const CustomLineItem& line : cart->customLineItems)
        sum = sum.plus(line.totalPrice).value();
    QCOMPARE(sum, cart->totalPrice);
}

void TestCart::richCartTaxes()
{
    const Expected<Cart> cart = Cart::fromJson(readFixture(u"carts/rich-cart.json"_s));
    QVERIFY2(cart, qPrintable(describe(cart)));
    QVERIFY(cart->taxedPrice);
    const TaxedPrice& taxed = *cart->taxedPrice;
    QCOMPARE(taxed.totalGross, eur(38905));
    QCOMPARE(taxed.totalNet, eur(36235));
    QCOMPARE(taxed.totalTax, std::optional<Money>(eur(2670)));
    QCOMPARE(taxed.taxPortions.size(), 2);
    QCOMPARE(taxed.taxPortions.at(0).name, u"7% MwSt"_s);
    QCOMPARE(taxed.taxPortions.at(0).ratePpm, 70000);
    QCOMPARE(taxed.taxPortions.at(0).amount, eur(2459));
    QCOMPARE(taxed.taxPortions.at(1).ratePpm, 190000);
    QCOMPARE(taxed.taxPortions.at(1).amount, eur(211));
    QCOMPARE(taxed.totalNet.plus(*taxed.totalTax).value(), taxed.totalGross);

    const LineItem& coffee = cart->lineItems.at(0);
    QVERIFY(coffee.taxedPrice);
    QCOMPARE(coffee.taxedPrice->totalNet, eur(6283));
    QCOMPARE(coffee.taxedPrice->taxPortions.size(), 1);
    QCOMPARE(coffee.taxedPrice->taxPortions.at(0).ratePpm, 70000);
    QVERIFY(!cart->lineItems.at(1).taxedPrice);
}

void TestCart::richCartReferences()
{
    const Expected<Cart> cart = Cart::fromJson(readFixture(u"carts/rich-cart.json"_s));
    QVERIFY2(cart, qPrintable(describe(cart)));
    QCOMPARE(cart->store, (Reference{u"store"_s, QString(), u"berlin-mitte"_s}));
    QCOMPARE(cart->storeKey(), StoreKey::parse(u"berlin-mitte").value());
    QCOMPARE(cart->paymentIds, QStringList({u"b2000000-0000-4000-8000-000000000001"_s,
                                            u"b2000000-0000-4000-8000-000000000002"_s}));
    QCOMPARE(cart->customerEmail, u"kim@example.com"_s);
    QCOMPARE(cart->customerId, u"c0ffee00-1111-4222-8333-444455556666"_s);
    QCOMPARE(cart->anonymousId, u"anon-7f3e"_s);
    QCOMPARE(cart->locale, u"de-DE"_s);
    QCOMPARE(cart->version, 17);
    QCOMPARE(cart->lastModifiedAt, QDateTime(QDate(2026, 11, 22), QTime(9, 21, 44, 987), Qt::UTC));
}

void TestCart::emulatorFractionDigitsAreIgnored()
{
    // The emulator reports "fractionDigits": 0 on some EUR totals; EUR has two digits regardless.
    const Expected<Cart> rich = Cart::fromJson(readFixture(u"carts/rich-cart.json"_s));
    QVERIFY2(rich, qPrintable(describe(rich)));
    QCOMPARE(rich->totalPrice.fractionDigits(), 2);
    QCOMPARE(rich->totalPrice, eur(38905));

    QJsonObject cart = fixtureObject(u"carts/seed-cart-1.json"_s);
    cart = withValue(cart, u"totalPrice.centAmount"_s, 1234);
    cart = withValue(cart, u"totalPrice.fractionDigits"_s, 0);
    cart = withValue(cart, u"lineItems[0].totalPrice.fractionDigits"_s, 0);
    const Expected<Cart> parsed = Cart::fromJson(toBytes(cart));
    QVERIFY2(parsed, qPrintable(describe(parsed)));
    QCOMPARE(parsed->totalPrice.minorUnits(), 1234);
    QCOMPARE(parsed->totalPrice.fractionDigits(), 2);
    const QString shown = parsed->totalPrice.toString(QLocale::c());
    QVERIFY2(shown.contains(u"12.34"_s), qPrintable(shown));
    QVERIFY2(!shown.contains(u"1234"_s), qPrintable(shown));
    QCOMPARE(parsed->lineItems.at(0).totalPrice.fractionDigits(), 2);
}

void TestCart::cartStates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Cart::State>("state");
    QTest::newRow("Active") << u"Active"_s << Cart::State::Active;
    QTest::newRow("Merged") << u"Merged"_s << Cart::State::Merged;
    QTest::newRow("Ordered") << u"Ordered"_s << Cart::State::Ordered;
    QTest::newRow("Frozen") << u"Frozen"_s << Cart::State::Frozen;
}

void TestCart::cartStates()
{
    QFETCH(QString, name);
    QFETCH(Cart::State, state);
    const QJsonObject cart =
        withValue(fixtureObject(u"carts/seed-cart-1.json"_s), u"cartState"_s, name);
    const Expected<Cart> parsed = Cart::fromJson(toBytes(cart));
    QVERIFY2(parsed, qPrintable(describe(parsed)));
    QCOMPARE(parsed->cartState, state);
}

void TestCart::storeKeyAbsent()
{
    const QJsonObject cart = without(fixtureObject(u"carts/rich-cart.json"_s), u"store"_s);
    const Expected<Cart> parsed = Cart::fromJson(toBytes(cart));
    QVERIFY2(parsed, qPrintable(describe(parsed)));
    QVERIFY(!parsed->store);
    QVERIFY(!parsed->storeKey());
}

void TestCart::malformed_data()
{
    addDefectColumns();
    using K = Error::Kind;
    const auto row = addDefect;

    // Wrong types.
    row("quantity as a string", u"lineItems[0].quantity"_s, u"3"_s, u"lineItems[0].quantity"_s,
        K::InvalidValue);
    row("quantity fractional", u"lineItems[2].quantity"_s, 1.5, u"lineItems[2].quantity"_s,
        K::InvalidValue);
    row("centAmount as a decimal", u"totalPrice.centAmount"_s, 389.05, u"totalPrice.centAmount"_s,
        K::InvalidValue);
    row("centAmount as a string", u"lineItems[1].totalPrice.centAmount"_s, u"30862"_s,
        u"lineItems[1].totalPrice.centAmount"_s, K::InvalidValue);
    row("version as a string", u"version"_s, u"17"_s, u"version"_s, K::InvalidValue);
    row("id as a number", u"id"_s, 5, u"id"_s, K::InvalidValue);
    row("lineItems an object", u"lineItems"_s, QJsonObject(), u"lineItems"_s, K::InvalidValue);
    row("line item an array", u"lineItems[1]"_s, QJsonArray(), u"lineItems[1]"_s, K::InvalidValue);
    row("name value a number", u"lineItems[0].name.de"_s, 7, u"lineItems[0].name.de"_s,
        K::InvalidValue);
    row("sku a number", u"lineItems[0].variant.sku"_s, 42, u"lineItems[0].variant.sku"_s,
        K::InvalidValue);
    row("tax rate a string", u"taxedPrice.taxPortions[0].rate"_s, u"0.07"_s,
        u"taxedPrice.taxPortions[0].rate"_s, K::InvalidValue);
    row("tax rate above 1", u"taxedPrice.taxPortions[1].rate"_s, 19,
        u"taxedPrice.taxPortions[1].rate"_s, K::InvalidValue);
    row("tax rate negative", u"lineItems[0].taxedPrice.taxPortions[0].rate"_s, -0.07,
        u"lineItems[0].taxedPrice.taxPortions[0].rate"_s, K::InvalidValue);
    row("createdAt not a date", u"createdAt"_s, u"22.11.2026 09:15"_s, u"createdAt"_s,
        K::InvalidValue);
    row("store not an object", u"store"_s, u"berlin-mitte"_s, u"store"_s, K::InvalidValue);
    row("paymentInfo.payments an object", u"paymentInfo.payments"_s, QJsonObject(),
        u"paymentInfo.payments"_s, K::InvalidValue);

    // Missing fields.
    row("no id", u"id"_s, removed, u"id"_s, K::MissingValue);
    row("no version", u"version"_s, removed, u"version"_s, K::MissingValue);
    row("no totalPrice", u"totalPrice"_s, removed, u"totalPrice"_s, K::MissingValue);
    row("no cartState", u"cartState"_s, removed, u"cartState"_s, K::MissingValue);
    row("no line price", u"lineItems[1].price"_s, removed, u"lineItems[1].price"_s,
        K::MissingValue);
    row("no line quantity", u"lineItems[2].quantity"_s, removed, u"lineItems[2].quantity"_s,
        K::MissingValue);
    row("no variant", u"lineItems[0].variant"_s, removed, u"lineItems[0].variant"_s,
        K::MissingValue);
    row("no variant id", u"lineItems[0].variant.id"_s, removed, u"lineItems[0].variant.id"_s,
        K::MissingValue);
    row("no currencyCode", u"totalPrice.currencyCode"_s, removed, u"totalPrice.currencyCode"_s,
        K::MissingValue);
    row("no custom line money", u"customLineItems[1].money"_s, removed,
        u"customLineItems[1].money"_s, K::MissingValue);
    row("no tax portion rate", u"taxedPrice.taxPortions[1].rate"_s, removed,
        u"taxedPrice.taxPortions[1].rate"_s, K::MissingValue);
    row("payment reference without id", u"paymentInfo.payments[1].id"_s, removed,
        u"paymentInfo.payments[1].id"_s, K::MissingValue);
    row("store reference without key", u"store.key"_s, removed, u"store.key"_s, K::MissingValue);

    // Other currencies, reported at the offending amount.
    row("line total in USD", u"lineItems[1].totalPrice.currencyCode"_s, u"USD"_s,
        u"lineItems[1].totalPrice.currencyCode"_s, K::CurrencyMismatch);
    row("line price in USD", u"lineItems[0].price.value.currencyCode"_s, u"USD"_s,
        u"lineItems[0].price.value.currencyCode"_s, K::CurrencyMismatch);
    row("product-discounted price in USD", u"lineItems[2].price.discounted.value.currencyCode"_s,
        u"USD"_s, u"lineItems[2].price.discounted.value.currencyCode"_s, K::CurrencyMismatch);
    row("cart-discounted price in GBP",
        u"lineItems[0].discountedPricePerQuantity[0].discountedPrice.value.currencyCode"_s,
        u"GBP"_s,
        u"lineItems[0].discountedPricePerQuantity[0].discountedPrice.value.currencyCode"_s,
        K::CurrencyMismatch);
    row("included discount in GBP",
        u"lineItems[0].discountedPricePerQuantity[0].discountedPrice"
        u".includedDiscounts[0].discountedAmount.currencyCode"_s,
        u"GBP"_s,
        u"lineItems[0].discountedPricePerQuantity[0].discountedPrice"
        u".includedDiscounts[0].discountedAmount.currencyCode"_s,
        K::CurrencyMismatch);
    row("line net in CHF", u"lineItems[0].taxedPrice.totalNet.currencyCode"_s, u"CHF"_s,
        u"lineItems[0].taxedPrice.totalNet.currencyCode"_s, K::CurrencyMismatch);
    row("custom line money in USD", u"customLineItems[0].money.currencyCode"_s, u"USD"_s,
        u"customLineItems[0].money.currencyCode"_s, K::CurrencyMismatch);
    row("custom line tax in USD",
        u"customLineItems[0].taxedPrice.taxPortions[0].amount.currencyCode"_s, u"USD"_s,
        u"customLineItems[0].taxedPrice.taxPortions[0].amount.currencyCode"_s, K::CurrencyMismatch);
    row("cart tax portion in USD", u"taxedPrice.taxPortions[1].amount.currencyCode"_s, u"USD"_s,
        u"taxedPrice.taxPortions[1].amount.currencyCode"_s, K::CurrencyMismatch);
    row("cart gross in USD", u"taxedPrice.totalGross.currencyCode"_s, u"USD"_s,
        u"taxedPrice.totalGross.currencyCode"_s, K::CurrencyMismatch);
    row("lowercase currency", u"totalPrice.currencyCode"_s, u"eur"_s, u"totalPrice.currencyCode"_s,
        K::UnknownCurrency);
    row("unknown currency on a line", u"lineItems[2].totalPrice.currencyCode"_s, u"XYZ"_s,
        u"lineItems[2].totalPrice.currencyCode"_s, K::UnknownCurrency);
    row("high precision with too few digits", u"lineItems[1].price.value.fractionDigits"_s, 1,
        u"lineItems[1].price.value.fractionDigits"_s, K::InvalidValue);

    // Values outside the closed sets and rules.
    row("unknown cartState", u"cartState"_s, u"Paid"_s, u"cartState"_s, K::InvalidValue);
    row("lowercase cartState", u"cartState"_s, u"active"_s, u"cartState"_s, K::InvalidValue);
    row("negative quantity", u"lineItems[1].quantity"_s, -1, u"lineItems[1].quantity"_s,
        K::InvalidValue);
    row("negative custom quantity", u"customLineItems[0].quantity"_s, -2,
        u"customLineItems[0].quantity"_s, K::InvalidValue);
    row("negative discounted quantity", u"lineItems[0].discountedPricePerQuantity[0].quantity"_s,
        -3, u"lineItems[0].discountedPricePerQuantity[0].quantity"_s, K::InvalidValue);
    row("store key breaks the rule", u"store.key"_s, u"berlin/mitte"_s, u"store.key"_s,
        K::InvalidValue);
    row("store reference to a channel", u"store.typeId"_s, u"channel"_s, u"store.typeId"_s,
        K::InvalidValue);
    row("payment reference to an order", u"paymentInfo.payments[0].typeId"_s, u"order"_s,
        u"paymentInfo.payments[0].typeId"_s, K::InvalidValue);
    row("discount code reference to a cart discount", u"discountCodes[0].discountCode.typeId"_s,
        u"cart-discount"_s, u"discountCodes[0].discountCode.typeId"_s, K::InvalidValue);
    row("unknown money type", u"lineItems[0].totalPrice.type"_s, u"bitcoin"_s,
        u"lineItems[0].totalPrice.type"_s, K::InvalidValue);
}

void TestCart::malformed()
{
    verifyDefect<Cart>(fixtureObject(u"carts/rich-cart.json"_s));
}

void TestCart::negativeQuantityMessage()
{
    const QJsonObject cart =
        withValue(fixtureObject(u"carts/rich-cart.json"_s), u"lineItems[0].quantity"_s, -5);
    const Expected<Cart> parsed = Cart::fromJson(toBytes(cart));
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().toString(), u"lineItems[0].quantity: must not be negative"_s);

    const QJsonObject usd = withValue(fixtureObject(u"carts/rich-cart.json"_s),
                                      u"lineItems[1].totalPrice.currencyCode"_s, u"USD"_s);
    const Expected<Cart> mismatch = Cart::fromJson(toBytes(usd));
    QVERIFY(!mismatch);
    QVERIFY2(mismatch.error().message.contains(u"EUR"_s) &&
                 mismatch.error().message.contains(u"USD"_s),
             qPrintable(mismatch.error().message));
}

void TestCart::discountAmountOverflows()
{
    QJsonObject line =
        fixtureObject(u"carts/seed-cart-1.json"_s).value(u"lineItems").toArray().at(0).toObject();
    line = withValue(line, u"price.value.centAmount"_s, qint64(1) << 62);
    line = withValue(line, u"quantity"_s, 4);
    const Expected<LineItem> item = LineItem::fromJson(toBytes(line));
    QVERIFY2(item, qPrintable(describe(item)));
    const Expected<Money> discount = item->discountAmount();
    QVERIFY(!discount);
    QCOMPARE(discount.error().kind, Error::Kind::Overflow);
}

QTEST_GUILESS_MAIN(TestCart)
#include "tst_cart.moc"
