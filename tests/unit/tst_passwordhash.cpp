#include "storage/passwordhash.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QPasswordDigestor>
#include <QTest>

using storedesk::server::constantTimeEquals;
using storedesk::server::PasswordHash;

class TestPasswordHash : public QObject {
    Q_OBJECT

private slots:
    void knownAnswers_data();
    void knownAnswers();
    void sameKeysAsQtsDigestor_data();
    void sameKeysAsQtsDigestor();
    void hashMadeBeforeOpenSslStillVerifies();
    void createUsesTheDocumentedFormat();
    void roundTrip();
    void wrongSecret();
    void saltIsFreshEachTime();
    void iterationsBelowTheMinimumAreRaised();
    void storedIterationCountIsHonoured();
    void tampered_data();
    void tampered();
    void malformedIsRejectedByParse_data();
    void malformedIsRejectedByParse();
    void composedAndDecomposedSecretsMatch();
    void decoyNeverMatches();
    void constantTimeEqualsCompares_data();
    void constantTimeEqualsCompares();
    void measureDefaultCost();

private:
    // A cheap hash (1000 iterations) for tests about the format, not the cost.
    static QString cheapHash(const QString& secret)
    {
        PasswordHash::Parsed parsed;
        parsed.iterations = 1000;
        parsed.salt = QByteArray("0123456789abcdef");
        parsed.key = PasswordHash::derive(PasswordHash::secretBytes(secret), parsed.salt, 1000);
        return PasswordHash::encode(parsed);
    }
};

void TestPasswordHash::knownAnswers_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<int>("iterations");
    QTest::addColumn<QByteArray>("expectedHex");

    // RFC 7914, section 11 (PBKDF2-HMAC-SHA256 test vectors).
    QTest::newRow("RFC 7914 c=1") << QByteArray("passwd") << QByteArray("salt") << 1
                                  << QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e6"
                                                "8b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71"
                                                "b845b1e30bd509112041d3a19783");
    QTest::newRow("RFC 7914 c=80000")
        << QByteArray("Password") << QByteArray("NaCl") << 80000
        << QByteArray("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a12"
                      "25833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
    // The widely published SHA-256 counterparts of RFC 6070's vectors.
    QTest::newRow("c=1") << QByteArray("password") << QByteArray("salt") << 1
                         << QByteArray("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb"
                                       "70be17b");
    QTest::newRow("c=4096") << QByteArray("password") << QByteArray("salt") << 4096
                            << QByteArray("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963"
                                          "873aa98134a");
    QTest::newRow("long, 40 bytes")
        << QByteArray("passwordPASSWORDpassword")
        << QByteArray("saltSALTsaltSALTsaltSALTsaltSALTsalt") << 4096
        << QByteArray("348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7"
                      "dac47e9");
    QTest::newRow("embedded NUL, 16 bytes")
        << QByteArray("pass\0word", 9) << QByteArray("sa\0lt", 5) << 4096
        << QByteArray("89b69d0516f829893c696226650a8687");
}

void TestPasswordHash::knownAnswers()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(int, iterations);
    QFETCH(QByteArray, expectedHex);
    const QByteArray key =
        PasswordHash::derive(password, salt, iterations, int(expectedHex.size() / 2));
    QCOMPARE(key.toHex(), expectedHex);
}

void TestPasswordHash::sameKeysAsQtsDigestor_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<int>("iterations");
    QTest::addColumn<int>("keyBytes");
    QTest::newRow("PIN") << QByteArray("2468") << QByteArray("0123456789abcdef") << 1000 << 32;
    QTest::newRow("UTF-8, 16-byte key")
        << QByteArray("caf\xc3\xa9") << QByteArray("salt-salt") << 3 << 16;
    QTest::newRow("64-byte key, two blocks")
        << QByteArray("password") << QByteArray("saltsalt") << 100 << 64;
    // Longer than SHA-256's block: HMAC hashes the key first.
    QTest::newRow("100-byte secret") << QByteArray(100, 'p') << QByteArray("saltsalt") << 10 << 32;
    QTest::newRow("empty secret") << QByteArray() << QByteArray("saltsalt") << 10 << 32;
}

void TestPasswordHash::sameKeysAsQtsDigestor()
{
    // The derivation moved from QPasswordDigestor to OpenSSL: both must give the same keys.
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, salt);
    QFETCH(int, iterations);
    QFETCH(int, keyBytes);
    const QByteArray expected = QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, secret, salt, iterations, quint64(keyBytes));
    QCOMPARE(PasswordHash::derive(secret, salt, iterations, keyBytes).toHex(), expected.toHex());
}

