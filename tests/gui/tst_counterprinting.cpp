// The counter with an ESC/POS receipt printer (the fake printer on loopback, the only device
// double) against the real server and emulator: a cash sale opens the drawer (audited at the
// server) and prints its receipt with the order number as Code 128 and QR and a cut; a card sale
// prints and never opens the drawer; a printer out of paper is said in words while the sale stays
// done, and Reprint prints it once paper is back; a reprint from the refund dialog is a COPY; a
// cash refund opens the drawer and prints the refund's receipt; the X report prints on the roll; a
// drawer left open shows in the status bar.

#include "commercestack.h"
#include "demousers.h"
#include "fakeescposprinter.h"
#include "flows/cashdrawer.h"
#include "flows/checkout.h"
#include "guitesting.h"
#include "hardware/escposprinter.h"
#include "mainwindow.h"
#include "receipts/rollprinter.h"
#include "refund/refunddialog.h"
#include "refund/refundlineseditor.h"
#include "sale/cartworkspace.h"
#include "sale/paymentpanel.h"
#include "secretservice.h"
#include "till/tillreportdialog.h"
#include "windowtesting.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>

using namespace storedesk;
using namespace storedesk::test;
using namespace storedesk::ui;
using storedesk::testing::EscPosDocument;
using storedesk::testing::FakeEscPosPrinter;

namespace {

const QString store = QStringLiteral("berlin-mitte");

bool hasPulse(const QList<EscPosDocument>& documents)
{
    for (const EscPosDocument& document : documents) {
        if (!document.pulses.isEmpty())
            return true;
    }
    return false;
}

} // namespace

class TestCounterPrinting : public QObject {
    Q_OBJECT

private:
    SecretService m_secrets;
    CommerceStack m_stack;
    TestConfig m_files;
    FakeEscPosPrinter m_device;
    std::unique_ptr<QSignalSpy> m_received; // every document the printer got, in order
    std::unique_ptr<MainWindow> m_window;
    QString m_cashOrder;

    PaymentPanel* panel() const { return m_window->paymentPanel(); }

