#include "cli/userscommand.h"
#include "storage/database.h"
#include "storage/sessionstore.h"
#include "storage/userdirectory.h"

#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace storedesk;
using namespace storedesk::server;

namespace {

const QString storeA = QStringLiteral("berlin-mitte");

QStringList words(const QString& line)
{
    return QProcess::splitCommand(line);
}

} // namespace

class TestUsersCommand : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void addReadsTheSecretFromStandardInput();
    void addWithSeveralRolesAndStores();
    void listShowsNoSecretMaterial();
    void listWhenEmpty();
    void usageErrors_data();
    void usageErrors();
    void failures_data();
    void failures();
    void passwdSetsTheSecretAndEndsSessions();
    void passwdUnknownUser();
    void removeDeletesTheUserAndEndsSessions();
    void interactiveAsksTwice();
    void interactiveMismatch();
    void help();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QString& arguments, const QString& input = QString(), bool interactive = false);
    void addAnna();
    bool canLogIn(const QString& username, const QString& secret);

    std::unique_ptr<Database> m_database;
};

void TestUsersCommand::init()
{
    StorageResult<std::unique_ptr<Database>> database =
        Database::open(*DatabaseUrl::parse(QStringLiteral("sqlite::memory:")));
    QVERIFY2(database, qPrintable(database ? QString() : database.error().message));
    m_database = std::move(database).value();
}

void TestUsersCommand::cleanup()
{
    m_database.reset();
}

TestUsersCommand::Run TestUsersCommand::run(const QString& arguments, const QString& input,
                                            bool interactive)
{
    QString inText = input;
    QTextStream in(&inText, QIODevice::ReadOnly);
    Run result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    result.exitCode = runUsersCommand(words(arguments), in, out, err, *m_database, interactive);
    out.flush();
    err.flush();
    return result;
}

void TestUsersCommand::addAnna()
{
    const Run added = run(QStringLiteral("add anna --name \"Anna Schmidt\" --role colleague "
                                         "--store berlin-mitte"),
                          QStringLiteral("2468\n"));
    QCOMPARE(added.exitCode, 0);
}

bool TestUsersCommand::canLogIn(const QString& username, const QString& secret)
{
    UserDirectory users(*m_database);
    QFuture<StorageResult<User>> future = users.authenticate(username, secret);
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 60'000))
        return false;
    return bool(future.result());
}

void TestUsersCommand::addReadsTheSecretFromStandardInput()
{
    const Run added = run(QStringLiteral("add anna --name \"Anna Schmidt\" --role colleague "
                                         "--store berlin-mitte"),
                          QStringLiteral("2468\n"));
    QCOMPARE(added.exitCode, 0);
    QCOMPARE(added.out, QStringLiteral("Added anna.\n"));
    QVERIFY2(added.err.isEmpty(), qPrintable(added.err));
    const StorageResult<User> anna = UserDirectory(*m_database).find(QStringLiteral("anna"));
    QVERIFY(anna);
    QCOMPARE(anna->displayName, QStringLiteral("Anna Schmidt"));
    QCOMPARE(anna->roles, QList<Role>{Role::Colleague});
    QVERIFY(canLogIn(QStringLiteral("anna"), QStringLiteral("2468")));
}

void TestUsersCommand::addWithSeveralRolesAndStores()
{
    // A Windows-style line end is not part of the secret.
    const Run added = run(QStringLiteral("add Boss --name \"Bea Boss\" --role manager --role "
                                         "colleague --store berlin-mitte --store hamburg"),
                          QStringLiteral("correct horse\r\n"));
    QCOMPARE(added.exitCode, 0);
    const StorageResult<User> boss = UserDirectory(*m_database).find(QStringLiteral("boss"));
    QVERIFY(boss);
    QCOMPARE(boss->roles, (QList<Role>{Role::Colleague, Role::Manager}));
    QCOMPARE(boss->stores.size(), 2);
    QVERIFY(canLogIn(QStringLiteral("boss"), QStringLiteral("correct horse")));
}

