#include "till/countgrid.h"

#include "common/keypad.h"
#include "common/style.h"
#include "common/widgethelpers.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace storedesk::ui {

namespace {

// Whole pieces, 0 … TillCount::MaxPieces (100000): the field cannot hold anything else, so a
// count the server would refuse cannot be typed.
const QRegularExpression piecesPattern(QStringLiteral("[0-9]{0,5}|100000"));
constexpr int fieldWidth = 120;

} // namespace

CountGrid::CountGrid(QWidget* parent)
    : QWidget(parent)
    , m_rowsWidget(new QWidget)
    , m_scroll(new QScrollArea(this))
    , m_totalCaption(widgets::plainLabel(this, QStringLiteral("countTotalCaption"),
                                         tr("Counted total"), tr("Counted")))
    , m_total(widgets::plainLabel(this, QStringLiteral("countTotal"), tr("Counted total")))
    , m_keypad(new Keypad(this))
{
    setObjectName(QStringLiteral("countGrid"));
    m_rowsWidget->setObjectName(QStringLiteral("countRows"));
    m_scroll->setObjectName(QStringLiteral("countScroll"));
    m_scroll->setWidget(m_rowsWidget);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setAccessibleName(tr("Notes and coins"));
    auto* grid = new QGridLayout(m_rowsWidget);
    grid->setContentsMargins(0, 0, style::spacing, 0);
    grid->setHorizontalSpacing(2 * style::spacing);
    grid->setVerticalSpacing(style::spacing);

    m_total->setWordWrap(false);
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_totalCaption->setWordWrap(false);
    style::setRole(m_totalCaption, style::Role::Large);
    style::setRole(m_total, style::Role::Display);
    m_keypad->setDecimalKeyVisible(false);

    auto* totalRow = new QHBoxLayout;
    totalRow->addWidget(m_totalCaption);
    totalRow->addStretch();
    totalRow->addWidget(m_total);
    auto* left = new QVBoxLayout;
    left->setSpacing(style::spacing);
    left->addWidget(m_scroll, 1);
    left->addLayout(totalRow);
    auto* keypadColumn = new QVBoxLayout;
    keypadColumn->addStretch();
    keypadColumn->addWidget(m_keypad);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2 * style::spacing);
    layout->addLayout(left, 1);
    layout->addLayout(keypadColumn);
}

void CountGrid::setCurrency(const QString& currencyCode, const QLocale& locale)
{
    clearRows();
    m_currency = currencyCode;
    m_locale = locale;
    auto* grid = static_cast<QGridLayout*>(m_rowsWidget->layout());
    const QList<Denomination> denominations = denominationsFor(currencyCode);
    for (const Denomination& denomination : denominations) {
        const int index = int(m_rows.size());
        const Expected<Money> face = Money::fromMinorUnits(denomination.value, currencyCode);
        const QString name = face ? face->toString(locale) : QString::number(denomination.value);
        const bool note = denomination.kind == Denomination::Kind::Note;
        Row row;
        row.denomination = denomination;
        row.name =
            widgets::plainLabel(m_rowsWidget, QStringLiteral("countName%1").arg(index),
                                note ? tr("%1 note").arg(name) : tr("%1 coin").arg(name), name);
        row.name->setWordWrap(false);
        row.name->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto* kind = widgets::plainLabel(m_rowsWidget, QStringLiteral("countKind%1").arg(index),
                                         tr("Kind"), note ? tr("Note") : tr("Coin"));
        kind->setWordWrap(false);
        style::setRole(kind, style::Role::Caption);
        row.field = widgets::lineEdit(m_rowsWidget, QStringLiteral("countField%1").arg(index),
                                      note ? tr("Number of %1 notes").arg(name)
                                           : tr("Number of %1 coins").arg(name),
                                      QStringLiteral("0"));
        row.field->setValidator(new QRegularExpressionValidator(piecesPattern, row.field));
        row.field->setInputMethodHints(Qt::ImhDigitsOnly);
        row.field->setAlignment(Qt::AlignRight);
        row.field->setMinimumHeight(style::touchTarget);
        row.field->setFixedWidth(fieldWidth);
        row.field->installEventFilter(this);
        connect(row.field, &QLineEdit::textChanged, this, [this] {
            updateTotals();
            emit countChanged();
        });
        row.value = widgets::plainLabel(m_rowsWidget, QStringLiteral("countValue%1").arg(index),
                                        tr("Value of the %1 counted").arg(name));
        row.value->setWordWrap(false);
        row.value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(row.name, index, 0);
        grid->addWidget(kind, index, 1);
        grid->addWidget(row.field, index, 2);
        grid->addWidget(row.value, index, 3);
        if (index > 0)
            setTabOrder(m_rows.last().field, row.field);
        m_rows.append(row);
    }
    grid->setColumnStretch(3, 1);
    grid->setRowStretch(int(m_rows.size()), 1);
    updateTotals();
    // As wide as the rows (no horizontal scrolling), with room for the vertical scroll bar.
    m_scroll->setMinimumWidth(m_rowsWidget->sizeHint().width() +
                              m_scroll->verticalScrollBar()->sizeHint().width());
    // At least three rows show on any screen; the rest scroll.
    m_scroll->setMinimumHeight(3 * (style::touchTarget + style::spacing));
}