void TestPasswordHash::hashMadeBeforeOpenSslStillVerifies()
{
    // Made by the QPasswordDigestor-based code with the default parameters (100 000 iterations)
    // for the secret "café-2468"; users' stored hashes look like this one.
    const QString stored = QStringLiteral(
        "pbkdf2-sha256$100000$U3RvcmVEZXNrLXNhbHQxNg$UFRA4XREJLXZ99zxecCC1fifR3jz1JSbO5Il+GBDx6c");
    QVERIFY(PasswordHash::verify(QStringLiteral("caf\u00e9-2468"), stored));
    QVERIFY(!PasswordHash::verify(QStringLiteral("cafe-2468"), stored));
}

void TestPasswordHash::createUsesTheDocumentedFormat()
{
    const QString encoded = PasswordHash::create(QStringLiteral("1234"));
    const QStringList parts = encoded.split(QLatin1Char('$'));
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts[0], QStringLiteral("pbkdf2-sha256"));
    QCOMPARE(parts[1].toInt(), PasswordHash::DefaultIterations);
    QVERIFY(PasswordHash::DefaultIterations >= 100'000);
    QCOMPARE(QByteArray::fromBase64(parts[2].toLatin1()).size(), PasswordHash::SaltBytes);
    QCOMPARE(QByteArray::fromBase64(parts[3].toLatin1()).size(), PasswordHash::KeyBytes);
    QVERIFY(!encoded.contains(QStringLiteral("1234")));
}

void TestPasswordHash::roundTrip()
{
    const QString encoded = PasswordHash::create(QStringLiteral("correct horse"));
    QVERIFY(PasswordHash::verify(QStringLiteral("correct horse"), encoded));
    const auto parsed = PasswordHash::parse(encoded);
    QVERIFY(parsed);
    QCOMPARE(PasswordHash::encode(*parsed), encoded);
}

void TestPasswordHash::wrongSecret()
{
    const QString encoded = cheapHash(QStringLiteral("1234"));
    QVERIFY(PasswordHash::verify(QStringLiteral("1234"), encoded));
    QVERIFY(!PasswordHash::verify(QStringLiteral("1235"), encoded));
    QVERIFY(!PasswordHash::verify(QStringLiteral("12345"), encoded));
    QVERIFY(!PasswordHash::verify(QString(), encoded));
}

void TestPasswordHash::saltIsFreshEachTime()
{
    const QString a = PasswordHash::create(QStringLiteral("same"));
    const QString b = PasswordHash::create(QStringLiteral("same"));
    QVERIFY(a != b);
    QVERIFY(PasswordHash::parse(a)->salt != PasswordHash::parse(b)->salt);
}

void TestPasswordHash::iterationsBelowTheMinimumAreRaised()
{
    const auto parsed = PasswordHash::parse(PasswordHash::create(QStringLiteral("pin0"), 10));
    QVERIFY(parsed);
    QCOMPARE(parsed->iterations, PasswordHash::MinimumIterations);
}

void TestPasswordHash::storedIterationCountIsHonoured()
{
    // Hashes made with an older, lower count keep working after the default is raised.
    PasswordHash::Parsed parsed;
    parsed.iterations = 4096;
    parsed.salt = QByteArray("salt-salt-salt-!");
    parsed.key = PasswordHash::derive("password", parsed.salt, 4096);
    const QString encoded = PasswordHash::encode(parsed);
    QVERIFY(encoded.startsWith(QStringLiteral("pbkdf2-sha256$4096$")));
    QVERIFY(PasswordHash::verify(QStringLiteral("password"), encoded));
    parsed.iterations = 4097;
    QVERIFY(!PasswordHash::verify(QStringLiteral("password"), PasswordHash::encode(parsed)));
}

void TestPasswordHash::tampered_data()
{
    QTest::addColumn<QString>("encoded");
    const QString good = cheapHash(QStringLiteral("1234"));
    const QStringList parts = good.split(QLatin1Char('$'));
    const auto with = [&parts](int index, const QString& value) {
        QStringList changed = parts;
        changed[index] = value;
        return changed.join(QLatin1Char('$'));
    };
    QByteArray key = QByteArray::fromBase64(parts[3].toLatin1());
    key[key.size() - 1] = char(key.at(key.size() - 1) ^ 1);
    QByteArray firstByte = QByteArray::fromBase64(parts[3].toLatin1());
    firstByte[0] = char(firstByte.at(0) ^ 0x80);
    QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
    salt[0] = char(salt.at(0) ^ 1);
    const auto b64 = [](const QByteArray& bytes) {
        return QString::fromLatin1(bytes.toBase64(QByteArray::OmitTrailingEquals));
    };

    QTest::newRow("last key bit") << with(3, b64(key));
    QTest::newRow("first key bit") << with(3, b64(firstByte));
    QTest::newRow("salt") << with(2, b64(salt));
    QTest::newRow("iterations") << with(1, QStringLiteral("1001"));
    QTest::newRow("scheme") << with(0, QStringLiteral("pbkdf2-sha1"));
    QTest::newRow("truncated key") << with(3, parts[3].left(10));
}

