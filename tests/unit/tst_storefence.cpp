// StoreFence: how a store's route answers commercetools' reply to reading one of the store's
// resources, decided from the bytes alone. The emulator returns any store's resource under any
// store's path, and so could a misrouted proxy: only this check keeps stores apart.
#include "commercetools/ctclient.h"
#include "services/storefence.h"

#include <QTest>

using namespace storedesk;
using namespace storedesk::server;

namespace {

CtResponse reply(int status, const QByteArray& body)
{
    CtResponse response;
    response.status = status;
    response.body = CtBody::fromBytes(body);
    return response;
}

const QByteArray berlinCart =
    R"({"id":"c1","version":3,"store":{"typeId":"store","key":"berlin-mitte"},"lineItems":[]})";

} // namespace

class TestStoreFence : public QObject {
    Q_OBJECT

private slots:
    void verdicts_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<StoreFence::Verdict>("verdict");
        QTest::newRow("this store's") << 200 << berlinCart << StoreFence::Verdict::Found;
        QTest::newRow("another store's")
            << 200 << QByteArray(berlinCart).replace("berlin-mitte", "hamburg-hafen")
            << StoreFence::Verdict::NotFound;
        QTest::newRow("a store whose key only starts alike")
            << 200 << QByteArray(berlinCart).replace("berlin-mitte", "berlin-mitte-2")
            << StoreFence::Verdict::NotFound;
        QTest::newRow("no store") << 200 << QByteArray(R"({"id":"c1","version":3})")
                                  << StoreFence::Verdict::NotFound;
        QTest::newRow("null store") << 200 << QByteArray(R"({"id":"c1","version":3,"store":null})")
                                    << StoreFence::Verdict::NotFound;
        QTest::newRow("absent") << 404 << QByteArray(R"({"statusCode":404})")
                                << StoreFence::Verdict::NotFound;
        QTest::newRow("invalid JSON")
            << 200 << berlinCart.left(berlinCart.size() - 1) << StoreFence::Verdict::Unreadable;
        QTest::newRow("not an object")
            << 200 << QByteArray("[]") << StoreFence::Verdict::Unreadable;
        QTest::newRow("no version") << 200 << QByteArray(berlinCart).replace("\"version\"", "\"v\"")
                                    << StoreFence::Verdict::Unreadable;
        QTest::newRow("empty 200") << 200 << QByteArray() << StoreFence::Verdict::Unreadable;
        QTest::newRow("unavailable") << 503 << QByteArray() << StoreFence::Verdict::Upstream;
        QTest::newRow("refused") << 403 << QByteArray(R"({"statusCode":403})")
                                 << StoreFence::Verdict::Upstream;
        QTest::newRow("no answer") << 0 << QByteArray() << StoreFence::Verdict::Upstream;
    }

    void verdicts()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(StoreFence::Verdict, verdict);
        const StoreFence fence =
            StoreFence::of(reply(status, body), QStringLiteral("berlin-mitte"));
        QCOMPARE(fence.verdict, verdict);
        if (verdict == StoreFence::Verdict::Found) {
            QCOMPARE(fence.header.id, QStringLiteral("c1"));
            QCOMPARE(fence.header.version, 3);
        }
    }

    void theBodyIsParsedOnlyWhenAskedAndKeepsItsBytes()
    {
        // Spaces and key order as commercetools wrote them: a pass-through keeps them.
        const QByteArray bytes = R"({ "b": 1, "a": {"x": [1, 2]} })";
        const CtResponse response = reply(200, bytes);
        QCOMPARE(response.body.bytes(), bytes);
        QCOMPARE(response.body.value(QStringLiteral("b")).toInt(), 1);
        const QJsonObject object = response.body;
        QCOMPARE(object.value(QStringLiteral("a"))
                     .toObject()
                     .value(QStringLiteral("x"))
                     .toArray()
                     .size(),
                 2);
        QCOMPARE(response.body.bytes(), bytes);

        CtBody fromObject = QJsonObject{{QStringLiteral("v"), 2}};
        QCOMPARE(fromObject.bytes(), QByteArray(R"({"v":2})"));
        QVERIFY(CtBody::fromBytes("not json").isEmpty());
        QVERIFY(CtBody().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStoreFence)
#include "tst_storefence.moc"
