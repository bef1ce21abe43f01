// The domain parser against a raw QJsonDocument::fromJson of the same bytes (issue 13 goal 2):
// read<Cart>(bytes) for 3-, 200- and 1000-line carts. QBENCHMARK gives Qt Test's own figure
// (run with -callgrind for instruction counts); the RATIO lines compare both in one run.
#include "benchsupport.h"
#include "domain/cart.h"
#include "domain/jsonreader.h"

#include <QJsonDocument>
#include <QTest>

using namespace storedesk;

class BenchDomainParser : public QObject {
    Q_OBJECT

private slots:
    void rawFromJson_data() { lines(); }
    void rawFromJson()
    {
        QFETCH(int, count);
        const QByteArray bytes = bench::cartBytes(count);
        QBENCHMARK
        {
            const QJsonDocument document = QJsonDocument::fromJson(bytes);
            QVERIFY(document.isObject());
        }
    }

    void readCart_data() { lines(); }
    void readCart()
    {
        QFETCH(int, count);
        const QByteArray bytes = bench::cartBytes(count);
        const Expected<Cart> first = json::read<Cart>(bytes);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
        QCOMPARE(first->lineItems.size(), count);
        QBENCHMARK
        {
            const Expected<Cart> cart = json::read<Cart>(bytes);
            QVERIFY(cart);
        }
    }

    // Both timed back to back in one run, so the machine's load falls on both alike.
    void ratio_data() { lines(); }
    void ratio()
    {
        QFETCH(int, count);
        const QByteArray bytes = bench::cartBytes(count);
        const double raw = bench::millisecondsPerCall([&] {
            const QJsonDocument document = QJsonDocument::fromJson(bytes);
            Q_UNUSED(document);
        });
        const double parsed = bench::millisecondsPerCall([&] {
            const Expected<Cart> cart = json::read<Cart>(bytes);
            Q_UNUSED(cart);
        });
        bench::printRatio(
            QStringLiteral("read<Cart> %1 lines (%2 bytes)").arg(count).arg(bytes.size()), parsed,
            QStringLiteral("raw fromJson"), raw, 2.5);
    }

private:
    static void lines()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("3 lines") << 3;
        QTest::newRow("200 lines") << 200;
        QTest::newRow("1000 lines") << 1000;
    }
};

QTEST_GUILESS_MAIN(BenchDomainParser)
#include "bench_domainparser.moc"
