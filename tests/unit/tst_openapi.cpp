// The OpenAPI document is the contract: every route the server registers must be in it.
#include "serverapp.h"
#include "storage/database.h"
#include "storage/databaseurl.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace storedesk::server;

class TestOpenApi : public QObject {
    Q_OBJECT

private:
    QJsonObject m_document;

    static QList<std::pair<QByteArray, QString>> registeredRoutes()
    {
        const auto url = DatabaseUrl::parse(QStringLiteral("sqlite::memory:"));
        ConnectorConfig connector;
        connector.projectKey = QStringLiteral("p");
        ServerApp app(ServerConfig(), connector, *url);
        return app.router().routes();
    }

private slots:
    void initTestCase()
    {
        QFile file(QStringLiteral(STOREDESK_OPENAPI_FILE));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QJsonParseError error;
        m_document = QJsonDocument::fromJson(file.readAll(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    }

    void isOpenApi3()
    {
        QVERIFY(m_document.value(QStringLiteral("openapi"))
                    .toString()
                    .startsWith(QStringLiteral("3.")));
        QVERIFY(!m_document.value(QStringLiteral("info"))
                     .toObject()
                     .value(QStringLiteral("version"))
                     .toString()
                     .isEmpty());
    }

    void everyRegisteredRouteIsDocumented()
    {
        const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
        const auto routes = registeredRoutes();
        QVERIFY(routes.size() >= 8);
        for (const auto& [method, path] : routes) {
            const QJsonObject operations = paths.value(path).toObject();
            QVERIFY2(operations.contains(QString::fromLatin1(method).toLower()),
                     qPrintable(QStringLiteral("%1 %2 is not in the OpenAPI document")
                                    .arg(QString::fromLatin1(method), path)));
        }
    }

    void everyOperationDocumentsItsErrors()
    {
        const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            const QJsonObject operations = path->toObject();
            for (auto operation = operations.begin(); operation != operations.end(); ++operation) {
                if (operation.key() == QLatin1StringView("parameters"))
                    continue;
                const QJsonObject responses =
                    operation->toObject().value(QStringLiteral("responses")).toObject();
                QVERIFY2(!operation->toObject()
                              .value(QStringLiteral("operationId"))
                              .toString()
                              .isEmpty(),
                         qPrintable(path.key()));
                bool hasError = false;
                for (auto response = responses.begin(); response != responses.end(); ++response)
                    hasError = hasError || response.key().startsWith(QLatin1Char('4')) ||
                               response.key().startsWith(QLatin1Char('5'));
                QVERIFY2(hasError, qPrintable(operation.key() + QLatin1Char(' ') + path.key()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
