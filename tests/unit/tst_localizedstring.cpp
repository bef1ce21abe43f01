#include "domain/jsonreader.h"
#include "domain/localizedstring.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using storedesk::Error;
using storedesk::Expected;
using storedesk::JsonObjectReader;
using storedesk::LocalizedString;

namespace {

LocalizedString make(std::initializer_list<std::pair<QString, QString>> values)
{
    QMap<QString, QString> map;
    for (const auto& [tag, text] : values)
        map.insert(tag, text);
    return LocalizedString(map);
}

} // namespace

class TestLocalizedString : public QObject {
    Q_OBJECT

private slots:
    void fallbackChain_data();
    void fallbackChain();
    void valueLookup_data();
    void valueLookup();
    void anyValueIsDeterministic();
    void blankValuesAreSkipped();
    void empty();
    void qlocaleOverload();
    void read();
    void readErrors_data();
    void readErrors();
    void jsonRoundTrip();
};

void TestLocalizedString::fallbackChain_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("storeLanguages");
    QTest::addColumn<QStringList>("chain");

    QTest::newRow("de-CH in a Swiss store")
        << u"de-CH"_s << QStringList{u"fr-CH"_s, u"it-CH"_s}
        << QStringList{u"de-CH"_s, u"de"_s, u"fr-CH"_s, u"fr"_s, u"it-CH"_s, u"it"_s, u"en"_s};
    QTest::newRow("underscore is a hyphen")
        << u"de_CH"_s << QStringList{u"fr_CH"_s}
        << QStringList{u"de-CH"_s, u"de"_s, u"fr-CH"_s, u"fr"_s, u"en"_s};
    QTest::newRow("duplicates removed ignoring case")
        << u"de-CH"_s << QStringList{u"DE"_s, u"de-ch"_s, u"en-GB"_s, u"EN"_s}
        << QStringList{u"de-CH"_s, u"de"_s, u"en-GB"_s, u"en"_s};
    QTest::newRow("no store languages")
        << u"fr-FR"_s << QStringList{} << QStringList{u"fr-FR"_s, u"fr"_s, u"en"_s};
    QTest::newRow("english asked")
        << u"en-US"_s << QStringList{u"de"_s} << QStringList{u"en-US"_s, u"en"_s, u"de"_s};
    QTest::newRow("plain language") << u"it"_s << QStringList{} << QStringList{u"it"_s, u"en"_s};
    QTest::newRow("script subtags") << u"zh-Hant-TW"_s << QStringList{}
                                    << QStringList{u"zh-Hant-TW"_s, u"zh-Hant"_s, u"zh"_s, u"en"_s};
    QTest::newRow("private use singleton")
        << u"de-DE-x-pos"_s << QStringList{}
        << QStringList{u"de-DE-x-pos"_s, u"de-DE"_s, u"de"_s, u"en"_s};
    QTest::newRow("empty locale") << QString() << QStringList{u"nl-BE"_s}
                                  << QStringList{u"nl-BE"_s, u"nl"_s, u"en"_s};
    QTest::newRow("C locale") << u"C"_s << QStringList{} << QStringList{u"en"_s};
    QTest::newRow("blank store language")
        << u"de"_s << QStringList{u" "_s, QString()} << QStringList{u"de"_s, u"en"_s};
}

void TestLocalizedString::fallbackChain()
{
    QFETCH(QString, locale);
    QFETCH(QStringList, storeLanguages);
    QFETCH(QStringList, chain);
    QCOMPARE(LocalizedString::fallbackChain(locale, storeLanguages), chain);
}

