// The payment panel's defects of issue 14, on real widgets with the app's style sheet and a real
// flows::Checkout against the scripted server (FakeNetwork): fast keys before F12, the change due
// that must stay, tenders and figures for the counter, quick cash, the decline reason and the
// decimals message in German, and the tones of each state. The screens themselves are audited and
// rendered by tst_layoutaudit (tests/gui/audit/paymentscreens.cpp).

#include "audit/paymentstage.h"
#include "common/keypad.h"
#include "common/scannerfilter.h"
#include "common/style.h"
#include "common/translations.h"
#include "flows/declinereason.h"

#include <QAction>
#include <QApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace storedesk;
using namespace storedesk::test;
using storedesk::ui::PaymentPanel;

namespace {

QString eur(qint64 cents)
{
    return Money::fromMinorUnits(cents, u"EUR")->toString(QLocale());
}

QString toneOf(const QWidget* widget)
{
    return widget->property("tone").toString();
}

QString roleOf(const QWidget* widget)
{
    return widget->property("role").toString();
}

} // namespace

class TestPaymentScreens : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<PaymentStage> m_stage;

    PaymentPanel* panel() const { return m_stage->panel; }

    void open()
    {
        m_stage = std::make_unique<PaymentStage>(QSize(1024, 768));
        m_stage->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_stage.get()));
        QVERIFY(m_stage->openCart());
        QCOMPARE(panel()->page(), PaymentPanel::Page::Tender);
    }

    void useLanguage(const QString& name)
    {
        for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QLocale::setDefault(QLocale(name));
        if (name != QLatin1StringView("C"))
            QVERIFY(ui::installTranslations(qApp, QLocale(name)));
    }

    // The cents of the payments the panel asked the server for.
    QList<qint64> paymentsAsked() const
    {
        QList<qint64> cents;
        for (const FakeRequest& request : m_stage->network->requests()) {
            if (request.method != "POST" || !request.path.endsWith(u"/payments"))
                continue;
            cents << QJsonDocument::fromJson(request.body)
                         .object()
                         .value(QStringLiteral("amount"))
                         .toObject()
                         .value(QStringLiteral("centAmount"))
                         .toInteger();
        }
        return cents;
    }

