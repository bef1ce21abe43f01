#include "api/apiclient.h"
#include "api/cartjobs.h"
#include "commercestack.h"
#include "demousers.h"
#include "filescan.h"
#include "jobwaiting.h"
#include "secretservice.h"
#include "session/session.h"
#include "session/tokenvault.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace storedesk;
using namespace storedesk::session;
using namespace storedesk::test;

// The token vault and the session against a real Secret Service (gnome-keyring on a private
// D-Bus session bus) and the real server. With STOREDESK_TEST_NO_KEYCHAIN=1 the same binary runs
// on a machine without any Secret Service.
class TestTokenVault : public QObject {
    Q_OBJECT

private:
    SecretService m_secrets;
    CommerceStack m_stack;
    bool m_noKeychain = qEnvironmentVariableIntValue("STOREDESK_TEST_NO_KEYCHAIN") == 1;

    // Runs one vault operation to its end.
    Expected<QByteArray, VaultError> readEntry(TokenVault& vault, const QString& key)
    {
        std::optional<Expected<QByteArray, VaultError>> result;
        QObject context; // a late answer after a time-out must not reach this frame
        vault.read(key, &context,
                   [&](const Expected<QByteArray, VaultError>& r) { result.emplace(r); });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        }();
        return result.value_or(Expected<QByteArray, VaultError>(VaultError{}));
    }
    Expected<void, VaultError> writeEntry(TokenVault& vault, const QString& key,
                                          const QByteArray& secret)
    {
        std::optional<Expected<void, VaultError>> result;
        QObject context;
        vault.write(key, secret, &context,
                    [&](const Expected<void, VaultError>& r) { result.emplace(r); });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        }();
        return result.value_or(Expected<void, VaultError>(VaultError{}));
    }
    Expected<void, VaultError> removeEntry(TokenVault& vault, const QString& key)
    {
        std::optional<Expected<void, VaultError>> result;
        QObject context;
        vault.remove(key, &context,
                     [&](const Expected<void, VaultError>& r) { result.emplace(r); });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        }();
        return result.value_or(Expected<void, VaultError>(VaultError{}));
    }

    struct Till {
        api::ApiClient client;
        TokenVault vault;
        Session session{&client, &vault};
    };
    std::unique_ptr<Till> till()
    {
        auto till = std::make_unique<Till>();
        till->client.setServerUrl(m_stack.serverUrl());
        till->session.setWorkstation(QStringLiteral("berlin-mitte"),
                                     QStringLiteral("berlin-mitte-till-1"));
        return till;
    }
    bool logIn(Till& till, DemoUser user)
    {
        QSignalSpy in(&till.session, &Session::loggedIn);
        QSignalSpy failed(&till.session, &Session::loginFailed);
        till.session.logIn(QString::fromLatin1(user.username), QString::fromLatin1(user.secret));
        if (!QTest::qWaitFor([&] { return in.count() + failed.count() > 0; }, 30000))
            return false;
        if (!failed.isEmpty())
            qWarning() << "login failed:" << failed.first().first().toString();
        return in.count() == 1;
    }

