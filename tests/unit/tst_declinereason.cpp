#include "flows/declinereason.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using storedesk::flows::DeclineReason;

namespace {

// A language that marks every decline reason it translates, so that a test sees which texts
// went through tr() and which came through unchanged.
class MarkingTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* sourceText, const char* /*disambiguation*/,
                      int /*n*/) const override
    {
        if (qstrcmp(context, "storedesk::flows::DeclineReason") != 0)
            return {};
        return QStringLiteral("[xx] ") + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

} // namespace

// The payment providers' decline texts (the server passes them on as the payment's message)
// turned into the colleague's language (issue 14).
class TestDeclineReason : public QObject {
    Q_OBJECT

private slots:
    void englishShowsTheProvidersWordsWithoutADetail()
    {
        const DeclineReason reason =
            DeclineReason::fromProvider(QStringLiteral("Card declined by issuer."));
        QCOMPARE(reason.text, QStringLiteral("Card declined by issuer."));
        QVERIFY(reason.detail.isEmpty());
    }

    void knownTextsAreTranslatedWithTheWordsAsDetail_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("shown");
        QTest::newRow("simulated terminal declines") << "Card declined by issuer."
                                                     << "[xx] Card declined by issuer.";
        QTest::newRow("terminal unreachable") << "Payment terminal unreachable."
                                              << "[xx] Payment terminal unreachable.";
        QTest::newRow("provider unreachable") << "Payment provider unreachable."
                                              << "[xx] Payment provider unreachable.";
        QTest::newRow("cancelled early") << "Cancelled before the terminal was asked."
                                         << "[xx] Cancelled before the terminal was asked.";
        QTest::newRow("provider refused, with its status")
            << "The payment provider refused the request (HTTP 402)."
            << "[xx] The payment provider refused the request (HTTP 402).";
        QTest::newRow("provider answered a status")
            << "The payment provider answered HTTP 503."
            << "[xx] The payment provider answered HTTP 503.";
    }

    void knownTextsAreTranslatedWithTheWordsAsDetail()
    {
        QFETCH(QString, provider);
        QFETCH(QString, shown);
        MarkingTranslator translator;
        QCoreApplication::installTranslator(&translator);
        const DeclineReason reason = DeclineReason::fromProvider(provider);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(reason.text, shown); // an HTTP status is filled in after translation
        QCOMPARE(reason.detail, provider);
    }

    void unknownTextsAreShownAsTheyCame()
    {
        MarkingTranslator translator;
        QCoreApplication::installTranslator(&translator);
        const DeclineReason reason =
            DeclineReason::fromProvider(QStringLiteral("  Do not honour (05)\n"));
        const DeclineReason almost = DeclineReason::fromProvider(
            QStringLiteral("The payment provider refused the request (HTTP abc)."));
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(reason.text, QStringLiteral("Do not honour (05)"));
        QVERIFY(reason.detail.isEmpty());
        QCOMPARE(almost.text,
                 QStringLiteral("The payment provider refused the request (HTTP abc)."));
        QVERIFY(almost.detail.isEmpty());
        QVERIFY(DeclineReason::fromProvider(QString()).text.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeclineReason)
#include "tst_declinereason.moc"
