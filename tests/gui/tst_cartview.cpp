#include "common/style.h"
#include "fixtures.h"
#include "paintcounter.h"
#include "sale/cartlinedelegate.h"
#include "sale/cartlinesmodel.h"
#include "sale/cartview.h"

#include <QApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QPainter>
#include <QScroller>
#include <QStyle>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolTip>

using namespace storedesk;
using namespace storedesk::test;
using namespace storedesk::ui;

namespace {

// Notes that a posted event reached it.
class EventSentinel : public QObject {
public:
    bool arrived = false;

protected:
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::User) {
            arrived = true;
            return true;
        }
        return QObject::event(event);
    }
};

} // namespace

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

    // Shows the test cart in German at 700x500 with the first line renamed to `name` (a name
    // longer than its column); false when the view never showed.
    bool showWithFirstLineNamed(CartView& view, const QString& name) const
    {
        Cart cart = m_cart;
        cart.lineItems[0].name = LocalizedString({{QStringLiteral("de"), name}});
        view.resize(700, 500);
        view.setCart(cart, {QStringLiteral("de")}, m_german);
        view.show();
        return QTest::qWaitForWindowExposed(&view);
    }

    // The cell as the delegate paints it, on white.
    static QImage paintCell(const CartView& view, int row, int column)
    {
        QStyleOptionViewItem option;
        option.initFrom(view.lines());
        option.rect = view.lines()->visualRect(view.model()->index(row, column));
        option.rect.moveTo(0, 0);
        QImage image(option.rect.size(), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        view.delegate()->paint(&painter, option, view.model()->index(row, column));
        return image;
    }

    // The columns of the rows [top, bottom) of `image` with ink (not background white).
    static QList<int> inkedColumns(const QImage& image, int top, int bottom)
    {
        QList<int> columns;
        for (int x = 0; x < image.width(); ++x) {
            for (int y = std::max(0, top); y < std::min(bottom, image.height()); ++y) {
                if (qGray(image.pixel(x, y)) < 160) {
                    columns << x;
                    break;
                }
            }
        }
        return columns;
    }

    // Returns once everything the event loop had to do when called is done: a zero timer runs after
    // every timer started before it, and a low-priority event after every update request (also
    // low priority) posted before it. Twice, for work that the first round's timers posted.
    static void settle()
    {
        for (int round = 0; round < 2; ++round) {
            bool timerRan = false;
            QTimer::singleShot(0, qApp, [&timerRan] { timerRan = true; });
            QTRY_VERIFY_WITH_TIMEOUT(timerRan, 5000);
            EventSentinel sentinel;
            QCoreApplication::postEvent(&sentinel, new QEvent(QEvent::User), Qt::LowEventPriority);
            QTRY_VERIFY_WITH_TIMEOUT(sentinel.arrived, 5000);
        }
    }

private slots:
    void initTestCase()
    {
        style::install(qApp); // the fonts a colleague sees

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
            for (int column = CartLinesModel::Quantity; column < CartLinesModel::ColumnCount;
                 ++column) {
                const QString text = cell(view, row, column);
                QVERIFY2(metrics.horizontalAdvance(text) + margins +
                                 2 * CartLineDelegate::padding <=
                             table->columnWidth(column),
                         qPrintable(QStringLiteral("row %1 column %2: \"%3\" is cut off")
                                        .arg(row)
                                        .arg(column)
                                        .arg(text)));
            }
        }
        // The header's own text fits too.
        for (int column = CartLinesModel::Quantity; column < CartLinesModel::ColumnCount; ++column)
            QVERIFY(columns->sectionSizeHint(column) <= table->columnWidth(column));
    }

    // A new cart paints its lines once: with a model reset the table lays its rows out, and
    // repaints the columns right of every resized one, on timers after the next paint — each cart
    // would paint twice (and the long ones, whose scroll bar comes or goes, change width between).
    void aNewCartPaintsTheLinesOnce()
    {
        Cart longCart = m_cart;
        for (int i = 0; i < 200; ++i)
            longCart.lineItems.append(m_cart.lineItems.at(i % m_cart.lineItems.size()));

        CartView view;
        view.resize(900, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        settle();
        auto* counter = new PaintCounter(view.lines()->viewport());

        const QList<Cart> carts{longCart, m_cart, longCart};
        for (const Cart& cart : carts) {
            counter->paints = 0;
            view.setCart(cart, {QStringLiteral("de")}, m_german);
            QTRY_VERIFY_WITH_TIMEOUT(counter->paints > 0, 5000);
            settle();
            QCOMPARE(counter->paints, 1);
        }
        counter->paints = 0;
        view.clear();
        QTRY_VERIFY_WITH_TIMEOUT(counter->paints > 0, 5000);
        settle();
        QCOMPARE(counter->paints, 1);
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
        QVERIFY(!view.lines()->isColumnHidden(CartLinesModel::Discount));

        // Without any discount the column is not shown: the names get its width.
        Cart plain = m_cart;
        for (LineItem& line : plain.lineItems) {
            line.discountedPricePerQuantity.clear();
            line.totalPrice = line.price.value.times(line.quantity)->toCentPrecision();
            line.price.discounted.reset();
        }
        view.setCart(plain, {QStringLiteral("de")}, m_german);
        for (int row = 0; row < plain.lineItems.size(); ++row)
            QVERIFY2(cell(view, row, CartLinesModel::Discount).isEmpty(),
                     qPrintable(cell(view, row, CartLinesModel::Discount)));
        QVERIFY(view.lines()->isColumnHidden(CartLinesModel::Discount));
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
        // An active cart is the usual case: nothing to say (issue 14: "State: Active" stayed).
        QCOMPARE(view.stateText(), QString());
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("cartState"))->isHidden());
        Cart ordered = m_cart;
        ordered.cartState = Cart::State::Ordered;
        view.setCart(ordered, {QStringLiteral("de")}, m_german);
        QCOMPARE(view.stateText(), QStringLiteral("State: Ordered"));
        view.clear();
        QCOMPARE(view.stateText(), QString());
    }

    // Issue 14: the SKU small beneath the name (the style's caption font), not a column of its
    // own; every row as high as both lines and a touch target.
    void skuIsPaintedSmallBeneathTheName()
    {
        CartView view;
        view.resize(900, 500);
        view.setCart(m_cart, {QStringLiteral("de")}, m_german);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView* table = view.lines();
        QVERIFY(table->isColumnHidden(CartLinesModel::Sku));

        QLabel caption;
        style::setRole(&caption, style::Role::Caption);
        caption.ensurePolished();
        const QFontMetrics base = table->fontMetrics();
        const QFontMetrics small(caption.font());
        QVERIFY2(small.height() < base.height(), "the caption's font is smaller than a line's");
        QVERIFY(table->rowHeight(0) >= base.height() + small.height());
        QVERIFY(table->rowHeight(0) >= style::touchTarget);

        // Row 0 is a product line (with SKU), row 3 a custom line (none): only the first has ink
        // beneath the name's line.
        const int nameBottom = CartLineDelegate::padding + base.height();
        const QImage product = paintCell(view, 0, CartLinesModel::Name);
        const QImage custom = paintCell(view, 3, CartLinesModel::Name);
        QVERIFY(cell(view, 0, CartLinesModel::Sku) == QStringLiteral("ESP-1KG"));
        QVERIFY(cell(view, 3, CartLinesModel::Sku).isEmpty());
        QVERIFY(!inkedColumns(product, 0, nameBottom).isEmpty());
        QVERIFY(!inkedColumns(custom, 0, nameBottom).isEmpty());
        const QList<int> skuInk = inkedColumns(product, nameBottom + 1, product.height());
        QVERIFY2(!skuInk.isEmpty(), "no SKU beneath the name");
        QVERIFY(inkedColumns(custom, nameBottom + 1, custom.height()).isEmpty());
        // Caption size: the SKU is narrower than it would be in the line's font.
        QVERIFY(skuInk.last() - skuInk.first() <
                base.horizontalAdvance(QStringLiteral("ESP-1KG")) - 2);
    }

    // Figures stand right-aligned, so that the line totals form a column.
    void lineTotalsAreRightAligned()
    {
        CartView view;
        view.resize(900, 500);
        view.setCart(m_cart, {QStringLiteral("de")}, m_german);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (int row = 0; row < view.model()->rowCount(); ++row) {
            const QImage total = paintCell(view, row, CartLinesModel::LineTotal);
            const QList<int> ink = inkedColumns(total, 0, total.height());
            QVERIFY(!ink.isEmpty());
            QVERIFY2(ink.last() >= total.width() - CartLineDelegate::padding - 3,
                     qPrintable(QStringLiteral("row %1 ends at %2 of %3")
                                    .arg(row)
                                    .arg(ink.last())
                                    .arg(total.width())));
        }
    }

    // A name longer than its column ends in "…" and shows whole (as plain text) in a tool tip.
    void longNameIsElidedAndShownWholeOnHover()
    {
        const QString longName =
            QStringLiteral("Bio-Grüntee lose aus kontrolliert biologischem Anbau <b>Frühjahr</b> "
                           "Nachfüllbeutel 250 g, im wiederverschließbaren Papierbeutel");
        CartView view;
        QVERIFY(showWithFirstLineNamed(view, longName));
        QTableView* table = view.lines();
        const QRect cellRect = table->visualRect(view.model()->index(0, CartLinesModel::Name));
        const QString shown = view.delegate()->shownName(longName, cellRect.width());
        QVERIFY2(shown.endsWith(QChar(0x2026)), qPrintable(shown));
        QCOMPARE(view.delegate()->shownName(QStringLiteral("Tee"), cellRect.width()),
                 QStringLiteral("Tee"));

        QHelpEvent hover(QEvent::ToolTip, cellRect.center(),
                         table->viewport()->mapToGlobal(cellRect.center()));
        QApplication::sendEvent(table->viewport(), &hover);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(longName.toHtmlEscaped()), qPrintable(QToolTip::text()));
        QToolTip::hideText();
        // A short name needs no tip.
        const QRect second = table->visualRect(view.model()->index(2, CartLinesModel::Name));
        QHelpEvent hoverShort(QEvent::ToolTip, second.center(),
                              table->viewport()->mapToGlobal(second.center()));
        QApplication::sendEvent(table->viewport(), &hoverShort);
        QTRY_VERIFY(!QToolTip::isVisible());
    }

    // Touch cannot hover: a tap on a line whose name is cut shows the whole name.
    void tappingACutNameShowsItWhole()
    {
        const QString longName = QStringLiteral(
            "Bio-Grüntee lose aus kontrolliert biologischem Anbau, Frühjahrsernte, Nachfüllbeutel "
            "250 g im wiederverschließbaren Papierbeutel");
        CartView view;
        QVERIFY(showWithFirstLineNamed(view, longName));
        QTableView* table = view.lines();
        QToolTip::hideText();
        QTRY_VERIFY(!QToolTip::isVisible());
        const QRect cell = table->visualRect(view.model()->index(0, CartLinesModel::Name));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(longName.toHtmlEscaped()), qPrintable(QToolTip::text()));
        QToolTip::hideText();
    }

    void touchDragsTheLines()
    {
        CartView view;
        QVERIFY(QScroller::grabbedGesture(view.lines()->viewport()) != Qt::GestureType(0));
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
