// The till's screens (issue 15) at widget level: the counting grid by keyboard and by keypad, its
// totals and limits.
#include "common/keypad.h"
#include "common/style.h"
#include "guitesting.h"
#include "till/countgrid.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace storedesk;
using storedesk::ui::CountGrid;

namespace {

QString euros(qint64 cents)
{
    return Money::fromMinorUnits(cents, u"EUR")->toString(QLocale());
}

// A grid in a window of the till's smallest screen, shown and active.
struct GridWindow {
    QWidget window;
    CountGrid* grid = new CountGrid(&window);

    explicit GridWindow(const QString& currency = QStringLiteral("EUR"))
    {
        auto* layout = new QVBoxLayout(&window);
        layout->addWidget(grid);
        grid->setCurrency(currency);
        window.resize(1024, 768);
        window.show();
        window.activateWindow();
    }
};

} // namespace

class TestTillScreens : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        ui::style::install(qApp);
    }

    void gridHasARowPerDenomination()
    {
        for (const QString& currency : {QStringLiteral("EUR"), QStringLiteral("CHF"),
                                        QStringLiteral("GBP"), QStringLiteral("USD")}) {
            CountGrid grid;
            grid.setCurrency(currency);
            const QList<Denomination> denominations = denominationsFor(currency);
            QCOMPARE(grid.rowCount(), denominations.size());
            for (int row = 0; row < grid.rowCount(); ++row)
                QCOMPARE(grid.valueAt(row), denominations[row].value);
        }
        CountGrid grid;
        grid.setCurrency(QStringLiteral("EUR"));
        const auto* name = grid.findChild<QLabel*>(QStringLiteral("countName0"));
        QVERIFY(name);
        QCOMPARE(name->text(), euros(50000)); // the denomination in the locale: "500,00 €"
        QVERIFY(test::controlsWithoutAccessibleName(&grid).isEmpty());
        QCOMPARE(grid.total(), *Money::fromMinorUnits(0, u"EUR"));
        QVERIFY(grid.isEmpty());
    }

    // Counting with the keyboard only: digits, Enter and Down to the next row, Up back, Enter on
    // the last row finishes; the rows' values and the total follow.
    void gridByKeyboard()
    {
        GridWindow w;
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        CountGrid* grid = w.grid;
        QSignalSpy finished(grid, &CountGrid::countFinished);
        grid->focusFirst();
        QTRY_VERIFY(grid->field(0)->hasFocus());

        // 500 €: none (Enter), 200 €: none (Down), 100 €: one, 50 €: 2 … then Up to fix 100 €.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(grid->field(1)->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QVERIFY(grid->field(2)->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("1"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(grid->field(3)->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("2"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up);
        QVERIFY(grid->field(2)->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("3")); // replaces the 1
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Enter);
        QVERIFY(grid->field(3)->hasFocus());

        // Only whole pieces: a decimal separator, a letter or more than 100000 do not go in.
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("2,5x"));
        QCOMPARE(grid->field(3)->text(), QStringLiteral("25"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace);
        grid->field(14)->setFocus();
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("1000001"));
        QCOMPARE(grid->field(14)->text(), QStringLiteral("100000"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("200000"));
        QCOMPARE(grid->field(14)->text(), QStringLiteral("20000"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("7"));
        QCOMPARE(finished.count(), 0);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(finished.count(), 1);

        const TillCount count = grid->count();
        QCOMPARE(count.currency, QStringLiteral("EUR"));
        // 3 × 100 € + 2 × 50 € + 7 × 1 cent.
        QCOMPARE(count.lines, (QList<TillCount::Line>{{10000, 3}, {5000, 2}, {1, 7}}));
        QCOMPARE(grid->total(), *Money::fromMinorUnits(40007, u"EUR"));
        QCOMPARE(grid->totalLabel()->text(), euros(40007));
        QCOMPARE(grid->rowTotal(2)->text(), euros(30000));
        QCOMPARE(grid->rowTotal(0)->text(), QString()); // nothing counted, nothing shown
    }

    // Counting by touch: the keypad types into the focused row; there is no decimal key.
    void gridByKeypad()
    {
        GridWindow w;
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        CountGrid* grid = w.grid;
        ui::Keypad* keypad = grid->keypad();
        const QList<QPushButton*> decimal{keypad->key(Qt::Key_Comma), keypad->key(Qt::Key_Period)};
        for (QPushButton* key : decimal)
            QVERIFY(!key || !key->isVisible());
        QLineEdit* twenties = grid->fieldFor(2000);
        QTest::mouseClick(twenties, Qt::LeftButton);
        QTRY_VERIFY(twenties->hasFocus());
        for (Qt::Key key : {Qt::Key_1, Qt::Key_5})
            QTest::mouseClick(keypad->key(key), Qt::LeftButton);
        QVERIFY(twenties->hasFocus());
        QCOMPARE(twenties->text(), QStringLiteral("15"));
        QTest::mouseClick(keypad->key(Qt::Key_Backspace), Qt::LeftButton);
        QTest::mouseClick(keypad->key(Qt::Key_2), Qt::LeftButton);
        QCOMPARE(grid->count().lines, (QList<TillCount::Line>{{2000, 12}}));
        QCOMPARE(grid->totalLabel()->text(), euros(24000));
    }

    // Fifteen rows of 44 px do not fit a 1024×768 dialog: the rows scroll, and the row that has
    // the focus is scrolled into view; every field is a touch target.
    void gridScrollsAndKeepsTouchTargets()
    {
        GridWindow w;
        w.window.resize(900, 500);
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        CountGrid* grid = w.grid;
        QTRY_VERIFY(grid->scrollArea()->verticalScrollBar()->maximum() > 0);
        for (int row = 0; row < grid->rowCount(); ++row)
            QVERIFY(grid->field(row)->height() >= ui::style::touchTarget);
        QLineEdit* last = grid->field(grid->rowCount() - 1);
        QVERIFY(last->visibleRegion().isEmpty());
        grid->focusFirst();
        for (int row = 1; row < grid->rowCount(); ++row)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QVERIFY(last->hasFocus());
        QTRY_VERIFY(!last->visibleRegion().isEmpty());
    }

    void gridTakesACount()
    {
        CountGrid grid;
        grid.setCurrency(QStringLiteral("EUR"));
        QSignalSpy changed(&grid, &CountGrid::countChanged);
        TillCount count{QStringLiteral("CHF"), {{5000, 2}, {5, 3}}};
        grid.setCount(count); // another currency: the grid follows it
        QCOMPARE(grid.currency(), QStringLiteral("CHF"));
        QCOMPARE(grid.count(), count);
        QCOMPARE(changed.count(), 1);
        grid.clear();
        QVERIFY(grid.isEmpty());
        QCOMPARE(grid.total(), *Money::fromMinorUnits(0, u"CHF"));
    }
};

QTEST_MAIN(TestTillScreens)
#include "tst_tillscreens.moc"
