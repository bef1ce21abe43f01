#include "sale/cartlinedelegate.h"

#include "common/style.h"
#include "sale/cartlinesmodel.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace storedesk::ui {

CartLineDelegate::CartLineDelegate(QObject* parent)
    : QAbstractItemDelegate(parent)
    , m_baseMetrics(m_base)
    , m_captionMetrics(m_caption)
{
    setFonts(QFont(), QFont());
}

void CartLineDelegate::setFonts(const QFont& base, const QFont& caption)
{
    m_base = base;
    m_caption = caption;
    m_baseMetrics = QFontMetrics(m_base);
    m_captionMetrics = QFontMetrics(m_caption);
    // Every row the same height (nothing measured per row), and a touch target.
    m_rowHeight = std::max(style::touchTarget,
                           m_baseMetrics.height() + m_captionMetrics.height() + 2 * padding);
}

QString CartLineDelegate::shownName(const QString& name, int width) const
{
    const int available = width - 2 * padding;
    // Most names fit: measuring is cheaper than eliding, and eliding is only needed past it.
    if (m_baseMetrics.horizontalAdvance(name) <= available)
        return name;
    return m_baseMetrics.elidedText(name, Qt::ElideRight, available);
}

void CartLineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const
{
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group =
        option.state.testFlag(QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
    if (selected)
        painter->fillRect(option.rect, option.palette.brush(group, QPalette::Highlight));
    else if (option.features.testFlag(QStyleOptionViewItem::Alternate))
        painter->fillRect(option.rect, option.palette.brush(group, QPalette::AlternateBase));
    const QColor text =
        option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);

    // The name and SKU are drawn at a baseline (a rectangle to lay out in would cost a text
    // layout per cell); the cell's clip keeps a long text inside it. A figure is one short run:
    // aligned in its rectangle, it is shaped once (measuring it first would shape it twice).
    const QRect area = option.rect.adjusted(padding, padding, -padding, -padding);
    const int baseline = area.top() + m_baseMetrics.ascent();
    const QString shown = index.data(Qt::DisplayRole).toString();
    painter->save();
    painter->setClipRect(option.rect, Qt::IntersectClip);
    painter->setPen(text);
    painter->setFont(m_base);
    if (index.column() == CartLinesModel::Name) {
        painter->drawText(QPoint(area.left(), baseline), shownName(shown, option.rect.width()));
        const QString sku = index.siblingAtColumn(CartLinesModel::Sku).data().toString();
        if (!sku.isEmpty()) {
            painter->setFont(m_caption);
            painter->drawText(QPoint(area.left(), area.top() + m_baseMetrics.height() +
                                                      m_captionMetrics.ascent()),
                              sku);
        }
    } else if (!shown.isEmpty()) {
        // Figures right-aligned on the name's line, so that the totals form a column.
        painter->drawText(QRect(area.left(), area.top(), area.width(), m_baseMetrics.height()),
                          Qt::AlignRight | Qt::AlignTop | Qt::TextSingleLine, shown);
    }
    painter->restore();
}

QSize CartLineDelegate::sizeHint(const QStyleOptionViewItem& /*option*/,
                                 const QModelIndex& index) const
{
    return {m_baseMetrics.horizontalAdvance(index.data(Qt::DisplayRole).toString()) + 2 * padding,
            m_rowHeight};
}

bool CartLineDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                 const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return false;
    const QString name = index.siblingAtColumn(CartLinesModel::Name).data().toString();
    const QString sku = index.siblingAtColumn(CartLinesModel::Sku).data().toString();
    const bool cut =
        index.column() == CartLinesModel::Name && shownName(name, option.rect.width()) != name;
    if (!cut) {
        QToolTip::hideText();
        return true;
    }
    // Escaped and wrapped as rich text: a name that looks like markup is shown as typed.
    QString tip = QStringLiteral("<p>") + name.toHtmlEscaped() + QStringLiteral("</p>");
    if (!sku.isEmpty())
        tip += QStringLiteral("<p>") + sku.toHtmlEscaped() + QStringLiteral("</p>");
    QToolTip::showText(event->globalPos(), tip, view->viewport(), option.rect);
    return true;
}

} // namespace storedesk::ui
