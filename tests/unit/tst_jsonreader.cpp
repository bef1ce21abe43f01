#include "domain/jsonreader.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;
using storedesk::Error;
using storedesk::Expected;
using storedesk::JsonObjectReader;

Q_DECLARE_METATYPE(storedesk::Error::Kind)

namespace {

QJsonObject object(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test input is not a JSON object: %s", json.constData());
    return document.object();
}

constexpr QLatin1StringView key("v");

// Runs `check` on a reader over `json` twice: one made from Qt's QJsonObject, and one that
// json::readObject made from the bytes (simdjson). Both must answer every question alike.
template <typename Check>
void forBoth(const QByteArray& json, Check&& check)
{
    {
        JsonObjectReader reader(object(json));
        check(reader);
    }
    if (QTest::currentTestFailed()) {
        qWarning("(reading from a QJsonObject)");
        return;
    }
    const std::optional<Error> error =
        storedesk::json::readObject(json, [&](JsonObjectReader& reader) { check(reader); });
    if (QTest::currentTestFailed())
        qWarning("(reading from the bytes)");
    Q_UNUSED(error);
}

// Calls one accessor by name on key "v", so one data table can cover all of them.
void readWith(JsonObjectReader& reader, const QString& accessor)
{
    if (accessor == u"requiredString")
        reader.requiredString(key);
    else if (accessor == u"optionalString")
        reader.optionalString(key);
    else if (accessor == u"requiredInteger")
        reader.requiredInteger(key);
    else if (accessor == u"optionalInteger")
        reader.optionalInteger(key);
    else if (accessor == u"optionalBool")
        reader.optionalBool(key, false);
    else if (accessor == u"optionalNumber")
        reader.optionalNumber(key, 0);
    else if (accessor == u"optionalStringList")
        reader.optionalStringList(key);
    else if (accessor == u"requiredObject")
        reader.requiredObject(key);
    else if (accessor == u"optionalObject")
        reader.optionalObject(key);
    else if (accessor == u"forEachObject")
        reader.forEachObject(key, [](JsonObjectReader&) {});
    else if (accessor == u"forEachObject required")
        reader.forEachObject(
            key, [](JsonObjectReader&) {}, true);
    else
        qFatal("unknown accessor");
}

const QStringList allAccessors = {
    u"requiredString"_s, u"optionalString"_s, u"requiredInteger"_s,        u"optionalInteger"_s,
    u"optionalBool"_s,   u"optionalNumber"_s, u"optionalStringList"_s,     u"requiredObject"_s,
    u"optionalObject"_s, u"forEachObject"_s,  u"forEachObject required"_s,
};

bool isRequired(const QString& accessor)
{
    return accessor.startsWith(u"required") || accessor.endsWith(u"required");
}

} // namespace

class TestJsonReader : public QObject {
    Q_OBJECT

private slots:
    void valuesAreRead();
    void absentAndNull_data();
    void absentAndNull();
    void wrongType_data();
    void wrongType();
    void integers_data();
    void integers();
    void nestedPaths();
    void arrayElementPaths();
    void pathsAreComposedOnlyOnFailure();
    void forEachObjectVisitsInOrder();
    void firstErrorWins();
    void readsAfterFailureAreEmpty();
    void explicitFail();
    void has();
    void errorToString();
    void parseObjectRejects_data();
    void parseObjectRejects();
    void parseObjectAccepts();
    void readTemplate();
    void repeatedKeysLastWins();
    void numbersAsQtReadsThem_data();
    void numbersAsQtReadsThem();
    void stringMembers();
    void objectFromBytesIsQts_data();
    void objectFromBytesIsQts();
    void readObjectRejectsAsParseObject_data();
    void readObjectRejectsAsParseObject();
    void readsNestOnOneThread();
};

void TestJsonReader::valuesAreRead()
{
    forBoth(
        R"({"s":"text","i":-42,"b":true,"n":0.25,"l":["a","b"],"o":{"x":"y"},"u":"\u00e9\ud83d\ude00"})",
        [](JsonObjectReader& reader) {
            QCOMPARE(reader.requiredString("s"_L1), u"text"_s);
            QCOMPARE(reader.requiredString("u"_L1), QStringLiteral("\u00e9\U0001F600"));
            QCOMPARE(reader.optionalString("s"_L1), u"text"_s);
            QCOMPARE(reader.requiredInteger("i"_L1), -42);
            QCOMPARE(reader.optionalInteger("i"_L1), std::optional<qint64>(-42));
            QCOMPARE(reader.optionalBool("b"_L1, false), true);
            QCOMPARE(reader.optionalNumber("n"_L1, 1.0), 0.25);
            QCOMPARE(reader.optionalStringList("l"_L1), QStringList({u"a"_s, u"b"_s}));
            QCOMPARE(reader.requiredObject("o"_L1).requiredString("x"_L1), u"y"_s);
            const std::optional<JsonObjectReader> optional = reader.optionalObject("o"_L1);
            QVERIFY(optional.has_value());
            QCOMPARE(optional->path(), u"o"_s);
            QVERIFY2(!reader.failed(), qPrintable(reader.error().toString()));
        });
}

