#include "sale/cartview.h"

#include "common/style.h"
#include "sale/cartlinedelegate.h"
#include "sale/cartlinesmodel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QScroller>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace storedesk::ui {
namespace {

QLabel* plainLabel(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    // Read, not selected: a selectable label lays its text out through a text document on every
    // cart (a tenth of the time a 200-line cart takes to show), and each would be a Tab stop
    // between the lines and the payment panel. Screen readers read them by their names.
    label->setAccessibleName(accessibleName);
    return label;
}

} // namespace

CartView::CartView(QWidget* parent)
    : QWidget(parent)
    , m_title(plainLabel(this, QStringLiteral("cartTitle"), tr("Cart")))
    , m_customer(plainLabel(this, QStringLiteral("cartCustomer"), tr("Customer")))
    , m_state(plainLabel(this, QStringLiteral("cartState"), tr("Cart state")))
    , m_lines(new QTableView(this))
    , m_model(new CartLinesModel(this))
    , m_delegate(new CartLineDelegate(this))
    , m_taxes(plainLabel(this, QStringLiteral("cartTaxes"), tr("Tax portions")))
    , m_total(plainLabel(this, QStringLiteral("cartTotal"), tr("Total")))
    , m_paid(plainLabel(this, QStringLiteral("cartPaid"), tr("Paid")))
    , m_open(plainLabel(this, QStringLiteral("cartOpenBalance"), tr("Open balance")))
{
    setObjectName(QStringLiteral("cartView"));
    setAccessibleName(tr("Cart"));
    style::setRole(m_title, style::Role::Large);
    m_title->setWordWrap(true);
    m_customer->setWordWrap(true);

    m_lines->setObjectName(QStringLiteral("cartLines"));
    m_lines->setAccessibleName(tr("Cart lines"));
    m_lines->setModel(m_model);
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setAlternatingRowColors(true);
    m_lines->setItemDelegate(m_delegate);
    m_lines->setShowGrid(false);
    // The SKU is painted small beneath the name (CartLineDelegate), not in a column of its own.
    m_lines->setColumnHidden(CartLinesModel::Sku, true);
    m_lines->verticalHeader()->hide();
    // Every row is one line of the same height: nothing is measured per row, and scrolling a
    // long cart never lays rows out again.
    m_lines->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // Not ResizeToContents: it shapes the text of every row (on a 1000-line cart 90 % of the
    // view's time, and again on every change); fitColumns() sizes the columns from their longest
    // texts instead.
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_lines->horizontalHeader()->setSectionResizeMode(CartLinesModel::Name, QHeaderView::Stretch);
    m_lines->setWordWrap(false);
    // The table repaints the columns right of a resized one on a timer, after the next paint: each
    // cart would paint its lines twice (fitColumns() resizes columns, and the stretched name
    // column changes width whenever the scroll bar comes or goes). Every column here changes only
    // through fitColumns(), which layOutLinesNow() follows, or with the viewport's size, which
    // repaints it whole: the timer's paint only repeats the first.
    QObject::disconnect(m_lines->horizontalHeader(), &QHeaderView::sectionResized, m_lines,
                        nullptr);
    m_lines->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Touch: a finger drags the lines and flicks them on (kinetic scrolling).
    QScroller::grabGesture(m_lines->viewport(), QScroller::LeftMouseButtonGesture);
    // A finger cannot hover: tapping a line whose name is cut shows it whole, through the same
    // tool tip the mouse gets (CartLineDelegate::helpEvent decides whether it is cut).
    connect(m_lines, &QTableView::clicked, this, [this](const QModelIndex& index) {
        const QPoint at = m_lines->visualRect(index).center();
        QHelpEvent tip(QEvent::ToolTip, at, m_lines->viewport()->mapToGlobal(at));
        QCoreApplication::sendEvent(m_lines->viewport(), &tip);
    });
    applyFonts();

    style::setRole(m_total, style::Role::Large);
    style::setRole(m_open, style::Role::Large);
    m_taxes->setWordWrap(true);

    auto* totals = new QFormLayout;
    totals->setLabelAlignment(Qt::AlignRight);
    const auto row = [this, totals](const QString& text, QLabel* value) {
        QLabel* label = plainLabel(this, value->objectName() + QStringLiteral("Label"), text);
        label->setText(text);
        totals->addRow(label, value);
    };
    row(tr("Taxes:"), m_taxes);
    row(tr("Total:"), m_total);
    row(tr("Paid:"), m_paid);
    row(tr("Open balance:"), m_open);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0); // the page around it has the margins
    layout->addWidget(m_title);
    layout->addWidget(m_customer);
    layout->addWidget(m_state);
    layout->addWidget(m_lines, 1);
    layout->addLayout(totals);
    clear();
}

QString CartView::stateName(Cart::State state)
{
    switch (state) {
    case Cart::State::Active:
        return tr("Active");
    case Cart::State::Merged:
        return tr("Merged");
    case Cart::State::Ordered:
        return tr("Ordered");
    case Cart::State::Frozen:
        break;
    }
    return tr("Frozen");
}

