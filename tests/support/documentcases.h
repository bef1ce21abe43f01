#pragma once

#include "base/expected.h"
#include "domain/money.h"
#include "fixtures.h"
#include "jsonpatch.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// What the parser tests of every commercetools document share: readable failures, euro amounts,
// fixtures as objects, and tables of single defects against a known-good document.
namespace storedesk::test {

template <typename T>
QString describe(const Expected<T>& result)
{
    return result ? QString() : result.error().toString();
}

inline Money eur(qint64 cents)
{
    return *Money::fromMinorUnits(cents, u"EUR");
}

inline QJsonObject fixtureObject(const QString& name)
{
    return QJsonDocument::fromJson(readFixture(name)).object();
}

// A defect row's value that removes the field instead of replacing it.
inline const QJsonValue removed{QJsonValue::Undefined};

inline void addDefectColumns()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("errorPath");
    QTest::addColumn<Error::Kind>("kind");
}

inline void addDefect(const char* name, const QString& path, const QJsonValue& value,
                      const QString& errorPath, Error::Kind kind)
{
    QTest::newRow(name) << path << value << errorPath << kind;
}

// The body of a data-driven test over addDefect rows: `good` parses; with the row's one defect it
// is refused, and the error names the row's path and kind.
template <typename T>
void verifyDefect(const QJsonObject& good)
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, errorPath);
    QFETCH(Error::Kind, kind);

    QVERIFY2(T::fromJson(toBytes(good)), "the known-good document does not parse");
    const Expected<T> parsed = T::fromJson(toBytes(withValue(good, path, value)));
    QVERIFY2(!parsed, "a malformed document was accepted");
    QCOMPARE(parsed.error().path, errorPath);
    QCOMPARE(parsed.error().kind, kind);
    QVERIFY(!parsed.error().message.isEmpty());
}

} // namespace storedesk::test
