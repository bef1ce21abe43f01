// The payment screens of issue 12 rendered as a colleague sees them (under Xvfb by the
// tst_paymentscreens_screenshot test): the question after a restart (card and cash), the
// "may have been charged" warning, an unresolved outcome and the Unresolved payments view, at
// 1024x768 and 1920x1080 in English and German. The payment panel takes a third of the window's
// width beside the cart, as in the main window. The server is the scripted fake (FakeNetwork).

#include "api/apiclient.h"
#include "fakenetwork.h"
#include "flows/checkout.h"
#include "sale/paymentpanel.h"
#include "sale/unresolvedpaymentsdialog.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace storedesk;
using storedesk::test::FakeAnswer;
using storedesk::test::FakeNetwork;
namespace fake = storedesk::test::fake;

namespace {

const QString store = QStringLiteral("berlin-mitte");
const QString till = QStringLiteral("till-1");
const QString cart = QStringLiteral("0b6d3d36-6bb4-4b0f-9a51-1f6e5b9b0c11");
const QString paymentId = QStringLiteral("6937f373-aaca-4c19-bc2b-963b6cf587db");

} // namespace

class TestPaymentScreens : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QString m_language;
    QSize m_screen;

    QString folder() const
    {
        const QString dir = qEnvironmentVariable("STOREDESK_SCREENSHOT_DIR");
        return dir.isEmpty() ? m_folder.filePath(QStringLiteral("shots")) : dir;
    }

    void save(QWidget* widget, const QString& name)
    {
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget));
        QTest::qWait(50);
        QDir().mkpath(folder());
        const QString path = QStringLiteral("%1/%2-%3-%4x%5.png")
                                 .arg(folder(), name, m_language)
                                 .arg(m_screen.width())
                                 .arg(m_screen.height());
        QVERIFY(widget->grab().save(path));
        qInfo().noquote() << "saved" << path;
    }

    // Every label shows its whole text: word-wrapped labels get the height they need.
    static void checkNothingClipped(QWidget* widget)
    {
        for (QLabel* label : widget->findChildren<QLabel*>()) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            QVERIFY2(label->height() >= label->heightForWidth(label->width()) || !label->wordWrap(),
                     qPrintable(label->objectName()));
        }
        for (QPushButton* button : widget->findChildren<QPushButton*>()) {
            if (!button->isVisible())
                continue;
            QVERIFY2(button->width() >= button->sizeHint().width() - 2,
                     qPrintable(button->objectName()));
        }
    }

    struct Stage {
        FakeNetwork network;
        api::ApiClient client;
        flows::Checkout* checkout = nullptr;
        ui::PaymentPanel* panel = nullptr;
    };

    std::unique_ptr<Stage> stage(const QString& records)
    {
        auto made = std::make_unique<Stage>();
        made->client.setNetwork(&made->network);
        made->client.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
        made->client.setAccessToken("token");
        made->client.setDefaultTimeout(std::chrono::milliseconds(300));
        made->network.script("GET", QStringLiteral("/stores/berlin-mitte/carts/[^/]+/payments"),
                             {FakeAnswer::json(200, fake::balance(cart, 2468, 0))});
        made->checkout =
            new flows::Checkout(&made->client, flows::PendingPayments(records), &made->client);
        made->checkout->setPlace(store, till);
        made->panel = new ui::PaymentPanel(made->checkout);
        made->panel->setLocale(QLocale(m_language));
        made->panel->setTenders({QStringLiteral("cash"), QStringLiteral("card")});
        made->panel->resize(m_screen.width() / 3, m_screen.height() - 120);
        return made;
    }

    void record(const QString& records, const QString& tender, const QString& reason = {})
    {
        flows::PendingPayment attempt = flows::PendingPayment::create(
            store, till, cart,
            api::PaymentRequest{tender, *Money::fromMinorUnits(2468, u"EUR"),
                                tender == QLatin1StringView("cash")
                                    ? Money::fromMinorUnits(3000, u"EUR").value()
                                    : std::optional<Money>()});
        attempt.serverUrl = QStringLiteral("http://127.0.0.1:9");
        attempt.colleague = QStringLiteral("Anna Schmidt");
        attempt.startedAt = QDateTime(QDate(2026, 12, 3), QTime(9, 41), Qt::UTC);
        if (!reason.isEmpty()) {
            attempt.paymentId = paymentId;
            attempt.unresolvedReason = reason;
            attempt.unresolvedAt = attempt.startedAt.addSecs(300);
        }
        QVERIFY(flows::PendingPayments(records).save(attempt));
    }

