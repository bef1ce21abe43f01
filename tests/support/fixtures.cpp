#include "fixtures.h"

#include <QDir>
#include <QFile>
#include <QList>

namespace storedesk::test {
namespace {

// The build's paths, unless the environment names others (e.g. to run a test binary elsewhere).
QString configuredDir(const char* variable, const char* builtIn)
{
    const QByteArray fromEnvironment = qgetenv(variable);
    return QString::fromUtf8(fromEnvironment.isEmpty() ? QByteArray(builtIn) : fromEnvironment);
}

} // namespace

QString fixturePath(const QString& relativePath)
{
    return QDir(configuredDir("STOREDESK_FIXTURES_DIR", STOREDESK_FIXTURES_DIR))
        .filePath(relativePath);
}

QByteArray readFixture(const QString& relativePath)
{
    QFile file(fixturePath(relativePath));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString seedsDir()
{
    const QString dir = configuredDir("STOREDESK_SEEDS_DIR", STOREDESK_SEEDS_DIR);
    return !dir.isEmpty() && QDir(dir).exists() ? dir : QString();
}

QList<QByteArray> seedJsonExamples(const QString& seedFile, const QString& type)
{
    QFile file(QDir(seedsDir()).filePath(seedFile));
    if (seedsDir().isEmpty() || !file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QByteArray marker = "Response Example: " + type.toUtf8() + "json";
    QList<QByteArray> examples;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines.at(i).trimmed().endsWith(marker))
            continue;
        // The example is the balanced {...} block starting on the next line.
        QByteArray block;
        int depth = 0;
        bool inString = false;
        for (qsizetype j = i + 1; j < lines.size(); ++j) {
            const QByteArray& line = lines.at(j);
            block += line + '\n';
            for (qsizetype k = 0; k < line.size(); ++k) {
                const char c = line.at(k);
                if (c == '\\' && inString) {
                    ++k;
                } else if (c == '"') {
                    inString = !inString;
                } else if (!inString && c == '{') {
                    ++depth;
                } else if (!inString && c == '}') {
                    --depth;
                }
            }
            if (depth == 0 && !block.trimmed().isEmpty())
                break;
        }
        examples.append(block);
    }
    return examples;
}

} // namespace storedesk::test
