#include "config/workstationconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace storedesk;
using namespace storedesk::config;

// The workstation configuration over real QSettings files in temporary folders: the user's, and
// IT's policy file exactly where Qt looks for it (XDG_CONFIG_DIRS/StoreDesk/storedesk.conf).
class TestWorkstationConfig : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString policyPath() const
    {
        return m_dir->filePath(QStringLiteral("xdg/StoreDesk/storedesk.conf"));
    }
    QString userPath() const { return m_dir->filePath(QStringLiteral("user/storedesk.conf")); }

    void writePolicy(const QByteArray& ini)
    {
        QDir().mkpath(QFileInfo(policyPath()).absolutePath());
        QFile file(policyPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(ini);
    }

    WorkstationConfig make() const
    {
        return WorkstationConfig(std::make_unique<QSettings>(policyPath(), QSettings::IniFormat),
                                 std::make_unique<QSettings>(userPath(), QSettings::IniFormat));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        // Qt reads these when a settings object is made: point both scopes into the temp folder.
        qputenv("XDG_CONFIG_DIRS", QFile::encodeName(m_dir->filePath(QStringLiteral("xdg"))));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir->filePath(QStringLiteral("home"))));
    }

    void defaultsWithoutAnyFile()
    {
        const WorkstationConfig config = make();
        QCOMPARE(config.serverUrl(), QString());
        QCOMPARE(config.idleLockMinutes(), WorkstationConfig::DefaultIdleLockMinutes);
        QCOMPARE(config.source(Field::ServerUrl), Source::Default);
        QVERIFY(!config.isComplete());
        QVERIFY(!config.isLocked(Field::ServerUrl));
    }

    void fallbackIsBelowEverything()
    {
        WorkstationConfig config = make();
        config.setFallback(Field::ServerUrl, QStringLiteral("http://127.0.0.1:8080"));
        QCOMPARE(config.serverUrl(), QStringLiteral("http://127.0.0.1:8080"));
        writePolicy("[General]\nServerUrl=https://pos.example.com\n");
        WorkstationConfig withPolicy = make();
        withPolicy.setFallback(Field::ServerUrl, QStringLiteral("http://127.0.0.1:8080"));
        QCOMPARE(withPolicy.serverUrl(), QStringLiteral("https://pos.example.com"));
    }

    void userValuesPersist()
    {
        {
            WorkstationConfig config = make();
            QVERIFY(config.setValue(Field::ServerUrl, QStringLiteral("https://a.example.com")));
            QVERIFY(config.setValue(Field::StoreKey, QStringLiteral("berlin-mitte")));
            QVERIFY(config.setValue(Field::LocationId, QStringLiteral("shop-floor")));
            QVERIFY(config.setValue(Field::WorkstationId, QStringLiteral("till-1")));
            QVERIFY(config.setValue(Field::IdleLockMinutes, 7));
            QVERIFY(config.sync());
        }
        const WorkstationConfig reread = make();
        QVERIFY(reread.isComplete());
        QCOMPARE(reread.storeKey(), QStringLiteral("berlin-mitte"));
        QCOMPARE(reread.idleLockMinutes(), 7);
        QCOMPARE(reread.source(Field::StoreKey), Source::User);
    }

    void policyValuesAreDefaultsTheUserMayOverride()
    {
        writePolicy(
            "[General]\nServerUrl=https://pos.example.com/storedesk/v1\nIdleLockMinutes=3\n");
        WorkstationConfig config = make();
        QCOMPARE(config.serverUrl(), QStringLiteral("https://pos.example.com/storedesk/v1"));
        QCOMPARE(config.source(Field::ServerUrl), Source::SystemDefault);
        QCOMPARE(config.idleLockMinutes(), 3);
        QVERIFY(!config.isLocked(Field::ServerUrl));
        QVERIFY(config.setValue(Field::ServerUrl, QStringLiteral("https://other.example.com")));
        QCOMPARE(config.serverUrl(), QStringLiteral("https://other.example.com"));
        QCOMPARE(config.source(Field::ServerUrl), Source::User);
        // Removing the user's value brings the system default back.
        QVERIFY(config.setValue(Field::ServerUrl, QString()));
        QCOMPARE(config.serverUrl(), QStringLiteral("https://pos.example.com/storedesk/v1"));
    }

    void lockSettingsLocksEveryFieldThePolicySets()
    {
        // The user chose something before IT locked the field: the policy wins all the same.
        {
            WorkstationConfig before = make();
            QVERIFY(before.setValue(Field::ServerUrl, QStringLiteral("https://mine.example.com")));
            QVERIFY(before.setValue(Field::WorkstationId, QStringLiteral("till-2")));
            QVERIFY(before.sync());
        }
        writePolicy("[General]\nServerUrl=https://pos.example.com\nStoreKey=berlin-mitte\n"
                    "LockSettings=true\n");
        WorkstationConfig config = make();
        QVERIFY(config.policyLocksSettings());
        QVERIFY(config.isLocked(Field::ServerUrl));
        QVERIFY(config.isLocked(Field::StoreKey));
        QVERIFY(!config.isLocked(Field::WorkstationId)); // the policy does not set it
        QCOMPARE(config.serverUrl(), QStringLiteral("https://pos.example.com"));
        QCOMPARE(config.source(Field::ServerUrl), Source::Policy);
        QCOMPARE(config.workstationId(), QStringLiteral("till-2"));

        const Expected<void> refused =
            config.setValue(Field::ServerUrl, QStringLiteral("https://evil.example.com"));
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("IT")));
        QCOMPARE(config.serverUrl(), QStringLiteral("https://pos.example.com"));
        QVERIFY(config.setValue(Field::WorkstationId, QStringLiteral("till-1")));
        QCOMPARE(config.workstationId(), QStringLiteral("till-1"));
    }

    void lockSettingsFalseLocksNothing()
    {
        writePolicy("[General]\nServerUrl=https://pos.example.com\nLockSettings=false\n");
        WorkstationConfig config = make();
        QVERIFY(!config.isLocked(Field::ServerUrl));
        QVERIFY(config.setValue(Field::ServerUrl, QStringLiteral("https://mine.example.com")));
        QCOMPARE(config.serverUrl(), QStringLiteral("https://mine.example.com"));
    }

    void unusableIdleMinutesFallBack()
    {
        writePolicy("[General]\nIdleLockMinutes=zero\n");
        WorkstationConfig config = make();
        QCOMPARE(config.idleLockMinutes(), WorkstationConfig::DefaultIdleLockMinutes);
        QVERIFY(!config.setValue(Field::IdleLockMinutes, 0));
        QVERIFY(!config.setValue(Field::IdleLockMinutes, 100000));
        QVERIFY(config.setValue(Field::IdleLockMinutes, QStringLiteral("12")));
        QCOMPARE(config.idleLockMinutes(), 12);
    }

    // FullScreen (issue 14): off by default, a policy value in INI text ("true", "1", "yes") or a
    // typed boolean; locked with LockSettings.
    void fullScreenFromThePolicy()
    {
        QVERIFY(!make().fullScreen());
        writePolicy("[General]\nFullScreen=true\nLockSettings=true\n");
        WorkstationConfig config = make();
        QVERIFY(config.fullScreen());
        QCOMPARE(config.source(Field::FullScreen), Source::Policy);
        QVERIFY(!config.setValue(Field::FullScreen, false));
        QCOMPARE(WorkstationConfig::keyOf(Field::FullScreen), QStringLiteral("FullScreen"));
        writePolicy("[General]\nFullScreen=false\n");
        QVERIFY(!make().fullScreen());
    }

    // A place's name shows only for the id it was saved with; the window's geometry persists.
    void placeNamesAndWindowGeometry()
    {
        {
            WorkstationConfig config = make();
            QVERIFY(config.setValue(Field::LocationId, QStringLiteral("shop-floor")));
            config.setPlaceName(Field::LocationId, QStringLiteral("shop-floor"),
                                QStringLiteral("Shop floor"));
            config.setWindowGeometry(QByteArray("geometry"));
            QVERIFY(config.sync());
        }
        WorkstationConfig config = make();
        QCOMPARE(config.placeName(Field::LocationId), QStringLiteral("Shop floor"));
        QCOMPARE(config.windowGeometry(), QByteArray("geometry"));
        QVERIFY(config.setValue(Field::LocationId, QStringLiteral("service-desk")));
        QCOMPARE(config.placeName(Field::LocationId), QString());
        config.setPlaceName(Field::LocationId, QStringLiteral("service-desk"),
                            QStringLiteral("Service desk"));
        QCOMPARE(config.placeName(Field::LocationId), QStringLiteral("Service desk"));
        QVERIFY(config.setValue(Field::LocationId, QStringLiteral("shop-floor")));
        QCOMPARE(config.placeName(Field::LocationId), QString()); // the old name was replaced
    }

    // The packaging contract: Qt finds IT's file under XDG_CONFIG_DIRS as StoreDesk/storedesk.conf,
    // and the user's under XDG_CONFIG_HOME, without being told the paths.
    void platformSourcesFollowTheContract()
    {
        writePolicy("[General]\nServerUrl=https://pos.example.com\nStoreKey=hamburg-hafen\n"
                    "LocationId=shop-floor\nWorkstationId=till-1\nLocale=de_DE\n"
                    "LockSettings=true\n");
        WorkstationConfig config = WorkstationConfig::load();
        QCOMPARE(QDir::cleanPath(WorkstationConfig::platformPolicySettings()->fileName()),
                 QDir::cleanPath(policyPath()));
        QCOMPARE(config.serverUrl(), QStringLiteral("https://pos.example.com"));
        QCOMPARE(config.storeKey(), QStringLiteral("hamburg-hafen"));
        QCOMPARE(config.locale(), QStringLiteral("de_DE"));
        QVERIFY(config.isLocked(Field::Locale));
        QVERIFY(config.isComplete());
        QVERIFY(config.setValue(Field::IdleLockMinutes, 9)); // not set by IT: the user's
        QVERIFY(config.sync());
        const QString userFile = WorkstationConfig::platformUserSettings()->fileName();
        QVERIFY2(userFile.startsWith(m_dir->path()), qPrintable(userFile));
        QCOMPARE(WorkstationConfig::load().idleLockMinutes(), 9);
    }

    // The high-contrast theme: off by default, a user's choice, IT's default the user may turn off,
    // and forced when IT locks it.
    void highContrastFromUserAndPolicy()
    {
        {
            WorkstationConfig config = make();
            QVERIFY(!config.highContrast());
            QVERIFY(config.setValue(Field::HighContrast, true));
            QVERIFY(config.highContrast());
            QCOMPARE(config.source(Field::HighContrast), Source::User);
            QVERIFY(config.sync());
        }
        writePolicy("[General]\nHighContrast=false\n");
        QVERIFY(make().highContrast()); // the user's own value stands above IT's default
        QVERIFY(QFile::remove(userPath()));

        writePolicy("[General]\nHighContrast=true\n");
        {
            WorkstationConfig config = make();
            QVERIFY(config.highContrast());
            QCOMPARE(config.source(Field::HighContrast), Source::SystemDefault);
            QVERIFY(config.setValue(Field::HighContrast, false)); // "false" is a value, not absent
            QVERIFY(!config.highContrast());
        }
        QVERIFY(QFile::remove(userPath()) || !QFile::exists(userPath()));

        writePolicy("[General]\nHighContrast=no\n"); // read as IT means it, not as a QVariant
        QVERIFY(!make().highContrast());

        writePolicy("[General]\nHighContrast=yes\nLockSettings=true\n");
        WorkstationConfig config = make();
        QVERIFY(config.highContrast());
        QVERIFY(config.isLocked(Field::HighContrast));
        QVERIFY(!config.setValue(Field::HighContrast, false));
        QVERIFY(config.highContrast());
        QCOMPARE(WorkstationConfig::keyOf(Field::HighContrast), QStringLiteral("HighContrast"));
    }
};

QTEST_GUILESS_MAIN(TestWorkstationConfig)
#include "tst_workstationconfig.moc"