void CartView::setCart(const Cart& cart, const QStringList& storeLanguages, const QLocale& locale)
{
    m_cart = cart;
    m_title->setText(cart.key.isEmpty() ? tr("Cart %1").arg(cart.id) : tr("Cart %1").arg(cart.key));
    m_customer->setText(cart.customerEmail.isEmpty() ? tr("No customer")
                                                     : tr("Customer: %1").arg(cart.customerEmail));
    // An active cart is the normal case and says nothing; any other state is worth a look.
    m_state->setText(cart.cartState == Cart::State::Active
                         ? QString()
                         : tr("State: %1").arg(stateName(cart.cartState)));
    m_state->setVisible(!m_state->text().isEmpty());
    m_model->setCart(cart, storeLanguages, locale);
    // Most carts have no discount: the names get that column's width.
    m_lines->setColumnHidden(CartLinesModel::Discount, !m_model->hasDiscounts());
    fitColumns();
    layOutLinesNow();

    QStringList taxes;
    if (cart.taxedPrice) {
        for (const TaxPortion& portion : cart.taxedPrice->taxPortions) {
            const QString name =
                portion.name.isEmpty()
                    ? locale.toString(double(portion.ratePpm) / 10000.0, 'f', 1) + locale.percent()
                    : portion.name;
            taxes << tr("%1: %2 included").arg(name, portion.amount.toString(locale));
        }
    }
    if (taxes.isEmpty()) {
        // Without a cart-level taxed price (commercetools computes one only once the cart has a
        // tax address and the emulator not always), the lines' own taxed prices still say how
        // much tax the total includes.
        std::optional<Money> included;
        const auto add = [&included](const std::optional<TaxedPrice>& taxed) {
            if (!taxed)
                return;
            const Expected<Money> tax = taxed->totalTax ? Expected<Money>(*taxed->totalTax)
                                                        : taxed->totalGross.minus(taxed->totalNet);
            if (!tax)
                return;
            const Expected<Money> sum = included ? included->plus(*tax) : tax;
            if (sum)
                included = *sum;
        };
        for (const LineItem& line : cart.lineItems)
            add(line.taxedPrice);
        for (const CustomLineItem& line : cart.customLineItems)
            add(line.taxedPrice);
        if (included)
            taxes << tr("%1 tax included").arg(included->toString(locale));
    }
    m_taxes->setText(taxes.isEmpty() ? tr("not calculated") : taxes.join(QLatin1Char('\n')));
    m_total->setText(cart.totalPrice.toString(locale));
    // The cart alone does not say what its payments took: until the server's balance arrives
    // (setBalance) a cart with payments shows its paid amount as unknown rather than as zero.
    if (cart.paymentIds.isEmpty()) {
        const Money paid = Money::zero(*cart.totalPrice.currency());
        m_paid->setText(paid.toString(locale));
        m_open->setText(cart.totalPrice.toString(locale));
    } else {
        m_paid->setText(
            tr("%n payment(s), amount being checked", nullptr, int(cart.paymentIds.size())));
        m_open->setText(tr("see payments"));
    }
}

void CartView::setBalance(const api::CartBalance& balance, const QLocale& locale)
{
    if (!m_cart || m_cart->id != balance.cartId)
        return;
    m_paid->setText(balance.pending.isZero() ? balance.paid.toString(locale)
                                             : tr("%1 (and %2 in progress)")
                                                   .arg(balance.paid.toString(locale),
                                                        balance.pending.toString(locale)));
    m_open->setText(balance.openBalance.toString(locale));
}

void CartView::clear()
{
    m_cart.reset();
    m_title->setText(tr("No cart open"));
    m_customer->clear();
    m_state->clear();
    m_state->hide();
    m_model->clear();
    fitColumns();
    layOutLinesNow();
    m_taxes->clear();
    m_total->clear();
    m_paid->clear();
    m_open->clear();
}

void CartView::fitColumns()
{
    // What ResizeToContents would choose, from a few texts per column: the widest text of a column
    // is among its longest ones (digits are the same width in the fonts a till uses), so only
    // those are measured. A little room is added for a text of that length that is wider still.
    constexpr int candidates = 8;
    QHeaderView* header = m_lines->horizontalHeader();
    const QFontMetrics metrics = m_lines->fontMetrics();
    const int margins =
        2 * (m_lines->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_lines) + 1) +
        (m_lines->showGrid() ? 1 : 0);
    const int slack = metrics.horizontalAdvance(QLatin1Char('0'));
    for (int column = 0; column < CartLinesModel::ColumnCount; ++column) {
        if (column == CartLinesModel::Name || m_lines->isColumnHidden(column))
            continue; // stretches over what the others leave, or painted beneath it
        int width = header->sectionSizeHint(column);
        for (const QString& text : m_model->longestTexts(column, candidates))
            width = std::max(width, metrics.horizontalAdvance(text) + margins + slack +
                                        2 * CartLineDelegate::padding);
        header->resizeSection(column, width);
    }
}

void CartView::layOutLinesNow()
{
    // A model reset lays the rows out on a timer, after the next paint: the table would paint
    // once with the old cart's scroll bar and again when the new one shows or hides it (two full
    // paints per cart). Laid out now, the scroll bar is settled (a queued call, ahead of the
    // low-priority paint) before the first paint.
    // The vertical header first: its own pending layout would ask the table for another one.
    m_lines->verticalHeader()->doItemsLayout();
    m_lines->doItemsLayout();
}

void CartView::applyFonts()
{
    // The caption's font as the style sheet makes it (Role::Caption), read from a label that the
    // style has polished: the delegate paints with the same look as a caption label.
    QLabel caption;
    style::setRole(&caption, style::Role::Caption);
    caption.ensurePolished();
    m_lines->ensurePolished();
    m_delegate->setFonts(m_lines->font(), caption.font());
    m_lines->verticalHeader()->setMinimumSectionSize(m_delegate->rowHeight());
    m_lines->verticalHeader()->setDefaultSectionSize(m_delegate->rowHeight());
}

void CartView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        applyFonts();
        fitColumns();
        layOutLinesNow();
    }
}

QString CartView::totalText() const
{
    return m_total->text();
}

QString CartView::paidText() const
{
    return m_paid->text();
}

QString CartView::openBalanceText() const
{
    return m_open->text();
}

QString CartView::stateText() const
{
    return m_state->text();
}

} // namespace storedesk::ui
