#pragma once

#include "domain/cart.h"

#include <QAbstractTableModel>
#include <QLocale>

namespace storedesk::ui {

// A cart's product lines and custom lines as rows: name (in the store's language, with fallback),
// SKU, quantity, unit price, discount and line total. Every text is data for a plain-text view:
// a product name is never interpreted as markup.
class CartLinesModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Sku, Quantity, UnitPrice, Discount, LineTotal, ColumnCount };

    explicit CartLinesModel(QObject* parent = nullptr);

    void setCart(const Cart& cart, const QStringList& storeLanguages, const QLocale& locale);
    void clear();

    // The `count` longest texts of a column (by length, longest first): the candidates for its
    // widest text, found without measuring any of them.
    QStringList longestTexts(int column, int count) const;
    // Whether any line has a discount (else the column says nothing).
    bool hasDiscounts() const { return m_discounts; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString cells[ColumnCount];
        bool custom = false;
    };
    QList<Row> m_rows;
    bool m_discounts = false;
};

} // namespace storedesk::ui
