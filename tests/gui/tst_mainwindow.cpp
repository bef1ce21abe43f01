#include "common/emptystatewidget.h"
#include "session/loginpage.h"
#include "mainwindow.h"
#include "common/translations.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using namespace storedesk::ui;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void cleanup()
    {
        // Each test starts in English, whatever a previous one installed.
        for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

    void showsEmptyStateWhenNotSetUp()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("StoreDesk"));
        QVERIFY(window.emptyState()->isVisible());
        QCOMPARE(window.emptyState()->heading(), QStringLiteral("No cart open"));
        QVERIFY(window.emptyState()->hint().contains(QStringLiteral("not set up")));
        QCOMPARE(window.connectionStatus()->text(), QStringLiteral("Not connected"));
    }

    void controlsHaveAccessibleNames()
    {
        MainWindow window;
        QVERIFY(!window.emptyState()->accessibleName().isEmpty());
        QVERIFY(!window.connectionStatus()->accessibleName().isEmpty());
    }

    void textsAreNeverRichText()
    {
        const QString markup = QStringLiteral("<b>x</b><a href=\"y\">z</a>");
        EmptyStateWidget widget;
        widget.setHeading(markup);
        widget.setHint(markup);
        int shown = 0;
        for (const QLabel* label : widget.findChildren<QLabel*>()) {
            if (label->text() != markup)
                continue;
            ++shown;
            QCOMPARE(label->textFormat(), Qt::PlainText);
        }
        QCOMPARE(shown, 2);
    }

    void f1OpensAboutWithVersion()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QString seenText;
        // The box is modal: answer it in advance, from inside its own event loop.
        QTimer::singleShot(0, this, [&seenText] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            seenText = box->text();
            box->reject();
        });
        QTest::keyClick(&window, Qt::Key_F1);
        QVERIFY(seenText.startsWith(QStringLiteral("StoreDesk ")));
        QVERIFY(seenText.contains(QCoreApplication::applicationVersion().isEmpty()
                                      ? QStringLiteral("0.")
                                      : QCoreApplication::applicationVersion()));
    }

    void quitShortcutClosesTheWindow()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction* quit = window.findChild<QAction*>(QStringLiteral("actionQuit"));
        QVERIFY(quit);
        QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
        quit->trigger();
        QVERIFY(!window.isVisible());
    }

    void germanTranslationIsEmbeddedAndUsed()
    {
        QVERIFY(installTranslations(qApp, QLocale(QLocale::German, QLocale::Germany)));
        MainWindow window;
        QCOMPARE(window.emptyState()->heading(), QStringLiteral("Kein Warenkorb geöffnet"));
    }

    void newScreensAreTranslated()
    {
        QVERIFY(installTranslations(qApp, QLocale(QLocale::German, QLocale::Germany)));
        MainWindow window;
        auto* heading = window.loginPage()->findChild<QLabel*>(QStringLiteral("loginHeading"));
        QVERIFY(heading);
        QCOMPARE(heading->text(), QStringLiteral("Bei StoreDesk anmelden"));
        QCOMPARE(window.connectionStatus()->text(), QStringLiteral("Nicht verbunden"));
        QCOMPARE(window.placeStatus()->text(), QStringLiteral("Nicht eingerichtet"));
    }

    void frenchTranslationIsEmbeddedAndUsed()
    {
        QVERIFY(installTranslations(qApp, QLocale(QLocale::French, QLocale::France)));
        MainWindow window;
        QCOMPARE(window.emptyState()->heading(), QStringLiteral("Aucun panier ouvert"));
    }

    void unknownLanguageFallsBackToEnglish()
    {
        QVERIFY(!installTranslations(qApp, QLocale(QLocale::Swahili)));
        MainWindow window;
        QCOMPARE(window.emptyState()->heading(), QStringLiteral("No cart open"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
