#include "api/apiclient.h"
#include "commercestack.h"
#include "common/keypad.h"
#include "common/managerapprovalpanel.h"
#include "common/scannerfilter.h"
#include "demousers.h"
#include "guitesting.h"
#include "mainwindow.h"
#include "receipts/receiptdesk.h"
#include "receipts/receiptdialog.h"
#include "refund/refunddialog.h"
#include "refund/refundlineseditor.h"
#include "refund/refundresultview.h"
#include "sale/cartworkspace.h"
#include "secretservice.h"
#include "session/loginpage.h"
#include "session/session.h"
#include "windowtesting.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLoggingCategory>
#include <QMutex>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTreeWidget>
#include <QUuid>

using namespace storedesk;
using namespace storedesk::test;
using namespace storedesk::ui;

namespace {

const QString store = QStringLiteral("berlin-mitte");
constexpr qint64 cupCents = 1234; // SD-1001, the espresso cup

QStringList g_appLog;
QMutex g_appLogMutex;
QtMessageHandler g_previousHandler = nullptr;

void keepAppLog(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        const QMutexLocker lock(&g_appLogMutex);
        g_appLog << message;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QJsonObject eur(qint64 cents)
{
    return {{QStringLiteral("centAmount"), cents},
            {QStringLiteral("currencyCode"), QStringLiteral("EUR")},
            {QStringLiteral("fractionDigits"), 2}};
}

QString money(qint64 cents)
{
    return Money::fromMinorUnits(cents, u"EUR")->toString(QLocale());
}

QByteArray newKey()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

// Passes requests on to the real server and drops every answer: a refund that reaches the server
// while its answer is lost on the way back.
class AnswerDroppingProxy : public QTcpServer {
public:
    explicit AnswerDroppingProxy(QUrl target)
        : m_target(std::move(target))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* client = nextPendingConnection()) {
                auto* upstream = new QTcpSocket(client);
                upstream->connectToHost(m_target.host(), quint16(m_target.port()));
                upstream->waitForConnected(5000); // loopback: at once
                connect(client, &QTcpSocket::readyRead, upstream,
                        [client, upstream] { upstream->write(client->readAll()); });
                connect(upstream, &QTcpSocket::readyRead, upstream,
                        [upstream] { upstream->readAll(); });
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            }
        });
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }

private:
    QUrl m_target;
};

} // namespace

// Refunds at the till against the real server and emulator: a partial refund and its repeat, a
// refund above the store's limit that a manager approves inline (a wrong secret first), an order
// that does not exist, a lost answer that is checked rather than paid twice, and the dialog by
// keyboard alone.
class TestRefundFlow : public QObject {
    Q_OBJECT

private:
    SecretService m_secrets;
    CommerceStack m_stack;
    TestConfig m_files;
    std::unique_ptr<MainWindow> m_window;
    QByteArray m_apiToken;       // anna at till 2, for making orders through the API
    QJsonObject m_partialOrder;  // 3 cups
    QJsonObject m_approvalOrder; // 5 cups: 61.70, above the 50.00 limit
    QJsonObject m_lostAnswerOrder;
    QJsonObject m_keyboardOrder;
    QJsonObject m_closedOrder; // refunded, closed, and looked up again
    QJsonObject m_openOrder;   // a refund whose outcome is open when the dialog is closed

    RefundDialog* dialog() const { return m_window->refundDialog(); }

    // A cart of `units` cups, paid in cash and ordered through storedesk-server.
    QJsonObject placeCashOrder(int units)
    {
        const QString cartId = m_stack.newCart(store, units);
        const auto paid = m_stack.call(
            "POST", QStringLiteral("/stores/%1/carts/%2/payments").arg(store, cartId),
            QJsonDocument(QJsonObject{{QStringLiteral("tender"), QStringLiteral("cash")},
                                      {QStringLiteral("amount"), eur(cupCents * units)}})
                .toJson(QJsonDocument::Compact),
            m_apiToken, {{"Idempotency-Key", newKey()}});
        if (paid.status != 201)
            return {};
        const qint64 version =
            m_stack.emulatorGet(QStringLiteral("in-store/key=%1/carts/%2").arg(store, cartId))
                .value(QStringLiteral("version"))
                .toInteger();
        const auto placed =
            m_stack.call("POST", QStringLiteral("/stores/%1/carts/%2/order").arg(store, cartId),
                         QJsonDocument(QJsonObject{{QStringLiteral("cartVersion"), version}})
                             .toJson(QJsonDocument::Compact),
                         m_apiToken, {{"Idempotency-Key", newKey()}});
        return placed.status == 201 ? placed.body : QJsonObject();
    }

