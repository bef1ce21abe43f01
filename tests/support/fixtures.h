#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace storedesk::test {

// Absolute path of a file under tests/fixtures/.
QString fixturePath(const QString& relativePath);

// The bytes of a fixture, or an empty array when it cannot be read (callers QVERIFY that).
QByteArray readFixture(const QString& relativePath);

// The folder with the product's seed documents, or an empty string when it is not there.
QString seedsDir();

// Every JSON example that follows a line ending in "Response Example: <type>json" in a seed
// document, as raw bytes in document order.
QList<QByteArray> seedJsonExamples(const QString& seedFile, const QString& type);

} // namespace storedesk::test
