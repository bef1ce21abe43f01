#include "commercestack.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace storedesk::test {
namespace {

constexpr int startTimeoutMs = 60000;

// Reads `process`'s stdout until a line matches, or it ends, or time runs out.
QString waitForLine(QProcess& process, const QRegularExpression& line, QByteArray* seen,
                    int timeoutMs)
{
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < timeoutMs) {
        if (process.state() == QProcess::NotRunning)
            break;
        process.waitForReadyRead(200);
        *seen += process.readAllStandardOutput();
        const QRegularExpressionMatch match = line.match(QString::fromUtf8(*seen));
        if (match.hasMatch())
            return match.captured(1);
    }
    *seen += process.readAllStandardOutput();
    return {};
}

QString node()
{
    const QString fromEnvironment = qEnvironmentVariable("NODE");
    return fromEnvironment.isEmpty() ? QStringLiteral("node") : fromEnvironment;
}

QString randomText()
{
    return QString::number(QRandomGenerator::system()->generate64(), 36) +
           QString::number(QRandomGenerator::system()->generate64(), 36);
}

} // namespace

QStringList CommerceStack::fullScopes()
{
    QStringList scopes;
    for (const char* name :
         {"manage_orders", "manage_payments", "view_customers", "view_types",
          "manage_shopping_lists", "manage_customers", "view_categories", "view_customer_groups",
          "view_discount_codes", "view_published_products", "view_shipping_methods", "view_stores"})
        scopes << QStringLiteral("%1:storedesk-demo").arg(QLatin1StringView(name));
    return scopes;
}

QJsonObject CommerceStack::defaultConfig()
{
    const auto workstations = [](const QString& prefix) {
        return QJsonArray{
            QJsonObject{{QStringLiteral("id"), prefix + QStringLiteral("-till-1")},
                        {QStringLiteral("name"), QStringLiteral("Till 1")},
                        {QStringLiteral("terminal"),
                         QJsonObject{{QStringLiteral("id"), prefix + QStringLiteral("-terminal-1")},
                                     {QStringLiteral("kind"), QStringLiteral("simulated")}}}},
            QJsonObject{{QStringLiteral("id"), prefix + QStringLiteral("-till-2")},
                        {QStringLiteral("name"), QStringLiteral("Till 2")}},
        };
    };
    const auto store = [&](const QString& key, const QString& country) {
        return QJsonObject{
            {QStringLiteral("key"), key},
            {QStringLiteral("currency"), QStringLiteral("EUR")},
            {QStringLiteral("country"), country},
            {QStringLiteral("locations"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("shop-floor")},
                                    {QStringLiteral("name"), QStringLiteral("Shop floor")},
                                    {QStringLiteral("workstations"), workstations(key)}}}}};
    };
    return QJsonObject{{QStringLiteral("stores"),
                        QJsonArray{store(QStringLiteral("berlin-mitte"), QStringLiteral("DE")),
                                   store(QStringLiteral("hamburg-hafen"), QStringLiteral("DE")),
                                   store(QStringLiteral("paris-louvre"), QStringLiteral("FR"))}}};
}

QString CommerceStack::databaseKind()
{
    const QString kind = qEnvironmentVariable("STOREDESK_TEST_DATABASE");
    return kind.isEmpty() ? QStringLiteral("sqlite") : kind;
}

CommerceStack::CommerceStack()
    : m_clientSecret(QStringLiteral("ct-secret-") + randomText())
    , m_callbackApiKey((QStringLiteral("callback-key-") + randomText() + randomText()).toLatin1())
{
}

CommerceStack::~CommerceStack()
{
    if (m_secondServer) {
        m_secondServer->terminate();
        if (!m_secondServer->waitForFinished(10000))
            m_secondServer->kill();
    }
    stopServer();
    if (m_emulator && m_emulator->state() != QProcess::NotRunning) {
        m_emulator->terminate();
        if (!m_emulator->waitForFinished(5000))
            m_emulator->kill();
        m_emulator->waitForFinished(2000);
    }
}

