#pragma once

#include "api/orderjobs.h"

#include <QLocale>
#include <QWidget>

class QGridLayout;
class QLabel;
class QSpinBox;

namespace storedesk::ui {

// An order's lines for a refund, one row each: the name in the store's language (plain text),
// units bought, already refunded and still refundable, and a spin box for how many to refund now.
// Tab moves from one spin box to the next.
class RefundLinesEditor : public QWidget {
    Q_OBJECT

public:
    enum Column { Name, Bought, Refunded, Refundable, Quantity, ColumnCount };

    explicit RefundLinesEditor(QWidget* parent = nullptr);

    void setOrder(const api::OrderLookup& lookup, const QStringList& storeLanguages,
                  const QLocale& locale);
    void clear();

    int rowCount() const { return int(m_rows.size()); }
    QString lineId(int row) const { return m_rows.value(row).lineId; }
    // The text shown in a column (not Quantity) of a row.
    QString text(int row, Column column) const;
    QSpinBox* quantityBox(int row) const { return m_rows.value(row).quantity; }
    QList<QWidget*> focusOrder() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void quantityChanged(const QString& lineId, qint64 quantity);

private:
    struct Row {
        QString lineId;
        QLabel* cells[Quantity] = {};
        QSpinBox* quantity = nullptr;
    };
    void addRow(const QString& lineId, const QString& name, qint64 bought, qint64 refunded,
                qint64 refundable, const QLocale& locale);

    QGridLayout* m_grid;
    QList<Row> m_rows;
};

} // namespace storedesk::ui
