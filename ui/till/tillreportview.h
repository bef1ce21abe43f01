#pragma once

#include "receipt/receipt.h"

#include <QWidget>

class QLabel;
class QTextEdit;

namespace storedesk::api {
struct TillReport;
}

namespace storedesk::ui {

// One X or Z report on screen: what it is (X report, or the Z number large), the figures a
// colleague or manager looks for first (expected cash; for a Z report counted and over/short,
// in words and tone) and, below, scrollable, the roll itself as it prints (TillReportDocument:
// bold lines, COPY in large type), read-only and a little larger than on paper. "COPY" shows on a
// reprint. Money and dates in the default locale (the app's language).
class TillReportView : public QWidget {
    Q_OBJECT

public:
    explicit TillReportView(QWidget* parent = nullptr);

    // The store's name and who prints, for the report's head (optional).
    void setContext(const ReceiptContext& context);
    // Shows `report`; `copy` marks a reprint.
    void setReport(const api::TillReport& report, bool copy);
    void clear();

    bool hasReport() const { return m_hasReport; }
    bool isCopy() const { return m_copy; }

    QLabel* kind() const { return m_kind; }             // "X report" / "Z report" (+ COPY)
    QLabel* number() const { return m_number; }         // the Z number, or the workstation (X)
    QLabel* expectedCash() const { return m_expected; } // the amount
    QLabel* counted() const { return m_counted; }       // Z only: the amount
    QLabel* overShort() const { return m_overShort; }   // Z only: "Short: 12,50 €"
    QTextEdit* text() const { return m_text; }          // the printed document

private:
    ReceiptContext m_context;
    bool m_hasReport = false;
    bool m_copy = false;
    QLabel* m_kind;
    QLabel* m_number;
    QLabel* m_expectedCaption;
    QLabel* m_expected;
    QLabel* m_countedCaption;
    QLabel* m_counted;
    QLabel* m_overShort;
    QTextEdit* m_text;
};

} // namespace storedesk::ui