    // Opens a new cart of one 12.34 line at the counter.
    void openNewCart()
    {
        const QString cartId = m_stack.newCart(store, 1);
        m_window->workspace()->openCart(cartId);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->checkout()->cartId() == cartId &&
                                     m_window->checkout()->balance().has_value(),
                                 20000);
    }

    void payCash(const QString& tendered)
    {
        QTest::keyClick(m_window.get(), Qt::Key_F11);
        QVERIFY(panel()->cashTendered()->hasFocus());
        typeSlowly(panel()->cashTendered(), tendered);
        QTest::keyClick(panel()->cashTendered(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->checkout()->order().has_value(), 30000);
    }

    // Waits for the next document with printed lines not taken yet and returns it.
    EscPosDocument nextPrinted()
    {
        for (;;) {
            if (m_received->isEmpty() && !m_received->wait(20000))
                return {};
            const EscPosDocument document = m_received->takeFirst().first().value<EscPosDocument>();
            if (!document.lines.isEmpty())
                return document;
        }
    }

    void nextCustomer()
    {
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(!m_window->checkout()->order().has_value());
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<EscPosDocument>();
        QVERIFY2(m_secrets.start(), qPrintable(m_secrets.errorString()));
        QVERIFY(m_device.listen());
        m_received = std::make_unique<QSignalSpy>(&m_device, &FakeEscPosPrinter::documentReceived);
        m_stack.setOpensTills(true); // cash only into an open till
        QVERIFY2(startDemoStack(m_stack, CommerceStack::defaultConfig()),
                 qPrintable(m_stack.errorString()));
        config::WorkstationConfig config = m_files.berlinTill1(m_stack.serverUrl());
        config.setValue(config::Field::ReceiptPrinter, m_device.address());
        config.setValue(config::Field::ReceiptPrinterColumns, 42);
        config.setValue(config::Field::CashDrawerPin, 2);
        config.setValue(config::Field::CashDrawerPulseMs, 200);
        m_window = std::make_unique<MainWindow>(std::move(config));
        QVERIFY(showAndStart(*m_window, QSize(1280, 760)));
        QVERIFY(logInThroughThePage(*m_window, anna));
        QVERIFY(m_window->receiptPrinter());
        QVERIFY(m_window->cashDrawer()->hasDrawer());
    }

    void cleanupTestCase() { m_window.reset(); }

    void aCashSaleOpensTheDrawerAndPrintsAScannableReceipt()
    {
        QSignalSpy audited(m_window->cashDrawer(), &flows::CashDrawer::auditFinished);
        openNewCart();
        payCash(QStringLiteral("20"));
        m_cashOrder = m_window->checkout()->order()->orderNumber;

        const EscPosDocument receipt = nextPrinted();
        QVERIFY2(receipt.errors.isEmpty(), qPrintable(receipt.errors.join(u'\n')));
        QVERIFY2(receipt.text().contains(m_cashOrder), qPrintable(receipt.text()));
        QCOMPARE(receipt.code128, QStringList{m_cashOrder});
        QCOMPARE(receipt.qrCodes, QStringList{m_cashOrder});
        QCOMPARE(receipt.cuts, 1);
        QVERIFY(receipt.pulses.isEmpty()); // the pulse is a job of its own
        for (const EscPosDocument::Line& line : receipt.lines)
            QVERIFY2(line.text.size() <= 42, qPrintable(line.text));

        // One pulse on pin 2, 200 ms, and its audit recorded at the server.
        QTRY_VERIFY_WITH_TIMEOUT(!audited.isEmpty(), 20000);
        QCOMPARE(audited.first().at(0).value<flows::CashDrawer::Reason>(),
                 flows::CashDrawer::Reason::CashSale);
        QCOMPARE(audited.first().at(2).toBool(), true);
        int pulses = 0;
        for (const EscPosDocument& document : m_device.documents()) {
            for (const hardware::DrawerPulse& pulse : document.pulses) {
                QCOMPARE(pulse.pin, 2);
                QCOMPARE(pulse.onMs, 200);
                ++pulses;
            }
        }
        QCOMPARE(pulses, 1);
        nextCustomer();
    }

    void aCardSaleNeverOpensTheDrawer()
    {
        const qsizetype before = m_device.documents().size();
        openNewCart();
        QTest::keyClick(m_window.get(), Qt::Key_F12);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->checkout()->order().has_value(), 30000);
        const QString order = m_window->checkout()->order()->orderNumber;
        // The receipt is the last thing the sale sends to the printer: once it is there, a pulse
        // would have been sent already.
        const EscPosDocument receipt = nextPrinted();
        QVERIFY2(receipt.text().contains(order), qPrintable(receipt.text()));
        QVERIFY(!hasPulse(m_device.documents().mid(before)));
        nextCustomer();
    }

    void paperOutIsSaidInWordsAndReprintedLater()
    {
        m_device.setCondition(FakeEscPosPrinter::Condition::PaperOut);
        QSignalSpy failed(m_window->rollPrinter(), &RollPrinter::failed);
        openNewCart();
        payCash(QStringLiteral("12.34"));
        const QString order = m_window->checkout()->order()->orderNumber;
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 20000);

        const QString words = hardware::EscPosPrinter::describe(hardware::PrinterProblem::PaperOut);
        QTRY_VERIFY(m_window->printProblem()->isVisible());
        QVERIFY2(m_window->printProblem()->text().contains(words),
                 qPrintable(m_window->printProblem()->text()));
        QVERIFY(m_window->reprintButton()->isVisible());
        // The sale is done all the same, and the next customer can be served.
        QCOMPARE(panel()->page(), PaymentPanel::Page::Done);
        nextCustomer();

        m_device.setCondition(FakeEscPosPrinter::Condition::Ready);
        QTest::mouseClick(m_window->reprintButton(), Qt::LeftButton);
        const EscPosDocument receipt = nextPrinted();
        QVERIFY2(receipt.text().contains(order), qPrintable(receipt.text()));
        QCOMPARE(receipt.code128, QStringList{order});
        QVERIFY(!receipt.text().contains(QStringLiteral("COPY"))); // it never reached the paper
        QTRY_VERIFY(!m_window->printProblem()->isVisible());
        QVERIFY(!m_window->reprintButton()->isVisible());
    }

    void aCashRefundOpensTheDrawerAndPrintsItsReceipt()
    {
        QVERIFY(!m_cashOrder.isEmpty());
        QSignalSpy audited(m_window->cashDrawer(), &flows::CashDrawer::auditFinished);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F6);
        QTRY_VERIFY(m_window->refundDialog() && m_window->refundDialog()->isVisible());
        RefundDialog* dialog = m_window->refundDialog();
        dialog->lookUp(m_cashOrder);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && dialog->hasOrder(), 20000);

        // The looked-up order's receipt again: a copy, on the roll, with its codes; no drawer.
        const qsizetype before = m_device.documents().size();
        QTest::mouseClick(dialog->reprintButton(), Qt::LeftButton);
        const EscPosDocument copy = nextPrinted();
        QVERIFY2(copy.text().contains(QStringLiteral("COPY")), qPrintable(copy.text()));
        QCOMPARE(copy.code128, QStringList{m_cashOrder});
        QVERIFY(!hasPulse(m_device.documents().mid(before)));

        dialog->lines()->quantityBox(0)->setValue(1);
        dialog->reason()->setCurrentIndex(0);
        QTest::mouseClick(dialog->refundButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->result().has_value(), 20000);

        const EscPosDocument receipt = nextPrinted();
        QVERIFY2(receipt.text().contains(m_cashOrder), qPrintable(receipt.text()));
        QVERIFY2(receipt.text().contains(QStringLiteral("REFUND")), qPrintable(receipt.text()));
        QTRY_VERIFY_WITH_TIMEOUT(!audited.isEmpty(), 20000);
        QCOMPARE(audited.first().at(0).value<flows::CashDrawer::Reason>(),
                 flows::CashDrawer::Reason::CashRefund);
        QCOMPARE(audited.first().at(2).toBool(), true);
        dialog->close();
    }

    void theXReportPrintsOnTheRoll()
    {
        m_window->requestXReport(); // the Till menu's X report (its keys: tst_tillday_gui)
        TillReportDialog* report = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (report = m_window->findChild<TillReportDialog*>()) && report->isVisible(), 20000);
        QCOMPARE(report->printButton()->text(), TillReportDialog::tr("&Print"));
        QTest::mouseClick(report->printButton(), Qt::LeftButton);
        const EscPosDocument printed = nextPrinted();
        QVERIFY2(printed.text().contains(QStringLiteral("X")), qPrintable(printed.text()));
        QCOMPARE(printed.cuts, 1);
        QVERIFY(printed.pulses.isEmpty());
        QTRY_VERIFY(!report->message()->text().isEmpty());
        report->close();
    }

    void aDrawerLeftOpenIsShownUntilItIsClosed()
    {
        QVERIFY(!m_window->drawerStatus()->isVisible());
        m_device.setDrawerOpen(true);
        m_window->receiptPrinter()->queryStatus();
        QTRY_VERIFY(m_window->drawerStatus()->isVisible());
        QCOMPARE(m_window->drawerStatus()->text(), MainWindow::tr("Cash drawer open"));
        m_device.setDrawerOpen(false);
        m_window->receiptPrinter()->queryStatus();
        QTRY_VERIFY(!m_window->drawerStatus()->isVisible());
    }
};

QTEST_MAIN(TestCounterPrinting)
#include "tst_counterprinting.moc"
