// The till's whole day at the counter (issue 15), driven with the keyboard against the real
// server, emulator and Secret Service: a cash payment with the till closed offers to open it;
// open with a float, cash sale, X report, pay-in, pay-out with a manager's approval, safe drop,
// blind close with a shortage and approval, and the Z report on screen.

#include "api/apiclient.h"
#include "commercestack.h"
#include "common/managerapprovalpanel.h"
#include "demousers.h"
#include "flows/checkout.h"
#include "flows/tillday.h"
#include "guitesting.h"
#include "mainwindow.h"
#include "sale/cartworkspace.h"
#include "sale/paymentpanel.h"
#include "secretservice.h"
#include "till/closetilldialog.h"
#include "till/countgrid.h"
#include "till/opentilldialog.h"
#include "till/tillmovementdialog.h"
#include "till/tillreportdialog.h"
#include "till/tillreportview.h"
#include "windowtesting.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace storedesk;
using namespace storedesk::test;
using namespace storedesk::ui;

namespace {

const QString store = QStringLiteral("berlin-mitte");

QString eur(qint64 cents)
{
    return Money::fromMinorUnits(cents, u"EUR")->toString(QLocale());
}

// Where the keyboard types now in `window` (a dialog opened with open() has the focus).
QWidget* focused(QWidget* window)
{
    QWidget* widget = QApplication::focusWidget();
    return widget && widget->window() == window ? widget : window->focusWidget();
}

void type(QWidget* window, const QString& text)
{
    QTest::keyClicks(focused(window), text);
}

void press(QWidget* window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(focused(window), key, modifiers);
}

// Every text the dialog shows (labels, fields, buttons), for what must not be on screen.
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

class TestTillDayGui : public QObject {
    Q_OBJECT

private:
    SecretService m_secrets;
    CommerceStack m_stack;
    TestConfig m_files;
    std::unique_ptr<MainWindow> m_window;

    PaymentPanel* panel() const { return m_window->paymentPanel(); }

    // A Ctrl+Shift shortcut of the Till menu, as a colleague presses it.
    void shortcut(Qt::Key key)
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), key, Qt::ControlModifier | Qt::ShiftModifier);
    }

    template <typename Dialog>
    Dialog* tillDialog()
    {
        if (!QTest::qWaitFor([&] { return qobject_cast<Dialog*>(m_window->tillDialog()); }, 20000))
            return nullptr;
        auto* dialog = qobject_cast<Dialog*>(m_window->tillDialog());
        return QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    }

    TillReportDialog* reportDialog()
    {
        TillReportDialog* found = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                for (TillReportDialog* dialog : m_window->findChildren<TillReportDialog*>()) {
                    if (dialog->isVisible())
                        found = dialog;
                }
                return found != nullptr;
            },
            20000);
        return found;
    }

    void openCart(const QString& cartId)
    {
        m_window->workspace()->openCart(cartId);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->checkout()->cartId() == cartId &&
                                     m_window->checkout()->balance().has_value(),
                                 20000);
        QCOMPARE(panel()->page(), PaymentPanel::Page::Tender);
    }

    // F11, 20 handed over, Enter: a cash payment of the open cart.
    void payCash()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F11);
        QCOMPARE(panel()->page(), PaymentPanel::Page::Cash);
        typeSlowly(panel()->cashTendered(), QStringLiteral("20"));
        QTest::keyClick(panel()->cashTendered(), Qt::Key_Return);
    }

    // The movement dialog of `key`, its fields typed and recorded with Enter.
    TillMovementDialog* movement(Qt::Key key, const QString& amount, const QString& extra = {})
    {
        shortcut(key);
        auto* dialog = tillDialog<TillMovementDialog>();
        if (!dialog)
            return nullptr;
        type(dialog, amount);
        if (!extra.isEmpty()) {
            press(dialog, Qt::Key_Tab);
            type(dialog, extra);
        }
        press(dialog, Qt::Key_Return);
        return dialog;
    }

    // The manager approves in the panel by keyboard: user name, Enter, secret, Enter.
    void approveAsMax(QWidget* dialog, ManagerApprovalPanel* approval)
    {
        QTRY_VERIFY_WITH_TIMEOUT(approval->username()->hasFocus() || approval->secret()->hasFocus(),
                                 20000);
        if (approval->username()->hasFocus()) {
            type(dialog, QString::fromLatin1(max.username));
            press(dialog, Qt::Key_Return);
        }
        QTRY_VERIFY_WITH_TIMEOUT(approval->secret()->hasFocus(), 20000);
        type(dialog, QString::fromLatin1(max.secret));
        press(dialog, Qt::Key_Return);
    }

