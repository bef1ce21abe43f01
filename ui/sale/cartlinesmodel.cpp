#include "sale/cartlinesmodel.h"

#include "domain/moneyformatter.h"

namespace storedesk::ui {

CartLinesModel::CartLinesModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CartLinesModel::setCart(const Cart& cart, const QStringList& storeLanguages,
                             const QLocale& locale)
{
    beginResetModel();
    m_rows.clear();
    m_discounts = false;
    const QString language = cart.locale.isEmpty() ? locale.name() : cart.locale;
    // One fallback chain for the whole cart, not one per line.
    const QStringList chain = LocalizedString::fallbackChain(language, storeLanguages);
    // And one currency pattern for all its amounts.
    MoneyFormatter money(locale);
    m_rows.reserve(cart.lineItems.size() + cart.customLineItems.size());
    for (const LineItem& line : cart.lineItems) {
        Row row;
        row.cells[Name] = line.name.valueIn(chain);
        if (line.isGift())
            row.cells[Name] = tr("%1 (gift)").arg(row.cells[Name]);
        row.cells[Sku] = line.sku;
        row.cells[Quantity] = locale.toString(line.quantity);
        row.cells[UnitPrice] = money.format(line.effectiveUnitPrice());
        const Expected<Money> discount = line.discountAmount();
        row.cells[Discount] =
            discount && !discount->isZero() ? money.format(*discount->negated()) : QString();
        row.cells[LineTotal] = money.format(line.totalPrice);
        m_discounts = m_discounts || !row.cells[Discount].isEmpty();
        m_rows.append(std::move(row));
    }
    for (const CustomLineItem& line : cart.customLineItems) {
        Row row;
        row.custom = true;
        row.cells[Name] = line.name.valueIn(chain);
        row.cells[Sku] = QString();
        row.cells[Quantity] = locale.toString(line.quantity);
        row.cells[UnitPrice] = money.format(line.money);
        row.cells[LineTotal] = money.format(line.totalPrice);
        m_rows.append(std::move(row));
    }
    endResetModel();
}

void CartLinesModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_discounts = false;
    endResetModel();
}

QStringList CartLinesModel::longestTexts(int column, int count) const
{
    QStringList longest; // kept sorted, longest first
    if (column < 0 || column >= ColumnCount || count < 1)
        return longest;
    for (const Row& row : m_rows) {
        const QString& text = row.cells[column];
        if (longest.size() == count && text.size() <= longest.last().size())
            continue;
        qsizetype at = longest.size();
        while (at > 0 && longest.at(at - 1).size() < text.size())
            --at;
        longest.insert(at, text);
        if (longest.size() > count)
            longest.removeLast();
    }
    return longest;
}

int CartLinesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CartLinesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CartLinesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    // No tool tip: Qt would render a name that looks like HTML as rich text there.
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return row.cells[index.column()];
    case Qt::TextAlignmentRole:
        return index.column() >= Quantity ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                          : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant CartLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Product");
    case Sku:
        return tr("SKU");
    case Quantity:
        return tr("Quantity");
    case UnitPrice:
        return tr("Unit price");
    case Discount:
        return tr("Discount");
    case LineTotal:
        return tr("Line total");
    default:
        return {};
    }
}

} // namespace storedesk::ui