    static QString numberOf(const QJsonObject& order)
    {
        return order.value(QStringLiteral("orderNumber")).toString();
    }

    // The Refund transactions commercetools holds on the order's payments, in cents.
    QList<qint64> refundsInCommercetools(const QJsonObject& order)
    {
        QList<qint64> refunds;
        const QJsonObject current = m_stack.emulatorGet(
            QStringLiteral("orders/") + order.value(QStringLiteral("id")).toString());
        for (const QJsonValue& reference : current.value(QStringLiteral("paymentInfo"))
                                               .toObject()
                                               .value(QStringLiteral("payments"))
                                               .toArray()) {
            const QJsonObject payment =
                m_stack.emulatorGet(QStringLiteral("payments/") +
                                    reference.toObject().value(QStringLiteral("id")).toString());
            for (const QJsonValue& transaction :
                 payment.value(QStringLiteral("transactions")).toArray()) {
                const QJsonObject t = transaction.toObject();
                if (t.value(QStringLiteral("type")) == QStringLiteral("Refund"))
                    refunds << t.value(QStringLiteral("amount"))
                                   .toObject()
                                   .value(QStringLiteral("centAmount"))
                                   .toInteger();
            }
        }
        return refunds;
    }

    int returnInfosInCommercetools(const QJsonObject& order)
    {
        return int(m_stack
                       .emulatorGet(QStringLiteral("orders/") +
                                    order.value(QStringLiteral("id")).toString())
                       .value(QStringLiteral("returnInfo"))
                       .toArray()
                       .size());
    }

    void openDialog()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F6);
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(dialog()));
    }

    void lookUpAndWait(const QString& text)
    {
        dialog()->lookUp(text);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog()->isBusy(), 20000);
    }

    // Sends keys the way a keyboard-wedge scanner does: all at once, then Enter.
    static void scan(QWidget* target, const QString& code)
    {
        for (const QChar c : code)
            QTest::keyClick(target, c.toLatin1());
        QTest::keyClick(target, Qt::Key_Return);
    }

    // A key as the keyboard sends it: to whatever has the focus, shortcuts included.
    static void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(static_cast<QWidget*>(nullptr), Qt::Key(key), modifiers);
    }

    static void typeAtHumanSpeed(const QString& text)
    {
        for (const QChar c : text)
            QTest::keyClick(static_cast<QWidget*>(nullptr), c.toLatin1(), Qt::NoModifier,
                            3 * testScannerGapMs);
        QTest::qWait(2 * testScannerGapMs);
    }

    void chooseAndRefund(int quantity, int reasonIndex)
    {
        dialog()->lines()->quantityBox(0)->setValue(quantity);
        dialog()->reason()->setCurrentIndex(reasonIndex);
        QTest::mouseClick(dialog()->refundButton(), Qt::LeftButton);
    }

