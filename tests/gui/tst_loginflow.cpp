#include "api/apiclient.h"
#include "api/healthmonitor.h"
#include "commercestack.h"
#include "common/keypad.h"
#include "common/style.h"
#include "common/translations.h"
#include "demousers.h"
#include "filescan.h"
#include "guitesting.h"
#include "layoutaudit.h"
#include "mainwindow.h"
#include "sale/cartview.h"
#include "sale/cartworkspace.h"
#include "secretservice.h"
#include "session/idlewatcher.h"
#include "session/lockpage.h"
#include "session/loginpage.h"
#include "session/session.h"
#include "session/tokenvault.h"
#include "windowtesting.h"

#include <QAction>
#include <QEventLoop>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTcpServer>
#include <QTimer>
#include <QTranslator>

using namespace storedesk;
using namespace storedesk::test;
using namespace storedesk::ui;

// Log in, resume, idle lock and unlock, another user taking over, logout and a session the server
// ends — the whole window against the real server and a real Secret Service.
class TestLoginFlow : public QObject {
    Q_OBJECT

private:
    SecretService m_secrets;
    CommerceStack m_stack;
    std::unique_ptr<TestConfig> m_config;

    std::unique_ptr<MainWindow> openWindow(int idleMinutes = 5)
    {
        auto window =
            std::make_unique<MainWindow>(m_config->berlinTill1(m_stack.serverUrl(), idleMinutes));
        window->show();
        window->start();
        return window;
    }

