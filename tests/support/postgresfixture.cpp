#include "postgresfixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVersionNumber>

#include <algorithm>
#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <csignal>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace storedesk::test {

namespace {

constexpr int toolTimeoutMs = 120'000;
constexpr int readyTimeoutMs = 60'000;
constexpr int stopTimeoutMs = 15'000;
const QString readyLine = QStringLiteral("database system is ready to accept connections");

bool hasServerBinaries(const QString& dir)
{
    return QFileInfo(dir + QStringLiteral("/initdb")).isExecutable() &&
           QFileInfo(dir + QStringLiteral("/postgres")).isExecutable();
}

QString findBinDir()
{
    const QString configured = qEnvironmentVariable("STOREDESK_POSTGRESQL_BINDIR");
    if (!configured.isEmpty())
        return hasServerBinaries(configured) ? configured : QString();
    // Debian keeps the server binaries out of PATH, one folder per major version.
    const QDir debian(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = debian.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString& a, const QString& b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString& version : std::as_const(versions)) {
        const QString dir = debian.filePath(version + QStringLiteral("/bin"));
        if (hasServerBinaries(dir))
            return dir;
    }
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (!initdb.isEmpty() && hasServerBinaries(QFileInfo(initdb).absolutePath()))
        return QFileInfo(initdb).absolutePath();
    return {};
}

#ifdef Q_OS_UNIX
// Asks the kernel for a free loopback port. Another process may take it before PostgreSQL binds
// it; start() then tries another.
quint16 freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}
#endif

} // namespace

PostgresFixture::PostgresFixture() = default;

PostgresFixture::~PostgresFixture()
{
    stop();
}

bool PostgresFixture::fail(const QString& message)
{
    m_error = QStringLiteral("PostgreSQL test server: ") + message;
    return false;
}

bool PostgresFixture::isRunning() const
{
    return m_server && m_server->state() == QProcess::Running;
}

void PostgresFixture::prepareProcess(QProcess& process, bool asServerUser) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // PGHOST, PGPORT, PGDATA … of the machine must not steer the test cluster.
    const QStringList keys = environment.keys();
    for (const QString& key : keys) {
        if (key.startsWith(QLatin1String("PG")))
            environment.remove(key);
    }
    // Its log is read for the "ready" line, which must be in English.
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    process.setProcessEnvironment(environment);
    if (m_folder)
        process.setWorkingDirectory(m_folder->path());
#ifdef Q_OS_UNIX
    const bool drop = asServerUser && m_dropPrivileges;
    const uid_t uid = m_uid;
    const gid_t gid = m_gid;
    // Runs in the child between fork and exec: system calls only.
    process.setChildProcessModifier([drop, uid, gid]() {
        if (drop && (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0))
            ::_exit(126);
#ifdef Q_OS_LINUX
        // After setuid, which clears it: PostgreSQL shuts down at once if the test dies.
        ::prctl(PR_SET_PDEATHSIG, SIGQUIT);
#endif
    });
#else
    Q_UNUSED(asServerUser);
#endif
}

