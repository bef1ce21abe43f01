#pragma once

#include "api/orderjobs.h"

#include <QLocale>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace storedesk::ui {

// A finished refund: the total, who approved it, and what went back to each tender (tender,
// amount, state), with the buttons to print its receipt and to finish.
class RefundResultView : public QWidget {
    Q_OBJECT

public:
    explicit RefundResultView(QWidget* parent = nullptr);

    void setResult(const api::RefundResult& result, const QLocale& locale);
    void clear();

    // A tender's name as a colleague says it ("cash" → "Cash"); the server's word when unknown.
    static QString tenderName(const QString& tender);
    static QString stateName(const QString& state);

    QLabel* summary() const { return m_summary; }
    QTreeWidget* tenders() const { return m_tenders; }
    QPushButton* printButton() const { return m_print; }
    QPushButton* doneButton() const { return m_done; }

signals:
    void printRequested();
    void doneRequested();

private:
    QLabel* m_summary;
    QTreeWidget* m_tenders;
    QPushButton* m_print;
    QPushButton* m_done;
};

} // namespace storedesk::ui
