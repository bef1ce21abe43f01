#include "api/apiclient.h"
#include "commercestack.h"
#include "common/style.h"
#include "common/translations.h"
#include "demousers.h"
#include "fakeescposprinter.h"
#include "guitesting.h"
#include "hardware/escposprinter.h"
#include "layoutaudit.h"
#include "session/setupdialog.h"
#include "session/setuphardwarepage.h"

#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTranslator>

using namespace storedesk;
using namespace storedesk::test;
using namespace storedesk::ui;
using testing::EscPosDocument;
using testing::FakeEscPosPrinter;

namespace {

// The line of digits that counts the columns ("1234567890…").
QString rulerLine(const EscPosDocument& document)
{
    for (const EscPosDocument::Line& line : document.lines) {
        if (line.text.startsWith(QStringLiteral("1234567890")))
            return line.text;
    }
    return {};
}

// What the address field takes for the fake printer: "127.0.0.1:<port>".
QString hostAndPort(const FakeEscPosPrinter& fake)
{
    return QStringLiteral("127.0.0.1:%1").arg(fake.port());
}

} // namespace

// The set-up dialog's Hardware tab (docs/HARDWARE.md, "Settings"): the test page on the fake
// ESC/POS printer, the address checked, IT's locks, the keyboard; Save against the real server and
// emulator (the place needs a manager's login).
class TestSetupHardware : public QObject {
    Q_OBJECT

private:
    CommerceStack m_stack;

    // An active dialog on the Hardware tab, reached by its mnemonic as a manager would.
    static void openHardwareTab(SetupDialog& dialog)
    {
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        // The tab's own mnemonic in the language shown (Alt+H in English, Alt+L in French).
        const QString text = dialog.tabs()->tabText(dialog.tabs()->indexOf(dialog.hardwarePage()));
        const qsizetype amp = text.indexOf(u'&');
        QVERIFY2(amp >= 0 && amp + 1 < text.size(), qPrintable(text));
        QTest::keyClick(&dialog, text.at(amp + 1).toLower().toLatin1(), Qt::AltModifier);
        QCOMPARE(dialog.tabs()->currentWidget(), static_cast<QWidget*>(dialog.hardwarePage()));
    }