Expected<QString> PostgresFixture::runTool(const QString& program, const QStringList& arguments,
                                           bool asServerUser, int timeoutMs,
                                           const QProcessEnvironment& extraEnvironment)
{
    const auto error = [](const QString& message) {
        return Error{Error::Kind::InvalidArgument, message, QString()};
    };
    QProcess process;
    prepareProcess(process, asServerUser);
    if (!extraEnvironment.isEmpty()) {
        QProcessEnvironment environment = process.processEnvironment();
        environment.insert(extraEnvironment);
        process.setProcessEnvironment(environment);
    }
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QString path = m_binDir + QLatin1Char('/') + program;
    process.start(path, arguments);
    if (!process.waitForStarted(10'000))
        return error(QStringLiteral("cannot run %1: %2").arg(path, process.errorString()));
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5'000);
        return error(QStringLiteral("%1 did not finish within %2 s; output:\n%3")
                         .arg(program)
                         .arg(timeoutMs / 1000)
                         .arg(QString::fromLocal8Bit(process.readAll())));
    }
    const QString output = QString::fromLocal8Bit(process.readAll());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return error(QStringLiteral("%1 failed (exit code %2); output:\n%3")
                         .arg(program)
                         .arg(process.exitCode())
                         .arg(output));
    return output;
}

bool PostgresFixture::start()
{
    if (isRunning())
        return true;
    m_error.clear();
    m_binDir = findBinDir();
    if (m_binDir.isEmpty())
        return fail(QStringLiteral(
            "PostgreSQL is not installed: no initdb and postgres in "
            "STOREDESK_POSTGRESQL_BINDIR, /usr/lib/postgresql/<version>/bin or PATH. Install "
            "the server (Debian: apt-get install postgresql) or set STOREDESK_POSTGRESQL_BINDIR."));
#ifndef Q_OS_UNIX
    return fail(QStringLiteral("the fixture runs PostgreSQL on Unix-like systems only"));
#else
    if (::geteuid() == 0) {
        const QByteArray account =
            qEnvironmentVariable("STOREDESK_POSTGRESQL_USER", QStringLiteral("postgres"))
                .toLocal8Bit();
        const passwd* entry = ::getpwnam(account.constData());
        if (!entry)
            return fail(QStringLiteral("the tests run as root, which PostgreSQL refuses, and "
                                       "there is no user \"%1\" to run it as; create one or set "
                                       "STOREDESK_POSTGRESQL_USER")
                            .arg(QString::fromLocal8Bit(account)));
        m_dropPrivileges = true;
        m_uid = entry->pw_uid;
        m_gid = entry->pw_gid;
    }

    m_folder =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/storedesk-pg-XXXXXX"));
    if (!m_folder->isValid())
        return fail(
            QStringLiteral("cannot create a temporary folder: %1").arg(m_folder->errorString()));
    const QString folder = m_folder->path();
    const QString socketDir = folder + QStringLiteral("/socket");
    const QString passwordFile = folder + QStringLiteral("/password");
    // A Unix socket path has room for about 107 bytes.
    if (socketDir.toLocal8Bit().size() > 80)
        return fail(QStringLiteral("the temporary folder path is too long for a Unix socket: %1")
                        .arg(folder));
    if (!QDir().mkpath(socketDir))
        return fail(QStringLiteral("cannot create %1").arg(socketDir));

    // Hex: nothing to escape in a URL.
    m_password =
        QString::fromLatin1(QByteArray::number(QRandomGenerator::system()->generate64(), 16) +
                            QByteArray::number(QRandomGenerator::system()->generate64(), 16));
    QFile file(passwordFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_password.toLatin1() + '\n') < 0)
        return fail(QStringLiteral("cannot write %1").arg(passwordFile));
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    if (m_dropPrivileges) {
        for (const QString& path : {folder, socketDir, passwordFile}) {
            if (::chown(QFile::encodeName(path).constData(), m_uid, m_gid) != 0)
                return fail(QStringLiteral("cannot give %1 to the PostgreSQL user: %2")
                                .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
        }
    }

    const Expected<QString> initialised =
        runTool(QStringLiteral("initdb"),
                {QStringLiteral("--pgdata=") + folder + QStringLiteral("/data"),
                 QStringLiteral("--username=") + userName(),
                 QStringLiteral("--pwfile=") + passwordFile, QStringLiteral("--auth-local=trust"),
                 QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("--encoding=UTF8"),
                 QStringLiteral("--locale=C"), QStringLiteral("--no-sync")},
                true, toolTimeoutMs);
    QFile::remove(passwordFile);
    if (!initialised)
        return fail(initialised.error().message);

    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freeLoopbackPort();
        if (m_port == 0)
            return fail(QStringLiteral("no free port on 127.0.0.1"));
        if (startServer())
            return true;
        // Someone else took the port between asking for it and PostgreSQL binding it.
        if (!m_error.contains(QLatin1String("Address already in use")))
            break;
    }
    const QString error = m_error;
    stop();
    m_error = error;
    return false;
#endif
}

