// JsonObjectScan and readResourceHeader: the server's byte-level reading of commercetools
// resources. The scan accepts RFC 8259 JSON objects only — never anything Qt's own parser refuses
// (the bytes go to the caller unchanged, so what it lets through must be JSON; Qt itself lets a
// few defects pass, the scan does not) — and finds members as Qt would.
#include "commercetools/jsonscan.h"
#include "fixtures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace storedesk;
using namespace storedesk::server;
using namespace storedesk::test;

class TestJsonScan : public QObject {
    Q_OBJECT

private slots:
    void acceptsWellFormedObjectsOnly_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("wellFormed");
        const auto row = [](const char* name, const QByteArray& json) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(json, &error);
            QTest::newRow(name) << json
                                << (error.error == QJsonParseError::NoError && document.isObject());
        };
        // Qt accepts these; RFC 8259 does not.
        const auto lenientInQt = [](const char* name, const QByteArray& json) {
            QTest::newRow(name) << json << false;
        };
        // Well-formed, but beyond the limits RFC 8259 section 9 lets a parser set on the range of
        // numbers: simdjson refuses integers outside 64 bits and numbers outside a double's range
        // (Qt rounds them to a double). commercetools sends none (amounts and versions are 64-bit
        // integers).
        const auto beyondLimits = [](const char* name, const QByteArray& json) {
            QTest::newRow(name) << json << false;
        };
        row("empty object", "{}");
        row("spaces", " \r\n\t{ \"a\" : 1 , \"b\":[ ] }\n");
        row("nested", R"({"a":{"b":[1,-2.5e+3,0.1,true,false,null,"x",{"c":[[]]}]}})");
        row("escapes", "{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"}");
        row("utf-8", "{\"a\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"}");
        row("numbers", R"({"a":[0,-0,1E5,1e-5,-9223372036854775808,18446744073709551615]})");
        beyondLimits("integer beyond 64 bits", R"({"a":123456789012345678901234567890})");
        beyondLimits("number beyond a double", R"({"a":1e400})");
        row("nothing", "");
        row("only spaces", "   ");
        row("array", "[1]");
        row("string", "\"x\"");
        row("number", "1");
        row("unclosed", R"({"a":1)");
        row("trailing comma", R"({"a":1,})");
        row("trailing comma in array", R"({"a":[1,]})");
        row("garbage after", R"({"a":1} x)");
        row("two objects", "{}{}");
        row("unquoted key", "{a:1}");
        row("single quotes", "{'a':1}");
        row("missing colon", R"({"a" 1})");
        row("missing value", R"({"a":})");
        row("leading zero", R"({"a":01})");
        row("bare minus", R"({"a":-})");
        lenientInQt("dot without digits", R"({"a":1.})");
        row("exponent without digits", R"({"a":1e})");
        row("plus sign", R"({"a":+1})");
        row("hex", R"({"a":0x1})");
        row("bad literal", R"({"a":tru})");
        lenientInQt("bad escape", "{\"a\":\"\\x\"}");
        row("short unicode escape", "{\"a\":\"\\u12\"}");
        lenientInQt("raw newline in string", "{\"a\":\"x\ny\"}");
        lenientInQt("raw tab in string", "{\"a\":\"x\ty\"}");
        row("unterminated string", "{\"a\":\"x}");
        row("overlong utf-8", "{\"a\":\"\xc0\xaf\"}");
        row("utf-8 surrogate", "{\"a\":\"\xed\xa0\x80\"}");
        row("beyond U+10FFFF", "{\"a\":\"\xf4\x90\x80\x80\"}");
        row("truncated utf-8", "{\"a\":\"\xe2\x82\"}");
        row("lone continuation byte", "{\"a\":\"\x80\"}");
        row("latin-1 byte", "{\"a\":\"\xe9\"}");
        row("deep but allowed", "{\"a\":" + QByteArray(1000, '[') + QByteArray(1000, ']') + "}");
        row("too deep", "{\"a\":" + QByteArray(5000, '[') + QByteArray(5000, ']') + "}");
        row("cart fixture", readFixture(QStringLiteral("carts/rich-cart.json")));
        row("order fixture", readFixture(QStringLiteral("orders/returned-order.json")));
    }

    void acceptsWellFormedObjectsOnly()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, wellFormed);
        const bool accepted = JsonObjectScan::scan(json).has_value();
        QCOMPARE(accepted, wellFormed);
        if (accepted)
            QVERIFY(QJsonDocument::fromJson(json).isObject());
    }

    void findsEveryStopWhereverItFallsInAString()
    {
        // Strings are skipped eight bytes at a time: a stop must be seen at any offset.
        for (int at = 0; at < 20; ++at) {
            const QByteArray before(at, 'x');
            const QByteArray after(19 - at, 'y');
            const auto object = [&](const QByteArray& middle) {
                return "{\"a\":\"" + before + middle + after + "\",\"b\":1}";
            };
            QVERIFY2(!JsonObjectScan::scan(object("\x01")), qPrintable(QString::number(at)));
            QVERIFY2(!JsonObjectScan::scan(object("\xff")), qPrintable(QString::number(at)));
            QVERIFY2(!JsonObjectScan::scan(object("\\q")), qPrintable(QString::number(at)));
            QVERIFY2(!JsonObjectScan::scan(object("\"")), qPrintable(QString::number(at)));
            const QByteArray withEscape = object("\\\"");
            const std::optional<JsonObjectScan> escaped = JsonObjectScan::scan(withEscape);
            QVERIFY2(escaped, qPrintable(QString::number(at)));
            QCOMPARE(escaped->string(QLatin1StringView("a")),
                     QString::fromLatin1(before + '"' + after));
            QCOMPARE(JsonObjectScan::scan(object("\xc3\xa9"))->string(QLatin1StringView("a")),
                     QString::fromLatin1(before) + QChar(0xe9) + QString::fromLatin1(after));
        }
    }

    void findsTopLevelMembersOnly()
    {
        const QByteArray json =
            R"({"store":{"key":"inner","id":"x"}, "key" : "outer", "n":-12, "f":1.5, "e":1e3})";
        const std::optional<JsonObjectScan> scan = JsonObjectScan::scan(json);
        QVERIFY(scan);
        QCOMPARE(scan->string(QLatin1StringView("key")), QStringLiteral("outer"));
        QCOMPARE(scan->member(QLatin1StringView("store")),
                 QByteArrayView(R"({"key":"inner","id":"x"})"));
        QVERIFY(scan->member(QLatin1StringView("id")).isEmpty());
        QCOMPARE(scan->integer(QLatin1StringView("n")), qint64(-12));
        QCOMPARE(scan->integer(QLatin1StringView("f")), std::nullopt);
        QCOMPARE(scan->integer(QLatin1StringView("e")), std::nullopt);
        QCOMPARE(scan->integer(QLatin1StringView("key")), std::nullopt);
        QCOMPARE(scan->string(QLatin1StringView("n")), std::nullopt);
    }

    void scanValidatedFindsTheSameMembers_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("cart") << readFixture(QStringLiteral("carts/rich-cart.json"));
        QTest::newRow("order") << readFixture(QStringLiteral("orders/returned-order.json"));
        QTest::newRow("spaces and nesting") << QByteArray(
            " {\"a\" : [1, {\"b\":\"}\"}] ,\"k\\\"ey\":\"x\\\"y\" , \"n\" : -1.5e3 , \"z\":{} } ");
    }

    void scanValidatedFindsTheSameMembers()
    {
        QFETCH(QByteArray, json);
        const std::optional<JsonObjectScan> validated = JsonObjectScan::scan(json);
        const std::optional<JsonObjectScan> trusted = JsonObjectScan::scanValidated(json);
        QVERIFY(validated && trusted);
        const QStringList keys = QJsonDocument::fromJson(json).object().keys();
        QVERIFY(!keys.isEmpty());
        for (const QString& key : keys) {
            const QByteArray latin1 = key.toLatin1();
            const QLatin1StringView name(latin1);
            QVERIFY2(!validated->member(name).isEmpty() || key.contains(u'"'), latin1.constData());
            QCOMPARE(trusted->member(name), validated->member(name));
        }
        // Keys as written: the escaped one is found by its escapes.
        if (QTest::currentDataTag() == QByteArray("spaces and nesting"))
            QCOMPARE(trusted->member(QLatin1StringView("k\\\"ey")), QByteArrayView("\"x\\\"y\""));
    }

    void repeatedKeyKeepsTheLastLikeQt()
    {
        const QByteArray json = R"({"id":"first","id":"last"})";
        QCOMPARE(JsonObjectScan::scan(json)->string(QLatin1StringView("id")),
                 QJsonDocument::fromJson(json).object().value(QStringLiteral("id")).toString());
    }

    void decodesEscapedStrings()
    {
        QCOMPARE(JsonObjectScan::decodeString("\"a\\\"b\\u00e9\\n\""),
                 QStringLiteral("a\"b\u00e9\n"));
        QCOMPARE(JsonObjectScan::decodeString("\"\xc3\xa9\""), QStringLiteral("\u00e9"));
        QCOMPARE(JsonObjectScan::decodeString("1"), std::nullopt);
    }

    void headerOfACart()
    {
        const QByteArray cart = readFixture(QStringLiteral("carts/rich-cart.json"));
        const QJsonObject parsed = QJsonDocument::fromJson(cart).object();
        const std::optional<ResourceHeader> header = readResourceHeader(cart);
        QVERIFY(header);
        QCOMPARE(header->id, parsed.value(QStringLiteral("id")).toString());
        QCOMPARE(header->version, parsed.value(QStringLiteral("version")).toInteger());
        QCOMPARE(header->storeKey, parsed.value(QStringLiteral("store"))
                                       .toObject()
                                       .value(QStringLiteral("key"))
                                       .toString());
    }

    void headerCases_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("readable");
        QTest::addColumn<QString>("storeKey"); // null: no store
        QTest::newRow("in a store")
            << QByteArray(
                   R"({"id":"c1","version":7,"store":{"typeId":"store","key":"berlin-mitte"}})")
            << true << QStringLiteral("berlin-mitte");
        QTest::newRow("no store") << QByteArray(R"({"id":"c1","version":7})") << true << QString();
        // The app reads the bytes with QJsonDocument, which keeps the last of a repeated key: the
        // fence must judge the same store.
        QTest::newRow("repeated keys, the last counts")
            << QByteArray(
                   R"({"id":"c0","version":1,"store":{"key":"elsewhere","key":"berlin-mitte"},)"
                   R"("id":"c1","version":7,"store":null,"store":{"key":"berlin-mitte"}})")
            << true << QStringLiteral("berlin-mitte");
        QTest::newRow("null store")
            << QByteArray(R"({"id":"c1","version":7,"store":null})") << true << QString();
        QTest::newRow("store without key")
            << QByteArray(R"({"id":"c1","version":7,"store":{"typeId":"store","id":"s"}})") << false
            << QString();
        QTest::newRow("store key not a string")
            << QByteArray(R"({"id":"c1","version":7,"store":{"key":1}})") << false << QString();
        QTest::newRow("store not an object")
            << QByteArray(R"({"id":"c1","version":7,"store":"berlin-mitte"})") << false
            << QString();
        QTest::newRow("no id") << QByteArray(R"({"version":7})") << false << QString();
        QTest::newRow("id not a string")
            << QByteArray(R"({"id":5,"version":7})") << false << QString();
        QTest::newRow("no version") << QByteArray(R"({"id":"c1"})") << false << QString();
        QTest::newRow("fractional version")
            << QByteArray(R"({"id":"c1","version":7.5})") << false << QString();
        QTest::newRow("invalid JSON")
            << QByteArray(R"({"id":"c1","version":7,"store":{"key":"berlin-mitte"})") << false
            << QString();
        QTest::newRow("an HTML error page") << QByteArray("<html>502</html>") << false << QString();
    }

    void headerCases()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, readable);
        QFETCH(QString, storeKey);
        const std::optional<ResourceHeader> header = readResourceHeader(json);
        QCOMPARE(header.has_value(), readable);
        if (!header)
            return;
        QCOMPARE(header->id, QStringLiteral("c1"));
        QCOMPARE(header->version, 7);
        QCOMPARE(header->storeKey.has_value(), !storeKey.isNull());
        if (header->storeKey)
            QCOMPARE(*header->storeKey, storeKey);
    }
};

QTEST_GUILESS_MAIN(TestJsonScan)
#include "tst_jsonscan.moc"
