#pragma once

#include "postgresfixture.h"

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace storedesk::test {

// A complete local commerce stack made of real parts: the commercetools emulator (Node.js, on a
// free loopback port), seeded through the commercetools HTTP API; users created with
// `storedesk-server users add`; and storedesk-server itself, on SQLite or on a PostgreSQL server
// this fixture starts. Everything is stopped when the fixture goes.
//
// Cash is taken only into an open till (docs/TILL.md). A test about something else that takes
// cash calls setOpensTills(true) before startServer(): then every start opens the till of each
// workstation with a cash drawer in the config through the API (POST .../till/open, a float of
// 10 x 10.00 counted by the stack's own colleague "tillkeeper"; one already open is left as it
// is), except those named with keepTillClosed(). Tests of the till itself leave it off and find
// every till closed, as a store does in the morning.
class CommerceStack {
public:
    struct HttpReply {
        int status = 0;
        QJsonObject body;
        QByteArray raw;
        QByteArray correlationId;
        QByteArray retryAfter; // the Retry-After header, when sent
    };

    // Seed 000's scopes for both API clients, for the emulator's project.
    static QStringList fullScopes();
    // The server's configuration file used unless a test passes its own.
    static QJsonObject defaultConfig();

    CommerceStack();
    ~CommerceStack();

    // "sqlite" or "postgresql": $STOREDESK_TEST_DATABASE, else sqlite.
    static QString databaseKind();

    bool startEmulator();
    bool seed(); // fills seedData()
    bool startDatabase();
    bool addUser(const QString& username, const QString& secret, const QStringList& roles,
                 const QStringList& stores);
    bool startServer(const QStringList& scopes = fullScopes(),
                     const QJsonObject& config = defaultConfig());
    // Whether startServer() opens the tills (see above); false unless set.
    void setOpensTills(bool opens) { m_opensTills = opens; }
    // startServer() leaves this workstation's till as it is.
    void keepTillClosed(const QString& workstationId) { m_closedTills.append(workstationId); }
    // Another storedesk-server on the same database: a second instance behind a load balancer.
    bool startSecondServer(const QJsonObject& config);
    // SIGTERM, as systemd would; the exit code (-1: it crashed or had to be killed).
    int stopServer();
    // SIGKILL: no clean-up of any kind, as in a power cut. The database stays for a restart.
    void killServer();
    // Extra variables for the server's environment (secrets of payment extensions, webhooks).
    void setServerVariable(const QString& name, const QString& value)
    {
        m_extraEnvironment.insert(name, value);
    }
    // The commercetools API URL given to the server (CTP_API_URL) instead of the emulator's own,
    // e.g. a fault proxy in front of it; the emulator's URL again when empty.
    void setConnectorApiUrl(const QUrl& url) { m_connectorApiUrl = url; }
    // Starts a server expected to refuse to start; returns its exit code and output.
    int runServerExpectingFailure(const QStringList& scopes, const QJsonObject& config,
                                  QByteArray* output);
    // Runs the server to its end with `arguments` plus --config (written from `config`), in the
    // environment startServer gives it less the variables in `unset`; returns its exit code (-1:
    // it had to be killed) and output.
    int runServerToEnd(const QStringList& arguments, const QStringList& scopes,
                       const QJsonObject& config, QByteArray* output,
                       const QStringList& unset = {});

    QString errorString() const { return m_error; }
    // The PostgreSQL server startDatabase() started (null on SQLite), to stop and resume it.
    PostgresFixture* postgres() const { return m_postgres.get(); }
    // The server's SQLite file (empty on PostgreSQL).
    QString sqliteFile() const;
    // The server's database URL (startDatabase()), for a test that reads or writes it directly.
    QString databaseUrl() const { return m_databaseUrl; }
    const QJsonObject& seedData() const { return m_seed; }
    QUrl serverUrl() const { return m_serverUrl; }
    // The (first) server's process id, e.g. to read its memory use from /proc; 0 when not running.
    qint64 serverProcessId() const { return m_server ? m_server->processId() : 0; }
    QUrl emulatorUrl() const { return m_emulatorUrl; }
    QString projectKey() const { return QStringLiteral("storedesk-demo"); }
    // The API client's secret given to the server; tests check it never reaches a log.
    QString clientSecret() const { return m_clientSecret; }
    // What InStore must send as X-Api-Key on callbacks.
    QByteArray callbackApiKey() const { return m_callbackApiKey; }
    // Everything the server wrote to stdout and stderr so far (debug logging is on).
    QByteArray serverLog();

    // The seeded cart with this key (seed.mjs "carts"), and order by number.
    QJsonObject seededCart(const QString& key) const;
    QJsonObject seededOrder(const QString& orderNumber) const;

    HttpReply call(const QByteArray& method, const QString& path, const QByteArray& body = {},
                   const QByteArray& token = {},
                   const QList<std::pair<QByteArray, QByteArray>>& headers = {});
    // call() against the second server.
    HttpReply callSecond(const QByteArray& method, const QString& path, const QByteArray& body = {},
                         const QByteArray& token = {},
                         const QList<std::pair<QByteArray, QByteArray>>& headers = {});
    HttpReply callJson(const QByteArray& method, const QString& path, const QJsonObject& body,
                       const QByteArray& token = {});
    // Logs in and returns the access token, or an empty one (QVERIFY it).
    QByteArray logIn(const QString& username, const QString& secret, const QString& storeKey = {},
                     const QString& workstationId = {});
    // Reads the emulator directly (what commercetools holds), bypassing the server.
    QJsonObject emulatorGet(const QString& path);
    // Writes to the emulator directly, e.g. to make a fresh cart for a test.
    QJsonObject emulatorPost(const QString& path, const QJsonObject& body);
    // A fresh EUR cart in the store (made in commercetools directly) with `units` of `sku`
    // (SD-1001: the espresso cup at 12.34); its id, or empty when the emulator refused.
    QString newCart(const QString& storeKey, int units,
                    const QString& sku = QStringLiteral("SD-1001"));

private:
    bool fail(const QString& message);
    QProcessEnvironment serverEnvironment(const QStringList& scopes) const;
    QString writeConfig(const QJsonObject& config);
    bool launchServer(std::unique_ptr<QProcess>& process, QUrl& serverUrl,
                      const QStringList& scopes, const QJsonObject& config);
    bool openTills(const QJsonObject& config);
    QJsonObject emulatorSend(const QByteArray& method, const QString& path, const QByteArray& body);
    HttpReply send(const QUrl& url, const QByteArray& method, const QByteArray& body,
                   const QList<std::pair<QByteArray, QByteArray>>& headers);

    QString m_error;
    QTemporaryDir m_folder;
    std::unique_ptr<QProcess> m_emulator;
    std::unique_ptr<QProcess> m_server;
    std::unique_ptr<QProcess> m_secondServer;
    QUrl m_secondServerUrl;
    std::unique_ptr<PostgresFixture> m_postgres;
    QUrl m_emulatorUrl;
    QUrl m_connectorApiUrl;
    QUrl m_serverUrl;
    QString m_databaseUrl;
    QString m_clientSecret;
    QByteArray m_callbackApiKey;
    QByteArray m_emulatorToken;
    QByteArray m_serverLog;
    QJsonObject m_seed;
    QHash<QString, QString> m_extraEnvironment;
    bool m_opensTills = false;
    QStringList m_closedTills;
    QString m_tillKeeperSecret; // set once the stack's colleague exists
};

} // namespace storedesk::test
