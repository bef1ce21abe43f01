// The till's screens (issue 15) at widget level: the counting grid by keyboard and by keypad, its
// totals and limits; the open, movement and close dialogs against a scripted server (TillDay over
// FakeNetwork): the expected float and difference, a bad amount, an approval round on one key,
// and the blind close that shows no expected figure before the count is submitted.
#include "api/apiclient.h"
#include "common/keypad.h"
#include "common/managerapprovalpanel.h"
#include "common/style.h"
#include "faketill.h"
#include "flows/tillday.h"
#include "guitesting.h"
#include "till/closetilldialog.h"
#include "till/countgrid.h"
#include "till/opentilldialog.h"
#include "till/tillmovementdialog.h"

#include <QComboBox>
#include <QJsonDocument>
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
using namespace storedesk::test;

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

// A TillDay of berlin-mitte ws-1 over a scripted server, its status read (open or closed).
struct ScriptedTill {
    FakeNetwork* network = new FakeNetwork;
    api::ApiClient client;
    flows::TillDay till{&client, test::fake::tillStore, test::fake::tillWorkstation};

    explicit ScriptedTill(bool open)
    {
        client.setNetwork(network);
        network->setParent(&client);
        client.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
        client.setAccessToken("token");
        network->script("GET", test::fake::tillRoute,
                        {FakeAnswer::json(200, test::fake::tillStatus(open))});
        till.refresh();
    }

    bool ready()
    {
        return QTest::qWaitFor([&] { return till.isKnown(); }, 5000);
    }

    QList<FakeRequest> posts(const QString& suffix) const
    {
        QList<FakeRequest> found;
        for (const FakeRequest& request : network->requests()) {
            if (request.method == "POST" && request.path.endsWith(suffix))
                found << request;
        }
        return found;
    }
};

QJsonObject bodyOf(const FakeRequest& request)
{
    return QJsonDocument::fromJson(request.body).object();
}