bool PostgresFixture::startServer()
{
#ifdef Q_OS_UNIX
    const QString folder = m_folder->path();
    const QString log = folder + QStringLiteral("/postgres.log");
    QFile::remove(log);
    m_server = std::make_unique<QProcess>();
    prepareProcess(*m_server, true);
    // A file, not a pipe: nobody reads a pipe while the tests run, and a full one would stall
    // the server.
    m_server->setProcessChannelMode(QProcess::MergedChannels);
    m_server->setStandardOutputFile(log);
    m_server->start(m_binDir + QStringLiteral("/postgres"),
                    {QStringLiteral("-D"), folder + QStringLiteral("/data"), QStringLiteral("-p"),
                     QString::number(m_port), QStringLiteral("-k"),
                     folder + QStringLiteral("/socket"), QStringLiteral("-c"),
                     QStringLiteral("listen_addresses=127.0.0.1"), QStringLiteral("-c"),
                     QStringLiteral("fsync=off"), QStringLiteral("-c"),
                     QStringLiteral("synchronous_commit=off"), QStringLiteral("-c"),
                     QStringLiteral("full_page_writes=off"), QStringLiteral("-c"),
                     QStringLiteral("shared_buffers=32MB"), QStringLiteral("-c"),
                     QStringLiteral("max_connections=50")});
    if (!m_server->waitForStarted(10'000))
        return fail(QStringLiteral("cannot run postgres: %1").arg(m_server->errorString()));

    const QDeadlineTimer deadline(readyTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_server->state() != QProcess::Running || m_server->waitForFinished(100)) {
            const QString tail = logTail();
            m_server.reset();
            return fail(QStringLiteral("postgres stopped while starting; its log:\n%1").arg(tail));
        }
        QFile file(log);
        if (file.open(QIODevice::ReadOnly) &&
            QString::fromLocal8Bit(file.readAll()).contains(readyLine))
            return true;
    }
    const QString tail = logTail();
    stop();
    return fail(QStringLiteral("postgres was not ready within %1 s; its log:\n%2")
                    .arg(readyTimeoutMs / 1000)
                    .arg(tail));
#else
    return false;
#endif
}

QString PostgresFixture::logTail() const
{
    if (!m_folder)
        return {};
    QFile file(m_folder->path() + QStringLiteral("/postgres.log"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray content = file.readAll();
    return QString::fromLocal8Bit(content.right(4000));
}

Expected<QString> PostgresFixture::createDatabase(const QString& name)
{
    static const QRegularExpression rule(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    if (!rule.match(name).hasMatch())
        return Error{
            Error::Kind::InvalidArgument,
            QStringLiteral("database name \"%1\" breaks the rule [a-z][a-z0-9_]*").arg(name),
            QString()};
    if (!isRunning())
        return Error{Error::Kind::InvalidArgument,
                     QStringLiteral("the PostgreSQL test server is not running"), QString()};
    QProcessEnvironment password;
    password.insert(QStringLiteral("PGPASSWORD"), m_password);
    const Expected<QString> created = runTool(
        QStringLiteral("createdb"),
        {QStringLiteral("--host=") + host(), QStringLiteral("--port=") + QString::number(m_port),
         QStringLiteral("--username=") + userName(), QStringLiteral("--no-password"), name},
        false, toolTimeoutMs, password);
    if (!created)
        return created.error();
    return url(name);
}

QString PostgresFixture::url(const QString& databaseName) const
{
    return QStringLiteral("postgresql://%1:%2@%3:%4/%5")
        .arg(userName(), m_password, host())
        .arg(m_port)
        .arg(databaseName);
}

void PostgresFixture::pause()
{
#ifdef Q_OS_UNIX
    if (m_server && m_server->state() != QProcess::NotRunning) {
        // SIGINT is PostgreSQL's "fast" shutdown: it disconnects clients instead of waiting.
        ::kill(pid_t(m_server->processId()), SIGINT);
        if (!m_server->waitForFinished(stopTimeoutMs)) {
            m_server->kill();
            m_server->waitForFinished(5'000);
        }
    }
#endif
    m_server.reset();
}

bool PostgresFixture::resume()
{
    if (!m_folder || m_port == 0)
        return fail(QStringLiteral("there is no paused cluster to resume"));
    return startServer();
}

void PostgresFixture::stop()
{
    pause();
    m_folder.reset(); // deletes the cluster
    m_port = 0;
}

bool TestDatabases::setUp()
{
    const QString name = qEnvironmentVariable("STOREDESK_TEST_DATABASE", QStringLiteral("sqlite"));
    if (name == QLatin1String("sqlite")) {
        m_engine = Engine::Sqlite;
        m_folder = std::make_unique<QTemporaryDir>();
        if (!m_folder->isValid()) {
            m_error =
                QStringLiteral("cannot create a temporary folder: %1").arg(m_folder->errorString());
            return false;
        }
        return true;
    }
    if (name == QLatin1String("postgresql")) {
        m_engine = Engine::Postgresql;
        m_postgres = std::make_unique<PostgresFixture>();
        if (!m_postgres->start()) {
            m_error = m_postgres->errorString();
            return false;
        }
        return true;
    }
    m_error = QStringLiteral("STOREDESK_TEST_DATABASE must be sqlite or postgresql, not \"%1\"")
                  .arg(name);
    return false;
}

QString TestDatabases::engineName() const
{
    return m_engine == Engine::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

Expected<QString> TestDatabases::freshUrl()
{
    ++m_count;
    if (m_engine == Engine::Postgresql) {
        if (!m_postgres)
            return Error{Error::Kind::InvalidArgument, QStringLiteral("setUp() was not called"),
                         QString()};
        return m_postgres->createDatabase(QStringLiteral("test_%1").arg(m_count));
    }
    if (!m_folder)
        return Error{Error::Kind::InvalidArgument, QStringLiteral("setUp() was not called"),
                     QString()};
    return QStringLiteral("sqlite://") +
           m_folder->filePath(QStringLiteral("test-%1.db").arg(m_count));
}

void TestDatabases::tearDown()
{
    m_postgres.reset();
    m_folder.reset();
}

} // namespace storedesk::test
