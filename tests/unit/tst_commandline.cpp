#include "commandline.h"

#include <QTest>

using storedesk::app::CommandLine;

class TestCommandLine : public QObject {
    Q_OBJECT

private slots:
    void noArgumentsRuns()
    {
        const CommandLine line = CommandLine::parse({QStringLiteral("storedesk")});
        QCOMPARE(line.action, CommandLine::Action::Run);
        QVERIFY(!line.verbose);
        QVERIFY(!line.locale.has_value());
    }

    void versionAndHelp_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("action");
        QTest::newRow("--version")
            << QStringList{QStringLiteral("--version")} << int(CommandLine::Action::ShowVersion);
        QTest::newRow("-v") << QStringList{QStringLiteral("-v")}
                            << int(CommandLine::Action::ShowVersion);
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")}
                                << int(CommandLine::Action::ShowHelp);
        QTest::newRow("help wins over a bad option")
            << QStringList{QStringLiteral("--nonsense"), QStringLiteral("--help")}
            << int(CommandLine::Action::ShowHelp);
    }

    void versionAndHelp()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, action);
        arguments.prepend(QStringLiteral("/usr/bin/storedesk"));
        QCOMPARE(int(CommandLine::parse(arguments).action), action);
    }

    void helpNamesTheProgram()
    {
        const CommandLine line =
            CommandLine::parse({QStringLiteral("/opt/x/storedesk"), QStringLiteral("--help")});
        QVERIFY2(line.helpText.startsWith(QStringLiteral("Usage: storedesk ")),
                 qPrintable(line.helpText));
        QVERIFY(!line.helpText.contains(QStringLiteral("<executable_name>")));
    }

    void verboseAndLocale()
    {
        const CommandLine line =
            CommandLine::parse({QStringLiteral("storedesk"), QStringLiteral("--verbose"),
                                QStringLiteral("--locale"), QStringLiteral("fr_CH")});
        QCOMPARE(line.action, CommandLine::Action::Run);
        QVERIFY(line.verbose);
        QVERIFY(line.locale.has_value());
        QCOMPARE(line.locale->language(), QLocale::French);
        QCOMPARE(line.locale->territory(), QLocale::Switzerland);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--bogus")} << QStringLiteral("bogus");
        QTest::newRow("positional")
            << QStringList{QStringLiteral("cart-1")} << QStringLiteral("cart-1");
        QTest::newRow("unknown locale")
            << QStringList{QStringLiteral("--locale"), QStringLiteral("xx_YY")}
            << QStringLiteral("xx_YY");
        QTest::newRow("locale without value")
            << QStringList{QStringLiteral("--locale")} << QStringLiteral("locale");
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        arguments.prepend(QStringLiteral("storedesk"));
        const CommandLine line = CommandLine::parse(arguments);
        QCOMPARE(line.action, CommandLine::Action::Error);
        QVERIFY2(line.errorText.contains(expected), qPrintable(line.errorText));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