bool CommerceStack::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool CommerceStack::startEmulator()
{
    const QString folder = QStringLiteral(STOREDESK_EMULATOR_DIR);
    if (!QDir(folder + QStringLiteral("/node_modules/@labdigital/commercetools-mock")).exists())
        return fail(
            QStringLiteral(
                "the emulator is not installed: run `npm ci` in %1 (packaging/dev.sh test does)")
                .arg(folder));
    m_emulator = std::make_unique<QProcess>();
    m_emulator->setWorkingDirectory(folder);
    m_emulator->setProcessChannelMode(QProcess::SeparateChannels);
    m_emulator->start(node(), {QStringLiteral("emulator.mjs"), QStringLiteral("--port"),
                               QStringLiteral("0"), QStringLiteral("--project"), projectKey(),
                               QStringLiteral("--exit-with-stdin")});
    if (!m_emulator->waitForStarted(10000))
        return fail(QStringLiteral("cannot start node: %1").arg(m_emulator->errorString()));
    QByteArray seen;
    static const QRegularExpression listening(
        QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
    const QString url = waitForLine(*m_emulator, listening, &seen, startTimeoutMs);
    if (url.isEmpty())
        return fail(QStringLiteral("the emulator did not start: %1 %2")
                        .arg(QString::fromUtf8(seen),
                             QString::fromUtf8(m_emulator->readAllStandardError())));
    m_emulatorUrl = QUrl(url);
    return true;
}

bool CommerceStack::seed()
{
    QProcess seeding;
    seeding.setWorkingDirectory(QStringLiteral(STOREDESK_EMULATOR_DIR));
    seeding.start(node(), {QStringLiteral("seed.mjs"), QStringLiteral("--api"),
                           m_emulatorUrl.toString(), QStringLiteral("--auth"),
                           m_emulatorUrl.toString(), QStringLiteral("--project"), projectKey()});
    if (!seeding.waitForFinished(startTimeoutMs) || seeding.exitCode() != 0)
        return fail(QStringLiteral("seeding failed: %1")
                        .arg(QString::fromUtf8(seeding.readAllStandardError().right(2000))));
    m_seed = QJsonDocument::fromJson(seeding.readAllStandardOutput()).object();
    if (m_seed.isEmpty())
        return fail(QStringLiteral("the seed printed no JSON"));
    return true;
}

QString CommerceStack::sqliteFile() const
{
    return m_postgres ? QString() : m_folder.filePath(QStringLiteral("server.db"));
}

bool CommerceStack::startDatabase()
{
    if (databaseKind() == QLatin1StringView("postgresql")) {
        m_postgres = std::make_unique<PostgresFixture>();
        if (!m_postgres->start())
            return fail(m_postgres->errorString());
        const Expected<QString> url = m_postgres->createDatabase(QStringLiteral("storedesk"));
        if (!url)
            return fail(url.error().message);
        m_databaseUrl = *url;
        return true;
    }
    if (!m_folder.isValid())
        return fail(QStringLiteral("no temporary folder"));
    m_databaseUrl = QStringLiteral("sqlite://") + m_folder.filePath(QStringLiteral("server.db"));
    return true;
}

bool CommerceStack::addUser(const QString& username, const QString& secret,
                            const QStringList& roles, const QStringList& stores)
{
    QStringList arguments{QStringLiteral("--database"),
                          m_databaseUrl,
                          QStringLiteral("users"),
                          QStringLiteral("add"),
                          username,
                          QStringLiteral("--name"),
                          username};
    for (const QString& role : roles)
        arguments << QStringLiteral("--role") << role;
    for (const QString& store : stores)
        arguments << QStringLiteral("--store") << store;
    QProcess users;
    users.start(QStringLiteral(STOREDESK_SERVER_BINARY), arguments);
    users.waitForStarted(10000);
    users.write(secret.toUtf8() + '\n');
    users.closeWriteChannel();
    if (!users.waitForFinished(30000) || users.exitCode() != 0)
        return fail(QStringLiteral("users add %1 failed: %2")
                        .arg(username, QString::fromUtf8(users.readAllStandardError())));
    return true;
}

QProcessEnvironment CommerceStack::serverEnvironment(const QStringList& scopes) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CTP_PROJECT_KEY"), projectKey());
    environment.insert(QStringLiteral("CTP_CLIENT_ID"), QStringLiteral("storedesk-tests"));
    environment.insert(QStringLiteral("CTP_CLIENT_SECRET"), m_clientSecret);
    environment.insert(QStringLiteral("CTP_SCOPES"), scopes.join(QLatin1Char(' ')));
    environment.insert(QStringLiteral("CTP_API_URL"), m_connectorApiUrl.isEmpty()
                                                          ? m_emulatorUrl.toString()
                                                          : m_connectorApiUrl.toString());
    environment.insert(QStringLiteral("CTP_AUTH_URL"), m_emulatorUrl.toString());
    environment.insert(QStringLiteral("STOREDESK_DATABASE_URL"), m_databaseUrl);
    environment.insert(QStringLiteral("STOREDESK_CALLBACK_API_KEY"),
                       QString::fromLatin1(m_callbackApiKey));
    for (auto it = m_extraEnvironment.cbegin(); it != m_extraEnvironment.cend(); ++it)
        environment.insert(it.key(), it.value());
    // Everything the server can log, so the redaction test sees all of it.
    environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                       QStringLiteral("storedesk.*.debug=true"));
    return environment;
}