void TestUsersCommand::listShowsNoSecretMaterial()
{
    addAnna();
    QVERIFY(run(QStringLiteral("add boss --name Bea --role manager --store berlin-mitte "
                               "--store hamburg"),
                QStringLiteral("9753\n"))
                .exitCode == 0);
    const Run listed = run(QStringLiteral("list"));
    QCOMPARE(listed.exitCode, 0);
    const QStringList lines = listed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].startsWith(QStringLiteral("USERNAME")));
    QVERIFY(lines[0].contains(QStringLiteral("ROLES")));
    QVERIFY(lines[1].startsWith(QStringLiteral("anna ")));
    QVERIFY(lines[1].contains(QStringLiteral("Anna Schmidt")));
    QVERIFY(lines[1].contains(QStringLiteral("colleague")));
    QVERIFY(lines[1].contains(storeA));
    QVERIFY(lines[1].contains(QStringLiteral("active")));
    QVERIFY(lines[2].contains(QStringLiteral("manager")));
    QVERIFY(lines[2].contains(QStringLiteral("berlin-mitte,hamburg")));

    QVERIFY(!listed.out.contains(QStringLiteral("2468")));
    QVERIFY(!listed.out.contains(QStringLiteral("9753")));
    QVERIFY(!listed.out.contains(QStringLiteral("pbkdf2")));
    QSqlQuery hashes(m_database->connection());
    QVERIFY(hashes.exec(QStringLiteral("SELECT secret_hash FROM users")));
    while (hashes.next()) {
        const QStringList parts = hashes.value(0).toString().split(QLatin1Char('$'));
        QCOMPARE(parts.size(), 4);
        QVERIFY(!listed.out.contains(parts[2])); // salt
        QVERIFY(!listed.out.contains(parts[3])); // key
    }
}

void TestUsersCommand::listWhenEmpty()
{
    const Run listed = run(QStringLiteral("list"));
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.out, QStringLiteral("No users.\n"));
}

void TestUsersCommand::usageErrors_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("nothing") << QString() << QStringLiteral("missing a command");
    QTest::newRow("unknown command")
        << QStringLiteral("frobnicate") << QStringLiteral("unknown command \"frobnicate\"");
    QTest::newRow("add without username") << QStringLiteral("add --name A --role colleague "
                                                            "--store berlin-mitte")
                                          << QStringLiteral("needs a USERNAME");
    QTest::newRow("add without name")
        << QStringLiteral("add anna --role colleague --store berlin-mitte")
        << QStringLiteral("--name");
    QTest::newRow("add without role")
        << QStringLiteral("add anna --name Anna --store berlin-mitte") << QStringLiteral("--role");
    QTest::newRow("add without store")
        << QStringLiteral("add anna --name Anna --role colleague") << QStringLiteral("--store");
    QTest::newRow("unknown role") << QStringLiteral(
                                         "add anna --name Anna --role cashier --store berlin-mitte")
                                  << QStringLiteral("unknown role \"cashier\"");
    QTest::newRow("unknown option")
        << QStringLiteral("add anna --name Anna --role colleague --store berlin-mitte --admin")
        << QStringLiteral("admin");
    QTest::newRow("secret on the command line")
        << QStringLiteral("add anna --name Anna --role colleague --store berlin-mitte "
                          "--secret 2468")
        << QStringLiteral("standard input");
    QTest::newRow("password on the command line")
        << QStringLiteral("passwd anna --password=2468") << QStringLiteral("standard input");
    QTest::newRow("two usernames")
        << QStringLiteral("remove anna boss") << QStringLiteral("unexpected argument \"boss\"");
    QTest::newRow("passwd without username")
        << QStringLiteral("passwd") << QStringLiteral("needs a USERNAME");
    QTest::newRow("list with argument")
        << QStringLiteral("list all") << QStringLiteral("unexpected argument");
}

void TestUsersCommand::usageErrors()
{
    QFETCH(QString, arguments);
    QFETCH(QString, mentions);
    const Run result = run(arguments, QStringLiteral("2468\n"));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
    QVERIFY(result.err.contains(QStringLiteral("usage:")));
    QVERIFY(result.out.isEmpty());
    QVERIFY(UserDirectory(*m_database).list()->isEmpty());
}

void TestUsersCommand::failures_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("mentions");
    const QString add = QStringLiteral("add %1 --name Anna --role colleague --store %2");
    QTest::newRow("bad store key")
        << add.arg(QStringLiteral("anna"), QStringLiteral("b")) << QStringLiteral("2468\n")
        << QStringLiteral("not a valid store key");
    QTest::newRow("bad username") << add.arg(QStringLiteral("anna!"), storeA)
                                  << QStringLiteral("2468\n") << QStringLiteral("username");
    QTest::newRow("duplicate, other case") << add.arg(QStringLiteral("ANNA"), storeA)
                                           << QStringLiteral("2468\n") << QStringLiteral("taken");
    QTest::newRow("no input") << add.arg(QStringLiteral("bert"), storeA) << QString()
                              << QStringLiteral("no secret on standard input");
    QTest::newRow("empty secret") << add.arg(QStringLiteral("bert"), storeA) << QStringLiteral("\n")
                                  << QStringLiteral("empty");
    QTest::newRow("short secret") << add.arg(QStringLiteral("bert"), storeA)
                                  << QStringLiteral("123\n") << QStringLiteral("shorter than 4");
    QTest::newRow("remove unknown")
        << QStringLiteral("remove nobody") << QString() << QStringLiteral("no user \"nobody\"");
}

