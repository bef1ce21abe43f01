#include "secretservice.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

namespace storedesk::test {
namespace {

// Runs inside dbus-run-session: starts gnome-keyring with an unlocked login keyring, waits until
// it owns org.freedesktop.secrets, proves that a secret can be stored (restarting the daemon once
// if not, as PITFALLS.md recommends), prints the bus address, and waits for stdin to close.
const char* script = "set -u\n"
                     "start_keyring() {\n"
                     "  printf 'storedesk-test' | gnome-keyring-daemon --unlock --replace "
                     "--foreground --components=secrets >\"$XDG_RUNTIME_DIR/keyring.log\" 2>&1 &\n"
                     "  keyring=$!\n"
                     "  for _ in $(seq 1 100); do\n"
                     "    dbus-send --session --print-reply --dest=org.freedesktop.DBus "
                     "/org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner "
                     "string:org.freedesktop.secrets 2>/dev/null | grep -q true && return 0\n"
                     "    sleep 0.1\n"
                     "  done\n"
                     "  return 1\n"
                     "}\n"
                     "probe() { printf probe | secret-tool store --label=probe storedesk-probe "
                     "probe >/dev/null 2>&1 && secret-tool clear storedesk-probe probe; }\n"
                     "start_keyring && probe || { kill $keyring 2>/dev/null; sleep 0.5; "
                     "start_keyring && probe; } || { echo FAILED; cat "
                     "\"$XDG_RUNTIME_DIR/keyring.log\"; exit 1; }\n"
                     "echo \"BUS=$DBUS_SESSION_BUS_ADDRESS\"\n"
                     "echo \"KEYRING=$keyring\"\n"
                     "cat >/dev/null\n"
                     "kill $keyring 2>/dev/null\n"
                     "wait\n";

} // namespace

SecretService::SecretService() = default;

SecretService::~SecretService()
{
    if (m_session.state() != QProcess::NotRunning) {
        m_session.closeWriteChannel();
        if (!m_session.waitForFinished(5000)) {
            m_session.kill();
            m_session.waitForFinished(2000);
        }
    }
}

bool SecretService::fail(const QString& message)
{
    m_error = message;
    return false;
}

QString SecretService::home() const
{
    return m_root.filePath(QStringLiteral("home"));
}

QStringList SecretService::privateFolders() const
{
    QStringList folders;
    for (const char* name : {"home", "config", "cache", "data", "runtime", "tmp"})
        folders << m_root.filePath(QString::fromLatin1(name));
    return folders;
}

bool SecretService::makePrivateFolders()
{
    if (!m_root.isValid())
        return fail(QStringLiteral("no temporary folder"));
    const auto folder = [this](const char* name) {
        return m_root.filePath(QString::fromLatin1(name));
    };
    for (const QString& path : privateFolders())
        QDir().mkpath(path);
    QFile::setPermissions(folder("runtime"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QDir().mkpath(folder("data") + QStringLiteral("/keyrings"));
    QFile::setPermissions(folder("data") + QStringLiteral("/keyrings"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    const QList<std::pair<const char*, QString>> environment{{"HOME", folder("home")},
                                                             {"XDG_CONFIG_HOME", folder("config")},
                                                             {"XDG_CACHE_HOME", folder("cache")},
                                                             {"XDG_DATA_HOME", folder("data")},
                                                             {"XDG_RUNTIME_DIR", folder("runtime")},
                                                             {"TMPDIR", folder("tmp")}};
    for (const auto& [name, value] : environment)
        qputenv(name, QFile::encodeName(value));
    return true;
}

bool SecretService::start()
{
    if (!makePrivateFolders())
        return false;

    m_session.setProcessChannelMode(QProcess::MergedChannels);
    m_session.start(QStringLiteral("dbus-run-session"),
                    {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                     QString::fromLatin1(script)});
    if (!m_session.waitForStarted(10000))
        return fail(QStringLiteral("cannot start dbus-run-session: %1 (install dbus and "
                                   "gnome-keyring; packaging/dev.sh setup does)")
                        .arg(m_session.errorString()));
    QByteArray seen;
    QElapsedTimer elapsed;
    elapsed.start();
    static const QRegularExpression bus(QStringLiteral("BUS=(\\S+)"));
    while (elapsed.elapsed() < 30000 && m_session.state() != QProcess::NotRunning) {
        m_session.waitForReadyRead(200);
        seen += m_session.readAll();
        const QRegularExpressionMatch match = bus.match(QString::fromUtf8(seen));
        if (match.hasMatch() && seen.contains("KEYRING=")) {
            qputenv("DBUS_SESSION_BUS_ADDRESS", match.captured(1).toUtf8());
            return true;
        }
    }
    seen += m_session.readAll();
    return fail(
        QStringLiteral("the Secret Service did not start: %1").arg(QString::fromUtf8(seen)));
}

bool SecretService::startWithoutKeyring()
{
    if (!makePrivateFolders())
        return false;
    qputenv("DBUS_SESSION_BUS_ADDRESS",
            QFile::encodeName(QStringLiteral("unix:path=") +
                              m_root.filePath(QStringLiteral("runtime/no-bus-here"))));
    return true;
}

} // namespace storedesk::test
