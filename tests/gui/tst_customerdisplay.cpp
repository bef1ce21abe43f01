// The customer display following the counter against the real server and emulator:
// a cash sale with change (the cart, then the change in display type and the thank-you with the
// order number, then the welcome for the next customer), and a cash refund of that order. The
// offscreen platform has two named screens (tests/gui/twoscreens.json): the counter's and the
// customer's, which the workstation's CustomerDisplayScreen names.

#include "commercestack.h"
#include "common/style.h"
#include "customer/customerdisplay.h"
#include "demousers.h"
#include "flows/checkout.h"
#include "flows/customerview.h"
#include "guitesting.h"
#include "mainwindow.h"
#include "refund/refunddialog.h"
#include "refund/refundlineseditor.h"
#include "sale/cartworkspace.h"
#include "sale/paymentpanel.h"
#include "secretservice.h"
#include "windowtesting.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QStackedWidget>

using namespace storedesk;
using namespace storedesk::test;
using namespace storedesk::ui;
using State = flows::CustomerView::State;

namespace {

const QString store = QStringLiteral("berlin-mitte");

// The customer's screen beside the counter's (tests/gui/twoscreens.json gives the offscreen
// platform two named screens; its default one has no name).
QScreen* customerScreen()
{
    for (QScreen* screen : QGuiApplication::screens()) {
        if (screen->name() == QLatin1StringView("CUSTOMER-1"))
            return screen;
    }
    return nullptr;
}

QString eur(qint64 cents)
{
    return Money::fromMinorUnits(cents, u"EUR")->toString(QLocale());
}

} // namespace

class TestCustomerDisplay : public QObject {
    Q_OBJECT

private:
    SecretService m_secrets;
    CommerceStack m_stack;
    TestConfig m_files;
    std::unique_ptr<MainWindow> m_window;
    QString m_orderNumber;

    CustomerDisplay* display() const { return m_window->customerDisplay(); }
    flows::CustomerView* view() const { return m_window->customerView(); }

private slots:
    void initTestCase()
    {
        QVERIFY2(customerScreen(), "run with QT_QPA_PLATFORM=offscreen:configfile=twoscreens.json");
        QVERIFY2(m_secrets.start(), qPrintable(m_secrets.errorString()));
        m_stack.setOpensTills(true); // cash only into an open till
        QVERIFY2(startDemoStack(m_stack, CommerceStack::defaultConfig()),
                 qPrintable(m_stack.errorString()));
        config::WorkstationConfig config = m_files.berlinTill1(m_stack.serverUrl());
        config.setValue(config::Field::CustomerDisplayScreen, customerScreen()->name());
        m_window = std::make_unique<MainWindow>(std::move(config));
        QVERIFY(showAndStart(*m_window, QSize(1280, 760)));
        QVERIFY(logInThroughThePage(*m_window, anna));
    }

    void cleanupTestCase() { m_window.reset(); }

    void theDisplayFollowsACashSaleWithChange()
    {
        QVERIFY(display());
        QTRY_VERIFY(display()->isVisible());
        QCOMPARE(display()->screen(), customerScreen());
        QVERIFY(customerScreen()->geometry().contains(display()->geometry()));
        QVERIFY(!m_window->screen()->geometry().intersects(display()->geometry()));
        QCOMPARE(display()->focusPolicy(), Qt::NoFocus);
        QVERIFY(display()->heading()->text().contains(view()->storeName()));

        const QString cartId = m_stack.newCart(store, 1); // 12.34
        m_window->workspace()->openCart(cartId);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->checkout()->cartId() == cartId &&
                                     m_window->checkout()->balance().has_value(),
                                 20000);
        QTRY_COMPARE(view()->state(), State::Cart);
        QTRY_COMPARE(display()->shownLines().size(), 1);
        QCOMPARE(display()->shownLines().first().at(2)->text(), eur(1234));
        QVERIFY(display()->total()->text().contains(eur(1234)));

        // 20 € in cash, by keyboard at the counter.
        QTest::keyClick(m_window.get(), Qt::Key_F11);
        PaymentPanel* panel = m_window->paymentPanel();
        QVERIFY(panel->cashTendered()->hasFocus());
        typeSlowly(panel->cashTendered(), QStringLiteral("20"));
        // What the colleague types is not the customer's to see.
        QCOMPARE(view()->state(), State::Cart);
        QTest::keyClick(panel->cashTendered(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->checkout()->order().has_value(), 30000);
        m_orderNumber = m_window->checkout()->order()->orderNumber;

        // The change in display type, with the thank-you and the order number.
        QTRY_COMPARE(view()->state(), State::ThankYou);
        QVERIFY(display()->changeDue()->isVisible());
        QCOMPARE(display()->changeDue()->text(), eur(766));
        QCOMPARE(display()->changeDue()->property("role").toString(), QStringLiteral("display"));
        QVERIFY(display()->orderNumber()->isVisible());
        QVERIFY2(display()->orderNumber()->text().contains(m_orderNumber),
                 qPrintable(display()->orderNumber()->text()));

        // Next customer: the welcome.
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        QTRY_COMPARE(view()->state(), State::Idle);
        QVERIFY(display()->shownLines().isEmpty());
        QVERIFY(!display()->changeDue()->isVisible());
    }

    void theDisplayShowsARefund()
    {
        QVERIFY(!m_orderNumber.isEmpty());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F6);
        QTRY_VERIFY(m_window->refundDialog() && m_window->refundDialog()->isVisible());
        RefundDialog* dialog = m_window->refundDialog();
        dialog->lookUp(m_orderNumber);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && dialog->hasOrder(), 20000);
        QCOMPARE(view()->state(), State::Idle); // looking an order up shows nothing
        dialog->lines()->quantityBox(0)->setValue(1);
        dialog->reason()->setCurrentIndex(0);
        QTest::mouseClick(dialog->refundButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->result().has_value(), 20000);
        QTRY_COMPARE(view()->state(), State::Refund);
        QCOMPARE(display()->refundAmount()->text(), eur(1234));
        QVERIFY(display()->refundAmount()->isVisible());
        QVERIFY(display()->heading()->isVisible());
        dialog->close();
    }
};

QTEST_MAIN(TestCustomerDisplay)
#include "tst_customerdisplay.moc"
