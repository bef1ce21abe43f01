// X-Signature: HMAC-SHA256 of the exact body, lowercase hex, verified in constant time.
#include "payments/signature.h"

#include <QTest>

using namespace storedesk::server;

class TestSignature : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rfc4231Vectors_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("mac");
        QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                << QByteArray("b0344c61d8db38535ca8afceaf0bf12b"
                                              "881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                << QByteArray("5bdcc146bf60754e6a042426089575c7"
                                              "5a003f089d2739839dec58b964ec3843");
        QTest::newRow("case 6: key longer than a block")
            << QByteArray(131, '\xaa')
            << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }
    void rfc4231Vectors()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, mac);
        QCOMPARE(signature::sign(data, key), mac);
        QVERIFY(signature::verify(data, mac, key));
    }

    void signsTheExactBytes()
    {
        const QByteArray secret = "s3cret";
        const QByteArray compact = R"({"a":1})";
        const QByteArray spaced = R"({"a": 1})"; // the same JSON, other bytes
        QVERIFY(signature::sign(compact, secret) != signature::sign(spaced, secret));
        QVERIFY(!signature::verify(spaced, signature::sign(compact, secret), secret));
        QCOMPARE(signature::sign(compact, secret).size(), 64);
        QCOMPARE(signature::sign(compact, secret), signature::sign(compact, secret).toLower());
    }

    void refusesWrongSecretAndTamperedBody()
    {
        const QByteArray body = R"({"reference":"pay-1","state":"succeeded"})";
        const QByteArray mac = signature::sign(body, "right");
        QVERIFY(signature::verify(body, mac, "right"));
        QVERIFY(!signature::verify(body, mac, "wrong"));
        QVERIFY(!signature::verify(R"({"reference":"pay-1","state":"failed"})", mac, "right"));
        QVERIFY(!signature::verify(body + ' ', mac, "right"));
    }

    void headerShapes_data()
    {
        const QByteArray mac = signature::sign("body", "key");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("lowercase") << mac << true;
        QTest::newRow("uppercase hex is still hex") << mac.toUpper() << true;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("odd length") << mac.left(63) << false;
        QTest::newRow("one byte short") << mac.left(62) << false;
        QTest::newRow("too long") << mac + "00" << false;
        QTest::newRow("not hex") << QByteArray(mac).replace(10, 1, "g") << false;
        QTest::newRow("padded") << " " + mac.left(63) << false;
        QTest::newRow("trailing space") << mac + ' ' << false;
        QTest::newRow("prefixed") << "sha256=" + mac << false;
        QTest::newRow("base64 of the mac") << QByteArray::fromHex(mac).toBase64() << false;
        QTest::newRow("raw bytes") << QByteArray::fromHex(mac) << false;
    }
    void headerShapes()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, accepted);
        QCOMPARE(signature::verify("body", header, "key"), accepted);
    }

    void emptySecretVerifiesNothing()
    {
        QVERIFY(!signature::verify("body", signature::sign("body", {}), {}));
    }

    // The comparison looks at every byte: a mismatch in the first and in the last byte go through
    // the same loop and both fail (there is no early exit to time).
    void mismatchAnywhereFails_data()
    {
        QTest::addColumn<int>("position");
        for (int position : {0, 1, 15, 31})
            QTest::addRow("byte %d", position) << position;
    }
    void mismatchAnywhereFails()
    {
        QFETCH(int, position);
        QByteArray raw = QByteArray::fromHex(signature::sign("body", "key"));
        raw[position] = char(raw[position] ^ 0x01);
        QVERIFY(!signature::verify("body", raw.toHex(), "key"));
    }
};

QTEST_GUILESS_MAIN(TestSignature)
#include "tst_signature.moc"