void TestLocalizedString::valueLookup_data()
{
    QTest::addColumn<LocalizedString>("names");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("storeLanguages");
    QTest::addColumn<QString>("expected");

    const LocalizedString all = make({{u"de-CH"_s, u"Velo"_s},
                                      {u"de"_s, u"Fahrrad"_s},
                                      {u"fr"_s, u"Vélo"_s},
                                      {u"en"_s, u"Bicycle"_s}});
    const QStringList swiss{u"fr-CH"_s, u"it-CH"_s};

    QTest::newRow("exact region") << all << u"de-CH"_s << swiss << u"Velo"_s;
    QTest::newRow("language of region") << all << u"de-AT"_s << swiss << u"Fahrrad"_s;
    QTest::newRow("store language base") << all << u"rm-CH"_s << swiss << u"Vélo"_s;
    QTest::newRow("english before any") << all << u"ja-JP"_s << QStringList{} << u"Bicycle"_s;
    QTest::newRow("lower case tag asked") << all << u"DE-ch"_s << swiss << u"Velo"_s;
    QTest::newRow("underscore asked") << all << u"de_CH"_s << swiss << u"Velo"_s;

    const LocalizedString oddTags = make({{u"DE_ch"_s, u"Velo"_s}, {u"EN"_s, u"Bicycle"_s}});
    QTest::newRow("stored tag with underscore and case")
        << oddTags << u"de-CH"_s << QStringList{} << u"Velo"_s;
    QTest::newRow("stored upper case english")
        << oddTags << u"fr"_s << QStringList{} << u"Bicycle"_s;

    const LocalizedString regional =
        make({{u"it-CH"_s, u"Bicicletta"_s}, {u"en-GB"_s, u"Bicycle"_s}});
    // A store language beats the any-value rule, which would pick "en-GB" (it sorts first).
    QTest::newRow("store region exact") << regional << u"de-CH"_s << swiss << u"Bicicletta"_s;
    // Without a store language, "en" does not match "en-GB", so the any-value rule decides.
    QTest::newRow("any value when nothing matches")
        << regional << u"de"_s << QStringList{} << u"Bicycle"_s;

    const LocalizedString storeFirst = make({{u"fr"_s, u"Vélo"_s}, {u"it"_s, u"Bicicletta"_s}});
    QTest::newRow("store order decides")
        << storeFirst << u"de"_s << QStringList{u"it-CH"_s, u"fr-CH"_s} << u"Bicicletta"_s;
}

void TestLocalizedString::valueLookup()
{
    QFETCH(LocalizedString, names);
    QFETCH(QString, locale);
    QFETCH(QStringList, storeLanguages);
    QFETCH(QString, expected);
    QCOMPARE(names.value(locale, storeLanguages), expected);
}

void TestLocalizedString::anyValueIsDeterministic()
{
    // QMap keeps keys sorted, so insertion order must not matter; the tag that sorts first wins.
    QMap<QString, QString> forwards;
    forwards.insert(u"nl"_s, u"Fiets"_s);
    forwards.insert(u"da"_s, u"Cykel"_s);
    forwards.insert(u"sv"_s, u"Cykel (sv)"_s);
    QMap<QString, QString> backwards;
    backwards.insert(u"sv"_s, u"Cykel (sv)"_s);
    backwards.insert(u"da"_s, u"Cykel"_s);
    backwards.insert(u"nl"_s, u"Fiets"_s);

    for (const QMap<QString, QString>& values : {forwards, backwards}) {
        const LocalizedString names(values);
        QCOMPARE(names.value(u"ja-JP"_s), u"Cykel"_s);
        QCOMPARE(names.value(u"ja-JP"_s, {u"ko"_s}), u"Cykel"_s);
    }

    // Case does not change the order: "da" sorts before "Sv", although 'S' < 'd' in code units.
    const LocalizedString mixedCase =
        make({{u"nl"_s, u"Fiets"_s}, {u"da"_s, u"Cykel"_s}, {u"Sv"_s, u"x"_s}});
    QCOMPARE(mixedCase.value(u"ja"_s), u"Cykel"_s);
}

void TestLocalizedString::blankValuesAreSkipped()
{
    const LocalizedString names =
        make({{u"de"_s, u""_s}, {u"de-CH"_s, u"  "_s}, {u"en"_s, u"Bicycle"_s}});
    QCOMPARE(names.value(u"de-CH"_s), u"Bicycle"_s);

    const LocalizedString onlyBlank = make({{u"de"_s, u""_s}});
    QCOMPARE(onlyBlank.value(u"de"_s), QString());
    QVERIFY(!onlyBlank.isEmpty());
}

void TestLocalizedString::empty()
{
    const LocalizedString none;
    QVERIFY(none.isEmpty());
    QVERIFY(none.values().isEmpty());
    QCOMPARE(none.value(u"de-CH"_s, {u"fr-CH"_s}), QString());
    QCOMPARE(none.value(QLocale(QLocale::German, QLocale::Switzerland)), QString());
    QCOMPARE(none.toJson(), QJsonObject());
    QCOMPARE(none, LocalizedString(QMap<QString, QString>()));
}