QString CommerceStack::writeConfig(const QJsonObject& config)
{
    const QString path = m_folder.filePath(QStringLiteral("server-%1.json").arg(randomText()));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(config).toJson());
    return path;
}

bool CommerceStack::startServer(const QStringList& scopes, const QJsonObject& config)
{
    return launchServer(m_server, m_serverUrl, scopes, config) &&
           (!m_opensTills || openTills(config));
}

bool CommerceStack::openTills(const QJsonObject& config)
{
    const QString keeper = QStringLiteral("tillkeeper");
    const QJsonArray stores = config.value(QStringLiteral("stores")).toArray();
    if (m_tillKeeperSecret.isEmpty()) {
        QStringList storeKeys;
        for (const QJsonValue& store : stores)
            storeKeys << store.toObject().value(QStringLiteral("key")).toString();
        const QString secret = QStringLiteral("keeper-") + randomText();
        if (!addUser(keeper, secret, {QStringLiteral("colleague")}, storeKeys))
            return false;
        m_tillKeeperSecret = secret;
    }
    for (const QJsonValue& storeValue : stores) {
        const QJsonObject store = storeValue.toObject();
        const QString storeKey = store.value(QStringLiteral("key")).toString();
        const QString currency =
            store.value(QStringLiteral("currency")).toString(QStringLiteral("EUR"));
        for (const QJsonValue& location : store.value(QStringLiteral("locations")).toArray()) {
            for (const QJsonValue& value :
                 location.toObject().value(QStringLiteral("workstations")).toArray()) {
                const QJsonObject workstation = value.toObject();
                const QString id = workstation.value(QStringLiteral("id")).toString();
                if (!workstation.value(QStringLiteral("cashDrawer")).toBool(true) ||
                    m_closedTills.contains(id))
                    continue;
                const QByteArray token = logIn(keeper, m_tillKeeperSecret, storeKey, id);
                if (token.isEmpty())
                    return fail(QStringLiteral("the till keeper cannot log in at %1").arg(id));
                // Ten notes of 10 (1000 minor units in EUR, CHF, GBP and USD alike).
                const QJsonObject count{{QStringLiteral("currency"), currency},
                                        {QStringLiteral("lines"),
                                         QJsonArray{QJsonObject{{QStringLiteral("value"), 1000},
                                                                {QStringLiteral("count"), 10}}}}};
                const HttpReply opened = call(
                    "POST",
                    QStringLiteral("/stores/%1/workstations/%2/till/open").arg(storeKey, id),
                    QJsonDocument(QJsonObject{{QStringLiteral("float"), count}})
                        .toJson(QJsonDocument::Compact),
                    token,
                    {{"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}});
                // Already open: a server restarted on the same database.
                const bool alreadyOpen =
                    opened.status == 409 && opened.body.value(QStringLiteral("code")) ==
                                                QStringLiteral("till_already_open");
                if (opened.status != 201 && !alreadyOpen)
                    return fail(QStringLiteral("cannot open the till of %1: HTTP %2 %3")
                                    .arg(id)
                                    .arg(opened.status)
                                    .arg(QString::fromUtf8(opened.raw.left(500))));
                call("DELETE", QStringLiteral("/session"), {}, token);
            }
        }
    }
    return true;
}

bool CommerceStack::startSecondServer(const QJsonObject& config)
{
    return launchServer(m_secondServer, m_secondServerUrl, fullScopes(), config);
}

bool CommerceStack::launchServer(std::unique_ptr<QProcess>& process, QUrl& serverUrl,
                                 const QStringList& scopes, const QJsonObject& config)
{
    process = std::make_unique<QProcess>();
    process->setProcessEnvironment(serverEnvironment(scopes));
    process->start(QStringLiteral(STOREDESK_SERVER_BINARY),
                   {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                    QStringLiteral("--config"), writeConfig(config)});
    if (!process->waitForStarted(10000))
        return fail(
            QStringLiteral("cannot start storedesk-server: %1").arg(process->errorString()));
    static const QRegularExpression listening(
        QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
    QByteArray seen;
    const QString url = waitForLine(*process, listening, &seen, startTimeoutMs);
    m_serverLog += seen;
    if (url.isEmpty())
        return fail(QStringLiteral("storedesk-server did not start: %1")
                        .arg(QString::fromUtf8(seen + process->readAllStandardError())));
    serverUrl = QUrl(url);
    return true;
}

int CommerceStack::runServerExpectingFailure(const QStringList& scopes, const QJsonObject& config,
                                             QByteArray* output)
{
    return runServerToEnd({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}, scopes,
                          config, output);
}

int CommerceStack::runServerToEnd(const QStringList& arguments, const QStringList& scopes,
                                  const QJsonObject& config, QByteArray* output,
                                  const QStringList& unset)
{
    QProcessEnvironment environment = serverEnvironment(scopes);
    for (const QString& name : unset)
        environment.remove(name);
    QProcess server;
    server.setProcessEnvironment(environment);
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(QStringLiteral(STOREDESK_SERVER_BINARY),
                 arguments + QStringList{QStringLiteral("--config"), writeConfig(config)});
    if (!server.waitForFinished(startTimeoutMs)) {
        server.kill();
        server.waitForFinished(5000);
        *output = server.readAll();
        return -1;
    }
    *output = server.readAll();
    return server.exitCode();
}

int CommerceStack::stopServer()
{
    if (!m_server)
        return -1;
    int exitCode = -1;
    if (m_server->state() != QProcess::NotRunning) {
        m_server->terminate();
        if (m_server->waitForFinished(10000) && m_server->exitStatus() == QProcess::NormalExit)
            exitCode = m_server->exitCode();
        else
            m_server->kill();
        m_server->waitForFinished(2000);
    }
    serverLog();
    m_server.reset();
    return exitCode;
}

void CommerceStack::killServer()
{
    if (!m_server)
        return;
    m_server->kill();
    m_server->waitForFinished(5000);
    serverLog();
    m_server.reset();
}

QByteArray CommerceStack::serverLog()
{
    if (m_server) {
        m_serverLog += m_server->readAllStandardOutput();
        m_serverLog += m_server->readAllStandardError();
    }
    return m_serverLog;
}

QJsonObject CommerceStack::seededCart(const QString& key) const
{
    return m_seed.value(QStringLiteral("carts")).toObject().value(key).toObject();
}

QJsonObject CommerceStack::seededOrder(const QString& orderNumber) const
{
    return m_seed.value(QStringLiteral("orders")).toObject().value(orderNumber).toObject();
}

CommerceStack::HttpReply
CommerceStack::send(const QUrl& url, const QByteArray& method, const QByteArray& body,
                    const QList<std::pair<QByteArray, QByteArray>>& headers)
{
    static QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(60000);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.raw = reply->readAll();
    result.body = QJsonDocument::fromJson(result.raw).object();
    result.correlationId = reply->rawHeader("X-Correlation-ID");
    result.retryAfter = reply->rawHeader("Retry-After");
    reply->deleteLater();
    return result;
}

CommerceStack::HttpReply
CommerceStack::call(const QByteArray& method, const QString& path, const QByteArray& body,
                    const QByteArray& token,
                    const QList<std::pair<QByteArray, QByteArray>>& headers)
{
    QList<std::pair<QByteArray, QByteArray>> all = headers;
    if (!token.isEmpty())
        all.append({"Authorization", "Bearer " + token});
    QUrl url = m_serverUrl;
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    url.setPath(question < 0 ? path : path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    return send(url, method, body, all);
}

CommerceStack::HttpReply
CommerceStack::callSecond(const QByteArray& method, const QString& path, const QByteArray& body,
                          const QByteArray& token,
                          const QList<std::pair<QByteArray, QByteArray>>& headers)
{
    const QUrl first = m_serverUrl;
    m_serverUrl = m_secondServerUrl;
    HttpReply reply = call(method, path, body, token, headers);
    m_serverUrl = first;
    return reply;
}

CommerceStack::HttpReply CommerceStack::callJson(const QByteArray& method, const QString& path,
                                                 const QJsonObject& body, const QByteArray& token)
{
    return call(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

QByteArray CommerceStack::logIn(const QString& username, const QString& secret,
                                const QString& storeKey, const QString& workstationId)
{
    QJsonObject body{{QStringLiteral("username"), username}, {QStringLiteral("secret"), secret}};
    if (!storeKey.isEmpty())
        body.insert(QStringLiteral("storeKey"), storeKey);
    if (!workstationId.isEmpty())
        body.insert(QStringLiteral("workstationId"), workstationId);
    const HttpReply reply = callJson("POST", QStringLiteral("/session"), body);
    return reply.status == 201 ? reply.body.value(QStringLiteral("accessToken")).toString().toUtf8()
                               : QByteArray();
}

QJsonObject CommerceStack::emulatorGet(const QString& path)
{
    return emulatorSend("GET", path, {});
}

QString CommerceStack::newCart(const QString& storeKey, int units, const QString& sku)
{
    const QJsonObject cart =
        emulatorPost(QStringLiteral("in-store/key=%1/carts").arg(storeKey),
                     {{QStringLiteral("currency"), QStringLiteral("EUR")},
                      {QStringLiteral("country"), QStringLiteral("DE")},
                      {QStringLiteral("shippingAddress"),
                       QJsonObject{{QStringLiteral("country"), QStringLiteral("DE")}}},
                      {QStringLiteral("lineItems"),
                       QJsonArray{QJsonObject{{QStringLiteral("sku"), sku},
                                              {QStringLiteral("quantity"), units}}}}});
    return cart.value(QStringLiteral("id")).toString();
}

QJsonObject CommerceStack::emulatorPost(const QString& path, const QJsonObject& body)
{
    return emulatorSend("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QJsonObject CommerceStack::emulatorSend(const QByteArray& method, const QString& path,
                                        const QByteArray& body)
{
    if (m_emulatorToken.isEmpty()) {
        QUrl tokenUrl = m_emulatorUrl;
        tokenUrl.setPath(QStringLiteral("/oauth/token"));
        tokenUrl.setQuery(QStringLiteral("grant_type=client_credentials&scope=manage_project:") +
                          projectKey());
        const HttpReply token =
            send(tokenUrl, "POST", "grant_type=client_credentials",
                 {{"Authorization", "Basic " + QByteArray("test:test").toBase64()},
                  {"Content-Type", "application/x-www-form-urlencoded"}});
        m_emulatorToken = token.body.value(QStringLiteral("access_token")).toString().toUtf8();
    }
    QUrl url = m_emulatorUrl;
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    url.setPath(QLatin1Char('/') + projectKey() + QLatin1Char('/') +
                (question < 0 ? path : path.left(question)));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    return send(url, method, body,
                {{"Authorization", "Bearer " + m_emulatorToken},
                 {"Content-Type", "application/json"}})
        .body;
}

} // namespace storedesk::test
