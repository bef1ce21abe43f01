#include "documentcases.h"
#include "domain/pagedqueryresult.h"
#include "domain/store.h"
#include "fixtures.h"
#include "jsonpatch.h"

#include <QDir>
#include <QTest>

using namespace storedesk;
using namespace storedesk::test;
using namespace Qt::StringLiterals;

namespace {

constexpr auto seedFile = "004_25ddac526084a271.txt";

} // namespace

class TestStore : public QObject {
    Q_OBJECT

private slots:
    void seedStore();
    void seedPagedQueryResponse();
    void seedExamplesParse_data();
    void seedExamplesParse();
    void fixturesMatchSeeds_data();
    void fixturesMatchSeeds();
    void fullStore();
    void optionalFieldsMayBeAbsent();
    void malformed_data();
    void malformed();
    void pagedWithoutTotal();
};

void TestStore::seedStore()
{
    const Expected<Store> store =
        Store::fromJson(readFixture(QStringLiteral("stores/seed-store-1.json")));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
    QCOMPARE(store->id, QStringLiteral("c2f93299-c967-44af-8c2a-d2220bf39eb2"));
    QCOMPARE(store->version, 1);
    QCOMPARE(store->key.toString(), QStringLiteral("random-key-12314"));
    QCOMPARE(store->name.values().value(QStringLiteral("en")), QStringLiteral("big store"));
    QVERIFY(store->languages.isEmpty());
    QVERIFY(store->distributionChannels.isEmpty());
    QVERIFY(store->supplyChannels.isEmpty());
    QCOMPARE(store->createdAt, QDateTime(QDate(1971, 1, 1), QTime(0, 0, 0, 1), Qt::UTC));
    QCOMPARE(store->lastModifiedAt, QDateTime(QDate(1972, 1, 1), QTime(0, 0, 0, 1), Qt::UTC));
}

void TestStore::seedPagedQueryResponse()
{
    const auto page = PagedQueryResult<Store>::fromJson(
        readFixture(QStringLiteral("stores/seed-store-paged-1.json")));
    QVERIFY2(page, qPrintable(page ? QString() : page.error().toString()));
    QCOMPARE(page->limit, 20);
    QCOMPARE(page->offset, 0);
    QCOMPARE(page->count, 2);
    QCOMPARE(page->total, std::optional<qint64>(2));
    QCOMPARE(page->results.size(), 2);
    QCOMPARE(page->results.at(0).key.toString(), QStringLiteral("random-key-12314"));
    QCOMPARE(page->results.at(1).key.toString(), QStringLiteral("random-key-1234314"));
    QCOMPARE(page->results.at(1).name.values().value(QStringLiteral("en")),
             QStringLiteral("second store"));
    QCOMPARE(page->results.at(1).createdAt,
             QDateTime(QDate(1973, 1, 1), QTime(0, 0, 0, 1), Qt::UTC));
}

void TestStore::seedExamplesParse_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("paged");
    if (seedsDir().isEmpty())
        return;
    const QList<QByteArray> stores =
        seedJsonExamples(QString::fromLatin1(seedFile), QStringLiteral("Store"));
    for (qsizetype i = 0; i < stores.size(); ++i)
        QTest::addRow("Store %lld", qlonglong(i + 1)) << stores.at(i) << false;
    const QList<QByteArray> pages =
        seedJsonExamples(QString::fromLatin1(seedFile), QStringLiteral("StorePagedQueryResponse"));
    for (qsizetype i = 0; i < pages.size(); ++i)
        QTest::addRow("StorePagedQueryResponse %lld", qlonglong(i + 1)) << pages.at(i) << true;
}

void TestStore::seedExamplesParse()
{
    if (seedsDir().isEmpty())
        QSKIP("the seed documents (../shared/seeds) are not here; the fixtures cover the same "
              "examples");
    QFETCH(QByteArray, json);
    QFETCH(bool, paged);
    if (paged) {
        const auto page = PagedQueryResult<Store>::fromJson(json);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().toString()));
        QCOMPARE(page->results.size(), page->count);
    } else {
        const Expected<Store> store = Store::fromJson(json);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
        QCOMPARE(store->key.toString(),
                 QJsonDocument::fromJson(json).object().value(u"key").toString());
    }
}

void TestStore::fixturesMatchSeeds_data()
{
    QTest::addColumn<QByteArray>("seed");
    QTest::addColumn<QString>("fixture");
    if (seedsDir().isEmpty())
        return;
    const auto add = [](const QString& type, const QString& prefix) {
        const QList<QByteArray> examples = seedJsonExamples(QString::fromLatin1(seedFile), type);
        for (qsizetype i = 0; i < examples.size(); ++i) {
            const QString fixture = QStringLiteral("stores/%1-%2.json").arg(prefix).arg(i + 1);
            QTest::newRow(qPrintable(fixture)) << examples.at(i) << fixture;
        }
    };
    add(QStringLiteral("Store"), QStringLiteral("seed-store"));
    add(QStringLiteral("StorePagedQueryResponse"), QStringLiteral("seed-store-paged"));
}

void TestStore::fixturesMatchSeeds()
{
    if (seedsDir().isEmpty())
        QSKIP(
            "the seed documents (../shared/seeds) are not here, so there is nothing to compare the "
            "stores/seed-*.json fixtures with");
    QFETCH(QByteArray, seed);
    QFETCH(QString, fixture);
    const QByteArray copy = readFixture(fixture);
    QVERIFY2(!copy.isEmpty(),
             qPrintable(fixture + QStringLiteral(" is missing; copy it from the seed")));
    QCOMPARE(QJsonDocument::fromJson(copy), QJsonDocument::fromJson(seed));
}

