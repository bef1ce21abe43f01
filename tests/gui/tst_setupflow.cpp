#include "api/apiclient.h"
#include "commercestack.h"
#include "common/emptystatewidget.h"
#include "common/style.h"
#include "common/translations.h"
#include "demousers.h"
#include "guitesting.h"
#include "layoutaudit.h"
#include "mainwindow.h"
#include "secretservice.h"
#include "session/loginpage.h"
#include "session/session.h"
#include "session/setupdialog.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>
#include <QTranslator>

using namespace storedesk;
using namespace storedesk::test;
using namespace storedesk::ui;

// First-run setup of a workstation, driven through the real dialog against the real server: the
// dialog is modal, so each test answers it in advance from inside its event loop.
class TestSetupFlow : public QObject {
    Q_OBJECT

private:
    SecretService m_secrets;
    CommerceStack m_stack;

    // Runs `answer` on the setup dialog once it is open, then opens it with `open`.
    template <typename Answer, typename Open>
    static bool answerSetup(Answer answer, Open open)
    {
        bool answered = false;
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<SetupDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            answer(dialog);
            answered = true;
            if (dialog->isVisible())
                dialog->reject();
        });
        open();
        return answered;
    }

    static void checkServer(SetupDialog* dialog, const QString& url)
    {
        dialog->serverUrl()->clear();
        QTest::keyClicks(dialog->serverUrl(), url);
        QTest::mouseClick(dialog->checkButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->serverResult()->text().endsWith(QChar(0x2026)), 20000);
    }

    static void logInAs(SetupDialog* dialog, DemoUser user)
    {
        dialog->managerUsername()->clear();
        QTest::keyClicks(dialog->managerUsername(), QString::fromLatin1(user.username));
        QTest::keyClicks(dialog->managerSecret(), QString::fromLatin1(user.secret));
        QTest::mouseClick(dialog->logInButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->loginResult()->text().endsWith(QChar(0x2026)), 20000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_secrets.start(), qPrintable(m_secrets.errorString()));
        QVERIFY2(startDemoStack(m_stack), qPrintable(m_stack.errorString()));
    }

    void cleanup()
    {
        qApp->setStyleSheet(QString());
        for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    // Issue 14: the dialog opened 277 px wide, the server address and the results cut off. It
    // is sized from its content, results wrap and grow it, and it fits a 1024x768 till.
    void dialogIsSizedFromItsContent_data()
    {
        QTest::addColumn<QString>("language");
        for (const char* language : {"en_GB", "de_DE", "fr_FR"})
            QTest::newRow(language) << QString::fromLatin1(language);
    }
    void dialogIsSizedFromItsContent()
    {
        QFETCH(QString, language);
        ui::style::install(qApp); // what a colleague sees is what is measured
        const QLocale locale(language);
        QLocale::setDefault(locale);
        ui::installTranslations(qApp, locale);
        config::WorkstationConfig config(nullptr, nullptr);
        api::ApiClient client;
        SetupDialog dialog(config, &client);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_COMPARE(layoutProblems(&dialog), QStringList());
        QVERIFY(dialog.width() >= dialog.minimumSizeHint().width());
        QVERIFY(dialog.height() >= dialog.minimumSizeHint().height());
        // A real address is read whole.
        const QString address = m_stack.serverUrl().toString() + QStringLiteral("/storedesk/v1");
        QVERIFY2(dialog.serverUrl()->width() >
                     dialog.serverUrl()->fontMetrics().horizontalAdvance(address),
                 qPrintable(QString::number(dialog.serverUrl()->width())));
        QVERIFY(dialog.serverResult()->text().isEmpty());

        // A colleague's refusal and the connection's result arrive: each is read whole.
        checkServer(&dialog, m_stack.serverUrl().toString());
        QVERIFY(!dialog.serverResult()->text().isEmpty());
        QCOMPARE(dialog.serverResult()->property("tone").toString(), QStringLiteral("success"));
        logInAs(&dialog, anna);
        QCOMPARE(dialog.loginResult()->property("tone").toString(), QStringLiteral("error"));
        for (QLabel* result : {dialog.serverResult(), dialog.loginResult()}) {
            QVERIFY(result->isVisible());
            QVERIFY(result->wordWrap());
        }
        QTRY_COMPARE(layoutProblems(&dialog), QStringList());
        QVERIFY2(dialog.width() <= 1024 && dialog.height() <= 768,
                 qPrintable(QStringLiteral("%1x%2").arg(dialog.width()).arg(dialog.height())));
    }

    void managerSetsTheWorkstationUp()
    {
        TestConfig files;
        MainWindow window(files.make());
        window.show();
        window.activateWindow(); // F-key shortcuts need the active window
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.start();
        QVERIFY(window.emptyState()->isVisible());
        auto* setUp = window.findChild<QPushButton*>(QStringLiteral("setUpButton"));
        QVERIFY(setUp && setUp->isEnabled());

        const bool answered = answerSetup(
            [&](SetupDialog* dialog) {
                QVERIFY(!dialog->findChild<QWidget*>(QStringLiteral("setupManagerSection"))
                             ->isEnabled());
                // An address that is not encrypted is refused before anything is sent.
                checkServer(dialog, QStringLiteral("http://pos.example.com"));
                QVERIFY(dialog->serverResult()->text().contains(QStringLiteral("https://")));
                checkServer(dialog, m_stack.serverUrl().toString());
                QVERIFY2(dialog->serverResult()->text().startsWith(QStringLiteral("Connected")),
                         qPrintable(dialog->serverResult()->text()));
                // A colleague cannot set a workstation up.
                logInAs(dialog, anna);
                QCOMPARE(dialog->loginResult()->text(),
                         QStringLiteral("Only a manager can set a workstation up."));
                QVERIFY(!dialog->saveButton()->isEnabled());
                logInAs(dialog, max);
                QTRY_COMPARE_WITH_TIMEOUT(dialog->store()->count(), 3, 20000);
                dialog->store()->setCurrentIndex(
                    dialog->store()->findData(QStringLiteral("berlin-mitte")));
                QCOMPARE(dialog->location()->currentData().toString(),
                         QStringLiteral("shop-floor"));
                dialog->workstation()->setCurrentIndex(
                    dialog->workstation()->findData(QStringLiteral("berlin-mitte-till-2")));
                dialog->idleMinutes()->setValue(3);
                QVERIFY(dialog->saveButton()->isEnabled());
                QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
                QVERIFY(!dialog->isVisible());
            },
            [&] { QTest::mouseClick(setUp, Qt::LeftButton); });
        QVERIFY(answered);

        QVERIFY(window.config().isComplete());
        QCOMPARE(window.config().storeKey(), QStringLiteral("berlin-mitte"));
        // The store's name and languages come along for receipts and product names.
        QCOMPARE(window.config().storeName(), QStringLiteral("Berlin Mitte"));
        QCOMPARE(window.config().storeLanguages(),
                 QStringList({QStringLiteral("de"), QStringLiteral("en")}));
        QCOMPARE(window.config().workstationId(), QStringLiteral("berlin-mitte-till-2"));
        QCOMPARE(window.config().idleLockMinutes(), 3);
        QCOMPARE(window.pages()->currentWidget(), static_cast<QWidget*>(window.loginPage()));
        QVERIFY(window.placeStatus()->text().contains(QStringLiteral("berlin-mitte-till-2")));
        // Saved for the next start, and nothing secret in the file.
        const config::WorkstationConfig reread = files.make();
        QCOMPARE(reread.workstationId(), QStringLiteral("berlin-mitte-till-2"));
        QFile user(files.userPath());
        QVERIFY(user.open(QIODevice::ReadOnly));
        const QByteArray saved = user.readAll();
        QVERIFY(!saved.contains("max12345"));
        QVERIFY(!saved.toLower().contains("token"));

        // A colleague logged in there cannot open the setup again.
        QTest::keyClicks(window.loginPage()->username(), QStringLiteral("anna"));
        QTest::keyClicks(window.loginPage()->secret(), QStringLiteral("anna1234"));
        QTest::keyClick(window.loginPage()->secret(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->isLoggedIn(), 20000);
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("actionSetup"))->isEnabled());
        window.logOut();
        // A manager working there may: the later "Workstation setup…" (F9).
        QTRY_VERIFY(window.loginPage()->logInButton()->isEnabled());
        QTest::keyClicks(window.loginPage()->username(), QStringLiteral("max"));
        QTest::keyClicks(window.loginPage()->secret(), QStringLiteral("max12345"));
        QTest::keyClick(window.loginPage()->secret(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->isLoggedIn(), 20000);
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionSetup"))->isEnabled());
        window.activateWindow(); // the first dialog had taken it
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const bool reopened = answerSetup(
            [&](SetupDialog* dialog) {
                QCOMPARE(dialog->serverUrl()->text(), m_stack.serverUrl().toString());
                dialog->reject();
            },
            [&] { QTest::keyClick(&window, Qt::Key_F9); });
        QVERIFY(reopened);
        QVERIFY(window.session()->isLoggedIn()); // cancelling changes nothing
        window.logOut();
    }

    void theDemoServerAddressIsADefaultNotASavedValue()
    {
        TestConfig files;
        config::WorkstationConfig config = files.make();
        config.setFallback(config::Field::ServerUrl, m_stack.serverUrl().toString());
        api::ApiClient client;
        SetupDialog dialog(config, &client);
        dialog.show();
        QCOMPARE(dialog.serverUrl()->text(), m_stack.serverUrl().toString()); // prefilled
        QTest::mouseClick(dialog.checkButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.serverResult()->text().startsWith(QStringLiteral("Connected")), 20000);
        logInAs(&dialog, max);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.saveButton()->isEnabled(), 20000);
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(config.isComplete());
        QCOMPARE(config.source(config::Field::ServerUrl), config::Source::Default);
        QFile user(files.userPath());
        QVERIFY(user.open(QIODevice::ReadOnly));
        const QByteArray saved = user.readAll();
        QVERIFY(saved.contains("StoreKey"));
        QVERIFY(!saved.contains("ServerUrl"));
    }

    void policyLockedFieldsAreReadOnlyWithALock()
    {
        const QByteArray policy = "[General]\nServerUrl=" + m_stack.serverUrl().toEncoded() +
                                  "\nStoreKey=hamburg-hafen\nLockSettings=true\n";
        TestConfig files(policy);
        config::WorkstationConfig config = files.make();
        QVERIFY(config.isLocked(config::Field::ServerUrl));
        SetupDialog dialog(config, nullptr);
        dialog.show();
        QCOMPARE(dialog.serverUrl()->text(), m_stack.serverUrl().toString());
        QVERIFY(dialog.serverUrl()->isReadOnly());
        QCOMPARE(dialog.serverUrl()->toolTip(), SetupDialog::lockedToolTip());
        QVERIFY(dialog.serverUrl()->toolTip().contains(QStringLiteral("IT")));
        QVERIFY(!dialog.serverUrl()->actions().isEmpty()); // the lock icon
        QVERIFY(!dialog.store()->isEnabled());
        QCOMPARE(dialog.store()->toolTip(), SetupDialog::lockedToolTip());
        QVERIFY(dialog.workstation()->toolTip().isEmpty()); // not locked
        const QStringList unnamed = controlsWithoutAccessibleName(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
        // Typing into the locked field changes nothing.
        QTest::keyClicks(dialog.serverUrl(), QStringLiteral("x"));
        QCOMPARE(dialog.serverUrl()->text(), m_stack.serverUrl().toString());
    }

    void policyLockedStoreIsKeptWhenSaving()
    {
        const QByteArray policy = "[General]\nStoreKey=hamburg-hafen\nLockSettings=true\n";
        TestConfig files(policy);
        config::WorkstationConfig config = files.make();
        api::ApiClient client;
        SetupDialog dialog(config, &client);
        dialog.show();
        checkServer(&dialog, m_stack.serverUrl().toString());
        logInAs(&dialog, max);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.store()->currentData().toString(),
                                  QStringLiteral("hamburg-hafen"), 20000);
        QVERIFY(!dialog.store()->isEnabled());
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(config.storeKey(), QStringLiteral("hamburg-hafen"));
        QCOMPARE(config.workstationId(), QStringLiteral("hamburg-hafen-till-1"));
        QVERIFY(config.isComplete());
    }
};

QTEST_MAIN(TestSetupFlow)
#include "tst_setupflow.moc"
