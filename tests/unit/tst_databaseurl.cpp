#include "storage/databaseurl.h"

#include <QTest>

using storedesk::server::DatabaseUrl;

class TestDatabaseUrl : public QObject {
    Q_OBJECT

private slots:
    void sqliteFile();
    void sqliteFileDecodesAndCleansThePath();
    void sqliteMemory();
    void sqliteBad_data();
    void sqliteBad();
    void postgresql();
    void postgresqlDefaultsPortAndTimeout();
    void postgresqlDecodesPercentEncoding();
    void postgresqlIpv6Host();
    void postgresqlPasswordFromEnvironment();
    void postgresqlUrlPasswordWinsOverEnvironment();
    void postgresqlOptions();
    void postgresqlBad_data();
    void postgresqlBad();
    void unknownScheme();
    void empty();
    void toStringRedactsThePassword();
    void errorsNeverQuoteThePassword_data();
    void errorsNeverQuoteThePassword();

private:
    static QProcessEnvironment noPassword() { return QProcessEnvironment(); }
};

void TestDatabaseUrl::sqliteFile()
{
    const auto url =
        DatabaseUrl::parse(QStringLiteral("sqlite:///var/lib/storedesk/server.db"), noPassword());
    QVERIFY2(url, qPrintable(url ? QString() : url.error().message));
    QCOMPARE(url->driver(), DatabaseUrl::Driver::Sqlite);
    QVERIFY(!url->isInMemory());
    QCOMPARE(url->filePath(), QStringLiteral("/var/lib/storedesk/server.db"));
    QCOMPARE(url->toString(), QStringLiteral("sqlite:///var/lib/storedesk/server.db"));
}

void TestDatabaseUrl::sqliteFileDecodesAndCleansThePath()
{
    const auto url =
        DatabaseUrl::parse(QStringLiteral("sqlite:///srv/store%20desk/./data//x.db"), noPassword());
    QVERIFY(url);
    QCOMPARE(url->filePath(), QStringLiteral("/srv/store desk/data/x.db"));
}

void TestDatabaseUrl::sqliteMemory()
{
    const auto url = DatabaseUrl::parse(QStringLiteral("sqlite::memory:"), noPassword());
    QVERIFY(url);
    QCOMPARE(url->driver(), DatabaseUrl::Driver::Sqlite);
    QVERIFY(url->isInMemory());
    QVERIFY(url->filePath().isEmpty());
    QCOMPARE(url->toString(), QStringLiteral("sqlite::memory:"));
}

void TestDatabaseUrl::sqliteBad_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("relative") << QStringLiteral("sqlite://server.db")
                              << QStringLiteral("absolute path");
    QTest::newRow("no slashes") << QStringLiteral("sqlite:server.db")
                                << QStringLiteral("sqlite:///absolute/path.db");
    QTest::newRow("empty path") << QStringLiteral("sqlite://") << QStringLiteral("absolute path");
    QTest::newRow("folder") << QStringLiteral("sqlite:///var/lib/") << QStringLiteral("folder");
    QTest::newRow("query") << QStringLiteral("sqlite:///x.db?mode=ro")
                           << QStringLiteral("no options");
}

void TestDatabaseUrl::sqliteBad()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    const auto url = DatabaseUrl::parse(text, noPassword());
    QVERIFY(!url);
    QVERIFY2(url.error().message.contains(mentions), qPrintable(url.error().message));
}

void TestDatabaseUrl::postgresql()
{
    const auto url = DatabaseUrl::parse(
        QStringLiteral("postgresql://storedesk:s3cret@db.example.com:6543/pos"), noPassword());
    QVERIFY2(url, qPrintable(url ? QString() : url.error().message));
    QCOMPARE(url->driver(), DatabaseUrl::Driver::Postgresql);
    QCOMPARE(url->host(), QStringLiteral("db.example.com"));
    QCOMPARE(url->port(), quint16(6543));
    QCOMPARE(url->userName(), QStringLiteral("storedesk"));
    QCOMPARE(url->password(), QStringLiteral("s3cret"));
    QCOMPARE(url->databaseName(), QStringLiteral("pos"));
    QVERIFY(!url->isInMemory());
}

void TestDatabaseUrl::postgresqlDefaultsPortAndTimeout()
{
    const auto url =
        DatabaseUrl::parse(QStringLiteral("postgres://storedesk@db/pos"), noPassword());
    QVERIFY(url);
    QCOMPARE(url->port(), DatabaseUrl::DefaultPostgresqlPort);
    QVERIFY(!url->hasPassword());
    QCOMPARE(url->connectOptions(), QStringLiteral("connect_timeout=10"));
}

void TestDatabaseUrl::postgresqlDecodesPercentEncoding()
{
    const auto url = DatabaseUrl::parse(
        QStringLiteral("postgresql://store%20desk:p%40ss%3Aw%2Ford@db:5432/my%20db"), noPassword());
    QVERIFY2(url, qPrintable(url ? QString() : url.error().message));
    QCOMPARE(url->userName(), QStringLiteral("store desk"));
    QCOMPARE(url->password(), QStringLiteral("p@ss:w/ord"));
    QCOMPARE(url->databaseName(), QStringLiteral("my db"));
}

void TestDatabaseUrl::postgresqlIpv6Host()
{
    const auto url =
        DatabaseUrl::parse(QStringLiteral("postgresql://u@[::1]:5433/d"), noPassword());
    QVERIFY(url);
    QCOMPARE(url->host(), QStringLiteral("::1"));
    QCOMPARE(url->toString(), QStringLiteral("postgresql://u@[::1]:5433/d"));
}