void TestUsersCommand::failures()
{
    QFETCH(QString, arguments);
    QFETCH(QString, input);
    QFETCH(QString, mentions);
    addAnna();
    const Run result = run(arguments, input);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
    QVERIFY(!result.err.contains(QStringLiteral("usage:")));
    QCOMPARE(UserDirectory(*m_database).list()->size(), 1);
}

void TestUsersCommand::passwdSetsTheSecretAndEndsSessions()
{
    addAnna();
    UserDirectory users(*m_database);
    SessionStore sessions(*m_database, users);
    const StorageResult<IssuedSession> issued = sessions.issue(
        *users.find(QStringLiteral("anna")), *StoreKey::parse(storeA), QStringLiteral("till-1"));
    QVERIFY(issued);

    const Run changed = run(QStringLiteral("passwd ANNA"), QStringLiteral("8642\n"));
    QCOMPARE(changed.exitCode, 0);
    QVERIFY2(changed.out.contains(QStringLiteral("ended 1 session")), qPrintable(changed.out));
    QCOMPARE(sessions.resolve(issued->accessToken).error().kind, StorageError::Kind::TokenRevoked);
    QVERIFY(!canLogIn(QStringLiteral("anna"), QStringLiteral("2468")));
    QVERIFY(canLogIn(QStringLiteral("anna"), QStringLiteral("8642")));

    const Run tooShort = run(QStringLiteral("passwd anna"), QStringLiteral("12\n"));
    QCOMPARE(tooShort.exitCode, 1);
}

void TestUsersCommand::passwdUnknownUser()
{
    const Run result = run(QStringLiteral("passwd nobody"), QStringLiteral("8642\n"));
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains(QStringLiteral("no user \"nobody\"")));
}

void TestUsersCommand::removeDeletesTheUserAndEndsSessions()
{
    addAnna();
    UserDirectory users(*m_database);
    SessionStore sessions(*m_database, users);
    const StorageResult<IssuedSession> issued = sessions.issue(
        *users.find(QStringLiteral("anna")), *StoreKey::parse(storeA), QStringLiteral("till-1"));
    QVERIFY(issued);

    const Run removed = run(QStringLiteral("remove anna"));
    QCOMPARE(removed.exitCode, 0);
    QVERIFY2(removed.out.contains(QStringLiteral("Removed anna")), qPrintable(removed.out));
    QVERIFY(!sessions.resolve(issued->accessToken));
    QCOMPARE(run(QStringLiteral("list")).out, QStringLiteral("No users.\n"));
    QCOMPARE(run(QStringLiteral("remove anna")).exitCode, 1);
}

void TestUsersCommand::interactiveAsksTwice()
{
    const Run added = run(QStringLiteral("add anna --name Anna --role colleague --store "
                                         "berlin-mitte"),
                          QStringLiteral("2468\n2468\n"), true);
    QCOMPARE(added.exitCode, 0);
    QVERIFY(added.err.contains(QStringLiteral("Secret")));
    QVERIFY(added.err.contains(QStringLiteral("again")));
    QVERIFY(!added.err.contains(QStringLiteral("2468")));
    QVERIFY(canLogIn(QStringLiteral("anna"), QStringLiteral("2468")));
}

void TestUsersCommand::interactiveMismatch()
{
    const Run added = run(QStringLiteral("add anna --name Anna --role colleague --store "
                                         "berlin-mitte"),
                          QStringLiteral("2468\n2469\n"), true);
    QCOMPARE(added.exitCode, 1);
    QVERIFY(added.err.contains(QStringLiteral("differ")));
    QVERIFY(UserDirectory(*m_database).list()->isEmpty());
}

void TestUsersCommand::help()
{
    const Run result = run(QStringLiteral("help"));
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QStringLiteral("users add USERNAME")));
    QVERIFY(result.out.contains(QStringLiteral("standard input")));
}

QTEST_GUILESS_MAIN(TestUsersCommand)
#include "tst_userscommand.moc"