private slots:
    void initTestCase()
    {
        if (m_noKeychain) {
            QVERIFY(m_secrets.startWithoutKeyring());
        } else {
            QVERIFY2(m_secrets.start(), qPrintable(m_secrets.errorString()));
        }
        QVERIFY2(startDemoStack(m_stack), qPrintable(m_stack.errorString()));
    }

    void keysAreNamespacedByServerAndWorkstation()
    {
        const QUrl server(QStringLiteral("https://pos.example.com/storedesk/v1/"));
        const QString key =
            TokenVault::keyFor(server, QStringLiteral("berlin-mitte"), QStringLiteral("till-1"));
        QCOMPARE(key, QStringLiteral("https://pos.example.com/storedesk/v1|berlin-mitte|till-1"));
        QVERIFY(key != TokenVault::keyFor(QUrl(QStringLiteral("https://other.example.com")),
                                          QStringLiteral("berlin-mitte"),
                                          QStringLiteral("till-1")));
        QVERIFY(key != TokenVault::keyFor(server, QStringLiteral("berlin-mitte"),
                                          QStringLiteral("till-2")));
        QCOMPARE(TokenVault().service(), QStringLiteral("StoreDesk"));
    }

    void writeReadRemove()
    {
        if (m_noKeychain)
            QSKIP("needs a Secret Service");
        TokenVault vault;
        const QString key = QStringLiteral("https://a.example.com|berlin-mitte|till-1");
        const QString other = QStringLiteral("https://a.example.com|berlin-mitte|till-2");
        QVERIFY(writeEntry(vault, key, "secret-one"));
        QVERIFY(writeEntry(vault, other, "secret-two"));
        auto read = readEntry(vault, key);
        QVERIFY2(read, whyNot(read).constData());
        QCOMPARE(*read, QByteArray("secret-one"));
        QVERIFY(removeEntry(vault, key));
        auto gone = readEntry(vault, key);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, VaultError::Code::NotFound);
        QCOMPARE(*readEntry(vault, other), QByteArray("secret-two"));
        QVERIFY(removeEntry(vault, other));
        QVERIFY(removeEntry(vault, other)); // removing what is not there is fine
    }

    void loginKeepsTheTokenOnlyInTheKeychain()
    {
        if (m_noKeychain)
            QSKIP("needs a Secret Service");
        auto first = till();
        QVERIFY(logIn(*first, anna));
        const QByteArray token = first->client.accessToken();
        QVERIFY(token.size() >= 16);
        QCOMPARE(first->session.info()->username, QStringLiteral("anna"));
        QVERIFY(first->session.info()->accessToken.isEmpty());
        auto stored = readEntry(first->vault, first->session.vaultKey());
        QVERIFY(stored);
        QVERIFY(stored->contains(token));
        // Whatever Qt or the app may have written (settings, caches, temporary files), the
        // token is in none of it — the keyring's own file is encrypted.
        QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("StoreDesk"),
                  QStringLiteral("storedesk"))
            .sync();
        const QStringList leaks = filesContaining(m_secrets.privateFolders(), token);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
        QVERIFY(!m_stack.serverLog().contains(token));
        first->session.logOut();
    }

    void resumeUsesTheSavedSession()
    {
        if (m_noKeychain)
            QSKIP("needs a Secret Service");
        auto first = till();
        QVERIFY(logIn(*first, anna));
        const QByteArray token = first->client.accessToken();

        auto restarted = till(); // the app started again
        QSignalSpy resumed(&restarted->session, &Session::resumeFinished);
        restarted->session.resume();
        QVERIFY(resumed.wait(20000));
        QCOMPARE(resumed.first().at(0).toBool(), true);
        QVERIFY(restarted->session.isLoggedIn());
        QCOMPARE(restarted->session.info()->username, QStringLiteral("anna"));
        QCOMPARE(restarted->client.accessToken(), token);
        restarted->session.logOut();
    }

    void unauthenticatedDeletesTheToken()
    {
        if (m_noKeychain)
            QSKIP("needs a Secret Service");
        auto t = till();
        QVERIFY(logIn(*t, anna));
        const QByteArray token = t->client.accessToken();
        QVERIFY(readEntry(t->vault, t->session.vaultKey()));
        // The session ends on the server (expiry, an administrator, another device).
        QCOMPARE(m_stack.call("DELETE", QStringLiteral("/session"), {}, token).status, 204);
        QSignalSpy out(&t->session, &Session::loggedOut);
        auto result =
            runJob(t->client.cart(QStringLiteral("berlin-mitte"),
                                  m_stack.seededCart(QStringLiteral("berlin-mitte-simple"))
                                      .value(QStringLiteral("id"))
                                      .toString()));
        QVERIFY(result && !result->hasValue());
        QCOMPARE(result->error().code, api::ApiError::Code::Unauthenticated);
        QCOMPARE(out.count(), 1);
        QVERIFY(!out.first().first().toString().isEmpty()); // says why
        QVERIFY(!t->session.isLoggedIn());
        QVERIFY(!t->client.hasAccessToken());
        QTRY_VERIFY_WITH_TIMEOUT(!readEntry(t->vault, t->session.vaultKey()), 10000);
        QCOMPARE(readEntry(t->vault, t->session.vaultKey()).error().code,
                 VaultError::Code::NotFound);

        // And a restart does not resume it.
        auto restarted = till();
        QSignalSpy resumed(&restarted->session, &Session::resumeFinished);
        restarted->session.resume();
        QVERIFY(resumed.wait(20000));
        QCOMPARE(resumed.first().at(0).toBool(), false);
    }

    void logoutDeletesTheTokenEverywhere()
    {
        if (m_noKeychain)
            QSKIP("needs a Secret Service");
        auto t = till();
        QVERIFY(logIn(*t, anna));
        const QByteArray token = t->client.accessToken();
        t->session.logOut();
        QVERIFY(!t->client.hasAccessToken());
        QTRY_COMPARE_WITH_TIMEOUT(
            m_stack.call("GET", QStringLiteral("/stores/berlin-mitte/carts?limit=1"), {}, token)
                .status,
            401, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!readEntry(t->vault, t->session.vaultKey()), 10000);
    }

    void anotherUserTakingOverEndsTheFirstSession()
    {
        if (m_noKeychain)
            QSKIP("needs a Secret Service");
        auto t = till();
        QVERIFY(logIn(*t, anna));
        const QByteArray annaToken = t->client.accessToken();
        QVERIFY(logIn(*t, claire));
        QCOMPARE(t->session.info()->username, QStringLiteral("claire"));
        QVERIFY(t->client.accessToken() != annaToken);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_stack.call("GET", QStringLiteral("/stores/berlin-mitte/carts?limit=1"), {}, annaToken)
                .status,
            401, 10000);
        auto stored = readEntry(t->vault, t->session.vaultKey());
        QVERIFY(stored);
        QVERIFY(stored->contains(t->client.accessToken()));
        QVERIFY(!stored->contains(annaToken));
        t->session.logOut();
    }

    void wrongSecretIsALoginFailure()
    {
        auto t = till();
        QSignalSpy failed(&t->session, &Session::loginFailed);
        t->session.logIn(QStringLiteral("anna"), QStringLiteral("not-her-password"));
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("wrong")));
        QVERIFY(!t->session.isLoggedIn());
    }

    void noKeychainMeansNoSessionAndNoFile()
    {
        if (!m_noKeychain)
            QSKIP("runs as tst_tokenvault_nokeychain");
        TokenVault vault;
        auto written = writeEntry(vault, QStringLiteral("k"), "secret-value");
        QVERIFY(!written);
        QVERIFY2(written.error().code == VaultError::Code::NoBackend ||
                     written.error().code == VaultError::Code::Failed,
                 whyNot(written).constData());
        QVERIFY(written.error().message.contains(QStringLiteral("keychain")));

        auto t = till();
        QSignalSpy failed(&t->session, &Session::loginFailed);
        t->session.logIn(QStringLiteral("anna"), QStringLiteral("anna1234"));
        QVERIFY(failed.wait(30000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("keychain")));
        QVERIFY(!t->session.isLoggedIn());
        QVERIFY(!t->client.hasAccessToken());
        QVERIFY(filesContaining(m_secrets.privateFolders(), "secret-value").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTokenVault)
#include "tst_tokenvault.moc"