void TestDatabaseUrl::postgresqlPasswordFromEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("from-env"));
    const auto url = DatabaseUrl::parse(QStringLiteral("postgresql://u@h:1/d"), environment);
    QVERIFY(url);
    QCOMPARE(url->password(), QStringLiteral("from-env"));
    QVERIFY(!url->toString().contains(QStringLiteral("from-env")));
}

void TestDatabaseUrl::postgresqlUrlPasswordWinsOverEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("from-env"));
    const auto url = DatabaseUrl::parse(QStringLiteral("postgresql://u:in-url@h:1/d"), environment);
    QVERIFY(url);
    QCOMPARE(url->password(), QStringLiteral("in-url"));
}

void TestDatabaseUrl::postgresqlOptions()
{
    const auto url =
        DatabaseUrl::parse(QStringLiteral("postgresql://u@h/d?sslmode=verify-full&connect_timeout=3"
                                          "&sslrootcert=/etc/ssl/ca.pem"),
                           noPassword());
    QVERIFY2(url, qPrintable(url ? QString() : url.error().message));
    QCOMPARE(url->connectOptions(),
             QStringLiteral("sslmode=verify-full;connect_timeout=3;sslrootcert=/etc/ssl/ca.pem"));
    QVERIFY(url->toString().endsWith(
        QStringLiteral("?sslmode=verify-full&connect_timeout=3&sslrootcert=/etc/ssl/ca.pem")));
}

void TestDatabaseUrl::postgresqlBad_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no user") << QStringLiteral("postgresql://db:5432/pos")
                             << QStringLiteral("no user");
    QTest::newRow("no host") << QStringLiteral("postgresql://u@:5432/pos")
                             << QStringLiteral("no host");
    QTest::newRow("no database") << QStringLiteral("postgresql://u@db:5432")
                                 << QStringLiteral("no database");
    QTest::newRow("empty database")
        << QStringLiteral("postgresql://u@db:5432/") << QStringLiteral("no database");
    QTest::newRow("nested path") << QStringLiteral("postgresql://u@db/a/b")
                                 << QStringLiteral("just the database name");
    QTest::newRow("port text") << QStringLiteral("postgresql://u@db:port/pos")
                               << QStringLiteral("malformed");
    QTest::newRow("port zero") << QStringLiteral("postgresql://u@db:0/pos")
                               << QStringLiteral("port");
    QTest::newRow("port too big") << QStringLiteral("postgresql://u@db:70000/pos")
                                  << QStringLiteral("malformed");
    QTest::newRow("fragment") << QStringLiteral("postgresql://u@db/pos#x") << QStringLiteral("'#'");
    QTest::newRow("unknown option") << QStringLiteral("postgresql://u@db/pos?options=-c")
                                    << QStringLiteral("unknown option \"options\"");
    QTest::newRow("bad sslmode") << QStringLiteral("postgresql://u@db/pos?sslmode=maybe")
                                 << QStringLiteral("sslmode");
    QTest::newRow("smuggled option")
        << QStringLiteral("postgresql://u@db/pos?connect_timeout=3%20sslmode%3Ddisable")
        << QStringLiteral("connect_timeout");
    QTest::newRow("relative root cert")
        << QStringLiteral("postgresql://u@db/pos?sslrootcert=ca.pem")
        << QStringLiteral("sslrootcert");
}

void TestDatabaseUrl::postgresqlBad()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    const auto url = DatabaseUrl::parse(text, noPassword());
    QVERIFY(!url);
    QVERIFY2(url.error().message.contains(mentions), qPrintable(url.error().message));
}

void TestDatabaseUrl::unknownScheme()
{
    const auto url = DatabaseUrl::parse(QStringLiteral("mysql://u:pw@h/d"), noPassword());
    QVERIFY(!url);
    QVERIFY(url.error().message.contains(QStringLiteral("sqlite://")));
    QVERIFY(url.error().message.contains(QStringLiteral("postgresql://")));
}

void TestDatabaseUrl::empty()
{
    const auto url = DatabaseUrl::parse(QStringLiteral("  "), noPassword());
    QVERIFY(!url);
    QCOMPARE(url.error().kind, storedesk::Error::Kind::MissingValue);
}

void TestDatabaseUrl::toStringRedactsThePassword()
{
    const auto url = DatabaseUrl::parse(
        QStringLiteral("postgresql://storedesk:hunter2@db.example.com:5432/pos?sslmode=require"),
        noPassword());
    QVERIFY(url);
    QCOMPARE(url->toString(),
             QStringLiteral("postgresql://storedesk:***@db.example.com:5432/pos?sslmode=require"));
}

void TestDatabaseUrl::errorsNeverQuoteThePassword_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("no database") << QStringLiteral("postgresql://u:hunter2@db");
    QTest::newRow("malformed") << QStringLiteral("postgresql://u:hunter2@db:x/d");
    QTest::newRow("unknown scheme") << QStringLiteral("mysql://u:hunter2@db/d");
    QTest::newRow("bad option") << QStringLiteral("postgresql://u@db/d?password=hunter2");
}

void TestDatabaseUrl::errorsNeverQuoteThePassword()
{
    QFETCH(QString, text);
    const auto url = DatabaseUrl::parse(text, noPassword());
    QVERIFY(!url);
    QVERIFY2(!url.error().message.contains(QStringLiteral("hunter2")),
             qPrintable(url.error().message));
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
