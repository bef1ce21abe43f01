#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace storedesk::test {

// A real Secret Service for the tests of the token vault: a private D-Bus session bus
// (dbus-run-session) with gnome-keyring-daemon on it, its login keyring unlocked, and this test
// process pointed at both. The process also gets a private HOME, XDG config, cache, data and
// runtime folders and TMPDIR, so that a test can check where things were written.
//
// start() must run before anything in the process uses D-Bus or QSettings (initTestCase, or main
// for GUI tests). Everything is stopped when the fixture goes.
class SecretService {
public:
    SecretService();
    ~SecretService();

    bool start();
    QString errorString() const { return m_error; }

    QString home() const;
    // HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_DATA_HOME, XDG_RUNTIME_DIR, TMPDIR.
    QStringList privateFolders() const;

    // Only the private folders, and a session bus address where nothing listens: a machine
    // without a Secret Service.
    bool startWithoutKeyring();

private:
    bool fail(const QString& message);
    bool makePrivateFolders();

    QTemporaryDir m_root;
    QProcess m_session;
    QString m_error;
};

} // namespace storedesk::test
