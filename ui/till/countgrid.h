#pragma once

#include "domain/denominations.h"

#include <QList>
#include <QLocale>
#include <QWidget>

class QLabel;
class QLineEdit;
class QScrollArea;

namespace storedesk::ui {

class Keypad;

// Counting a drawer by denomination (issue 15): one row per note and coin of the currency, with
// the denomination's name in the locale, a field for how many pieces, and the row's value; the
// counted total in display type beneath. Never a typed total: the total is only ever the sum.
//
// Keyboard: Tab, Down and Enter go to the next row, Up and Shift+Tab back; Enter on the last row
// asks for the count to be used (countFinished). Touch: the shared keypad beside the rows types
// into the focused field (whole numbers: no decimal key). The rows scroll when they do not fit.
class CountGrid : public QWidget {
    Q_OBJECT

public:
    explicit CountGrid(QWidget* parent = nullptr);

    // Builds the rows for the currency's notes and coins (denominationsFor), all empty.
    void setCurrency(const QString& currencyCode, const QLocale& locale = QLocale());
    QString currency() const { return m_currency; }

    // What the fields say; empty fields count 0. Lines with 0 pieces are left out.
    TillCount count() const;
    void setCount(const TillCount& count);
    // The sum of the rows, in the currency (zero when nothing is counted).
    Money total() const;
    bool isEmpty() const;
    void clear();
    // Fields cannot be changed while a count is on its way.
    void setReadOnly(bool readOnly);
    // Focus on the first row (the highest note).
    void focusFirst();
    // Sizes a dialog holding this grid: as tall as all rows need, within 90 % of its screen's
    // height and never below 680 px (a 1024x768 till's screen); the rest scrolls.
    void sizeDialog(QWidget* dialog, int minimumWidth) const;

    int rowCount() const { return int(m_rows.size()); }
    qint64 valueAt(int row) const;
    QLineEdit* field(int row) const;
    QLineEdit* fieldFor(qint64 value) const; // null when the currency has no such denomination
    QLabel* rowTotal(int row) const;
    QLabel* totalLabel() const { return m_total; }
    Keypad* keypad() const { return m_keypad; }
    QScrollArea* scrollArea() const { return m_scroll; }

signals:
    void countChanged();
    // Enter on the last row: the colleague has counted everything.
    void countFinished();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Row {
        Denomination denomination;
        QLabel* name = nullptr;
        QLineEdit* field = nullptr;
        QLabel* value = nullptr;
    };

    void clearRows();
    void updateTotals();
    void focusRow(int row);
    int rowOf(QObject* field) const;
    qint64 piecesAt(int row) const;

    QLocale m_locale;
    QString m_currency;
    QList<Row> m_rows;
    QWidget* m_rowsWidget;
    QScrollArea* m_scroll;
    QLabel* m_totalCaption;
    QLabel* m_total;
    Keypad* m_keypad;
};

} // namespace storedesk::ui
