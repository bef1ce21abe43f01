// IT's managed configuration on Linux, end to end: a policy file where the app looks for it
// (/etc/xdg/StoreDesk/storedesk.conf, here under XDG_CONFIG_DIRS, which ctest points at a
// folder of the build tree) overrides what the user chose, the app uses its values, and the
// setup dialog shows those fields read-only with a lock. Nothing here is a fake: the app's own
// WorkstationConfig::load() reads the files, as at start-up.
#include "config/workstationconfig.h"
#include "mainwindow.h"
#include "session/setupdialog.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTest>

using namespace storedesk;
using storedesk::ui::MainWindow;
using storedesk::ui::SetupDialog;

namespace {

const QString policyServer = QStringLiteral("https://127.0.0.1:9/storedesk/v1");

bool writeFile(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

} // namespace

class TestPolicyLock : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString systemDirs = qEnvironmentVariable("XDG_CONFIG_DIRS");
        const QString userDir = qEnvironmentVariable("XDG_CONFIG_HOME");
        QVERIFY2(systemDirs.contains(QStringLiteral("policylock")) &&
                     userDir.contains(QStringLiteral("policylock")),
                 "run through ctest, which points XDG_CONFIG_DIRS/HOME at the build tree");
        QVERIFY(writeFile(systemDirs + QStringLiteral("/StoreDesk/storedesk.conf"),
                          "[General]\nServerUrl=" + policyServer.toUtf8() +
                              "\nStoreKey=hamburg-hafen\nLocationId=shop-floor\n"
                              "WorkstationId=hamburg-hafen-till-1\nIdleLockMinutes=7\n"
                              "LockSettings=true\n"));
        // What a user (or an earlier setup) chose before IT locked the machine down.
        QVERIFY(writeFile(userDir + QStringLiteral("/StoreDesk/storedesk.conf"),
                          "[General]\nServerUrl=https://other.example.com/v1\n"
                          "StoreKey=berlin-mitte\nWorkstationId=berlin-mitte-till-1\n"
                          "IdleLockMinutes=30\nLocale=fr_FR\n"));
    }

    void theAppReadsThePolicyWhereItIsDocumented()
    {
        const auto policy = config::WorkstationConfig::platformPolicySettings();
        QCOMPARE(policy->fileName(), qEnvironmentVariable("XDG_CONFIG_DIRS") +
                                         QStringLiteral("/StoreDesk/storedesk.conf"));
    }

    void policyValuesWinAndLock()
    {
        const config::WorkstationConfig config = config::WorkstationConfig::load();
        QCOMPARE(config.serverUrl(), policyServer);
        QCOMPARE(config.storeKey(), QStringLiteral("hamburg-hafen"));
        QCOMPARE(config.locationId(), QStringLiteral("shop-floor"));
        QCOMPARE(config.workstationId(), QStringLiteral("hamburg-hafen-till-1"));
        QCOMPARE(config.idleLockMinutes(), 7);
        for (config::Field field :
             {config::Field::ServerUrl, config::Field::StoreKey, config::Field::LocationId,
              config::Field::WorkstationId, config::Field::IdleLockMinutes})
            QVERIFY(config.isLocked(field));
        // Not set by IT: still the user's.
        QVERIFY(!config.isLocked(config::Field::Locale));
        QCOMPARE(config.locale(), QStringLiteral("fr_FR"));
    }

    void setupShowsLockedFieldsReadOnly()
    {
        config::WorkstationConfig config = config::WorkstationConfig::load();
        SetupDialog dialog(config, nullptr);
        dialog.show();
        QCOMPARE(dialog.serverUrl()->text(), policyServer);
        QVERIFY(dialog.serverUrl()->isReadOnly());
        QCOMPARE(dialog.serverUrl()->toolTip(), SetupDialog::lockedToolTip());
        QVERIFY(!dialog.serverUrl()->actions().isEmpty()); // the lock
        for (QWidget* locked :
             {static_cast<QWidget*>(dialog.store()), static_cast<QWidget*>(dialog.location()),
              static_cast<QWidget*>(dialog.workstation())}) {
            QVERIFY2(!locked->isEnabled(), qPrintable(locked->objectName()));
            QCOMPARE(locked->toolTip(), SetupDialog::lockedToolTip());
        }
        QVERIFY(!dialog.idleMinutes()->isEnabled() || dialog.idleMinutes()->isReadOnly());
        QCOMPARE(dialog.idleMinutes()->value(), 7);
        QVERIFY(dialog.language()->toolTip() != SetupDialog::lockedToolTip()); // not IT's
        QTest::keyClicks(dialog.serverUrl(), QStringLiteral("evil"));
        QCOMPARE(dialog.serverUrl()->text(), policyServer);
    }

    void theWindowWorksWithThePolicysPlace()
    {
        MainWindow window(config::WorkstationConfig::load());
        window.show();
        const QString place = window.placeStatus()->text();
        QVERIFY2(place.contains(QStringLiteral("hamburg-hafen")) &&
                     place.contains(QStringLiteral("shop-floor")) &&
                     place.contains(QStringLiteral("hamburg-hafen-till-1")),
                 qPrintable(place));
        QVERIFY(!window.placeStatus()->text().contains(QStringLiteral("berlin-mitte")));
    }
};

QTEST_MAIN(TestPolicyLock)
#include "tst_policylock.moc"