void TestPasswordHash::tampered()
{
    QFETCH(QString, encoded);
    QVERIFY(!PasswordHash::verify(QStringLiteral("1234"), encoded));
}

void TestPasswordHash::malformedIsRejectedByParse_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain text") << QStringLiteral("1234");
    QTest::newRow("three parts") << QStringLiteral("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0");
    QTest::newRow("five parts") << cheapHash(QStringLiteral("x")) + QStringLiteral("$x");
    QTest::newRow("zero iterations")
        << QStringLiteral("pbkdf2-sha256$0$c2FsdHNhbHRzYWx0$MDEyMzQ1Njc4OWFiY2RlZg");
    QTest::newRow("hostile iterations")
        << QStringLiteral("pbkdf2-sha256$2000000000$c2FsdHNhbHRzYWx0$MDEyMzQ1Njc4OWFiY2RlZg");
    QTest::newRow("not base64") << QStringLiteral(
        "pbkdf2-sha256$1000$c2Fsd*Nhb$MDEyMzQ1Njc4OWFiY2RlZg");
    QTest::newRow("short salt") << QStringLiteral(
        "pbkdf2-sha256$1000$c2FsdA$MDEyMzQ1Njc4OWFiY2RlZg");
}

void TestPasswordHash::malformedIsRejectedByParse()
{
    QFETCH(QString, encoded);
    QVERIFY(!PasswordHash::parse(encoded));
    QVERIFY(!PasswordHash::verify(QStringLiteral("x"), encoded));
}

void TestPasswordHash::composedAndDecomposedSecretsMatch()
{
    const QString composed = QStringLiteral("caf\u00e9-1234");
    const QString decomposed = QStringLiteral("cafe\u0301-1234");
    QVERIFY(composed != decomposed);
    QVERIFY(PasswordHash::verify(decomposed, cheapHash(composed)));
}

void TestPasswordHash::decoyNeverMatches()
{
    const QString decoy = PasswordHash::decoy();
    const auto parsed = PasswordHash::parse(decoy);
    QVERIFY(parsed);
    QCOMPARE(parsed->iterations, PasswordHash::DefaultIterations);
    QVERIFY(!PasswordHash::verify(QString(), decoy));
    QVERIFY(PasswordHash::decoy() != decoy);
}

void TestPasswordHash::constantTimeEqualsCompares_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("equal") << QByteArray("0123456789") << QByteArray("0123456789") << true;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("first byte") << QByteArray("x123456789") << QByteArray("0123456789") << false;
    QTest::newRow("last byte") << QByteArray("012345678x") << QByteArray("0123456789") << false;
    QTest::newRow("high bit") << QByteArray("\x80") << QByteArray("\x00", 1) << false;
    QTest::newRow("prefix") << QByteArray("01234") << QByteArray("0123456789") << false;
    QTest::newRow("one empty") << QByteArray() << QByteArray("0") << false;
}

void TestPasswordHash::constantTimeEqualsCompares()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(constantTimeEquals(a, b), equal);
    QCOMPARE(constantTimeEquals(b, a), equal);
}

void TestPasswordHash::measureDefaultCost()
{
    // Not a pass/fail benchmark: the number goes into the log so a slow machine is noticed.
    QElapsedTimer timer;
    timer.start();
    const QString encoded = PasswordHash::create(QStringLiteral("1234"));
    const qint64 createMs = timer.restart();
    QVERIFY(PasswordHash::verify(QStringLiteral("1234"), encoded));
    const qint64 verifyMs = timer.elapsed();
    // QPasswordDigestor, which derived the keys before OpenSSL did, back-to-back for the ratio.
    timer.restart();
    QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, "1234", "0123456789abcdef",
                                       PasswordHash::DefaultIterations, PasswordHash::KeyBytes);
    const qint64 qtMs = timer.elapsed();
    qInfo("PBKDF2-HMAC-SHA256, %d iterations: create %lld ms, verify %lld ms "
          "(QPasswordDigestor: %lld ms)",
          PasswordHash::DefaultIterations, createMs, verifyMs, qtMs);
    QVERIFY(verifyMs < 30'000);
}

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