void TestJsonReader::absentAndNull_data()
{
    QTest::addColumn<QString>("accessor");
    QTest::addColumn<QByteArray>("json");

    for (const QString& accessor : allAccessors) {
        QTest::addRow("%s absent", qPrintable(accessor))
            << accessor << QByteArray(R"({"other":1})");
        QTest::addRow("%s null", qPrintable(accessor)) << accessor << QByteArray(R"({"v":null})");
    }
}

void TestJsonReader::absentAndNull()
{
    QFETCH(QString, accessor);
    QFETCH(QByteArray, json);

    forBoth(json, [&](JsonObjectReader& reader) {
        readWith(reader, accessor);
        if (isRequired(accessor)) {
            QVERIFY(reader.failed());
            QCOMPARE(reader.error().kind, Error::Kind::MissingValue);
            QCOMPARE(reader.error().path, u"v"_s);
            QCOMPARE(reader.error().message, u"is required"_s);
        } else {
            QVERIFY2(!reader.failed(), qPrintable(reader.error().toString()));
        }
    });
}

void TestJsonReader::wrongType_data()
{
    QTest::addColumn<QString>("accessor");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    const QString string = u"expected a string"_s;
    const QString integer = u"expected an integer"_s;
    const QString object = u"expected an object"_s;
    const QString array = u"expected an array"_s;

    QTest::newRow("requiredString number")
        << u"requiredString"_s << QByteArray(R"({"v":1})") << string;
    QTest::newRow("requiredString bool")
        << u"requiredString"_s << QByteArray(R"({"v":false})") << string;
    QTest::newRow("optionalString object")
        << u"optionalString"_s << QByteArray(R"({"v":{}})") << string;
    QTest::newRow("optionalString array")
        << u"optionalString"_s << QByteArray(R"({"v":["a"]})") << string;
    QTest::newRow("requiredInteger string")
        << u"requiredInteger"_s << QByteArray(R"({"v":"12"})") << integer;
    QTest::newRow("optionalInteger bool")
        << u"optionalInteger"_s << QByteArray(R"({"v":true})") << integer;
    QTest::newRow("optionalInteger fraction")
        << u"optionalInteger"_s << QByteArray(R"({"v":12.5})") << integer;
    QTest::newRow("optionalBool string")
        << u"optionalBool"_s << QByteArray(R"({"v":"true"})") << u"expected true or false"_s;
    QTest::newRow("optionalBool number")
        << u"optionalBool"_s << QByteArray(R"({"v":1})") << u"expected true or false"_s;
    QTest::newRow("optionalNumber string")
        << u"optionalNumber"_s << QByteArray(R"({"v":"0.5"})") << u"expected a number"_s;
    QTest::newRow("optionalStringList string")
        << u"optionalStringList"_s << QByteArray(R"({"v":"a"})") << array;
    QTest::newRow("optionalStringList object")
        << u"optionalStringList"_s << QByteArray(R"({"v":{}})") << array;
    QTest::newRow("requiredObject array")
        << u"requiredObject"_s << QByteArray(R"({"v":[]})") << object;
    QTest::newRow("requiredObject string")
        << u"requiredObject"_s << QByteArray(R"({"v":"o"})") << object;
    QTest::newRow("optionalObject number")
        << u"optionalObject"_s << QByteArray(R"({"v":3})") << object;
    QTest::newRow("forEachObject object")
        << u"forEachObject"_s << QByteArray(R"({"v":{}})") << array;
    QTest::newRow("forEachObject string")
        << u"forEachObject required"_s << QByteArray(R"({"v":"x"})") << array;
}