    static void logIn(MainWindow& window, DemoUser user)
    {
        QTRY_COMPARE_WITH_TIMEOUT(window.pages()->currentWidget(),
                                  static_cast<QWidget*>(window.loginPage()), 20000);
        QTRY_VERIFY(window.loginPage()->logInButton()->isEnabled());
        LoginPage* page = window.loginPage();
        page->username()->clear();
        QTest::keyClicks(page->username(), QString::fromLatin1(user.username));
        QTest::keyClicks(page->secret(), QString::fromLatin1(user.secret));
        QTest::keyClick(page->secret(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(window.pages()->currentWidget(),
                                  static_cast<QWidget*>(window.workspace()), 20000);
    }

    // A window set up at berlin-mitte that is never started: its pages as they are drawn.
    std::unique_ptr<MainWindow> counterWindow(QSize size = QSize(1024, 768))
    {
        auto window = std::make_unique<MainWindow>(m_config->berlinTill1(m_stack.serverUrl()));
        window->resize(size);
        window->show();
        return window;
    }

    static void useLanguage(const QString& language)
    {
        for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        const QLocale locale(language);
        QLocale::setDefault(locale);
        ui::installTranslations(qApp, locale);
    }

    static void addLanguages()
    {
        QTest::addColumn<QString>("language");
        for (const char* language : {"en_GB", "de_DE", "fr_FR"})
            QTest::newRow(language) << QString::fromLatin1(language);
    }

    // Every mnemonic a colleague can press in `window` now: menus, buttons, labels of fields and
    // group boxes; each letter once, or the text that repeats one.
    static QStringList sharedMnemonics(MainWindow& window)
    {
        QHash<QChar, QString> seen;
        QStringList shared;
        const auto add = [&](const QString& text) {
            const QChar letter = mnemonicOf(text);
            if (letter.isNull())
                return;
            if (seen.contains(letter))
                shared << seen.value(letter) + QStringLiteral(" / ") + text;
            seen.insert(letter, text);
        };
        for (const QAction* menu : window.menuBar()->actions())
            add(menu->text());
        QWidget* page = window.pages()->currentWidget();
        for (const QWidget* widget : page->findChildren<QWidget*>()) {
            if (!widget->isVisible())
                continue;
            if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
                add(button->text());
            else if (const auto* label = qobject_cast<const QLabel*>(widget);
                     label && label->buddy())
                add(label->text());
            else if (const auto* group = qobject_cast<const QGroupBox*>(widget))
                add(group->title());
        }
        return shared;
    }

    static bool vaultHasEntry(const QString& key)
    {
        session::TokenVault vault;
        std::optional<bool> found;
        QEventLoop loop;
        vault.read(key, &loop, [&](const Expected<QByteArray, session::VaultError>& entry) {
            found = entry.hasValue();
            loop.quit();
        });
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        if (!found)
            loop.exec();
        return found.value_or(true);
    }

    int statusWith(const QByteArray& token)
    {
        return m_stack.call("GET", QStringLiteral("/stores/berlin-mitte/carts?limit=1"), {}, token)
            .status;
    }

    QString cartId(const char* key) const
    {
        return m_stack.seededCart(QString::fromLatin1(key)).value(QStringLiteral("id")).toString();
    }

private slots:
    void initTestCase()
    {
        ui::style::install(qApp); // what a colleague sees is what is measured
        QVERIFY2(m_secrets.start(), qPrintable(m_secrets.errorString()));
        QVERIFY2(startDemoStack(m_stack), qPrintable(m_stack.errorString()));
    }

    void init() { m_config = std::make_unique<TestConfig>(); }
    void cleanup() { useLanguage(QStringLiteral("en_GB")); }

    // Issue 14: the "Another user" fields were ~4 px high and the button text clipped.
    void lockPageIsMadeOfTouchTargets_data() { addLanguages(); }
    void lockPageIsMadeOfTouchTargets()
    {
        QFETCH(QString, language);
        useLanguage(language);
        auto window = counterWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        LockPage* page = window->lockPage();
        page->lockFor(QStringLiteral("Anna Schmidt"), QStringLiteral("anna"));
        window->pages()->setCurrentWidget(page);
        QVERIFY(!page->anotherUserSection()->isVisible()); // closed at every lock
        QTest::mouseClick(page->anotherUserButton(), Qt::LeftButton);
        QTRY_VERIFY(page->otherUsername()->isVisible());
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(page->otherUsername()));
        QTRY_COMPARE(layoutProblems(window.get()), QStringList());
        for (QWidget* control :
             {static_cast<QWidget*>(page->secret()), static_cast<QWidget*>(page->unlockButton()),
              static_cast<QWidget*>(page->otherUsername()),
              static_cast<QWidget*>(page->otherSecret()),
              static_cast<QWidget*>(page->switchButton())}) {
            QVERIFY2(control->height() >= ui::style::touchTarget, qPrintable(widgetName(control)));
            QVERIFY2(control->height() >= control->minimumSizeHint().height(),
                     qPrintable(widgetName(control)));
        }
    }

    // A PIN by touch alone: the keypad types into the focused field, at login and at the lock.
    void pinOnTheKeypadLogsInAndUnlocks()
    {
        TestConfig files;
        config::WorkstationConfig config = files.make();
        config.setValue(config::Field::ServerUrl, m_stack.serverUrl().toString());
        config.setValue(config::Field::StoreKey, QStringLiteral("hamburg-hafen"));
        config.setValue(config::Field::LocationId, QStringLiteral("shop-floor"));
        config.setValue(config::Field::WorkstationId, QStringLiteral("hamburg-hafen-till-1"));
        MainWindow window(std::move(config));
        QVERIFY(showAndStart(window, QSize(1024, 768)));
        LoginPage* login = window.loginPage();
        QTRY_VERIFY_WITH_TIMEOUT(login->logInButton()->isEnabled(), 20000);
        QVERIFY(login->keypad()->isVisible());
        for (const Qt::Key separator : {Qt::Key_Comma, Qt::Key_Period}) {
            if (QPushButton* key = login->keypad()->key(separator))
                QVERIFY(!key->isVisible()); // a PIN has none
        }
        QTest::keyClicks(login->username(), QString::fromLatin1(lena.username));
        QTest::mouseClick(login->secret(), Qt::LeftButton);
        login->secret()->setFocus(); // offscreen, a click does not always move focus
        for (const Qt::Key key : {Qt::Key_4, Qt::Key_7, Qt::Key_1, Qt::Key_1})
            QTest::mouseClick(login->keypad()->key(key), Qt::LeftButton);
        QCOMPARE(login->secret()->text(), QString::fromLatin1(lena.secret));
        QVERIFY(login->secret()->hasFocus());            // the keys never take it
        QTest::keyClick(login->secret(), Qt::Key_Enter); // the number block's Enter
        QTRY_COMPARE_WITH_TIMEOUT(window.pages()->currentWidget(),
                                  static_cast<QWidget*>(window.workspace()), 20000);

        window.lock();
        LockPage* lock = window.lockPage();
        QTRY_VERIFY(lock->secret()->hasFocus());
        QVERIFY(lock->keypad()->isVisible());
        for (const Qt::Key key : {Qt::Key_4, Qt::Key_7, Qt::Key_1, Qt::Key_1})
            QTest::mouseClick(lock->keypad()->key(key), Qt::LeftButton);
        QCOMPARE(lock->secret()->text(), QString::fromLatin1(lena.secret));
        QTest::mouseClick(lock->unlockButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.pages()->currentWidget(),
                                  static_cast<QWidget*>(window.workspace()), 20000);
        window.logOut();
    }

    // Enter logs in from either field once both are filled; from an empty one it moves on.
    void enterLogsInFromEitherField()
    {
        auto window = counterWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        LoginPage* page = window->loginPage();
        QSignalSpy requested(page, &LoginPage::logInRequested);
        QTest::keyClicks(page->username(), QStringLiteral("anna"));
        QTest::keyClick(page->username(), Qt::Key_Return);
        QCOMPARE(requested.count(), 0);
        QVERIFY(page->secret()->hasFocus());
        QTest::keyClicks(page->secret(), QString::fromLatin1(anna.secret));
        page->username()->setFocus();
        QTest::keyClick(page->username(), Qt::Key_Enter);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("anna"));
        QTRY_COMPARE_WITH_TIMEOUT(window->pages()->currentWidget(),
                                  static_cast<QWidget*>(window->workspace()), 20000);
        window->logOut();
    }