void TestStore::fullStore()
{
    const Expected<Store> store =
        Store::fromJson(readFixture(QStringLiteral("stores/berlin-mitte.json")));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
    QCOMPARE(store->version, 12);
    QCOMPARE(store->key, *StoreKey::parse(u"berlin-mitte"));
    QCOMPARE(store->name.values().value(QStringLiteral("de")), QStringLiteral("Berlin Mitte"));
    QCOMPARE(store->languages, QStringList({QStringLiteral("de-DE"), QStringLiteral("en")}));
    QCOMPARE(store->distributionChannels.size(), 1);
    QCOMPARE(store->distributionChannels.at(0),
             (Reference{QStringLiteral("channel"), QStringLiteral("ch-dist-berlin"), QString()}));
    QCOMPARE(store->supplyChannels.size(), 2);
    QCOMPARE(store->supplyChannels.at(1).key, QStringLiteral("warehouse-brandenburg"));
    QVERIFY(store->supplyChannels.at(1).id.isEmpty());
    QCOMPARE(store->lastModifiedAt.toMSecsSinceEpoch(),
             QDateTime(QDate(2026, 11, 20), QTime(17, 45, 12, 345), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(store->lastModifiedAt.timeSpec(), Qt::UTC);
}

void TestStore::optionalFieldsMayBeAbsent()
{
    const QByteArray json = R"({"id": "s1", "version": 3, "key": "ab"})";
    const Expected<Store> store = Store::fromJson(json);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
    QVERIFY(store->name.isEmpty());
    QVERIFY(!store->createdAt.isValid());
    QVERIFY(store->supplyChannels.isEmpty());
}

void TestStore::malformed_data()
{
    addDefectColumns();
    using K = Error::Kind;
    QTest::newRow("key breaks the rule")
        << "key" << QJsonValue(u"berlin mitte"_s) << "key" << K::InvalidValue;
    QTest::newRow("key too short") << "key" << QJsonValue(u"b"_s) << "key" << K::InvalidValue;
    QTest::newRow("key empty") << "key" << QJsonValue(u""_s) << "key" << K::MissingValue;
    QTest::newRow("key missing") << "key" << removed << "key" << K::MissingValue;
    QTest::newRow("key a number") << "key" << QJsonValue(42) << "key" << K::InvalidValue;
    QTest::newRow("id missing") << "id" << removed << "id" << K::MissingValue;
    QTest::newRow("version a string")
        << "version" << QJsonValue(u"12"_s) << "version" << K::InvalidValue;
    QTest::newRow("version fractional")
        << "version" << QJsonValue(12.5) << "version" << K::InvalidValue;
    QTest::newRow("name not an object")
        << "name" << QJsonValue(u"Berlin"_s) << "name" << K::InvalidValue;
    QTest::newRow("name value not a string")
        << "name.de" << QJsonValue(1) << "name.de" << K::InvalidValue;
    QTest::newRow("language not a string")
        << "languages[1]" << QJsonValue(7) << "languages[1]" << K::InvalidValue;
    QTest::newRow("channel of another type") << "supplyChannels[1].typeId" << QJsonValue(u"store"_s)
                                             << "supplyChannels[1].typeId" << K::InvalidValue;
    QTest::newRow("channel without id or key") << "distributionChannels[0].id" << removed
                                               << "distributionChannels[0].id" << K::MissingValue;
    QTest::newRow("channels not an array")
        << "supplyChannels" << QJsonValue(QJsonObject()) << "supplyChannels" << K::InvalidValue;
    QTest::newRow("channel not an object")
        << "supplyChannels[0]" << QJsonValue(u"ch"_s) << "supplyChannels[0]" << K::InvalidValue;
    QTest::newRow("createdAt not a date")
        << "createdAt" << QJsonValue(u"yesterday"_s) << "createdAt" << K::InvalidValue;
    QTest::newRow("lastModifiedAt impossible date")
        << "lastModifiedAt" << QJsonValue(u"2026-02-30T10:00:00.000Z"_s) << "lastModifiedAt"
        << K::InvalidValue;
    QTest::newRow("createdAt a number")
        << "createdAt" << QJsonValue(1700000000) << "createdAt" << K::InvalidValue;
}

void TestStore::malformed()
{
    verifyDefect<Store>(fixtureObject(QStringLiteral("stores/berlin-mitte.json")));
}

void TestStore::pagedWithoutTotal()
{
    QJsonObject page = fixtureObject(QStringLiteral("stores/seed-store-paged-1.json"));
    page.remove(u"total");
    const auto parsed = PagedQueryResult<Store>::fromJson(toBytes(page));
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
    QVERIFY(!parsed->total);

    // An invalid store inside the page is reported with its index.
    const auto broken = PagedQueryResult<Store>::fromJson(
        toBytes(withValue(page, QStringLiteral("results[1].key"), QJsonValue(u"a b"_s))));
    QVERIFY(!broken);
    QCOMPARE(broken.error().path, QStringLiteral("results[1].key"));

    const auto noResults =
        PagedQueryResult<Store>::fromJson(toBytes(without(page, QStringLiteral("results"))));
    QVERIFY(!noResults);
    QCOMPARE(noResults.error().path, QStringLiteral("results"));
    QCOMPARE(noResults.error().kind, Error::Kind::MissingValue);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