void TestJsonReader::wrongType()
{
    QFETCH(QString, accessor);
    QFETCH(QByteArray, json);
    QFETCH(QString, message);

    forBoth(json, [&](JsonObjectReader& reader) {
        readWith(reader, accessor);
        QVERIFY(reader.failed());
        QCOMPARE(reader.error().kind, Error::Kind::InvalidValue);
        QCOMPARE(reader.error().path, u"v"_s);
        QCOMPARE(reader.error().message, message);
    });
}

void TestJsonReader::integers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<Error::Kind>("kind");

    const auto ok = [](const char* name, const char* json, qint64 value) {
        QTest::newRow(name) << QByteArray(json) << true << value << Error::Kind::InvalidValue;
    };
    const auto bad = [](const char* name, const char* json, Error::Kind kind) {
        QTest::newRow(name) << QByteArray(json) << false << qint64(0) << kind;
    };
    ok("zero", R"({"v":0})", 0);
    ok("negative", R"({"v":-1234})", -1234);
    ok("2^53", R"({"v":9007199254740992})", 9007199254740992);
    // A double cannot hold 2^53 + 1: reading it exactly proves no double is involved.
    ok("2^53 + 1", R"({"v":9007199254740993})", 9007199254740993);
    ok("-(2^53 + 1)", R"({"v":-9007199254740993})", -9007199254740993);
    ok("int64 max", R"({"v":9223372036854775807})", std::numeric_limits<qint64>::max());
    ok("int64 min + 1", R"({"v":-9223372036854775807})", std::numeric_limits<qint64>::min() + 1);
    ok("exponent form", R"({"v":1E2})", 100);
    // Qt keeps any number whose value is integral and within 64 bits as an integer.
    ok("fraction form", R"({"v":1.0})", 1);
    ok("negative zero", R"({"v":-0.0})", 0);
    ok("zero with exponent", R"({"v":0e5})", 0);
    ok("scaled fraction", R"({"v":0.1e1})", 1);
    ok("2^53 + 1 as a double", R"({"v":9007199254740993.0})", 9007199254740992);

    bad("int64 max + 1", R"({"v":9223372036854775808})", Error::Kind::Overflow);
    bad("uint64 max", R"({"v":18446744073709551615})", Error::Kind::Overflow);
    bad("1e30", R"({"v":1e30})", Error::Kind::Overflow);
    // Qt rounds this to exactly -2^63 and stores INT64_MIN; the reader must not accept it.
    bad("int64 min - 1", R"({"v":-9223372036854775809})", Error::Kind::Overflow);
    bad("int64 min (ambiguous)", R"({"v":-9223372036854775808})", Error::Kind::Overflow);
    bad("-1e30", R"({"v":-1e30})", Error::Kind::Overflow);
    bad("-2^63 as a double", R"({"v":-9.2233720368547758e18})", Error::Kind::Overflow);
    bad("2^63 as a double", R"({"v":9.2233720368547758e18})", Error::Kind::Overflow);
    bad("beyond uint64", R"({"v":123456789012345678901234567890})", Error::Kind::Overflow);
    bad("1.5", R"({"v":1.5})", Error::Kind::InvalidValue);
    bad("-0.5", R"({"v":-0.5})", Error::Kind::InvalidValue);
    bad("12.5", R"({"v":12.5})", Error::Kind::InvalidValue);
    bad("tiny", R"({"v":1e-300})", Error::Kind::InvalidValue);
}

void TestJsonReader::integers()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(qint64, value);
    QFETCH(Error::Kind, kind);

    for (const bool required : {false, true}) {
        forBoth(json, [&](JsonObjectReader& reader) {
            const std::optional<qint64> read =
                required ? std::optional<qint64>(reader.requiredInteger(key))
                         : reader.optionalInteger(key);
            if (ok) {
                QVERIFY2(!reader.failed(), qPrintable(reader.error().toString()));
                QCOMPARE(read, std::optional<qint64>(value));
                return;
            }
            QCOMPARE(read, required ? std::optional<qint64>(0) : std::nullopt);
            QVERIFY(reader.failed());
            QCOMPARE(reader.error().kind, kind);
            QCOMPARE(reader.error().path, u"v"_s);
            if (kind == Error::Kind::Overflow)
                QVERIFY2(reader.error().message.contains(u"integer out of range"),
                         qPrintable(reader.error().message));
            else
                QCOMPARE(reader.error().message, u"expected an integer"_s);
        });
    }
}