private slots:
    void initTestCase()
    {
        ui::style::install(qApp);
        QVERIFY2(m_secrets.start(), qPrintable(m_secrets.errorString()));
        QVERIFY2(startDemoStack(m_stack), qPrintable(m_stack.errorString()));
        m_window = std::make_unique<MainWindow>(m_files.berlinTill1(m_stack.serverUrl()));
        QVERIFY(showAndStart(*m_window, QSize(1280, 800)));
        QVERIFY(logInThroughThePage(*m_window, anna));
        // The till's status is read after the log-in.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->till()->isKnown(), 20000);
        QVERIFY(m_window->till()->hasDrawer());
        QVERIFY(!m_window->till()->isOpen());
        QCOMPARE(m_window->tillStatus()->text(), QStringLiteral("Till closed"));
        QVERIFY(m_window->tillStatus()->isVisible());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        if (qEnvironmentVariableIsSet("DUMP_SERVER_LOG"))
            qInfo().noquote() << m_stack.serverLog();
    }

    // Cash into a closed till is refused with words and the way to open it right there.
    void cashWithTheTillClosedOffersToOpenIt()
    {
        QVERIFY(!m_window->action(QStringLiteral("actionPayIn"))->isEnabled());
        QVERIFY(m_window->action(QStringLiteral("actionPayIn"))
                    ->toolTip()
                    .contains(QStringLiteral("not open")));
        openCart(m_stack.newCart(store, 1)); // 12.34
        payCash();
        QTRY_VERIFY2_WITH_TIMEOUT(m_window->tillNotOpenBar()->isVisible(),
                                  qPrintable(panel()->message()->text() + QLatin1Char('|') +
                                             QString::number(int(panel()->page()))),
                                  20000);
        QVERIFY(!m_window->checkout()->order().has_value());
        // The bar's button opens the till, also while the till's status is still being read
        // again after the refusal; the float: 2 × 50 € and 10 × 2 €, by keyboard.
        m_window->till()->refresh();
        QVERIFY(m_window->till()->isBusy());
        QTest::mouseClick(m_window->tillNotOpenButton(), Qt::LeftButton);
        auto* open = tillDialog<OpenTillDialog>();
        QVERIFY(open);
        // A colleague counts for seconds; the status read has answered by the time they confirm.
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->till()->isBusy(), 20000);
        CountGrid* grid = open->grid();
        QTRY_VERIFY(grid->field(0)->hasFocus());
        for (int row = 0; row < 3; ++row) // 500, 200, 100
            press(open, Qt::Key_Down);
        type(open, QStringLiteral("2"));  // 50 €
        for (int row = 3; row < 7; ++row) // 20, 10, 5 €
            press(open, Qt::Key_Return);
        type(open, QStringLiteral("10")); // 2 €
        QCOMPARE(grid->totalLabel()->text(), eur(12000));
        for (int row = 7; row < grid->rowCount(); ++row)
            press(open, Qt::Key_Return); // Enter on the last row opens the till
        QTRY_VERIFY_WITH_TIMEOUT(m_window->till()->isOpen(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->tillDialog(), 20000);
        QCOMPARE(m_window->tillStatus()->text(), QStringLiteral("Till open"));
        QVERIFY(!m_window->tillNotOpenBar()->isVisible());
        QCOMPARE(m_window->till()->session()->floatCount,
                 (TillCount{QStringLiteral("EUR"), {{5000, 2}, {200, 10}}}));

        // Paying again works now (a new attempt).
        payCash();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->checkout()->order().has_value(), 30000);
        QCOMPARE(panel()->changeDue()->text(), eur(766));
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier); // next customer
    }

    void theDay()
    {
        QVERIFY(m_window->till()->isOpen());
        // X report: float 120 + cash sale 12.34.
        shortcut(Qt::Key_X);
        TillReportDialog* x = reportDialog();
        QVERIFY(x);
        QVERIFY(x->view()->expectedCash()->text().contains(eur(13234)));
        x->close();

        // Pay-in 10 € with the first reason.
        TillMovementDialog* payIn = movement(Qt::Key_I, QStringLiteral("10"));
        QVERIFY(payIn);
        QCOMPARE(payIn->kind(), TillMovementDialog::Kind::PayIn);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->tillDialog(), 20000);

        // Pay-out 60 € is above the store's 50 €: a manager approves inline.
        QPointer<TillMovementDialog> payOut = movement(Qt::Key_U, QStringLiteral("60"));
        QVERIFY(payOut);
        QTRY_VERIFY_WITH_TIMEOUT(payOut->isAwaitingApproval(), 20000);
        QVERIFY(payOut->approvalPanel()->explanation()->text().contains(eur(5000)));
        approveAsMax(payOut, payOut->approvalPanel());
        QTRY_VERIFY_WITH_TIMEOUT(!payOut, 20000);

        // Safe drop 50 € in bag B-7.
        QVERIFY(movement(Qt::Key_D, QStringLiteral("50"), QStringLiteral("B-7")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->tillDialog(), 20000);

        // Expected now: 120 + 12.34 + 10 − 60 − 50 = 32.34. The blind close never shows it
        // before the count is submitted.
        shortcut(Qt::Key_C);
        auto* close = tillDialog<CloseTillDialog>();
        QVERIFY(close);
        QVERIFY(!allText(close).contains(eur(3234)));
        QVERIFY(!allText(close).contains(QStringLiteral("32,34")));
        QTRY_VERIFY(close->grid()->field(0)->hasFocus());
        for (int row = 0; row < 4; ++row) // 500, 200, 100, 50
            press(close, Qt::Key_Return);
        type(close, QStringLiteral("1")); // one 20 € note: 12.34 short
        QVERIFY(!allText(close).contains(eur(3234)));
        for (int row = 4; row < close->grid()->rowCount(); ++row)
            press(close, Qt::Key_Return); // Enter on the last row submits
        QTRY_VERIFY_WITH_TIMEOUT(close->stage() == CloseTillDialog::Stage::Approval, 20000);
        QCOMPARE(close->expectedCash()->text(), eur(3234));
        QCOMPARE(close->counted()->text(), eur(2000));
        QVERIFY(close->overShort()->text().contains(eur(1234)));
        QVERIFY(close->reason()->hasFocus());
        type(close, QStringLiteral("Change given wrongly"));
        press(close, Qt::Key_Return); // to the manager's fields
        approveAsMax(close, close->approvalPanel());

        // The Z report on screen, with Print and Save as PDF.
        TillReportDialog* z = reportDialog();
        QVERIFY(z);
        QVERIFY(z->view()->number()->text().contains(QStringLiteral("Z000001")));
        QVERIFY(z->view()->overShort()->text().contains(eur(1234)));
        QVERIFY(z->printButton()->isEnabled());
        QVERIFY(z->pdfButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->tillStatus()->text(), QStringLiteral("Till closed"),
                                  20000);
        QVERIFY(!m_window->action(QStringLiteral("actionCloseTill"))->isEnabled());
        QVERIFY(m_window->action(QStringLiteral("actionOpenTill"))->isEnabled());
        z->close();
    }
};

QTEST_MAIN(TestTillDayGui)
#include "tst_tillday_gui.moc"
