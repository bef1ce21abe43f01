// The cart view (issue 13 goal 2): a cart's bytes → read<Cart> → CartView::setCart (model) →
// first paint of the table, against a raw QJsonDocument::fromJson of the same bytes; and
// scrolling a 1000-line cart by pages (ms per frame, 16.7 ms is 60 fps). The view is shown on the
// offscreen platform and every step waits until the table's viewport has painted and the view has
// nothing left to lay out.
#include "benchsupport.h"
#include "common/style.h"
#include "domain/jsonreader.h"
#include "paintcounter.h"
#include "sale/cartlinesmodel.h"
#include "sale/cartview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonDocument>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace storedesk;

class BenchCartView : public QObject {
    Q_OBJECT

private:
    ui::CartView* m_view = nullptr;
    test::PaintCounter* m_paints = nullptr;
    const QStringList m_languages{QStringLiteral("de-DE"), QStringLiteral("en")};
    const QLocale m_locale{QLocale::German, QLocale::Germany};

    // Until the table has painted, and then until the event loop has no more paints to do (the
    // view lays out its rows and columns on a zero timer after a model reset).
    void waitForPaint()
    {
        const int before = m_paints->paints;
        QElapsedTimer timeout;
        timeout.start();
        while (m_paints->paints == before && timeout.elapsed() < 5000)
            QCoreApplication::processEvents();
        int quiet = 0;
        while (quiet < 2) {
            const int seen = m_paints->paints;
            QCoreApplication::processEvents();
            quiet = m_paints->paints == seen ? quiet + 1 : 0;
        }
    }

    void show(const QByteArray& bytes)
    {
        const Expected<Cart> cart = json::read<Cart>(bytes);
        if (!cart)
            qFatal("%s", qPrintable(cart.error().toString()));
        m_view->setCart(*cart, m_languages, m_locale);
        waitForPaint();
    }

private slots:
    void initTestCase()
    {
        // The cart view as the app shows it: under the app's style sheet, whose scroll bar and
        // fonts are part of every paint.
        ui::style::install(qApp);
        m_view = new ui::CartView;
        m_view->resize(1024, 720);
        m_paints = new test::PaintCounter(m_view->lines()->viewport());
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
    }

    void cleanupTestCase() { delete m_view; }

    void bytesToFirstPaint_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("3 lines") << 3;
        QTest::newRow("200 lines") << 200;
        QTest::newRow("1000 lines") << 1000;
    }
    void bytesToFirstPaint()
    {
        QFETCH(int, count);
        const QByteArray bytes = bench::cartBytes(count);
        const QByteArray empty = bench::cartBytes(0);
        show(bytes);
        QCOMPARE(m_view->model()->rowCount(), count);
        const int paintsBefore = m_paints->paints;
        show(bytes);
        qInfo("table viewport paints per cart shown: %d", m_paints->paints - paintsBefore);
        QBENCHMARK
        {
            show(bytes);
        }
    }

    void ratio_data() { bytesToFirstPaint_data(); }
    void ratio()
    {
        QFETCH(int, count);
        const QByteArray bytes = bench::cartBytes(count);
        const QByteArray empty = bench::cartBytes(0);
        // Back to back in one run: the raw parse, and the whole way to the screen. Each timed
        // round starts from an empty cart on screen, like a colleague opening the next cart.
        const double raw = bench::millisecondsPerCall([&] {
            const QJsonDocument document = QJsonDocument::fromJson(bytes);
            Q_UNUSED(document);
        });
        const double emptyView = bench::millisecondsPerCall([&] { show(empty); });
        const double whole = bench::millisecondsPerCall([&] {
            show(empty);
            show(bytes);
        });
        bench::printRatio(
            QStringLiteral("cart view bytes -> model -> first paint, %1 lines").arg(count),
            whole - emptyView, QStringLiteral("raw fromJson"), raw, 2.5);
    }

    void scrollByPages()
    {
        const QByteArray bytes = bench::cartBytes(1000);
        show(bytes);
        QScrollBar* bar = m_view->lines()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        int frames = 0;
        QElapsedTimer timer;
        timer.start();
        // Down page by page to the end and back to the top, three times; every step moves the
        // view (a step that does not would wait for a paint that never comes).
        for (int round = 0; round < 3; ++round) {
            for (int value = bar->pageStep(); value < bar->maximum() + bar->pageStep();
                 value += bar->pageStep()) {
                bar->setValue(std::min(value, bar->maximum()));
                waitForPaint();
                ++frames;
            }
            bar->setValue(0);
            waitForPaint();
            ++frames;
        }
        const double perFrame = double(timer.nsecsElapsed()) / 1e6 / frames;
        QTextStream(stdout) << "RATIO scroll 1000 lines by pages: "
                            << QString::number(perFrame, 'f', 3) << " ms per frame over " << frames
                            << " frames (60 fps needs <= 16.7 ms) "
                            << (perFrame <= 16.7 ? "met" : "NOT MET") << Qt::endl;
    }
};

QTEST_MAIN(BenchCartView)
#include "bench_cartview.moc"