void CountGrid::sizeDialog(QWidget* dialog, int minimumWidth) const
{
    const QSize hint = dialog->sizeHint();
    // The scroll area's hint is capped; the rows' own height is what showing them all takes.
    const int allRows = hint.height() - m_scroll->sizeHint().height() +
                        m_rowsWidget->sizeHint().height() + style::margin;
    const QScreen* screen = dialog->screen();
    const int screenHeight = screen ? screen->availableGeometry().height() : 768;
    dialog->resize(std::max(minimumWidth, hint.width()),
                   std::max(680, std::min(allRows, screenHeight * 9 / 10)));
}

void CountGrid::clearRows()
{
    QLayout* grid = m_rowsWidget->layout();
    while (QLayoutItem* item = grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_rows.clear();
}

TillCount CountGrid::count() const
{
    TillCount count;
    count.currency = m_currency;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (const qint64 pieces = piecesAt(row); pieces > 0)
            count.lines.append({m_rows[row].denomination.value, pieces});
    }
    return count;
}

void CountGrid::setCount(const TillCount& count)
{
    if (count.currency != m_currency)
        setCurrency(count.currency, m_locale);
    for (Row& row : m_rows) {
        const qint64 pieces = count.countOf(row.denomination.value);
        const QSignalBlocker blocker(row.field);
        row.field->setText(pieces > 0 ? QString::number(pieces) : QString());
    }
    updateTotals();
    emit countChanged();
}

Money CountGrid::total() const
{
    const Expected<Money> total = count().total();
    if (total)
        return *total;
    const Expected<Money> zero = Money::fromMinorUnits(0, m_currency);
    return zero ? *zero : Money();
}

bool CountGrid::isEmpty() const
{
    return count().lines.isEmpty();
}

void CountGrid::clear()
{
    for (Row& row : m_rows) {
        const QSignalBlocker blocker(row.field);
        row.field->clear();
    }
    updateTotals();
    emit countChanged();
}

void CountGrid::setReadOnly(bool readOnly)
{
    for (Row& row : m_rows)
        row.field->setReadOnly(readOnly);
    m_keypad->setEnabled(!readOnly);
}

void CountGrid::focusFirst()
{
    focusRow(0);
}

qint64 CountGrid::valueAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].denomination.value : 0;
}

QLineEdit* CountGrid::field(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].field : nullptr;
}

QLineEdit* CountGrid::fieldFor(qint64 value) const
{
    for (const Row& row : m_rows) {
        if (row.denomination.value == value)
            return row.field;
    }
    return nullptr;
}

QLabel* CountGrid::rowTotal(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].value : nullptr;
}

qint64 CountGrid::piecesAt(int row) const
{
    // The validator lets only 0 … 100000 in.
    return m_rows[row].field->text().toLongLong();
}

void CountGrid::updateTotals()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const qint64 pieces = piecesAt(row);
        const Expected<Money> value =
            Money::fromMinorUnits(m_rows[row].denomination.value * pieces, m_currency);
        // An empty row shows nothing, so the counted rows stand out.
        m_rows[row].value->setText(pieces > 0 && value ? value->toString(m_locale) : QString());
    }
    const Money sum = total();
    m_total->setText(sum.isValid() ? sum.toString(m_locale) : QString());
}

void CountGrid::focusRow(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    QLineEdit* field = m_rows[row].field;
    field->setFocus(Qt::TabFocusReason);
    field->selectAll();
}

int CountGrid::rowOf(QObject* field) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].field == field)
            return row;
    }
    return -1;
}

bool CountGrid::eventFilter(QObject* watched, QEvent* event)
{
    const int row = rowOf(watched);
    if (row < 0)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::FocusIn) {
        // Tab, arrows and Enter select the row's text (QLineEdit and focusRow), so typing
        // replaces it, as in a spin box.
        m_scroll->ensureWidgetVisible(m_rows[row].field, 0, style::spacing);
    } else if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier))
            return false;
        switch (key->key()) {
        case Qt::Key_Down:
            focusRow(row + 1);
            return true;
        case Qt::Key_Up:
            focusRow(row - 1);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (row + 1 < m_rows.size())
                focusRow(row + 1);
            else
                emit countFinished();
            return true;
        default:
            break;
        }
    }
    return false;
}

} // namespace storedesk::ui
