#include "testpsp.h"

#include <QDebug>
#include <QRegularExpression>

namespace storedesk::test {

TestPsp::TestPsp(QByteArray secret)
    : m_secret(std::move(secret))
{
}

TestPsp::~TestPsp()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000))
        m_process.kill();
    m_process.waitForFinished(2000);
}

bool TestPsp::start(const QStringList& extra)
{
    QStringList arguments{QStringLiteral(STOREDESK_PSP_DIR "/testpsp.mjs"),
                          QStringLiteral("--port"),
                          QStringLiteral("0"),
                          QStringLiteral("--secret"),
                          QString::fromLatin1(m_secret),
                          QStringLiteral("--exit-with-stdin")};
    if (!extra.contains(QStringLiteral("--callback-delay-ms")))
        arguments << QStringLiteral("--callback-delay-ms") << QStringLiteral("150");
    m_process.setProgram(QStringLiteral("node"));
    m_process.setArguments(arguments + extra);
    m_process.start();
    if (!m_process.waitForStarted(10000))
        return false;
    static const QRegularExpression listening(
        QStringLiteral("test-psp listening on (http://127\\.0\\.0\\.1:\\d+)"));
    QByteArray seen;
    for (int waited = 0; waited < 10000 && m_process.state() == QProcess::Running; waited += 50) {
        m_process.waitForReadyRead(50);
        seen += m_process.readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(seen));
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            return true;
        }
    }
    qWarning() << "test PSP did not start:" << seen << m_process.readAllStandardError();
    return false;
}

} // namespace storedesk::test