private slots:
    void initTestCase() { ui::style::install(qApp); }

    void cleanup()
    {
        m_stage.reset();
        useLanguage(QStringLiteral("C"));
    }

    // "31.15 while 10 is in flight": keys a programmable keyboard types just before F12 are
    // still held by the scanner filter when F12 acts. They must reach the field first, and the
    // amount they made must not be charged unseen: shown, and charged on the next F12.
    void fastKeysBeforeF12AreShownNotCharged()
    {
        open();
        ui::ScannerFilter filter;
        filter.setMaxGapMs(100); // wider than the keys below are apart, on a loaded machine too
        filter.setEnabled(true);
        auto* payByCard = new QAction(m_stage.get()); // as the main window's Payment menu
        payByCard->setShortcut(QKeySequence(Qt::Key_F12));
        payByCard->setShortcutContext(Qt::ApplicationShortcut);
        m_stage->addAction(payByCard);
        connect(payByCard, &QAction::triggered, panel(),
                [this] { panel()->chooseTender(QStringLiteral("card")); });
        m_stage->answerPayment(fake::paymentView(stagePaymentId, QStringLiteral("pending"),
                                                 QStringLiteral("card"), 1000),
                               202);
        m_stage->network->script("GET", QStringLiteral("/payments/.*"), {FakeAnswer::silence()});

        QCOMPARE(panel()->amount()->text(), QStringLiteral("24.68"));
        panel()->amount()->setFocus();
        panel()->amount()->selectAll();
        QTest::keyClick(panel()->amount(), Qt::Key_1);
        QTest::keyClick(panel()->amount(), Qt::Key_0);
        QTest::keyClick(m_stage.get(), Qt::Key_F12);
        // The keys arrived before F12 acted, and what they made is shown, not charged.
        QCOMPARE(panel()->amount()->text(), QStringLiteral("10"));
        QCOMPARE(panel()->page(), PaymentPanel::Page::Tender);
        QVERIFY(!m_stage->checkout->isPaying());
        QVERIFY2(panel()->message()->text().contains(eur(1000)),
                 qPrintable(panel()->message()->text()));
        QCOMPARE(toneOf(panel()->message()), QStringLiteral("warning"));
        QTest::qWait(50);
        QCOMPARE(paymentsAsked(), QList<qint64>());

        // Seen now: F12 again pays what the colleague typed.
        QTest::qWait(2 * PaymentPanel::amountSettleMs);
        QTest::keyClick(m_stage.get(), Qt::Key_F12);
        QTRY_COMPARE(paymentsAsked(), QList<qint64>{1000});
        QCOMPARE(panel()->page(), PaymentPanel::Page::Card);
    }

    // The change due stays large and calm from the moment the cash is booked until the next
    // customer; it was a message that the next event replaced, in the error colour.
    void changeDueStaysUntilTheNextCustomer()
    {
        open();
        QStringList shownWhenFinished;
        connect(m_stage->checkout, &flows::Checkout::paymentFinished, this, [&] {
            for (QLabel* label : {panel()->tenderChange(), panel()->doneChange()}) {
                if (label->isVisible())
                    shownWhenFinished << label->text();
            }
        });
        QVERIFY(m_stage->payCashWithChange(5000));
        QCOMPARE(shownWhenFinished, QStringList{eur(5000 - PaymentStage::total)});
        QCOMPARE(panel()->page(), PaymentPanel::Page::Done);
        QVERIFY(panel()->doneChange()->isVisible());
        QCOMPARE(panel()->doneChange()->text(), eur(5000 - PaymentStage::total));
        QCOMPARE(roleOf(panel()->doneChange()), QStringLiteral("display"));
        QVERIFY(toneOf(panel()->doneChange()) != QStringLiteral("error"));
        QCOMPARE(toneOf(panel()->paidInFull()), QStringLiteral("success"));

        // A refresh of the same cart keeps it.
        panel()->showCart(stageCart, Money::fromMinorUnits(PaymentStage::total, u"EUR").value());
        QTest::qWait(50);
        QVERIFY(panel()->doneChange()->isVisible());
        QCOMPARE(panel()->doneChange()->text(), eur(5000 - PaymentStage::total));

        // Next customer: gone, and not back with the next cart.
        panel()->showCart({}, std::nullopt);
        QVERIFY(panel()->doneChange()->text().isEmpty());
        m_stage->network->script("GET", stageBalanceRoute,
                                 {FakeAnswer::json(200, fake::balance(stageCart, 1234, 0))});
        QVERIFY(m_stage->openCart());
        QVERIFY(!panel()->tenderChange()->isVisible());
        QVERIFY(panel()->tenderChange()->text().isEmpty());
    }

    // Tenders as large buttons, the open balance in display type, "Paid x of y", a key for the
    // amount that is the same in every language, and the keypad typing into the amount.
    void tendersFiguresAndKeypadForTheCounter()
    {
        useLanguage(QStringLiteral("de_DE"));
        open();
        for (const QString& tender : {QStringLiteral("cash"), QStringLiteral("card")}) {
            QPushButton* button = panel()->tenderButton(tender);
            QVERIFY(button);
            QCOMPARE(roleOf(button), QStringLiteral("tender"));
            QVERIFY2(button->height() >= ui::style::tenderHeight,
                     qPrintable(QString::number(button->height())));
        }
        QCOMPARE(roleOf(panel()->openBalance()), QStringLiteral("display"));
        QCOMPARE(panel()->openBalance()->text(), eur(PaymentStage::total));
        QCOMPARE(panel()->paid()->text(),
                 QStringLiteral("Bezahlt: %1 von %2").arg(eur(0), eur(PaymentStage::total)));

        // F10 focuses the amount, in German as in English.
        auto* elsewhere = new QLineEdit(m_stage.get());
        elsewhere->show();
        elsewhere->setFocus();
        QTRY_VERIFY(elsewhere->hasFocus());
        QTest::keyClick(elsewhere, Qt::Key_F10);
        QVERIFY(panel()->amount()->hasFocus());

        // Touch only: the keypad types into the amount, even with the focus elsewhere, and a new
        // amount replaces the old one.
        elsewhere->setFocus();
        QTRY_VERIFY(elsewhere->hasFocus());
        QVERIFY(panel()->keypad()->isVisible());
        QTest::mouseClick(panel()->keypad()->key(Qt::Key_5), Qt::LeftButton);
        QTest::mouseClick(panel()->keypad()->key(Qt::Key_Comma), Qt::LeftButton);
        QTest::mouseClick(panel()->keypad()->key(Qt::Key_5), Qt::LeftButton);
        QCOMPARE(panel()->amount()->text(), QStringLiteral("5,5"));
        QVERIFY(panel()->amount()->hasFocus());
        QVERIFY(elsewhere->text().isEmpty());
    }

    // Quick cash read "1 50.00 EUR": the amount alone, in the locale's format; the key beside it.
    void quickCashShowsTheAmount()
    {
        useLanguage(QStringLiteral("de_DE"));
        open();
        panel()->chooseTender(QStringLiteral("cash"));
        QCOMPARE(panel()->page(), PaymentPanel::Page::Cash);
        const QList<QPushButton*> quick = panel()->quickCashButtons();
        QCOMPARE(quick.size(), 4);
        QCOMPARE(quick.at(0)->text(), QStringLiteral("Passend %1").arg(eur(PaymentStage::total)));
        // The next notes above 24,68 €.
        QCOMPARE(quick.at(1)->text(), eur(5000));
        QCOMPARE(quick.at(2)->text(), eur(10000));
        QCOMPARE(quick.at(3)->text(), eur(20000));
        QVERIFY2(quick.at(1)->toolTip().contains(QStringLiteral("Alt+2")),
                 qPrintable(quick.at(1)->toolTip()));
        QTest::keyClick(m_stage.get(), Qt::Key_2, Qt::AltModifier);
        QTRY_COMPARE(panel()->cashTendered()->text(), QStringLiteral("50,00")); // an animated click
        QCOMPARE(panel()->changeDue()->text(), eur(5000 - PaymentStage::total));
        QCOMPARE(roleOf(panel()->changeDue()), QStringLiteral("display"));
        QVERIFY(panel()->cashKeypad()->isVisible());
    }

    // The terminal's reason in the colleague's language, its own words as the detail; words the
    // app does not know shown as they came.
    void declineReasonInTheColleaguesLanguage()
    {
        useLanguage(QStringLiteral("de_DE"));
        open();
        QJsonObject view = fake::paymentView(stagePaymentId, QStringLiteral("failed"),
                                             QStringLiteral("card"), PaymentStage::total);
        view.insert(QStringLiteral("message"), QStringLiteral("Card declined by issuer."));
        m_stage->answerPayment(view);
        panel()->chooseTender(QStringLiteral("card"));
        QTRY_VERIFY(m_stage->checkout->payment() && m_stage->checkout->payment()->isFinal());
        QCOMPARE(panel()->page(), PaymentPanel::Page::Tender);
        QVERIFY2(panel()->message()->text().contains(
                     QStringLiteral("Karte vom Kartenherausgeber abgelehnt.")),
                 qPrintable(panel()->message()->text()));
        QVERIFY(!panel()->message()->text().contains(QStringLiteral("Card declined")));
        QCOMPARE(toneOf(panel()->message()), QStringLiteral("error"));
        QVERIFY(panel()->declineDetail()->isVisible());
        QVERIFY2(
            panel()->declineDetail()->text().contains(QStringLiteral("Card declined by issuer.")),
            qPrintable(panel()->declineDetail()->text()));

        view.insert(QStringLiteral("message"), QStringLiteral("Do not honour (05)"));
        view.insert(QStringLiteral("id"), QStringLiteral("7937f373-aaca-4c19-bc2b-963b6cf587db"));
        m_stage->answerPayment(view);
        QTRY_VERIFY(panel()->tenderButton(QStringLiteral("card"))->isEnabled());
        panel()->chooseTender(QStringLiteral("card"));
        QTRY_VERIFY2(panel()->message()->text().contains(QStringLiteral("Do not honour (05)")),
                     qPrintable(panel()->message()->text()));
        QVERIFY(!panel()->declineDetail()->isVisible());
    }

    void declineReasonsTheServerPassesOn()
    {
        const flows::DeclineReason known =
            flows::DeclineReason::fromProvider(QStringLiteral("Payment terminal unreachable."));
        QCOMPARE(known.text, QStringLiteral("Payment terminal unreachable."));
        QVERIFY(known.detail.isEmpty()); // English: the words themselves, no detail
        useLanguage(QStringLiteral("fr_FR"));
        const flows::DeclineReason french = flows::DeclineReason::fromProvider(
            QStringLiteral("The payment provider refused the request (HTTP 402)."));
        QVERIFY2(french.text.contains(QStringLiteral("402")) &&
                     !french.text.contains(QStringLiteral("refused")),
                 qPrintable(french.text));
        QCOMPARE(french.detail,
                 QStringLiteral("The payment provider refused the request (HTTP 402)."));
        const flows::DeclineReason unknown =
            flows::DeclineReason::fromProvider(QStringLiteral("  Insufficient funds  "));
        QCOMPARE(unknown.text, QStringLiteral("Insufficient funds"));
        QVERIFY(unknown.detail.isEmpty());
    }

    // "EUR has at most 2 decimal(s)": a sentence in each language, plural included.
    void tooManyDecimalsInGerman()
    {
        useLanguage(QStringLiteral("de_DE"));
        open();
        panel()->amount()->setText(QStringLiteral("12,345"));
        panel()->chooseTender(QStringLiteral("card"));
        QCOMPARE(panel()->message()->text(),
                 QStringLiteral("EUR hat höchstens 2 Nachkommastellen."));
        QCOMPARE(toneOf(panel()->message()), QStringLiteral("error"));
        QCOMPARE(paymentsAsked(), QList<qint64>());
    }

    // Card in progress: warning, in words; declined: error; paid: success.
    void tonesSayWhatAStateMeans()
    {
        open();
        m_stage->answerPayment(fake::paymentView(stagePaymentId, QStringLiteral("pending"),
                                                 QStringLiteral("card"), PaymentStage::total),
                               202);
        m_stage->network->script("GET", QStringLiteral("/payments/.*"), {FakeAnswer::silence()});
        panel()->chooseTender(QStringLiteral("card"));
        QCOMPARE(panel()->page(), PaymentPanel::Page::Card);
        QTRY_COMPARE(m_stage->checkout->payment()->stage(), flows::PaymentFlow::Stage::Waiting);
        QCOMPARE(toneOf(panel()->cardStatus()), QStringLiteral("warning"));
        QVERIFY2(panel()->cardStatus()->text().contains(QStringLiteral("Waiting")),
                 qPrintable(panel()->cardStatus()->text()));
    }
};

QTEST_MAIN(TestPaymentScreens)
#include "tst_paymentscreens.moc"