// Every text a dialog shows (labels, fields, buttons): what a colleague can read on it.
QString allText(QWidget* root)
{
    QStringList texts;
    for (QLabel* label : root->findChildren<QLabel*>())
        texts << label->text();
    for (QLineEdit* edit : root->findChildren<QLineEdit*>())
        texts << edit->text() << edit->placeholderText();
    for (QAbstractButton* button : root->findChildren<QAbstractButton*>())
        texts << button->text();
    return texts.join(QLatin1Char('\n'));
}

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

    // Opening: the manager's expected float and the difference as the count grows; a count of
    // nothing is not sent; Enter on the last row opens.
    void openShowsTheExpectedFloat()
    {
        ScriptedTill scripted(false);
        QVERIFY(scripted.ready());
        scripted.network->script("POST", test::fake::tillOpenRoute,
                                 {FakeAnswer::json(201, test::fake::tillSession())});
        ui::OpenTillDialog dialog(&scripted.till);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.expectedFloat()->text().contains(euros(15000)));
        QVERIFY(dialog.difference()->text().contains(euros(15000))); // nothing counted yet
        dialog.openTill();
        QVERIFY(dialog.message()->isVisible());
        QVERIFY(scripted.posts(QStringLiteral("/open")).isEmpty());

        dialog.grid()->fieldFor(2000)->setText(QStringLiteral("5"));
        dialog.grid()->fieldFor(200)->setText(QStringLiteral("20"));
        QVERIFY(dialog.difference()->text().contains(euros(1000))); // 140 of 150
        dialog.grid()->fieldFor(50)->setText(QStringLiteral("20"));
        QVERIFY(!dialog.difference()->text().contains(euros(1000)));
        QCOMPARE(test::controlsWithoutAccessibleName(&dialog), QStringList());
        QSignalSpy opened(&scripted.till, &flows::TillDay::opened);
        QLineEdit* last = dialog.grid()->field(dialog.grid()->rowCount() - 1);
        last->setFocus();
        QTest::keyClick(last, Qt::Key_Return);
        QVERIFY(opened.wait(5000));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QList<FakeRequest> posts = scripted.posts(QStringLiteral("/open"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(bodyOf(posts[0]).value(QStringLiteral("float")).toObject(),
                 (TillCount{QStringLiteral("EUR"), {{2000, 5}, {200, 20}, {50, 20}}}.toJson()));
    }

    // A pay-out: a bad amount is refused in words without a request; above the limit the manager
    // approves inline and the same movement (the same key) is sent with the approval.
    void payOutWithApproval()
    {
        ScriptedTill scripted(true);
        QVERIFY(scripted.ready());
        scripted.network->script(
            "POST", test::fake::tillMovementsRoute,
            {test::fake::tillApprovalDemand(QStringLiteral("amount")),
             test::fake::tillApprovalDemand(QStringLiteral("amount"), true),
             FakeAnswer::json(201, test::fake::tillMovement(QStringLiteral("pay_out"), 6000,
                                                            QStringLiteral("Tip out"),
                                                            QStringLiteral("max")))});
        ui::TillMovementDialog dialog(&scripted.till, ui::TillMovementDialog::Kind::PayOut);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.bagNumber());
        QCOMPARE(dialog.reason()->count(), 3);
        QCOMPARE(test::controlsWithoutAccessibleName(&dialog), QStringList());

        dialog.amount()->setText(QStringLiteral("zwölf"));
        dialog.record();
        QVERIFY(dialog.message()->isVisible());
        QVERIFY(scripted.posts(QStringLiteral("/movements")).isEmpty());

        dialog.amount()->setText(QStringLiteral("60,00"));
        dialog.reason()->setCurrentIndex(1);
        QSignalSpy approval(&scripted.till, &flows::TillDay::approvalNeeded);
        dialog.record();
        QVERIFY(approval.wait(5000));
        QVERIFY(dialog.isAwaitingApproval());
        ui::ManagerApprovalPanel* panel = dialog.approvalPanel();
        QVERIFY(panel->explanation()->text().contains(euros(5000)));
        QVERIFY(!dialog.recordButton()->isEnabled());
        // A wrong secret: said so, asked again.
        panel->username()->setText(QStringLiteral("max"));
        panel->secret()->setText(QStringLiteral("wrong"));
        panel->approve();
        QVERIFY(approval.wait(5000));
        QVERIFY(dialog.isAwaitingApproval());
        panel->secret()->setText(QStringLiteral("max12345"));
        QSignalSpy recorded(&dialog, &ui::TillMovementDialog::recorded);
        panel->approve();
        QVERIFY(recorded.wait(5000));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const QList<FakeRequest> posts = scripted.posts(QStringLiteral("/movements"));
        QCOMPARE(posts.size(), 3);
        QCOMPARE(posts[1].idempotencyKey, posts[0].idempotencyKey);
        QCOMPARE(posts[2].idempotencyKey, posts[0].idempotencyKey);
        const QJsonObject first = bodyOf(posts[0]);
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("pay_out"));
        QCOMPARE(first.value(QStringLiteral("reason")).toString(), QStringLiteral("Tip out"));
        QCOMPARE(first.value(QStringLiteral("amount"))
                     .toObject()
                     .value(QStringLiteral("centAmount"))
                     .toInteger(),
                 6000);
        QVERIFY(!first.contains(QStringLiteral("approval")));
        QCOMPARE(bodyOf(posts[2])
                     .value(QStringLiteral("approval"))
                     .toObject()
                     .value(QStringLiteral("username"))
                     .toString(),
                 QStringLiteral("max"));
    }

    // A safe drop needs its bag number; a no sale has no amount.
    void safeDropAndNoSaleFields()
    {
        ScriptedTill scripted(true);
        QVERIFY(scripted.ready());
        ui::TillMovementDialog drop(&scripted.till, ui::TillMovementDialog::Kind::SafeDrop);
        QVERIFY(drop.bagNumber());
        QVERIFY(!drop.reason());
        drop.amount()->setText(QStringLiteral("50"));
        drop.record();
        QVERIFY(drop.message()->text().contains(QStringLiteral("bag")));
        QVERIFY(scripted.posts(QStringLiteral("/movements")).isEmpty());
        ui::TillMovementDialog noSale(&scripted.till, ui::TillMovementDialog::Kind::NoSale);
        QVERIFY(!noSale.amount());
        QVERIFY(!noSale.keypad());
        QCOMPARE(noSale.reason()->count(), 2);
    }

    // The blind close: before Submit no figure the drawer should hold is anywhere in the dialog;
    // after it, expected, counted and short are shown with the reason and the approval, and the
    // approved close (same key) brings the Z report.
    void closeIsBlindUntilTheCountIsSubmitted()
    {
        ScriptedTill scripted(true);
        QVERIFY(scripted.ready());
        scripted.network->script("POST", test::fake::tillCloseRoute,
                                 {test::fake::tillApprovalDemand(QStringLiteral("difference")),
                                  FakeAnswer::json(201, test::fake::tillZReport())});
        ui::CloseTillDialog dialog(&scripted.till);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString expected = euros(9000);
        QVERIFY(!allText(&dialog).contains(expected));
        QVERIFY(dialog.expectedCash()->text().isEmpty());
        QCOMPARE(dialog.stage(), ui::CloseTillDialog::Stage::Count);
        QVERIFY(!dialog.recountButton()->isVisible());
        dialog.grid()->fieldFor(2000)->setText(QStringLiteral("4"));
        dialog.grid()->fieldFor(200)->setText(QStringLiteral("1"));
        dialog.grid()->fieldFor(50)->setText(QStringLiteral("10"));
        QVERIFY(!allText(&dialog).contains(expected));

        QSignalSpy approval(&scripted.till, &flows::TillDay::approvalNeeded);
        dialog.submit();
        QVERIFY(approval.wait(5000));
        QCOMPARE(dialog.stage(), ui::CloseTillDialog::Stage::Approval);
        QCOMPARE(dialog.expectedCash()->text(), expected);
        QCOMPARE(dialog.counted()->text(), euros(8700));
        QVERIFY(dialog.overShort()->text().contains(euros(300)));
        QVERIFY(dialog.reason()->hasFocus());
        // Approving without a reason is not sent.
        ui::ManagerApprovalPanel* panel = dialog.approvalPanel();
        panel->username()->setText(QStringLiteral("max"));
        panel->secret()->setText(QStringLiteral("max12345"));
        panel->approve();
        QCOMPARE(scripted.posts(QStringLiteral("/close")).size(), 1);
        dialog.reason()->setText(QStringLiteral("Wrong change"));
        panel->secret()->setText(QStringLiteral("max12345"));
        QSignalSpy closed(&dialog, &ui::CloseTillDialog::closed);
        panel->approve();
        QVERIFY(closed.wait(5000));
        QCOMPARE(closed.first().first().value<api::TillReport>().number, test::fake::tillZNumber);
        const QList<FakeRequest> posts = scripted.posts(QStringLiteral("/close"));
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts[1].idempotencyKey, posts[0].idempotencyKey);
        QVERIFY(!bodyOf(posts[0]).contains(QStringLiteral("approval")));
        QCOMPARE(bodyOf(posts[1]).value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Wrong change"));
        QCOMPARE(bodyOf(posts[1]).value(QStringLiteral("count")).toObject(),
                 bodyOf(posts[0]).value(QStringLiteral("count")).toObject());
    }

    // Count again drops the close waiting for a manager and hides the figures again.
    void recountHidesTheFigures()
    {
        ScriptedTill scripted(true);
        QVERIFY(scripted.ready());
        scripted.network->script("POST", test::fake::tillCloseRoute,
                                 {test::fake::tillApprovalDemand(QStringLiteral("difference"))});
        ui::CloseTillDialog dialog(&scripted.till);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.grid()->fieldFor(2000)->setText(QStringLiteral("4"));
        QSignalSpy approval(&scripted.till, &flows::TillDay::approvalNeeded);
        dialog.submit();
        QVERIFY(approval.wait(5000));
        dialog.recount();
        QCOMPARE(dialog.stage(), ui::CloseTillDialog::Stage::Count);
        QVERIFY(!allText(&dialog).contains(euros(9000)));
        QCOMPARE(scripted.till.pendingOperation(), flows::TillDay::Operation::None);
    }
};

QTEST_MAIN(TestTillScreens)
#include "tst_tillscreens.moc"