private slots:
    void screens_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("screen");
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("de")}) {
            for (const QSize& size : {QSize(1024, 768), QSize(1920, 1080)})
                QTest::addRow("%s %dx%d", qPrintable(language), size.width(), size.height())
                    << language << size;
        }
    }

    void screens()
    {
        QFETCH(QString, language);
        QFETCH(QSize, screen);
        m_language = language;
        m_screen = screen;
        QTranslator translator;
        if (language != QLatin1StringView("en")) {
            QVERIFY(translator.load(QStringLiteral(":/i18n/storedesk_%1.qm").arg(language)));
            QCoreApplication::installTranslator(&translator);
        }
        QLocale::setDefault(QLocale(language));
        const auto done = qScopeGuard([&] {
            QCoreApplication::removeTranslator(&translator);
            QLocale::setDefault(QLocale::c());
        });

        for (const QString& tender : {QStringLiteral("card"), QStringLiteral("cash")}) {
            QTemporaryDir records;
            record(records.path(), tender);
            auto shown = stage(records.path());
            shown->network.script("GET", QStringLiteral(".*/payment-attempts/.*"),
                                  {FakeAnswer::error(404, QStringLiteral("attempt_unknown"))});
            shown->panel->showCart(cart, Money::fromMinorUnits(2468, u"EUR").value());
            shown->checkout->open(cart);
            shown->panel->show();
            QTRY_VERIFY(shown->panel->takeNowButton()->isVisible());
            QVERIFY(!shown->panel->cardStatus()->text().isEmpty());
            save(shown->panel, QStringLiteral("payment-question-") + tender);
            checkNothingClipped(shown->panel);
            delete shown->panel;
        }

        {
            QTemporaryDir records;
            auto shown = stage(records.path());
            shown->network.script(
                "POST", QStringLiteral("/stores/berlin-mitte/carts/[^/]+/payments"),
                {FakeAnswer::json(202, fake::paymentView(paymentId, "pending", "card", 2468))});
            shown->network.script("GET", QStringLiteral("/payments/.*"), {FakeAnswer::broken()});
            shown->panel->showCart(cart, Money::fromMinorUnits(2468, u"EUR").value());
            shown->checkout->open(cart);
            QVERIFY(shown->checkout->pay(api::PaymentRequest{
                QStringLiteral("card"), *Money::fromMinorUnits(2468, u"EUR"), {}}));
            shown->checkout->payment()->setUncertainAfter(100);
            QTRY_VERIFY(shown->checkout->payment()->isOutcomeUncertain());
            save(shown->panel, QStringLiteral("payment-uncertain"));
            checkNothingClipped(shown->panel);
            delete shown->panel;
        }

        {
            QTemporaryDir records;
            flows::PendingPayment stale = flows::PendingPayment::create(
                store, till, cart,
                api::PaymentRequest{
                    QStringLiteral("card"), *Money::fromMinorUnits(2468, u"EUR"), {}});
            stale.serverUrl = QStringLiteral("http://127.0.0.1:9");
            stale.paymentId = paymentId;
            QVERIFY(flows::PendingPayments(records.path()).save(stale));
            auto shown = stage(records.path());
            shown->network.script("GET", QStringLiteral("/payments/.*"),
                                  {FakeAnswer::error(404, QStringLiteral("not_found"))});
            shown->panel->showCart(cart, Money::fromMinorUnits(2468, u"EUR").value());
            shown->checkout->open(cart);
            QTRY_COMPARE(shown->checkout->payment()->stage(),
                         flows::PaymentFlow::Stage::Unresolved);
            QTRY_VERIFY(!shown->panel->message()->text().isEmpty());
            save(shown->panel, QStringLiteral("payment-unresolved"));
            checkNothingClipped(shown->panel);

            record(records.path(), QStringLiteral("cash"), QStringLiteral("other_server"));
            ui::UnresolvedPaymentsDialog dialog(shown->checkout->unresolved(), true,
                                                QLocale(language));
            QCOMPARE(dialog.table()->rowCount(), 2);
            save(&dialog, QStringLiteral("unresolved-payments"));
            checkNothingClipped(&dialog);
            delete shown->panel;
        }
    }
};

QTEST_MAIN(TestPaymentScreens)
#include "tst_paymentscreens.moc"