void TestJsonReader::nestedPaths()
{
    forBoth(R"({"cart":{"shippingAddress":{"country":7}}})", [](JsonObjectReader& reader) {
        JsonObjectReader cart = reader.requiredObject("cart"_L1);
        QCOMPARE(cart.path(), u"cart"_s);
        JsonObjectReader address = cart.requiredObject("shippingAddress"_L1);
        QCOMPARE(address.path(), u"cart.shippingAddress"_s);
        QCOMPARE(address.childPath("country"_L1), u"cart.shippingAddress.country"_s);
        QCOMPARE(address.childPath(QLatin1StringView()), u"cart.shippingAddress"_s);

        address.requiredString("country"_L1);
        // The error is shared: the outermost reader sees what the innermost one found.
        QVERIFY(reader.failed());
        QCOMPARE(reader.error().path, u"cart.shippingAddress.country"_s);
        QCOMPARE(reader.error().toString(), u"cart.shippingAddress.country: expected a string"_s);
    });

    forBoth(R"({"cart":{}})", [](JsonObjectReader& missing) {
        missing.requiredObject("cart"_L1).requiredObject("totalPrice"_L1);
        QCOMPARE(missing.error().kind, Error::Kind::MissingValue);
        QCOMPARE(missing.error().path, u"cart.totalPrice"_s);
    });
}

void TestJsonReader::arrayElementPaths()
{
    forBoth(R"({"lineItems":[{"q":1},{"q":2},{"q":"three"},{"q":4}]})",
            [](JsonObjectReader& reader) {
                reader.forEachObject("lineItems"_L1,
                                     [](JsonObjectReader& item) { item.requiredInteger("q"_L1); });
                QCOMPARE(reader.error().toString(), u"lineItems[2].q: expected an integer"_s);
            });
    forBoth(R"({"cart":{"lineItems":[{},7]}})", [](JsonObjectReader& reader) {
        reader.requiredObject("cart"_L1).forEachObject("lineItems"_L1, [](JsonObjectReader&) {});
        QCOMPARE(reader.error().path, u"cart.lineItems[1]"_s);
        QCOMPARE(reader.error().message, u"expected an object"_s);
    });
    forBoth(R"({"a":{"tags":["x","y",3]}})", [](JsonObjectReader& reader) {
        const QStringList tags = reader.requiredObject("a"_L1).optionalStringList("tags"_L1);
        QVERIFY(tags.isEmpty());
        QCOMPARE(reader.error().path, u"a.tags[2]"_s);
        QCOMPARE(reader.error().message, u"expected a string"_s);
    });
    forBoth(R"({"outer":[{"inner":[{},{"id":false}]}]})", [](JsonObjectReader& reader) {
        reader.forEachObject("outer"_L1, [](JsonObjectReader& outer) {
            outer.forEachObject("inner"_L1,
                                [](JsonObjectReader& inner) { inner.optionalString("id"_L1); });
        });
        QCOMPARE(reader.error().toString(), u"outer[0].inner[1].id: expected a string"_s);
    });
}

namespace {

// Parsers hand readers down by value, as the domain types' read() functions do.
qint64 readAmount(JsonObjectReader money)
{
    return money.requiredInteger("centAmount"_L1);
}

void readLine(JsonObjectReader line)
{
    JsonObjectReader price = line.requiredObject("price"_L1);
    readAmount(price.requiredObject("value"_L1));
    readAmount(line.requiredObject("totalPrice"_L1));
}

} // namespace