void TestLocalizedString::qlocaleOverload()
{
    const LocalizedString names = make({{u"de-DE"_s, u"Fahrrad (DE)"_s},
                                        {u"de-CH"_s, u"Velo"_s},
                                        {u"fr"_s, u"Vélo"_s},
                                        {u"en"_s, u"Bicycle"_s}});
    QCOMPARE(names.value(QLocale(QLocale::German, QLocale::Switzerland)), u"Velo"_s);
    // The default territory must not be dropped (bcp47Name() would say just "de").
    QCOMPARE(names.value(QLocale(QLocale::German, QLocale::Germany)), u"Fahrrad (DE)"_s);
    QCOMPARE(names.value(QLocale(QLocale::French, QLocale::Canada)), u"Vélo"_s);
    QCOMPARE(names.value(QLocale(QLocale::Japanese, QLocale::Japan)), u"Bicycle"_s);
    QCOMPARE(names.value(QLocale::c(), {u"fr"_s}), u"Vélo"_s);
}

void TestLocalizedString::read()
{
    const Expected<QJsonObject> document =
        storedesk::json::parseObject(R"({"name":{"de-CH":"Velo","en":"Bicycle","fr":""}})");
    QVERIFY(document);
    JsonObjectReader reader(*document);
    const LocalizedString name = LocalizedString::read(reader.requiredObject("name"_L1));
    QVERIFY2(!reader.failed(), qPrintable(reader.error().toString()));
    QCOMPARE(name.values().size(), 3);
    QCOMPARE(name.values().value(u"de-CH"_s), u"Velo"_s);
    QCOMPARE(name.values().value(u"fr"_s), u""_s);
    QCOMPARE(name.value(u"de-CH"_s), u"Velo"_s);

    JsonObjectReader emptyReader(QJsonObject{{u"name"_s, QJsonObject()}});
    QVERIFY(LocalizedString::read(emptyReader.requiredObject("name"_L1)).isEmpty());
    QVERIFY(!emptyReader.failed());
}

void TestLocalizedString::readErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("kind");

    const int invalid = int(Error::Kind::InvalidValue);
    QTest::newRow("number") << QByteArray(R"({"name":{"en":"Bicycle","de":5}})")
                            << u"name.de: expected a string"_s << invalid;
    QTest::newRow("null value") << QByteArray(R"({"name":{"de":null}})")
                                << u"name.de: expected a string"_s << invalid;
    QTest::newRow("nested object") << QByteArray(R"({"name":{"fr-CH":{"text":"Vélo"}}})")
                                   << u"name.fr-CH: expected a string"_s << invalid;
    QTest::newRow("array") << QByteArray(R"({"name":{"it":["Bici"]}})")
                           << u"name.it: expected a string"_s << invalid;
    QTest::newRow("non-latin key")
        << QByteArray(R"({"name":{"日本":true}})")
        << QStringLiteral("name.\u65E5\u672C: expected a string") << invalid;
    QTest::newRow("name not an object")
        << QByteArray(R"({"name":"Bicycle"})") << u"name: expected an object"_s << invalid;
    QTest::newRow("name missing") << QByteArray(R"({"title":{}})") << u"name: is required"_s
                                  << int(Error::Kind::MissingValue);
}

void TestLocalizedString::readErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QFETCH(int, kind);

    const Expected<QJsonObject> document = storedesk::json::parseObject(json);
    QVERIFY(document);
    JsonObjectReader reader(*document);
    const LocalizedString name = LocalizedString::read(reader.requiredObject("name"_L1));
    QVERIFY(reader.failed());
    QCOMPARE(reader.error().toString(), error);
    QCOMPARE(int(reader.error().kind), kind);
    QVERIFY(name.isEmpty());
}

void TestLocalizedString::jsonRoundTrip()
{
    const LocalizedString names = make({{u"de-CH"_s, u"Velo"_s},
                                        {u"en"_s, u"Bicycle"_s},
                                        {u"ja"_s, QStringLiteral("\u81EA\u8EE2\u8ECA")}});
    const QJsonObject json = names.toJson();
    QCOMPARE(json.size(), 3);
    QCOMPARE(json.value(u"de-CH").toString(), u"Velo"_s);
    QCOMPARE(json.value(u"ja").toString(), QStringLiteral("\u81EA\u8EE2\u8ECA"));

    // Through bytes too, as it travels between server and app.
    const QByteArray bytes =
        QJsonDocument(QJsonObject{{u"name"_s, json}}).toJson(QJsonDocument::Compact);
    const Expected<QJsonObject> parsed = storedesk::json::parseObject(bytes);
    QVERIFY(parsed);
    JsonObjectReader reader(*parsed);
    const LocalizedString back = LocalizedString::read(reader.requiredObject("name"_L1));
    QVERIFY(!reader.failed());
    QCOMPARE(back, names);
}

QTEST_GUILESS_MAIN(TestLocalizedString)
#include "tst_localizedstring.moc"