private slots:
    void initTestCase()
    {
        // Everything the app logs at any level, to check that no secret is in it.
        QLoggingCategory::setFilterRules(QStringLiteral("storedesk.*.debug=true"));
        g_previousHandler = qInstallMessageHandler(keepAppLog);
        QVERIFY2(m_secrets.start(), qPrintable(m_secrets.errorString()));
        // Above 50.00 a refund needs a manager (the server's default, said here on purpose).
        QJsonObject config = CommerceStack::defaultConfig();
        QJsonArray stores = config.value(QStringLiteral("stores")).toArray();
        QJsonObject berlin = stores.first().toObject();
        QCOMPARE(berlin.value(QStringLiteral("key")).toString(), store);
        berlin.insert(QStringLiteral("refundApprovalAbove"), 5000);
        stores.replace(0, berlin);
        config.insert(QStringLiteral("stores"), stores);
        // Cash is taken only into an open till (docs/TILL.md): the stack opens them.
        m_stack.setOpensTills(true);
        QVERIFY2(startDemoStack(m_stack, config), qPrintable(m_stack.errorString()));

        m_apiToken =
            m_stack.logIn(QString::fromLatin1(anna.username), QString::fromLatin1(anna.secret),
                          store, QStringLiteral("berlin-mitte-till-2"));
        QVERIFY(!m_apiToken.isEmpty());
        m_partialOrder = placeCashOrder(3);
        m_approvalOrder = placeCashOrder(5);
        m_lostAnswerOrder = placeCashOrder(2);
        m_keyboardOrder = placeCashOrder(2);
        m_closedOrder = placeCashOrder(2);
        m_openOrder = placeCashOrder(2);
        for (const QJsonObject* order : {&m_partialOrder, &m_approvalOrder, &m_lostAnswerOrder,
                                         &m_keyboardOrder, &m_closedOrder, &m_openOrder})
            QVERIFY(!numberOf(*order).isEmpty());

        m_window = std::make_unique<MainWindow>(m_files.berlinTill1(m_stack.serverUrl()));
        QVERIFY(showAndStart(*m_window));
        QVERIFY(logInThroughThePage(*m_window, anna));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        qInstallMessageHandler(g_previousHandler);
        const QByteArray managerSecret(max.secret);
        QVERIFY2(!m_stack.serverLog().contains(managerSecret),
                 "the manager's secret reached the server's log");
        const QMutexLocker lock(&g_appLogMutex);
        for (const QString& line : std::as_const(g_appLog))
            QVERIFY2(!line.contains(QString::fromLatin1(managerSecret)),
                     "the manager's secret reached the app's log");
    }

    void unknownOrderSaysSo()
    {
        openDialog();
        lookUpAndWait(QStringLiteral("berlin-mitte-999999"));
        QVERIFY(!dialog()->hasOrder());
        QVERIFY2(dialog()->message()->text().contains(
                     QStringLiteral("There is no order with this number in this store.")),
                 qPrintable(dialog()->message()->text()));
        // An order of another store is not found here either.
        lookUpAndWait(QStringLiteral("hamburg-hafen-000001"));
        QVERIFY(!dialog()->hasOrder());
        QVERIFY(dialog()->message()->text().contains(QStringLiteral("no order with this number")));
        lookUpAndWait(QStringLiteral("not an order!"));
        QVERIFY(dialog()->message()->text().contains(QStringLiteral("not an order number")));
    }

    void partialRefundOfOneUnit()
    {
        openDialog();
        QSignalSpy completed(dialog(), &RefundDialog::refundCompleted);
        // Scanned from the receipt, wherever the focus is.
        dialog()->lookUpButton()->setFocus();
        QTRY_VERIFY(dialog()->lookUpButton()->hasFocus());
        scan(dialog()->lookUpButton(), numberOf(m_partialOrder));
        QTRY_VERIFY_WITH_TIMEOUT(dialog()->hasOrder(), 20000);
        QCOMPARE(dialog()->orderNumber()->text(), numberOf(m_partialOrder));
        RefundLinesEditor* lines = dialog()->lines();
        QCOMPARE(lines->rowCount(), 1);
        QCOMPARE(lines->text(0, RefundLinesEditor::Name), QStringLiteral("Espressotasse"));
        QCOMPARE(lines->text(0, RefundLinesEditor::Bought), QStringLiteral("3"));
        QCOMPARE(lines->text(0, RefundLinesEditor::Refunded), QStringLiteral("0"));
        QCOMPARE(lines->text(0, RefundLinesEditor::Refundable), QStringLiteral("3"));
        QCOMPARE(lines->quantityBox(0)->maximum(), 3);

        // Nothing chosen: the Refund button explains instead of sending.
        QTest::mouseClick(dialog()->refundButton(), Qt::LeftButton);
        QVERIFY(!dialog()->isBusy());
        QVERIFY(dialog()->message()->text().contains(QStringLiteral("how many")));

        lines->quantityBox(0)->setValue(1);
        QVERIFY(dialog()->total()->text().contains(money(cupCents)));
        chooseAndRefund(1, 0);
        QTRY_VERIFY_WITH_TIMEOUT(dialog()->result().has_value(), 20000);
        QVERIFY(dialog()->resultView()->isVisible());
        QTreeWidget* tenders = dialog()->resultView()->tenders();
        QCOMPARE(tenders->topLevelItemCount(), 1);
        QCOMPARE(tenders->topLevelItem(0)->text(0), QStringLiteral("Cash"));
        QCOMPARE(tenders->topLevelItem(0)->text(1), money(cupCents));
        QCOMPARE(tenders->topLevelItem(0)->text(2), QStringLiteral("Refunded"));
        QCOMPARE(completed.count(), 1);
        QCOMPARE(dialog()->result()->reason, QStringLiteral("damaged"));
        QCOMPARE(refundsInCommercetools(m_partialOrder), QList<qint64>{cupCents});

        // Done; the same order again shows what is left.
        QTest::mouseClick(dialog()->resultView()->doneButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog()->isVisible());
        openDialog();
        lookUpAndWait(QStringLiteral("  ") + numberOf(m_partialOrder) + QStringLiteral(" \n"));
        QVERIFY(dialog()->hasOrder());
        QCOMPARE(lines->text(0, RefundLinesEditor::Refunded), QStringLiteral("1"));
        QCOMPARE(lines->text(0, RefundLinesEditor::Refundable), QStringLiteral("2"));
        QCOMPARE(lines->quantityBox(0)->maximum(), 2);

        // The same choice once more is a second refund, not a replay of the first.
        chooseAndRefund(1, 0);
        QTRY_VERIFY_WITH_TIMEOUT(dialog()->result().has_value(), 20000);
        QCOMPARE(completed.count(), 2);
        QCOMPARE(refundsInCommercetools(m_partialOrder), (QList<qint64>{cupCents, cupCents}));
        QTest::mouseClick(dialog()->resultView()->doneButton(), Qt::LeftButton);
        openDialog();
        lookUpAndWait(numberOf(m_partialOrder));
        QCOMPARE(lines->text(0, RefundLinesEditor::Refundable), QStringLiteral("1"));
        dialog()->close();
    }

    void refundAboveTheLimitNeedsAManager()
    {
        const QByteArray token = m_window->client()->accessToken();
        const QString who = m_window->userStatus()->text();
        openDialog();
        lookUpAndWait(numberOf(m_approvalOrder));
        QVERIFY(dialog()->hasOrder());
        chooseAndRefund(5, 2);
        ManagerApprovalPanel* approval = dialog()->approvalPanel();
        QTRY_VERIFY_WITH_TIMEOUT(approval->isVisible(), 20000);
        QVERIFY(dialog()->isAwaitingApproval());
        QVERIFY2(approval->explanation()->text().contains(money(5 * cupCents)),
                 qPrintable(approval->explanation()->text()));
        QVERIFY(!dialog()->lines()->isEnabled()); // the refund being approved stays as it is
        QCOMPARE(returnInfosInCommercetools(m_approvalOrder), 0);

        // A wrong secret: refused, the panel stays, nothing refunded.
        QTRY_VERIFY(approval->username()->hasFocus());
        QTest::keyClicks(approval->username(), QString::fromLatin1(max.username));
        QTest::keyClick(approval->username(), Qt::Key_Tab);
        QTRY_COMPARE(approval->username()->text(), QString::fromLatin1(max.username));
        QVERIFY(approval->secret()->hasFocus());
        QTest::keyClicks(approval->secret(), QStringLiteral("wrong-secret"));
        QTest::keyClick(approval->secret(), Qt::Key_Return);
        QVERIFY(approval->secret()->text().isEmpty()); // wiped as soon as it is sent
        QTRY_VERIFY_WITH_TIMEOUT(!dialog()->isBusy(), 20000);
        QVERIFY(approval->isVisible());
        QVERIFY(dialog()->isAwaitingApproval());
        QVERIFY(!dialog()->result());
        QVERIFY2(
            approval->findChild<QLabel*>(QStringLiteral("approvalProblem"))
                ->text()
                .contains(QStringLiteral("refused")),
            qPrintable(approval->findChild<QLabel*>(QStringLiteral("approvalProblem"))->text()));
        QCOMPARE(returnInfosInCommercetools(m_approvalOrder), 0);
        QCOMPARE(refundsInCommercetools(m_approvalOrder), QList<qint64>{});

        // max's secret: refunded once, approved by max.
        QVERIFY(approval->secret()->hasFocus());
        QTest::keyClicks(approval->secret(), QString::fromLatin1(max.secret));
        QTest::keyClick(approval->secret(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(dialog()->result().has_value(), 20000);
        QCOMPARE(dialog()->result()->approvedBy, QString::fromLatin1(max.username));
        QVERIFY(!approval->isVisible());
        QVERIFY(dialog()->resultView()->summary()->text().contains(QStringLiteral("max")));
        QCOMPARE(dialog()->resultView()->tenders()->topLevelItem(0)->text(1), money(5 * cupCents));
        QCOMPARE(refundsInCommercetools(m_approvalOrder), QList<qint64>{5 * cupCents});
        QCOMPARE(returnInfosInCommercetools(m_approvalOrder), 1);

        // Nobody was logged out or in: anna's session is the one she started with.
        QVERIFY(m_window->session()->isLoggedIn());
        QCOMPARE(m_window->session()->info()->username, QString::fromLatin1(anna.username));
        QCOMPARE(m_window->client()->accessToken(), token);
        QCOMPARE(m_window->userStatus()->text(), who);
        QTest::mouseClick(dialog()->resultView()->doneButton(), Qt::LeftButton);
    }

    // A refund whose outcome is open is not dropped by Close: the next F6 shows it with Check
    // outcome, which asks with the same key — refunded once.
    void anOpenOutcomeOutlivesClose()
    {
        openDialog();
        lookUpAndWait(numberOf(m_openOrder));
        QVERIFY(dialog()->hasOrder());
        const QUrl real = m_window->client()->serverUrl();
        QTcpServer closed; // a port nobody answers on
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        m_window->client()->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        chooseAndRefund(1, 0);
        QTRY_VERIFY_WITH_TIMEOUT(dialog()->isOutcomeUnknown(), 20000);
        QVERIFY(dialog()->message()->text().contains(QStringLiteral("not known")));
        QCOMPARE(dialog()->message()->property("tone").toString(), QStringLiteral("warning"));
        auto* close = dialog()->findChild<QPushButton*>(QStringLiteral("refundCloseButton"));
        QTest::mouseClick(close, Qt::LeftButton);
        QTRY_VERIFY(!dialog()->isVisible());

        m_window->client()->setServerUrl(real);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        press(Qt::Key_F6);
        QTRY_VERIFY(dialog()->isVisible());
        QVERIFY(dialog()->isOutcomeUnknown());
        QCOMPARE(dialog()->orderNumber()->text(), numberOf(m_openOrder));
        QVERIFY(dialog()->refundButton()->isVisible());
        QTRY_VERIFY(dialog()->refundButton()->hasFocus()); // Check outcome
        QCOMPARE(dialog()->refundButton()->accessibleName(), QStringLiteral("Check outcome"));
        // Another order cannot replace it.
        dialog()->lookUp(numberOf(m_keyboardOrder));
        QVERIFY(dialog()->isOutcomeUnknown());
        QVERIFY(dialog()->message()->text().contains(QStringLiteral("before looking up")));
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(dialog()->result().has_value(), 20000);
        QCOMPARE(refundsInCommercetools(m_openOrder), QList<qint64>{cupCents});
        QCOMPARE(returnInfosInCommercetools(m_openOrder), 1);
        QTest::mouseClick(dialog()->resultView()->doneButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog()->isVisible());
    }

    void lostAnswerIsCheckedNotPaidTwice()
    {
        openDialog();
        lookUpAndWait(numberOf(m_lostAnswerOrder));
        QVERIFY(dialog()->hasOrder());
        const QUrl real = m_window->client()->serverUrl();
        AnswerDroppingProxy proxy(real);
        QVERIFY(proxy.listen(QHostAddress::LocalHost));
        m_window->client()->setServerUrl(proxy.url());
        chooseAndRefund(1, 0);
        QVERIFY(dialog()->isBusy());
        // The server refunded; its answer never arrives.
        QTRY_COMPARE_WITH_TIMEOUT(refundsInCommercetools(m_lostAnswerOrder),
                                  QList<qint64>{cupCents}, 20000);
        QTRY_VERIFY(dialog()->cancelButton()->isVisible());
        m_window->client()->setServerUrl(real);
        QTest::mouseClick(dialog()->cancelButton(), Qt::LeftButton);
        // Cancel asks again with the same key: the server tells the outcome of the first try.
        QTRY_VERIFY_WITH_TIMEOUT(dialog()->result().has_value(), 20000);
        QCOMPARE(dialog()->result()->amount, *Money::fromMinorUnits(cupCents, u"EUR"));
        QCOMPARE(refundsInCommercetools(m_lostAnswerOrder), QList<qint64>{cupCents});
        QCOMPARE(returnInfosInCommercetools(m_lostAnswerOrder), 1);
        QTest::mouseClick(dialog()->resultView()->doneButton(), Qt::LeftButton);
    }

    void everyControlHasAnAccessibleName()
    {
        openDialog();
        lookUpAndWait(numberOf(m_keyboardOrder));
        QVERIFY(dialog()->hasOrder());
        const QStringList missing = controlsWithoutAccessibleName(dialog());
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
        const QStringList window = controlsWithoutAccessibleName(m_window.get());
        QVERIFY2(window.isEmpty(), qPrintable(window.join(QStringLiteral(", "))));
        // Product names are text, never markup.
        for (const QLabel* label : dialog()->findChildren<QLabel*>())
            QVERIFY2(label->textFormat() == Qt::PlainText ||
                         !label->text().contains(QLatin1Char('<')),
                     qPrintable(label->objectName()));
        dialog()->close();
    }

    void keyboardOnlyRefund()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        press(Qt::Key_F6);
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(dialog()));
        QSignalSpy printed(dialog(), &RefundDialog::refundReceiptRequested);
        QTRY_VERIFY(dialog()->orderNumber()->hasFocus()); // and its old text selected
        typeAtHumanSpeed(numberOf(m_keyboardOrder));
        QCOMPARE(dialog()->orderNumber()->text(), numberOf(m_keyboardOrder));
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(dialog()->hasOrder() && !dialog()->isBusy(), 20000);
        QTRY_VERIFY(dialog()->lines()->quantityBox(0)->hasFocus());
        press(Qt::Key_Up);
        QCOMPARE(dialog()->lines()->quantityBox(0)->value(), 1);
        // Enter in a quantity moves on; it never refunds.
        press(Qt::Key_Return);
        QVERIFY(!dialog()->isBusy());
        QVERIFY(dialog()->reason()->hasFocus());
        press(Qt::Key_Down);
        QCOMPARE(dialog()->reason()->currentData().toString(), QStringLiteral("damaged"));
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(dialog()->refundButton()));
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(dialog()->result().has_value(), 20000);
        QCOMPARE(refundsInCommercetools(m_keyboardOrder), QList<qint64>{cupCents});
        // Mnemonics: Alt+P prints the refund receipt, Alt+D finishes.
        press(Qt::Key_P, Qt::AltModifier);
        QTRY_COMPARE(printed.count(), 1); // a mnemonic clicks the button animated, a moment later
        // The refund receipt opens over the dialog, made from the order and the refund.
        QTRY_VERIFY(m_window->receipts()->lastDialog() &&
                    m_window->receipts()->lastDialog()->isVisible());
        ReceiptDialog* receipt = m_window->receipts()->lastDialog();
        const QString slip = receipt->text()->toPlainText();
        QVERIFY2(slip.contains(numberOf(m_keyboardOrder)), qPrintable(slip));
        // The till roll lays amounts out with plain spaces.
        QVERIFY2(slip.contains(Money::fromMinorUnits(cupCents, u"EUR")
                                   ->toString(QLocale())
                                   .replace(QChar(0x00A0), u' ')),
                 qPrintable(slip));
        QVERIFY2(slip.contains(QStringLiteral("Damaged or faulty")), qPrintable(slip));
        QVERIFY(QTest::qWaitForWindowActive(receipt));
        press(Qt::Key_Escape);
        QTRY_VERIFY(!m_window->receipts()->lastDialog()); // closed, and gone
        dialog()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog()));
        press(Qt::Key_D, Qt::AltModifier);
        QTRY_VERIFY(!dialog()->isVisible());

        // Escape closes the dialog; F6 brings it back with the focus on the order number.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        press(Qt::Key_F6);
        QTRY_VERIFY(dialog()->isVisible() && dialog()->orderNumber()->hasFocus());
        press(Qt::Key_Escape);
        QTRY_VERIFY(!dialog()->isVisible());
    }

    // Issue 14: after a refund and Close, the next F6 showed the last customer's result, typed
    // order numbers went nowhere and Enter opened the old receipt.
    void closeAfterARefundStartsTheNextOneAfresh()
    {
        openDialog();
        lookUpAndWait(numberOf(m_closedOrder));
        QVERIFY(dialog()->hasOrder());
        chooseAndRefund(1, 0);
        QTRY_VERIFY_WITH_TIMEOUT(dialog()->result().has_value(), 20000);
        auto* close = dialog()->findChild<QPushButton*>(QStringLiteral("refundCloseButton"));
        QVERIFY(close && close->isVisible());
        QTest::mouseClick(close, Qt::LeftButton);
        QTRY_VERIFY(!dialog()->isVisible());

        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        press(Qt::Key_F6);
        QTRY_VERIFY(dialog()->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(dialog()));
        // An empty lookup: no result, no order, no old number.
        QVERIFY(!dialog()->result());
        QVERIFY(!dialog()->hasOrder());
        QVERIFY(!dialog()->resultView()->isVisible());
        QVERIFY(!dialog()->lines()->isVisible());
        QVERIFY(dialog()->orderNumber()->text().isEmpty());
        QTRY_VERIFY(dialog()->orderNumber()->hasFocus());

        // A typed number and Enter look the order up; no old receipt opens.
        QSignalSpy printed(dialog(), &RefundDialog::refundReceiptRequested);
        typeAtHumanSpeed(numberOf(m_closedOrder));
        QCOMPARE(dialog()->orderNumber()->text(), numberOf(m_closedOrder));
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(dialog()->hasOrder() && !dialog()->isBusy(), 20000);
        QCOMPARE(dialog()->lines()->text(0, RefundLinesEditor::Refunded), QStringLiteral("1"));
        QCOMPARE(dialog()->lines()->text(0, RefundLinesEditor::Refundable), QStringLiteral("1"));
        QCOMPARE(printed.count(), 0);
        QVERIFY(!m_window->receipts()->lastDialog());
        QCOMPARE(refundsInCommercetools(m_closedOrder), QList<qint64>{cupCents});
        dialog()->close();
    }

    // Issue 14: a touch-only till chooses units with the keypad; quantities are touch targets and
    // each state has one primary action.
    void touchChoosesUnitsWithTheKeypad()
    {
        openDialog();
        QCOMPARE(dialog()->lookUpButton()->property("role").toString(), QStringLiteral("primary"));
        lookUpAndWait(numberOf(m_closedOrder)); // one cup left to refund
        QVERIFY(dialog()->hasOrder());
        QSpinBox* quantity = dialog()->lines()->quantityBox(0);
        QTRY_VERIFY(quantity->hasFocus());
        QVERIFY2(quantity->height() >= 44, qPrintable(QString::number(quantity->height())));
        QVERIFY(dialog()->keypad()->isVisible());
        for (const Qt::Key decimal : {Qt::Key_Comma, Qt::Key_Period}) {
            if (QPushButton* key = dialog()->keypad()->key(decimal))
                QVERIFY(!key->isVisible()); // units are whole
        }
        // The 0 is selected, so a tapped digit replaces it.
        QTRY_VERIFY(quantity->findChild<QLineEdit*>()->hasSelectedText());
        QTest::mouseClick(dialog()->keypad()->key(Qt::Key_1), Qt::LeftButton);
        QTRY_COMPARE(quantity->value(), 1);
        QCOMPARE(dialog()->draft().quantity(dialog()->lines()->lineId(0)), 1);
        QVERIFY(dialog()->total()->text().contains(money(cupCents)));
        QVERIFY(quantity->hasFocus()); // the keys never take it
        // With an order shown, Refund is the one primary action.
        QCOMPARE(dialog()->refundButton()->property("role").toString(), QStringLiteral("primary"));
        QVERIFY(dialog()->lookUpButton()->property("role").toString().isEmpty());
        QVERIFY(!dialog()->isBusy());
        dialog()->close();
        QCOMPARE(refundsInCommercetools(m_closedOrder), QList<qint64>{cupCents});
    }

    void logoutClosesAndForgetsTheDialog()
    {
        openDialog();
        lookUpAndWait(numberOf(m_keyboardOrder));
        QVERIFY(dialog()->hasOrder());
        m_window->logOut();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->pages()->currentWidget(),
                                  static_cast<QWidget*>(m_window->loginPage()), 20000);
        QTRY_VERIFY(!dialog());
    }
};

QTEST_MAIN(TestRefundFlow)
#include "tst_refundflow.moc"
