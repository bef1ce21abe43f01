#include "refund/refundlineseditor.h"

#include "common/style.h"
#include "common/widgethelpers.h"

#include <QEvent>
#include <QGridLayout>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <limits>

namespace storedesk::ui {

RefundLinesEditor::RefundLinesEditor(QWidget* parent)
    : QWidget(parent)
    , m_grid(new QGridLayout)
{
    // The rows stand at the top and take the width; the space below stays empty.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_grid);
    layout->addStretch(1);
    m_grid->setHorizontalSpacing(style::margin);
    m_grid->setVerticalSpacing(style::spacing);
    setObjectName(QStringLiteral("refundLines"));
    setAccessibleName(tr("Order lines"));
    const QString headers[ColumnCount] = {tr("Product"), tr("Bought"), tr("Already refunded"),
                                          tr("Refundable"), tr("Refund now")};
    for (int column = 0; column < ColumnCount; ++column) {
        QLabel* header =
            widgets::plainLabel(this, QStringLiteral("refundLinesHeader%1").arg(column),
                                headers[column], headers[column]);
        header->setWordWrap(false);
        style::setRole(header, style::Role::Caption);
        // Cells fill their column (a long name wraps in the name column's whole width); the
        // figures stand at its right edge.
        header->setAlignment(column == Name ? Qt::AlignLeft | Qt::AlignBottom
                                            : Qt::AlignRight | Qt::AlignBottom);
        m_grid->addWidget(header, 0, column);
    }
    m_grid->setColumnStretch(Name, 1);
}

void RefundLinesEditor::clear()
{
    for (const Row& row : std::as_const(m_rows)) {
        for (QLabel* cell : row.cells)
            delete cell;
        delete row.quantity;
    }
    m_rows.clear();
}

void RefundLinesEditor::setOrder(const api::OrderLookup& lookup, const QStringList& storeLanguages,
                                 const QLocale& locale)
{
    clear();
    const Order& order = lookup.order;
    const auto refundable = [&](const QString& id) {
        const api::RefundableLine* line = lookup.refundableLine(id);
        return line ? line->quantity : 0;
    };
    for (const LineItem& line : order.lineItems)
        addRow(line.id, line.name.value(locale, storeLanguages), line.quantity,
               order.returnedQuantity(line.id), refundable(line.id), locale);
    for (const CustomLineItem& line : order.customLineItems)
        addRow(line.id, line.name.value(locale, storeLanguages), line.quantity,
               order.returnedQuantity(line.id), refundable(line.id), locale);
}

void RefundLinesEditor::addRow(const QString& lineId, const QString& name, qint64 bought,
                               qint64 refunded, qint64 refundable, const QLocale& locale)
{
    const int index = int(m_rows.size());
    const int gridRow = index + 1;
    Row row;
    row.lineId = lineId;
    const QString texts[Quantity] = {name, locale.toString(bought), locale.toString(refunded),
                                     locale.toString(refundable)};
    const QString names[Quantity] = {tr("Product"), tr("Bought"), tr("Already refunded"),
                                     tr("Refundable")};
    for (int column = 0; column < Quantity; ++column) {
        // A product name is data: plain text, never markup.
        QLabel* cell =
            widgets::plainLabel(this, QStringLiteral("refundLine%1Column%2").arg(index).arg(column),
                                tr("%1: %2").arg(names[column], name), texts[column]);
        cell->setWordWrap(column == Name);
        cell->setAlignment(column == Name ? Qt::AlignLeft | Qt::AlignVCenter
                                          : Qt::AlignRight | Qt::AlignVCenter);
        m_grid->addWidget(cell, gridRow, column);
        row.cells[column] = cell;
    }
    auto* quantity = new QSpinBox(this);
    quantity->setObjectName(QStringLiteral("refundQuantity%1").arg(index));
    quantity->setAccessibleName(tr("Quantity to refund: %1").arg(name));
    quantity->setRange(0, int(std::min<qint64>(refundable, std::numeric_limits<int>::max())));
    quantity->setEnabled(refundable > 0);
    quantity->setLocale(locale);
    // A touch target: the on-screen keypad types into it, its arrows are big enough for a finger.
    quantity->setMinimumSize(3 * style::touchTarget, style::touchTarget);
    quantity->setAlignment(Qt::AlignRight);
    quantity->installEventFilter(this);
    m_grid->addWidget(quantity, gridRow, Quantity, Qt::AlignRight);
    row.quantity = quantity;
    connect(quantity, &QSpinBox::valueChanged, this,
            [this, lineId](int value) { emit quantityChanged(lineId, value); });
    m_rows.append(row);
}

bool RefundLinesEditor::eventFilter(QObject* watched, QEvent* event)
{
    // Entering a quantity selects it, however the focus came (Tab, a click, a tap, the dialog):
    // a digit typed or tapped on the keypad replaces the 0 instead of joining it ("01", "10").
    // After the spin box's own focus handling, which would place a cursor instead.
    if (event->type() == QEvent::FocusIn) {
        if (auto* box = qobject_cast<QSpinBox*>(watched))
            QTimer::singleShot(0, box, &QSpinBox::selectAll);
    }
    return QWidget::eventFilter(watched, event);
}

QString RefundLinesEditor::text(int row, Column column) const
{
    if (row < 0 || row >= m_rows.size() || column >= Quantity)
        return {};
    return m_rows.at(row).cells[column]->text();
}

QList<QWidget*> RefundLinesEditor::focusOrder() const
{
    QList<QWidget*> order;
    for (const Row& row : m_rows)
        order.append(row.quantity);
    return order;
}

} // namespace storedesk::ui
