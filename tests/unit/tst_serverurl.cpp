#include "api/serverurl.h"
#include "base/transportsecurity.h"

#include <QTest>

using namespace Qt::StringLiterals;
using storedesk::Error;
using storedesk::Expected;
using storedesk::api::ServerUrl;

class TestServerUrl : public QObject {
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void resultTakesAppendedPaths();
    void loopbackHosts_data();
    void loopbackHosts();
};

void TestServerUrl::accepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("https host") << u"https://pos.example.com"_s << u"https://pos.example.com"_s;
    QTest::newRow("https path") << u"https://pos.example.com/storedesk/v1"_s
                                << u"https://pos.example.com/storedesk/v1"_s;
    QTest::newRow("trailing slash")
        << u"https://pos.example.com/storedesk/v1/"_s << u"https://pos.example.com/storedesk/v1"_s;
    QTest::newRow("many trailing slashes")
        << u"https://pos.example.com/storedesk///"_s << u"https://pos.example.com/storedesk"_s;
    QTest::newRow("root slash") << u"https://pos.example.com/"_s << u"https://pos.example.com"_s;
    QTest::newRow("port") << u"https://pos.example.com:8443/api/"_s
                          << u"https://pos.example.com:8443/api"_s;
    QTest::newRow("upper case scheme and host")
        << u"HTTPS://POS.Example.COM/Api"_s << u"https://pos.example.com/Api"_s;
    QTest::newRow("surrounding whitespace")
        << u"  https://pos.example.com/v1/ \n"_s << u"https://pos.example.com/v1"_s;
    QTest::newRow("https ip") << u"https://192.0.2.10/"_s << u"https://192.0.2.10"_s;
    QTest::newRow("http localhost") << u"http://localhost:8080/"_s << u"http://localhost:8080"_s;
    QTest::newRow("http LOCALHOST") << u"http://LOCALHOST:8080"_s << u"http://localhost:8080"_s;
    QTest::newRow("http 127.0.0.1")
        << u"http://127.0.0.1:5000/v1/"_s << u"http://127.0.0.1:5000/v1"_s;
    QTest::newRow("http 127.8.9.10") << u"http://127.8.9.10"_s << u"http://127.8.9.10"_s;
    QTest::newRow("http ::1") << u"http://[::1]:8080/x/"_s << u"http://[::1]:8080/x"_s;
    // QUrl itself turns short IPv4 forms into dotted quads, so the check sees the real address.
    QTest::newRow("http 127.1") << u"http://127.1/"_s << u"http://127.0.0.1"_s;
}

void TestServerUrl::accepted()
{
    QFETCH(QString, text);
    QFETCH(QString, normalized);

    const Expected<QUrl> url = ServerUrl::parse(text);
    QVERIFY2(url, qPrintable(url ? QString() : url.error().message));
    QCOMPARE(url->toString(), normalized);
    QVERIFY(!url->path().endsWith(u'/'));
    QVERIFY(!url->hasQuery());
    QVERIFY(url->userInfo().isEmpty());
}

void TestServerUrl::refused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart"); // a word that shows the right reason was given

    QTest::newRow("empty") << QString() << u"full URL"_s;
    QTest::newRow("blank") << u"   "_s << u"full URL"_s;
    QTest::newRow("no scheme") << u"pos.example.com/v1"_s << u"full URL"_s;
    QTest::newRow("no host") << u"https://"_s << u"full URL"_s;
    QTest::newRow("no slashes") << u"https:pos.example.com"_s << u"full URL"_s;
    QTest::newRow("space in host") << u"https://pos example.com"_s << u"full URL"_s;
    QTest::newRow("bad port") << u"https://pos.example.com:99999"_s << u"full URL"_s;
    QTest::newRow("ftp") << u"ftp://pos.example.com"_s << u"https://"_s;
    QTest::newRow("file") << u"file://server/share"_s << u"https://"_s;
    QTest::newRow("ws") << u"ws://localhost:8080"_s << u"https://"_s;
    QTest::newRow("http remote") << u"http://pos.example.com"_s << u"not be encrypted"_s;
    QTest::newRow("http lan ip") << u"http://192.168.1.20:8080"_s << u"not be encrypted"_s;
    QTest::newRow("http 0.0.0.0") << u"http://0.0.0.0:8080"_s << u"not be encrypted"_s;
    QTest::newRow("http localhost lookalike")
        << u"http://localhost.example.com"_s << u"not be encrypted"_s;
    QTest::newRow("http 127 lookalike") << u"http://127.0.0.1.nip.io"_s << u"not be encrypted"_s;
    QTest::newRow("http 128.0.0.1") << u"http://128.0.0.1"_s << u"not be encrypted"_s;
    QTest::newRow("http ::2") << u"http://[::2]"_s << u"not be encrypted"_s;
    QTest::newRow("user") << u"https://alice@pos.example.com"_s << u"user name"_s;
    QTest::newRow("user and password")
        << u"https://alice:secret@pos.example.com/v1"_s << u"user name"_s;
    QTest::newRow("password only") << u"https://:secret@pos.example.com"_s << u"user name"_s;
    QTest::newRow("http localhost with user") << u"http://alice@localhost"_s << u"user name"_s;
    QTest::newRow("query") << u"https://pos.example.com/v1?store=berlin"_s << u"'?'"_s;
    QTest::newRow("empty query") << u"https://pos.example.com/v1?"_s << u"'?'"_s;
    QTest::newRow("fragment") << u"https://pos.example.com/v1#top"_s << u"'#'"_s;
}

void TestServerUrl::refused()
{
    QFETCH(QString, text);
    QFETCH(QString, messagePart);

    const Expected<QUrl> url = ServerUrl::parse(text);
    QVERIFY2(!url, qPrintable(url ? url->toString() : QString()));
    QCOMPARE(url.error().kind, Error::Kind::InvalidValue);
    QVERIFY(!url.error().message.isEmpty());
    QVERIFY2(url.error().message.contains(messagePart), qPrintable(url.error().message));
    // The password must not be echoed back into a message that may be shown or logged.
    QVERIFY(!url.error().message.contains(u"secret"));
}

void TestServerUrl::resultTakesAppendedPaths()
{
    const Expected<QUrl> base = ServerUrl::parse(u"https://pos.example.com/storedesk/v1/"_s);
    QVERIFY(base);
    QUrl carts = *base;
    carts.setPath(base->path() + u"/stores/berlin/carts"_s);
    QCOMPARE(carts.toString(), u"https://pos.example.com/storedesk/v1/stores/berlin/carts"_s);
}

void TestServerUrl::loopbackHosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");

    QTest::newRow("localhost") << u"localhost"_s << true;
    QTest::newRow("LocalHost") << u"LocalHost"_s << true;
    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << true;
    QTest::newRow("127.255.255.254") << u"127.255.255.254"_s << true;
    QTest::newRow("::1") << u"::1"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("128.0.0.1") << u"128.0.0.1"_s << false;
    QTest::newRow("10.0.0.1") << u"10.0.0.1"_s << false;
    QTest::newRow("::") << u"::"_s << false;
    QTest::newRow("localhost.localdomain") << u"localhost.localdomain"_s << false;
    QTest::newRow("example.com") << u"example.com"_s << false;
}

void TestServerUrl::loopbackHosts()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(storedesk::isLoopbackHost(host), loopback);
}

QTEST_GUILESS_MAIN(TestServerUrl)
#include "tst_serverurl.moc"
