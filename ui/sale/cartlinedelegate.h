#pragma once

#include <QAbstractItemDelegate>
#include <QFont>
#include <QFontMetrics>

namespace storedesk::ui {

// Paints a cart line as the counter shows it: the product name on the first line with its SKU
// small beneath (the style's caption font), the figures right-aligned on the name's line. It
// paints the texts itself with font metrics measured once per font, instead of going through
// QStyledItemDelegate and the style sheet for every cell (issue 13: that was a fixed ~13 ms of
// every cart's first paint). A name too long for its column is elided and shown whole in a tool
// tip, as plain text.
class CartLineDelegate : public QAbstractItemDelegate {
    Q_OBJECT

public:
    explicit CartLineDelegate(QObject* parent = nullptr);

    // The fonts of the name line and of the SKU beneath it; the row height follows from them.
    void setFonts(const QFont& base, const QFont& caption);
    int rowHeight() const { return m_rowHeight; }
    static constexpr int padding = 4; // above, below and beside the texts

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

    // The text a name cell shows in `width` pixels (elided with "…" when it does not fit).
    QString shownName(const QString& name, int width) const;

private:
    QFont m_base;
    QFont m_caption;
    QFontMetrics m_baseMetrics;
    QFontMetrics m_captionMetrics;
    int m_rowHeight = 0;
};

} // namespace storedesk::ui