    // Chooses "ESC/POS on the network" and types an address, by keyboard only.
    static void typeNetworkAddress(SetupDialog& dialog, const QString& address)
    {
        SetupHardwarePage* page = dialog.hardwarePage();
        QTest::keyClick(&dialog, Qt::Key_T, Qt::AltModifier); // Printer &type
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(page->printerKind()));
        while (page->printerKind()->currentIndex() < 1)
            QTest::keyClick(page->printerKind(), Qt::Key_Down);
        QTest::keyClick(&dialog, Qt::Key_R, Qt::AltModifier); // Printer add&ress
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(page->printerAddress()));
        page->printerAddress()->selectAll();
        QTest::keyClicks(page->printerAddress(), address);
    }

    static void chooseColumns(SetupDialog& dialog, int columns)
    {
        SetupHardwarePage* page = dialog.hardwarePage();
        QTest::keyClick(&dialog, Qt::Key_N, Qt::AltModifier); // Characters per li&ne
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(page->printerColumns()));
        while (page->printerColumns()->currentData().toInt() != columns)
            QTest::keyClick(page->printerColumns(), Qt::Key_Down);
    }

    static void checkServerAndLogIn(SetupDialog& dialog, const QUrl& server)
    {
        dialog.serverUrl()->setText(server.toString());
        QTest::mouseClick(dialog.checkButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.serverResult()->text().startsWith(QStringLiteral("Connected")), 20000);
        QTest::keyClicks(dialog.managerUsername(), QString::fromLatin1(max.username));
        QTest::keyClicks(dialog.managerSecret(), QString::fromLatin1(max.secret));
        QTest::mouseClick(dialog.logInButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.saveButton()->isEnabled(), 20000);
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<EscPosDocument>();
        ui::style::install(qApp); // what a colleague sees is what is measured
        QVERIFY2(startDemoStack(m_stack), qPrintable(m_stack.errorString()));
    }

    void testPagePrintsTheRulerAndCodesButNeverOpensTheDrawer_data()
    {
        QTest::addColumn<int>("columns");
        QTest::newRow("42") << 42;
        QTest::newRow("48") << 48;
    }
    void testPagePrintsTheRulerAndCodesButNeverOpensTheDrawer()
    {
        QFETCH(int, columns);
        FakeEscPosPrinter fake;
        QVERIFY(fake.listen());
        QSignalSpy received(&fake, &FakeEscPosPrinter::documentReceived);
        TestConfig files;
        config::WorkstationConfig config = files.berlinTill1(m_stack.serverUrl());
        SetupDialog dialog(config, nullptr);
        openHardwareTab(dialog);
        SetupHardwarePage* page = dialog.hardwarePage();
        // The system's print dialog has no test page.
        QVERIFY(!page->testPageButton()->isEnabled());

        typeNetworkAddress(dialog, hostAndPort(fake));
        chooseColumns(dialog, columns);
        QVERIFY(page->testPageButton()->isEnabled());
        QTest::keyClick(&dialog, Qt::Key_E, Qt::AltModifier); // Print t&est page
        QTRY_COMPARE_WITH_TIMEOUT(page->testPageResult()->text(),
                                  QStringLiteral("Test page printed."), 10000);
        QCOMPARE(page->testPageResult()->property("tone").toString(), QStringLiteral("success"));
        QVERIFY(page->testPageButton()->isEnabled());

        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
        QCOMPARE(fake.documents().size(), 1);
        const EscPosDocument document = fake.documents().first();
        QVERIFY2(document.errors.isEmpty(), qPrintable(document.errors.join('\n')));
        QCOMPARE(rulerLine(document).size(), columns);
        QVERIFY(document.text().contains(QStringLiteral("Berlin Mitte")));
        QVERIFY(document.text().contains(QStringLiteral("berlin-mitte-till-1")));
        QVERIFY(document.text().contains(fake.address()));
        QVERIFY(document.text().contains(QStringLiteral("€ äöü")));
        QCOMPARE(document.code128.size(), 1);
        QCOMPARE(document.qrCodes.size(), 1);
        QCOMPARE(document.cuts, 1);
        QVERIFY(document.pulses.isEmpty()); // trying the printer never opens the drawer

        // The test is not a save: the setting is what it was.
        QCOMPARE(config.receiptPrinter(), QStringLiteral("system"));
        QCOMPARE(files.make().receiptPrinter(), QStringLiteral("system"));
    }

    void paperOutIsSaidInWordsAndNothingIsPrinted()
    {
        FakeEscPosPrinter fake;
        QVERIFY(fake.listen());
        fake.setCondition(FakeEscPosPrinter::Condition::PaperOut);
        QSignalSpy received(&fake, &FakeEscPosPrinter::documentReceived);
        TestConfig files;
        config::WorkstationConfig config = files.make();
        SetupDialog dialog(config, nullptr);
        openHardwareTab(dialog);
        SetupHardwarePage* page = dialog.hardwarePage();
        typeNetworkAddress(dialog, hostAndPort(fake));
        QTest::mouseClick(page->testPageButton(), Qt::LeftButton);
        // One test at a time.
        QVERIFY(!page->testPageButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(
            page->testPageResult()->text(),
            hardware::EscPosPrinter::describe(hardware::PrinterProblem::PaperOut), 10000);
        QCOMPARE(page->testPageResult()->text(),
                 QStringLiteral("The receipt printer is out of paper."));
        QCOMPARE(page->testPageResult()->property("tone").toString(), QStringLiteral("error"));
        QVERIFY(page->testPageButton()->isEnabled()); // try again

        // Paper refilled, tried again: that page is the only one the printer ever got, so the
        // first attempt sent nothing but its status requests.
        fake.setCondition(FakeEscPosPrinter::Condition::Ready);
        QTest::mouseClick(page->testPageButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page->testPageResult()->text(),
                                  QStringLiteral("Test page printed."), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
        QCOMPARE(fake.documents().size(), 1);
        QCOMPARE(fake.documents().first().cuts, 1);
    }

    void anInvalidAddressIsSaidInlineAndNotSaved()
    {
        TestConfig files;
        config::WorkstationConfig config = files.make();
        api::ApiClient client;
        SetupDialog dialog(config, &client);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        checkServerAndLogIn(dialog, m_stack.serverUrl());
        openHardwareTab(dialog);
        SetupHardwarePage* page = dialog.hardwarePage();
        typeNetworkAddress(dialog, QStringLiteral("printer 7:99999"));
        QVERIFY(!page->testPageButton()->isEnabled());
        QVERIFY(page->printerResult()->isHidden());           // not while typing
        QTest::keyClick(page->printerAddress(), Qt::Key_Tab); // leaving the field checks it
        QVERIFY(page->printerResult()->isVisible());
        QVERIFY2(page->printerResult()->text().contains(QStringLiteral("host:port")),
                 qPrintable(page->printerResult()->text()));
        QCOMPARE(page->printerResult()->property("tone").toString(), QStringLiteral("error"));

        // Save refuses it and stores nothing at all, the place chosen included.
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.message()->text(), page->printerResult()->text());
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(page->printerAddress()));
        const config::WorkstationConfig reread = files.make();
        QCOMPARE(reread.receiptPrinter(), QStringLiteral("system"));
        QCOMPARE(reread.source(config::Field::ReceiptPrinter), config::Source::Default);
        QVERIFY(reread.workstationId().isEmpty());

        // Corrected, the error goes at once.
        page->printerAddress()->selectAll();
        QTest::keyClicks(page->printerAddress(), QStringLiteral("printer-7.local"));
        QVERIFY(page->printerResult()->isHidden());
        QVERIFY(page->testPageButton()->isEnabled());
        // A USB device must be a path.
        page->printerKind()->setCurrentIndex(2);
        page->printerAddress()->setText(QStringLiteral("lp0"));
        QVERIFY(!page->checkPrinterAddress());
        QVERIFY(page->printerResult()->text().contains(QStringLiteral("/dev/usb/lp0")));
        dialog.reject();
    }

    void saveStoresEveryHardwareSetting()
    {
        TestConfig files;
        config::WorkstationConfig config = files.make();
        api::ApiClient client;
        SetupDialog dialog(config, &client);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        checkServerAndLogIn(dialog, m_stack.serverUrl());
        openHardwareTab(dialog);
        SetupHardwarePage* page = dialog.hardwarePage();
        typeNetworkAddress(dialog, QStringLiteral("10.0.0.5"));
        chooseColumns(dialog, 42);
        QTest::keyClick(&dialog, Qt::Key_D, Qt::AltModifier); // &Drawer pin
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(page->drawerPin()));
        QTest::keyClick(page->drawerPin(), Qt::Key_Down);
        QCOMPARE(page->drawerPin()->currentData().toInt(), 5);
        QTest::keyClick(&dialog, Qt::Key_M, Qt::AltModifier); // Pulse ti&me
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(page->drawerPulse()));
        page->drawerPulse()->selectAll();
        QTest::keyClicks(page->drawerPulse(), QStringLiteral("250"));
        QTest::keyClick(&dialog, Qt::Key_Y, Qt::AltModifier); // Customer displa&y
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(page->customerDisplay()));
        QTest::keyClick(page->customerDisplay(), Qt::Key_Down);
        const QString screen = QGuiApplication::primaryScreen()->name();
        QCOMPARE(page->customerDisplay()->currentData().toString(), screen);

        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const config::WorkstationConfig reread = files.make();
        QCOMPARE(reread.receiptPrinter(), QStringLiteral("escpos-tcp://10.0.0.5:9100"));
        QCOMPARE(reread.receiptPrinterColumns(), 42);
        QCOMPARE(reread.cashDrawerPin(), 5);
        QCOMPARE(reread.cashDrawerPulseMs(), 250);
        QCOMPARE(reread.customerDisplayScreen(), screen);
        QVERIFY(reread.isComplete());

        // Opened again, the dialog shows what was saved.
        SetupDialog again(config, nullptr);
        QCOMPARE(again.hardwarePage()->printerKind()->currentIndex(), 1);
        QCOMPARE(again.hardwarePage()->printerAddress()->text(), QStringLiteral("10.0.0.5:9100"));
        QCOMPARE(again.hardwarePage()->printerColumns()->currentData().toInt(), 42);
        QCOMPARE(again.hardwarePage()->drawerPin()->currentData().toInt(), 5);
        QCOMPARE(again.hardwarePage()->drawerPulse()->value(), 250);
        QCOMPARE(again.hardwarePage()->customerDisplay()->currentData().toString(), screen);
    }

    void keysItsPolicySetsAreLocked()
    {
        const QByteArray policy = "[General]\nReceiptPrinter=escpos-tcp://10.0.0.5:9100\n"
                                  "CashDrawerPin=5\nLockSettings=true\n";
        TestConfig files(policy);
        config::WorkstationConfig config = files.make();
        QVERIFY(config.isLocked(config::Field::ReceiptPrinter));
        SetupDialog dialog(config, nullptr);
        openHardwareTab(dialog);
        SetupHardwarePage* page = dialog.hardwarePage();
        QCOMPARE(page->printerKind()->currentIndex(), 1);
        QVERIFY(!page->printerKind()->isEnabled());
        QCOMPARE(page->printerKind()->toolTip(), SetupDialog::lockedToolTip());
        QVERIFY(page->printerAddress()->isReadOnly());
        QCOMPARE(page->printerAddress()->text(), QStringLiteral("10.0.0.5:9100"));
        QVERIFY(!page->printerAddress()->actions().isEmpty()); // the lock icon
        QVERIFY(!page->drawerPin()->isEnabled());
        QCOMPARE(page->drawerPin()->currentData().toInt(), 5);
        QCOMPARE(page->drawerPin()->toolTip(), SetupDialog::lockedToolTip());
        // What IT leaves open stays open, and IT's printer can still be tried.
        QVERIFY(page->drawerPulse()->isEnabled());
        QVERIFY(page->drawerPulse()->toolTip().isEmpty());
        QVERIFY(page->printerColumns()->isEnabled());
        QVERIFY(page->customerDisplay()->isEnabled());
        QVERIFY(page->testPageButton()->isEnabled());
        // Typing into the locked address changes nothing.
        QTest::keyClicks(page->printerAddress(), QStringLiteral("x"));
        QCOMPARE(page->printerAddress()->text(), QStringLiteral("10.0.0.5:9100"));
    }

    void everyControlIsReachableByTabAndNamed()
    {
        TestConfig files;
        config::WorkstationConfig config = files.make();
        SetupDialog dialog(config, nullptr);
        openHardwareTab(dialog);
        SetupHardwarePage* page = dialog.hardwarePage();
        page->printerKind()->setCurrentIndex(1); // every field enabled
        page->printerAddress()->setText(QStringLiteral("10.0.0.5"));
        QTRY_VERIFY2(layoutProblems(&dialog).isEmpty(),
                     qPrintable(layoutProblems(&dialog).join(u'\n')));
        // A combo box's popup list is Qt's own part of it (the style sheet makes it early).
        QStringList unnamed = controlsWithoutAccessibleName(&dialog);
        unnamed.removeIf([](const QString& control) {
            return control.endsWith(QStringLiteral("QComboBoxListView"));
        });
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));

        const QList<QWidget*> controls{page->printerKind(),    page->printerAddress(),
                                       page->printerColumns(), page->testPageButton(),
                                       page->drawerPin(),      page->drawerPulse(),
                                       page->customerDisplay()};
        QSet<QWidget*> reached;
        page->printerKind()->setFocus();
        for (int i = 0; i < 30 && reached.size() < controls.size(); ++i) {
            if (controls.contains(QApplication::focusWidget()))
                reached.insert(QApplication::focusWidget());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        for (QWidget* control : controls)
            QVERIFY2(reached.contains(control), qPrintable(control->objectName()));
        // And back to the first tab by its mnemonic.
        QTest::keyClick(&dialog, Qt::Key_V, Qt::AltModifier);
        QCOMPARE(dialog.tabs()->currentIndex(), 0);
    }

    // The dialog with its new tab still fits a 1024x768 till in every language, the longest
    // address error shown (tst_setupflow measures the first tab).
    void theHardwareTabFitsTheTill_data()
    {
        QTest::addColumn<QString>("language");
        for (const char* language : {"en_GB", "de_DE", "fr_FR"})
            QTest::newRow(language) << QString::fromLatin1(language);
    }
    void theHardwareTabFitsTheTill()
    {
        QFETCH(QString, language);
        const QLocale locale(language);
        QLocale::setDefault(locale);
        ui::installTranslations(qApp, locale);
        TestConfig files;
        config::WorkstationConfig config = files.make();
        SetupDialog dialog(config, nullptr);
        openHardwareTab(dialog);
        SetupHardwarePage* page = dialog.hardwarePage();
        page->printerKind()->setCurrentIndex(1);
        page->printerAddress()->setText(QStringLiteral("printer 7:99999"));
        QVERIFY(!page->checkPrinterAddress());
        QTRY_VERIFY2(layoutProblems(&dialog).isEmpty(),
                     qPrintable(layoutProblems(&dialog).join(u'\n')));
        QVERIFY2(dialog.width() <= 1024 && dialog.height() <= 768,
                 qPrintable(QStringLiteral("%1x%2").arg(dialog.width()).arg(dialog.height())));
        for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }
};

QTEST_MAIN(TestSetupHardware)
#include "tst_setuphardware.moc"
