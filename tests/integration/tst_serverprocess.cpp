// Starts the real storedesk-server process and talks HTTP to it over loopback.
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

class TestServerProcess : public QObject {
    Q_OBJECT

private:
    QProcess m_server;
    QUrl m_base;
    QNetworkAccessManager m_network;

    struct Reply {
        int status = 0;
        QJsonObject body;
        QByteArray contentType;
    };

    Reply request(const QByteArray& method, const QString& path)
    {
        QNetworkRequest request(m_base.resolved(QUrl(path)));
        request.setTransferTimeout(10000);
        QNetworkReply* reply = m_network.sendCustomRequest(request, method);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = QJsonDocument::fromJson(reply->readAll()).object();
        result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        reply->deleteLater();
        return result;
    }

private slots:
    void initTestCase()
    {
        m_server.start(QStringLiteral(STOREDESK_SERVER_BINARY),
                       {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(m_server.waitForStarted(10000));
        static const QRegularExpression listening(
            QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        QByteArray output;
        QRegularExpressionMatch match;
        QTRY_VERIFY_WITH_TIMEOUT(
            (match = listening.match(QString::fromUtf8(output += m_server.readAllStandardOutput())))
                .hasMatch(),
            20000);
        m_base = QUrl(match.captured(1) + QLatin1Char('/'));
    }

    void healthAnswersWithVersion()
    {
        const Reply reply = request("GET", QStringLiteral("health"));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.contentType.startsWith("application/json"));
        QCOMPARE(reply.body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(reply.body.value(QStringLiteral("version")).toString(),
                 QStringLiteral(STOREDESK_VERSION));
        QVERIFY(reply.body.contains(QStringLiteral("commercetools")));
    }

    void unknownPathIsJsonNotFound()
    {
        const Reply reply = request("GET", QStringLiteral("no/such/thing"));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.body.value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
        QVERIFY(!reply.body.value(QStringLiteral("message")).toString().isEmpty());
    }

    void healthOnlyAnswersGet()
    {
        const Reply reply = request("POST", QStringLiteral("health"));
        QVERIFY2(reply.status >= 400 && reply.status < 500, QByteArray::number(reply.status));
    }

    void stopsCleanlyOnSigterm()
    {
        ::kill(pid_t(m_server.processId()), SIGTERM);
        QVERIFY(m_server.waitForFinished(10000));
        QCOMPARE(m_server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server.exitCode(), 0);
    }

    void versionAndBadArguments()
    {
        QProcess version;
        version.start(QStringLiteral(STOREDESK_SERVER_BINARY), {QStringLiteral("--version")});
        QVERIFY(version.waitForFinished(10000));
        QCOMPARE(version.exitCode(), 0);
        QCOMPARE(version.readAllStandardOutput().trimmed(),
                 QByteArray("storedesk-server " STOREDESK_VERSION));

        QProcess bad;
        bad.start(QStringLiteral(STOREDESK_SERVER_BINARY),
                  {QStringLiteral("--listen"), QStringLiteral("nowhere")});
        QVERIFY(bad.waitForFinished(10000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(bad.readAllStandardError().contains("--listen needs an IP address and a port"));
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.kill();
            m_server.waitForFinished(5000);
        }
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