void TestJsonReader::pathsAreComposedOnlyOnFailure()
{
    // A reader does not carry its path as text: it is put together from the chain of readers
    // when something is wrong, and must still name every step (keys, array indexes, nesting).
    const QByteArray good = R"({"centAmount":1})";
    const QByteArray bad = R"({"centAmount":"12"})";
    QByteArray lines = "[";
    for (int i = 0; i < 4; ++i) {
        if (i > 0)
            lines += ',';
        lines +=
            R"({"price":{"value":)" + good + R"(},"totalPrice":)" + (i == 3 ? bad : good) + '}';
    }
    lines += ']';
    forBoth(R"({"cart":{"lineItems":)" + lines + "}}", [](JsonObjectReader& reader) {
        std::optional<JsonObjectReader> cart = reader.optionalObject("cart"_L1);
        QVERIFY(cart);
        int visited = 0;
        cart->forEachObject("lineItems"_L1, [&](JsonObjectReader& line) {
            ++visited;
            readLine(line);
        });
        QCOMPARE(visited, 4);
        QCOMPARE(reader.error().path, u"cart.lineItems[3].totalPrice.centAmount"_s);
        QCOMPARE(reader.error().toString(),
                 u"cart.lineItems[3].totalPrice.centAmount: expected an integer"_s);
    });

    // Arrays in objects in arrays, and a missing object deep inside.
    forBoth(R"({"a":[{"b":{"c":[{},{},{"d":{"e":{}}}]}},{"b":{"c":[{"d":{"e":{"f":1}}}]}}]})",
            [](JsonObjectReader& nested) {
                QStringList seen;
                nested.forEachObject("a"_L1, [&](JsonObjectReader& a) {
                    JsonObjectReader b = a.requiredObject("b"_L1);
                    b.forEachObject("c"_L1, [&](JsonObjectReader& c) {
                        seen.append(c.path());
                        if (std::optional<JsonObjectReader> d = c.optionalObject("d"_L1))
                            d->requiredObject("e"_L1).requiredObject("f"_L1);
                    });
                });
                QCOMPARE(seen, QStringList({u"a[0].b.c[0]"_s, u"a[0].b.c[1]"_s, u"a[0].b.c[2]"_s}));
                QCOMPARE(nested.error().kind, Error::Kind::MissingValue);
                QCOMPARE(nested.error().path, u"a[0].b.c[2].d.e.f"_s);
            });

    // A problem found by a caller with fail() on a nested reader gets the same full path.
    JsonObjectReader flagged(object(R"({"x":[{"y":{"z":5}}]})"));
    flagged.forEachObject("x"_L1, [](JsonObjectReader& x) {
        JsonObjectReader y = x.requiredObject("y"_L1);
        if (y.requiredInteger("z"_L1) > 3)
            y.fail("z"_L1, u"too large"_s);
    });
    QCOMPARE(flagged.error().toString(), u"x[0].y.z: too large"_s);
}

void TestJsonReader::forEachObjectVisitsInOrder()
{
    forBoth(R"({"items":[{"n":1},{"n":2},{"n":3}]})", [](JsonObjectReader& reader) {
        QList<qint64> seen;
        QStringList paths;
        reader.forEachObject("items"_L1, [&](JsonObjectReader& item) {
            seen.append(item.requiredInteger("n"_L1));
            paths.append(item.path());
        });
        QVERIFY(!reader.failed());
        QCOMPARE(seen, QList<qint64>({1, 2, 3}));
        QCOMPARE(paths, QStringList({u"items[0]"_s, u"items[1]"_s, u"items[2]"_s}));
    });

    // The walk stops at the first element that fails.
    forBoth(R"({"items":[{"n":1},{"n":"x"},{"n":3}]})", [](JsonObjectReader& failing) {
        int visited = 0;
        failing.forEachObject("items"_L1, [&](JsonObjectReader& item) {
            ++visited;
            item.requiredInteger("n"_L1);
        });
        QCOMPARE(visited, 2);
    });

    forBoth(R"({"items":[]})", [](JsonObjectReader& empty) {
        empty.forEachObject(
            "items"_L1, [&](JsonObjectReader&) { QFAIL("no element to visit"); }, true);
        QVERIFY(!empty.failed());
    });
}

void TestJsonReader::firstErrorWins()
{
    forBoth(R"({"a":1,"b":"x","c":{"d":true}})", [](JsonObjectReader& reader) {
        reader.requiredString("a"_L1);
        reader.requiredInteger("b"_L1);
        reader.requiredString("missing"_L1);
        reader.requiredObject("c"_L1).requiredString("d"_L1);
        reader.fail("b"_L1, u"later"_s, Error::Kind::Overflow);
        QCOMPARE(reader.error().path, u"a"_s);
        QCOMPARE(reader.error().message, u"expected a string"_s);
        QCOMPARE(reader.error().kind, Error::Kind::InvalidValue);
    });

    // Also across sibling readers that share the state.
    forBoth(R"({"x":{"v":1},"y":{"v":2}})", [](JsonObjectReader& root) {
        JsonObjectReader x = root.requiredObject("x"_L1);
        JsonObjectReader y = root.requiredObject("y"_L1);
        y.requiredString("v"_L1);
        x.requiredString("v"_L1);
        QCOMPARE(root.error().path, u"y.v"_s);
        QCOMPARE(x.error().path, u"y.v"_s);
    });
}

