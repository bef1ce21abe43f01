// Cold start to first frame (issue 13 goal 6): StoreDesk, set up for a workstation so that it
// opens on the login page, against a bare Qt Widgets window (bench_bare_window). Both exit at
// their first frame (StoreDesk under STOREDESK_EXIT_ON_FIRST_FRAME=1); each is started many
// times, alternately, and the medians are compared. The very first start of each is reported
// separately as the "cold" figure (nothing of it in the page cache yet, unless run before).
// The bare window draws no text, so it never loads the font database, a font engine or a shaper;
// bench_label_window (the bare window with one QLabel) is measured in the same rounds as an
// informative second reference for what any window with words pays. The headline stays the
// issue's ratio against the bare window.
#include "benchsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <vector>

class BenchStartup : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (!environment.contains(QStringLiteral("QT_QPA_PLATFORM")))
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("STOREDESK_EXIT_ON_FIRST_FRAME"), QStringLiteral("1"));
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           m_home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.path());
        environment.remove(QStringLiteral("STOREDESK_SERVER_URL"));
        return environment;
    }

    // Milliseconds from start to exit at the first frame; negative when it did not get there.
    double startOnce(const QString& program) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        QElapsedTimer timer;
        timer.start();
        process.start(program, {});
        if (!process.waitForFinished(30000) || process.exitCode() != 0 ||
            !process.readAllStandardOutput().contains("first frame"))
            return -1;
        return double(timer.nsecsElapsed()) / 1e6;
    }

    static double median(std::vector<double> values)
    {
        std::sort(values.begin(), values.end());
        return values[values.size() / 2];
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral("config/StoreDesk"))));
        QFile config(m_home.filePath(QStringLiteral("config/StoreDesk/storedesk.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        // Set up, nobody logged in: the window opens on the login page. Nothing listens there.
        config.write("[General]\nServerUrl=http://127.0.0.1:9\nStoreKey=berlin-mitte\n"
                     "LocationId=loc-1\nWorkstationId=till-1\n");
    }

    void firstFrame()
    {
        const QString app = QStringLiteral(STOREDESK_APP_BINARY);
        const QString bare = QStringLiteral(STOREDESK_BARE_WINDOW_BINARY);
        const QString label = QStringLiteral(STOREDESK_LABEL_WINDOW_BINARY);
        const double coldBare = startOnce(bare);
        const double coldApp = startOnce(app);
        QVERIFY2(coldApp > 0, "storedesk did not reach its first frame");
        QVERIFY2(coldBare > 0, "bench_bare_window did not reach its first frame");

        const int runs = qEnvironmentVariableIntValue("STOREDESK_BENCH_STARTS") > 0
                             ? qEnvironmentVariableIntValue("STOREDESK_BENCH_STARTS")
                             : 21;
        std::vector<double> apps;
        std::vector<double> bares;
        std::vector<double> labels;
        for (int i = 0; i < runs; ++i) {
            bares.push_back(startOnce(bare));
            apps.push_back(startOnce(app));
            labels.push_back(startOnce(label));
        }
        QVERIFY(std::all_of(apps.begin(), apps.end(), [](double ms) { return ms > 0; }));
        QVERIFY2(std::all_of(labels.begin(), labels.end(), [](double ms) { return ms > 0; }),
                 "bench_label_window did not reach its first frame");
        storedesk::bench::printRatio(QStringLiteral("start-up to first frame, first start"),
                                     coldApp, QStringLiteral("bare window"), coldBare, 1.2);
        storedesk::bench::printRatio(
            QStringLiteral("start-up to first frame, median of %1 warm starts").arg(runs),
            median(apps), QStringLiteral("bare window"), median(bares), 1.2);
        storedesk::bench::printRatio(
            QStringLiteral("(informative) start-up to first frame, median of %1 warm starts")
                .arg(runs),
            median(apps), QStringLiteral("window with one label"), median(labels), 1.2);
    }
};

QTEST_GUILESS_MAIN(BenchStartup)
#include "bench_startup.moc"
