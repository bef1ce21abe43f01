#include "sale/cartlinesmodel.h"
#include "sale/cartview.h"
#include "fixtures.h"

#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTableView>
#include <QTest>

using namespace storedesk;
using namespace storedesk::test;
using namespace storedesk::ui;

// The cart view with a rich commercetools cart (tests/fixtures/carts/rich-cart.json): names with
// fallback, discounts, custom lines, tax portions and payments, all as plain text.
class TestCartView : public QObject {
    Q_OBJECT

private:
    Cart m_cart;
    const QLocale m_german{QLocale::German, QLocale::Germany};

    QString cell(const CartView& view, int row, int column) const
    {
        return view.model()->index(row, column).data().toString();
    }

private slots:
    void initTestCase()
    {
        const Expected<Cart> cart =
            Cart::fromJson(readFixture(QStringLiteral("carts/rich-cart.json")));
        QVERIFY(cart);
        m_cart = *cart;
    }

    // ResizeToContents would measure every row's text on every change; the columns are sized from
    // their longest texts instead, and must still show every text of every row in full.
    void columnsFitEveryRowWithoutResizeToContents()
    {
        Cart cart = m_cart;
        const QList<LineItem> shapes = cart.lineItems;
        for (int i = 0; i < 300; ++i) {
            LineItem line = shapes.at(i % shapes.size());
            line.sku = QStringLiteral("SKU-%1").arg(i);
            cart.lineItems.append(line);
        }
        // One wide text far down, where no screenful of rows would find it.
        cart.lineItems[250].sku = QStringLiteral("WWWW-MMMM-WWWW-MMMM-0000");
        cart.lineItems[270].quantity = 123456789;

        CartView view;
        view.resize(900, 400);
        view.setCart(cart, {QStringLiteral("de")}, m_german);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView* table = view.lines();
        const QHeaderView* columns = table->horizontalHeader();
        for (int column = 0; column < CartLinesModel::ColumnCount; ++column)
            QVERIFY(columns->sectionResizeMode(column) != QHeaderView::ResizeToContents);
        QCOMPARE(table->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);

        const QFontMetrics metrics = table->fontMetrics();
        const int margins =
            2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
        const int rows = view.model()->rowCount();
        QVERIFY(rows > 300);
        for (int row = 0; row < rows; ++row) {
            QCOMPARE(table->rowHeight(row), table->rowHeight(0));
            for (int column = CartLinesModel::Sku; column < CartLinesModel::ColumnCount; ++column) {
                const QString text = cell(view, row, column);
                QVERIFY2(metrics.horizontalAdvance(text) + margins <= table->columnWidth(column),
                         qPrintable(QStringLiteral("row %1 column %2: \"%3\" is cut off")
                                        .arg(row)
                                        .arg(column)
                                        .arg(text)));
            }
        }
        // The header's own text fits too.
        for (int column = CartLinesModel::Sku; column < CartLinesModel::ColumnCount; ++column)
            QVERIFY(columns->sectionSizeHint(column) <= table->columnWidth(column));
    }

    void showsLinesInTheStoreLanguageWithFallback()
    {
        CartView view;
        view.setCart(m_cart, {QStringLiteral("de"), QStringLiteral("en")}, m_german);
        QCOMPARE(view.model()->rowCount(), 5); // 3 product lines, 2 custom lines
        QCOMPARE(cell(view, 0, CartLinesModel::Name), QStringLiteral("Espressobohnen 1 kg"));
        QCOMPARE(cell(view, 1, CartLinesModel::Name), QStringLiteral("Loose green tea (per gram)"));
        QCOMPARE(cell(view, 0, CartLinesModel::Sku), QStringLiteral("ESP-1KG"));
        QCOMPARE(cell(view, 0, CartLinesModel::Quantity), QStringLiteral("3"));
        QCOMPARE(cell(view, 0, CartLinesModel::LineTotal),
                 Money::fromMinorUnits(6723, u"EUR")->toString(m_german));
        QCOMPARE(cell(view, 1, CartLinesModel::Quantity), QStringLiteral("250"));
    }

    void discountsAreShownAsNegativeAmounts()
    {
        CartView view;
        view.setCart(m_cart, {QStringLiteral("de")}, m_german);
        int discounted = 0;
        for (int row = 0; row < m_cart.lineItems.size(); ++row) {
            const Expected<Money> discount = m_cart.lineItems.at(row).discountAmount();
            QVERIFY(discount);
            if (discount->isZero()) {
                QVERIFY(cell(view, row, CartLinesModel::Discount).isEmpty());
                continue;
            }
            ++discounted;
            QCOMPARE(cell(view, row, CartLinesModel::Discount),
                     discount->negated()->toString(m_german));
        }
        QVERIFY(discounted > 0);
    }

    void showsTaxPortionsTotalAndPayments()
    {
        CartView view;
        view.setCart(m_cart, {QStringLiteral("de")}, m_german);
        const QString taxes = view.findChild<QLabel*>(QStringLiteral("cartTaxes"))->text();
        QVERIFY2(taxes.contains(QStringLiteral("7% MwSt")), qPrintable(taxes));
        QVERIFY(taxes.contains(Money::fromMinorUnits(2459, u"EUR")->toString(m_german)));
        QVERIFY(taxes.contains(QStringLiteral("19% MwSt")));
        QVERIFY(taxes.contains(Money::fromMinorUnits(211, u"EUR")->toString(m_german)));
        // The emulator's fractionDigits 0 on the total does not change how it is shown.
        QCOMPARE(view.totalText(), Money::fromMinorUnits(38905, u"EUR")->toString(m_german));
        QVERIFY(view.totalText().startsWith(QStringLiteral("389,05")));
        QVERIFY(view.paidText().contains(QStringLiteral("2")));
        QCOMPARE(view.stateText(), QStringLiteral("State: Active"));
    }

    void markupInNamesIsPlainText()
    {
        Cart cart = m_cart;
        const QString markup = QStringLiteral("<b>x</b><a href=\"y\">z</a>");
        cart.lineItems[0].name = LocalizedString({{QStringLiteral("de"), markup}});
        cart.customerEmail = markup;
        CartView view;
        view.setCart(cart, {QStringLiteral("de")}, m_german);
        view.resize(900, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(cell(view, 0, CartLinesModel::Name), markup);
        for (const QLabel* label : view.findChildren<QLabel*>())
            QCOMPARE(label->textFormat(), Qt::PlainText);
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("cartCustomer"))->text().contains(markup));
    }
};

QTEST_MAIN(TestCartView)
#include "tst_cartview.moc"