void TestJsonReader::readsAfterFailureAreEmpty()
{
    forBoth(R"({"s":"text","i":5,"b":true,"n":2.5,"l":["a"],"o":{}})",
            [](JsonObjectReader& reader) {
                reader.requiredString("absent"_L1);
                QVERIFY(reader.failed());

                QCOMPARE(reader.requiredString("s"_L1), QString());
                QCOMPARE(reader.optionalString("s"_L1), QString());
                QCOMPARE(reader.requiredInteger("i"_L1), 0);
                QCOMPARE(reader.optionalInteger("i"_L1), std::nullopt);
                QCOMPARE(reader.optionalBool("b"_L1, false), false);
                QCOMPARE(reader.optionalNumber("n"_L1, -1.0), -1.0);
                QCOMPARE(reader.optionalStringList("l"_L1), QStringList());
                QCOMPARE(reader.optionalObject("o"_L1).has_value(), false);
                QCOMPARE(reader.error().path, u"absent"_s);
            });
}

void TestJsonReader::explicitFail()
{
    JsonObjectReader reader(object(R"({"o":{"state":"Weird"}})"));
    JsonObjectReader o = reader.requiredObject("o"_L1);
    o.fail("state"_L1, u"unknown state"_s);
    QCOMPARE(reader.error().toString(), u"o.state: unknown state"_s);
    QCOMPARE(reader.error().kind, Error::Kind::InvalidValue);

    JsonObjectReader self(object(R"({"o":{}})"));
    self.requiredObject("o"_L1).fail(QLatin1StringView(), u"inconsistent"_s,
                                     Error::Kind::InvalidArgument);
    QCOMPARE(self.error().path, u"o"_s);
    QCOMPARE(self.error().kind, Error::Kind::InvalidArgument);

    JsonObjectReader at(object(R"({})"));
    at.failAt(u"custom[1].path"_s, u"bad"_s, Error::Kind::CurrencyMismatch);
    QCOMPARE(at.error().toString(), u"custom[1].path: bad"_s);
    QCOMPARE(at.error().kind, Error::Kind::CurrencyMismatch);
}

void TestJsonReader::has()
{
    forBoth(R"({"a":0,"b":"","c":false,"d":null,"e":{}})", [](const JsonObjectReader& reader) {
        QVERIFY(reader.has("a"_L1));
        QVERIFY(reader.has("b"_L1));
        QVERIFY(reader.has("c"_L1));
        QVERIFY(!reader.has("d"_L1));
        QVERIFY(reader.has("e"_L1));
        QVERIFY(!reader.has("f"_L1));
        QVERIFY(!reader.failed());
    });
}

void TestJsonReader::errorToString()
{
    const Error withPath{Error::Kind::InvalidValue, u"expected an integer"_s,
                         u"lineItems[3].quantity"_s};
    QCOMPARE(withPath.toString(), u"lineItems[3].quantity: expected an integer"_s);
    const Error withoutPath{Error::Kind::InvalidJson, u"expected a JSON object"_s, QString()};
    QCOMPARE(withoutPath.toString(), u"expected a JSON object"_s);

    const JsonObjectReader fresh(object(R"({})"));
    QVERIFY(!fresh.failed());
    QCOMPARE(fresh.error().message, QString());
}

void TestJsonReader::parseObjectRejects_data()
{
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray("  \n ");
    QTest::newRow("array root") << QByteArray("[{\"a\":1}]");
    QTest::newRow("empty array root") << QByteArray("[]");
    QTest::newRow("number root") << QByteArray("42");
    QTest::newRow("string root") << QByteArray("\"text\"");
    QTest::newRow("null root") << QByteArray("null");
    QTest::newRow("unterminated") << QByteArray("{\"a\":");
    QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}");
    QTest::newRow("trailing garbage") << QByteArray("{\"a\":1} x");
    QTest::newRow("single quotes") << QByteArray("{'a':1}");
    QTest::newRow("infinite number") << QByteArray("{\"a\":1e400}");
    QTest::newRow("html error page") << QByteArray("<html><body>502 Bad Gateway</body></html>");
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4);
    // Deep nesting must be refused, not recursed into until the stack runs out.
    QTest::newRow("deep arrays") << QByteArray("{\"a\":" + QByteArray(100000, '[') +
                                               QByteArray(100000, ']') + "}");
    QByteArray deepObjects;
    for (int i = 0; i < 50000; ++i)
        deepObjects += "{\"a\":";
    deepObjects += "1" + QByteArray(50000, '}');
    QTest::newRow("deep objects") << deepObjects;
    QTest::newRow("deep and unterminated") << QByteArray(200000, '[');
}