    // Issue 14: the login error was clipped. It wraps, gets its height, and reads as an error.
    void loginErrorIsWholeInTheErrorTone_data() { addLanguages(); }
    void loginErrorIsWholeInTheErrorTone()
    {
        QFETCH(QString, language);
        useLanguage(language);
        auto window = counterWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        LoginPage* page = window->loginPage();
        page->showError(QCoreApplication::translate(
            "storedesk::session::TokenVault",
            "The system keychain is not available (no Secret Service is running). StoreDesk "
            "keeps your login only there; ask IT to enable the keychain, then try again."));
        QLabel* message = page->message();
        QVERIFY(message->wordWrap());
        // Once the layout has settled (it does so in posted events).
        QTRY_COMPARE(layoutProblems(window.get()), QStringList());
        QVERIFY2(message->height() >= message->heightForWidth(message->width()),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(message->height())
                                .arg(message->heightForWidth(message->width()))));
        QCOMPARE(message->property("tone").toString(), QStringLiteral("error"));
        // A notice that answers no attempt is not an error.
        page->reset();
        page->showMessage(QStringLiteral("You have been logged out."));
        QCOMPARE(message->property("tone").toString(), QStringLiteral("neutral"));
    }

    // Alt+letter reaches one thing on the login and on the lock page, in every language.
    void mnemonicsAreDistinct_data() { addLanguages(); }
    void mnemonicsAreDistinct()
    {
        QFETCH(QString, language);
        useLanguage(language);
        auto window = counterWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QCOMPARE(window->pages()->currentWidget(), static_cast<QWidget*>(window->loginPage()));
        QCOMPARE(sharedMnemonics(*window), QStringList());
        LockPage* lock = window->lockPage();
        lock->lockFor(QStringLiteral("Anna Schmidt"), QStringLiteral("anna"));
        window->pages()->setCurrentWidget(lock);
        QCOMPARE(sharedMnemonics(*window), QStringList());
        lock->anotherUserButton()->click();
        QCOMPARE(sharedMnemonics(*window), QStringList());
    }

    void loginShowsTheCartsAndWhoIsThere()
    {
        auto window = openWindow();
        logIn(*window, anna);
        QVERIFY(window->userStatus()->text().contains(QStringLiteral("anna")));
        // Names where known (issue 14): the store's from the setup, the till's from the server;
        // the location's key, as no setup here said its name.
        QVERIFY(window->placeStatus()->text().contains(QStringLiteral("Berlin Mitte")));
        QVERIFY(window->placeStatus()->text().contains(QStringLiteral("shop-floor")));
        QVERIFY(window->placeStatus()->text().contains(QStringLiteral("Till 1")));
        QTRY_COMPARE_WITH_TIMEOUT(window->connectionStatus()->text(),
                                  QStringLiteral("Server online"), 10000);
        QVERIFY(!window->offlineBanner()->isVisible());
        // A colleague cannot open the workstation setup.
        auto* setup = window->findChild<QAction*>(QStringLiteral("actionSetup"));
        QVERIFY(setup);
        QVERIFY(!setup->isEnabled());
        const QByteArray token = window->client()->accessToken();
        QVERIFY(filesContaining(m_secrets.privateFolders(), token).isEmpty());
        QVERIFY(filesContaining({QFileInfo(m_config->userPath()).absolutePath()}, token).isEmpty());
        QVERIFY(vaultHasEntry(window->session()->vaultKey()));
        window->logOut();
    }

    void offlineBannerSaysWhatStillWorks()
    {
        auto window = openWindow();
        logIn(*window, anna);
        window->workspace()->lookUp(QStringLiteral("berlin-mitte-simple"));
        QTRY_VERIFY_WITH_TIMEOUT(window->workspace()->cartView()->hasCart(), 20000);
        QVERIFY(!window->offlineBanner()->isVisible());
        const QUrl real = window->client()->serverUrl();
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        window->client()->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        window->health()->checkNow();
        QTRY_VERIFY_WITH_TIMEOUT(window->offlineBanner()->isVisible(), 10000);
        QCOMPARE(window->connectionStatus()->text(), QStringLiteral("Server offline"));
        QVERIFY(window->offlineBanner()->text().contains(QStringLiteral("stays readable")));
        QVERIFY(window->workspace()->cartView()->hasCart()); // still on screen
        window->client()->setServerUrl(real);
        window->health()->checkNow();
        QTRY_VERIFY_WITH_TIMEOUT(!window->offlineBanner()->isVisible(), 20000);
        QCOMPARE(window->connectionStatus()->text(), QStringLiteral("Server online"));
        window->logOut();
    }

    void wrongSecretSaysSoAndStays()
    {
        auto window = openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(window->loginPage()->logInButton()->isEnabled(), 20000);
        QTest::keyClicks(window->loginPage()->username(), QStringLiteral("anna"));
        QTest::keyClicks(window->loginPage()->secret(), QStringLiteral("wrong-one"));
        QTest::mouseClick(window->loginPage()->logInButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            window->loginPage()->message()->text().contains(QStringLiteral("wrong")), 20000);
        QCOMPARE(window->pages()->currentWidget(), static_cast<QWidget*>(window->loginPage()));
        QVERIFY(window->loginPage()->secret()->text().isEmpty());
        QCOMPARE(window->loginPage()->message()->property("tone").toString(),
                 QStringLiteral("error"));
    }

    void aStillValidSessionResumes()
    {
        QByteArray token;
        {
            auto first = openWindow();
            logIn(*first, anna);
            token = first->client()->accessToken();
        } // the app quits without logging out
        auto second = openWindow();
        QTRY_COMPARE_WITH_TIMEOUT(second->pages()->currentWidget(),
                                  static_cast<QWidget*>(second->workspace()), 20000);
        QCOMPARE(second->client()->accessToken(), token);
        QVERIFY(second->userStatus()->text().contains(QStringLiteral("anna")));
        second->logOut();
    }

    void idleLockKeepsTheCartAndUnlocksWithTheSecret()
    {
        auto window = openWindow();
        logIn(*window, anna);
        window->workspace()->lookUp(QStringLiteral("berlin-mitte-three-lines"));
        QTRY_VERIFY_WITH_TIMEOUT(window->workspace()->cartView()->hasCart(), 20000);
        const QString total = window->workspace()->cartView()->totalText();
        window->workspace()->lookupField()->setText(QStringLiteral("half-typed"));

        window->idleWatcher()->setTimeout(std::chrono::milliseconds(300));
        QTRY_COMPARE_WITH_TIMEOUT(window->pages()->currentWidget(),
                                  static_cast<QWidget*>(window->lockPage()), 5000);
        QVERIFY(window->lockPage()->isVisible());
        QVERIFY(!window->workspace()->isVisible());

        // The wrong secret does not unlock.
        QTest::keyClicks(window->lockPage()->secret(), QStringLiteral("wrong-one"));
        QTest::keyClick(window->lockPage()->secret(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            window->lockPage()->message()->text().contains(QStringLiteral("wrong")), 20000);
        QCOMPARE(window->lockPage()->message()->property("tone").toString(),
                 QStringLiteral("error"));
        QCOMPARE(window->pages()->currentWidget(), static_cast<QWidget*>(window->lockPage()));

        const QByteArray before = window->client()->accessToken();
        QTest::keyClicks(window->lockPage()->secret(), QString::fromLatin1(anna.secret));
        QTest::keyClick(window->lockPage()->secret(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(window->pages()->currentWidget(),
                                  static_cast<QWidget*>(window->workspace()), 20000);
        // Nothing was lost across the lock.
        QVERIFY(window->workspace()->cartView()->hasCart());
        QCOMPARE(window->workspace()->cartView()->cart()->key,
                 QStringLiteral("berlin-mitte-three-lines"));
        QCOMPARE(window->workspace()->cartView()->totalText(), total);
        QCOMPARE(window->workspace()->lookupField()->text(), QStringLiteral("half-typed"));
        QVERIFY(window->userStatus()->text().contains(QStringLiteral("anna")));
        // The unlock was checked by the server: a new session replaced the old one.
        QVERIFY(window->client()->accessToken() != before);
        QTRY_COMPARE_WITH_TIMEOUT(statusWith(before), 401, 10000);
        window->logOut();
    }

    void anotherUserTakesOverAndTheFirstIsLoggedOut()
    {
        auto window = openWindow();
        logIn(*window, anna);
        const QByteArray annaToken = window->client()->accessToken();
        QTest::keyClick(window.get(), Qt::Key_F8); // lock now
        QTRY_COMPARE(window->pages()->currentWidget(), static_cast<QWidget*>(window->lockPage()));
        QTest::mouseClick(window->lockPage()->anotherUserButton(), Qt::LeftButton);
        QTRY_VERIFY(window->lockPage()->otherUsername()->isVisible());
        QTest::keyClicks(window->lockPage()->otherUsername(), QString::fromLatin1(claire.username));
        QTest::keyClicks(window->lockPage()->otherSecret(), QString::fromLatin1(claire.secret));
        QTest::mouseClick(window->lockPage()->switchButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window->pages()->currentWidget(),
                                  static_cast<QWidget*>(window->workspace()), 20000);
        QVERIFY(window->userStatus()->text().contains(QStringLiteral("claire")));
        QCOMPARE(window->session()->info()->username, QStringLiteral("claire"));
        QTRY_COMPARE_WITH_TIMEOUT(statusWith(annaToken), 401, 10000);
        QCOMPARE(statusWith(window->client()->accessToken()), 200);
        window->logOut();
    }

    void logoutDeletesTheToken()
    {
        auto window = openWindow();
        logIn(*window, anna);
        const QByteArray token = window->client()->accessToken();
        QTest::keyClick(window.get(), Qt::Key_F7);
        QTRY_COMPARE(window->pages()->currentWidget(), static_cast<QWidget*>(window->loginPage()));
        QVERIFY(!window->client()->hasAccessToken());
        QTRY_COMPARE_WITH_TIMEOUT(statusWith(token), 401, 10000);
        // A restart finds nothing to resume.
        auto again = openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(again->loginPage()->logInButton()->isEnabled(), 20000);
        QCOMPARE(again->pages()->currentWidget(), static_cast<QWidget*>(again->loginPage()));
    }

    void aSessionTheServerEndsGoesBackToLogin()
    {
        auto window = openWindow();
        logIn(*window, anna);
        const QByteArray token = window->client()->accessToken();
        QCOMPARE(m_stack.call("DELETE", QStringLiteral("/session"), {}, token).status, 204);
        window->workspace()->openCart(cartId("berlin-mitte-simple"));
        QTRY_COMPARE_WITH_TIMEOUT(window->pages()->currentWidget(),
                                  static_cast<QWidget*>(window->loginPage()), 20000);
        QVERIFY(!window->loginPage()->message()->text().isEmpty());
        QVERIFY(!window->client()->hasAccessToken());
        QTRY_VERIFY_WITH_TIMEOUT(!vaultHasEntry(window->session()->vaultKey()), 10000);
    }
};

QTEST_MAIN(TestLoginFlow)
#include "tst_loginflow.moc"