void TestJsonReader::parseObjectRejects()
{
    QFETCH(QByteArray, bytes);

    const Expected<QJsonObject> result = storedesk::json::parseObject(bytes);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::InvalidJson);
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY(result.error().path.isEmpty());
}

void TestJsonReader::parseObjectAccepts()
{
    const Expected<QJsonObject> empty = storedesk::json::parseObject("{}");
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());

    const Expected<QJsonObject> nested =
        storedesk::json::parseObject(" {\"a\":{\"b\":[1,2,{\"c\":\"\\u00e9\"}]}}\n");
    QVERIFY(nested);
    QCOMPARE(nested->value(u"a")
                 .toObject()
                 .value(u"b")
                 .toArray()
                 .at(2)
                 .toObject()
                 .value(u"c")
                 .toString(),
             QStringLiteral("\u00e9"));

    // Moderate nesting, as real documents have, is fine.
    const QByteArray moderate = "{\"a\":" + QByteArray(200, '[') + QByteArray(200, ']') + "}";
    QVERIFY(storedesk::json::parseObject(moderate));
}

namespace {
struct Pair {
    QString name;
    qint64 count = 0;
    static Pair read(JsonObjectReader& reader)
    {
        Pair pair;
        pair.name = reader.requiredString("name"_L1);
        pair.count = reader.requiredInteger("count"_L1);
        return pair;
    }
};
} // namespace

void TestJsonReader::readTemplate()
{
    const Expected<Pair> good =
        storedesk::json::read<Pair>(QByteArray(R"({"name":"n","count":3})"));
    QVERIFY(good);
    QCOMPARE(good->name, u"n"_s);
    QCOMPARE(good->count, 3);

    const Expected<Pair> badValue =
        storedesk::json::read<Pair>(QByteArray(R"({"name":"n","count":"3"})"));
    QVERIFY(!badValue);
    QCOMPARE(badValue.error().toString(), u"count: expected an integer"_s);

    const Expected<Pair> badDocument = storedesk::json::read<Pair>(QByteArray("[1]"));
    QVERIFY(!badDocument);
    QCOMPARE(badDocument.error().kind, Error::Kind::InvalidJson);
}

void TestJsonReader::repeatedKeysLastWins()
{
    // QJsonObject keeps the last of a repeated key; the bytes are read the same way.
    forBoth(R"({"v":1,"o":{"a":1},"v":"x","o":{"b":2}})", [](JsonObjectReader& reader) {
        QCOMPARE(reader.requiredString(key), u"x"_s);
        QVERIFY(!reader.requiredObject("o"_L1).has("a"_L1));
        QCOMPARE(reader.requiredObject("o"_L1).requiredInteger("b"_L1), 2);
        QVERIFY2(!reader.failed(), qPrintable(reader.error().toString()));
    });
    forBoth(R"({"v":"x","v":null})", [](JsonObjectReader& reader) {
        QVERIFY(!reader.has(key));
        QCOMPARE(reader.optionalString(key), QString());
    });
}

void TestJsonReader::numbersAsQtReadsThem_data()
{
    QTest::addColumn<QByteArray>("number");
    for (const char* number :
         {"0", "-0", "0.25", "-0.0", "1.5e3", "1e-310", "4.9e-324", "1e308", "-1e30",
          "9007199254740993", "9223372036854775807", "9223372036854775808", "18446744073709551615",
          "123456789012345678901234567890", "0.1", "3.141592653589793"})
        QTest::newRow(number) << QByteArray(number);
}

void TestJsonReader::numbersAsQtReadsThem()
{
    QFETCH(QByteArray, number);
    const QByteArray json = R"({"v":)" + number + '}';
    const double qt = object(json).value(key).toDouble();
    forBoth(json, [&](JsonObjectReader& reader) {
        const double read = reader.optionalNumber(key, -1);
        QCOMPARE(read, qt);
        QCOMPARE(std::signbit(read), std::signbit(qt));
    });
}

void TestJsonReader::stringMembers()
{
    forBoth(R"({"name":{"en":"Milk","de-DE":"Milch","en":"Whole milk"}})",
            [](JsonObjectReader& reader) {
                const QMap<QString, QString> members =
                    reader.requiredObject("name"_L1).stringMembers();
                QCOMPARE(members, (QMap<QString, QString>{{u"de-DE"_s, u"Milch"_s},
                                                          {u"en"_s, u"Whole milk"_s}}));
                QVERIFY(!reader.failed());
            });
    // The first member in key order that is not a string is the one named.
    forBoth(R"({"name":{"fr":1,"en":"Milk","de":null}})", [](JsonObjectReader& reader) {
        QVERIFY(reader.requiredObject("name"_L1).stringMembers().isEmpty());
        QCOMPARE(reader.error().toString(), u"name.de: expected a string"_s);
    });
    forBoth(R"({"x":[1]})", [](JsonObjectReader& reader) {
        QVERIFY(reader.stringMembers().isEmpty());
        QCOMPARE(reader.error().toString(), u"x: expected a string"_s);
    });
}

void TestJsonReader::objectFromBytesIsQts_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray("{}");
    QTest::newRow("every type") << QByteArray(
        R"({"s":"t\"e\u00e9x\ud83d\ude00","i":-42,"d":0.5,"big":18446744073709551615,)"
        R"("e":1E2,"b":true,"f":false,"n":null,"a":[1,"2",[3],{"k":[]}],"o":{"p":{"q":1.0}}})");
    QTest::newRow("repeated keys") << QByteArray(R"({"k":1,"k":{"a":2},"z":[],"k":[3]})");
    QTest::newRow("unicode keys") << QByteArray(R"({"é":1,"\u00e8":2,"zh-Hant":"中文"})");
}

void TestJsonReader::objectFromBytesIsQts()
{
    // object() hands a reader's object on whole (TillCount, and whatever needs the raw JSON).
    QFETCH(QByteArray, json);
    const QJsonObject expected = object(json);
    int calls = 0;
    const std::optional<Error> error =
        storedesk::json::readObject(json, [&](JsonObjectReader& reader) {
            ++calls;
            QCOMPARE(reader.object(), expected);
            QCOMPARE(QJsonDocument(reader.object()).toJson(), QJsonDocument(expected).toJson());
        });
    QVERIFY(!error);
    QCOMPARE(calls, 1);
}

void TestJsonReader::readObjectRejectsAsParseObject_data()
{
    parseObjectRejects_data();
    // Where simdjson and Qt would part ways, Qt's answer stands: this one reads as 0 in simdjson
    // and is refused by Qt (a number that is not zero but rounds to zero).
    QTest::newRow("underflow") << QByteArray(R"({"a":0,"b":[0.0,1e-400]})");
    QTest::newRow("beyond -2^63") << QByteArray(R"({"a":-9223372036854775809,"b":})");
}

void TestJsonReader::readObjectRejectsAsParseObject()
{
    QFETCH(QByteArray, bytes);

    const Expected<QJsonObject> parsed = storedesk::json::parseObject(bytes);
    QVERIFY(!parsed);
    int calls = 0;
    const std::optional<Error> error =
        storedesk::json::readObject(bytes, [&](JsonObjectReader&) { ++calls; });
    QCOMPARE(calls, 0);
    QVERIFY(error);
    QCOMPARE(error->kind, parsed.error().kind);
    QCOMPARE(error->message, parsed.error().message);
    QCOMPARE(error->path, parsed.error().path);
}

void TestJsonReader::readsNestOnOneThread()
{
    // A reader that reads other bytes while it reads (the parsed document must not be reused
    // under it), and documents Qt accepts that simdjson refuses (a byte order mark, a raw tab in
    // a string, a lone surrogate) read as Qt reads them.
    const QByteArray outer = R"({"a":"outer","b":{"c":2}})";
    const QByteArray inner = "\xEF\xBB\xBF{\"a\":\"in\tner\",\"s\":\"\\ud800\"}";
    const std::optional<Error> error =
        storedesk::json::readObject(outer, [&](JsonObjectReader& reader) {
            QCOMPARE(reader.requiredString("a"_L1), u"outer"_s);
            const std::optional<Error> nested =
                storedesk::json::readObject(inner, [&](JsonObjectReader& innerReader) {
                    QCOMPARE(innerReader.requiredString("a"_L1), u"in\tner"_s);
                    QCOMPARE(innerReader.requiredString("s"_L1),
                             object(inner).value(u"s").toString());
                });
            QVERIFY(!nested);
            QCOMPARE(reader.requiredObject("b"_L1).requiredInteger("c"_L1), 2);
            const std::optional<Error> again =
                storedesk::json::readObject(outer, [](JsonObjectReader& second) {
                    QCOMPARE(second.requiredString("a"_L1), u"outer"_s);
                });
            QVERIFY(!again);
            QCOMPARE(reader.requiredObject("b"_L1).requiredInteger("c"_L1), 2);
        });
    QVERIFY(!error);
}

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
