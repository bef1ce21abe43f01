#pragma once

#include "api/tilljobs.h"
#include "receipt/receipt.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QLabel;
class QPushButton;

namespace storedesk::api {
struct TillReport;
}

namespace storedesk::ui {

class ReceiptPrinter;
class RollPrinter;
class TillReportDocument;
class TillReportView;

// An X or Z report in a TillReportView with Print… (Enter, Ctrl+P: the system's print dialog, as
// receipts are printed), Save as PDF… (the 80 mm roll, as receipts are saved) and Close (Esc).
// Printing problems appear in the dialog's message line only. `copy` marks a reprint ("COPY").
class TillReportDialog : public QDialog {
    Q_OBJECT

public:
    TillReportDialog(const api::TillReport& report, const ReceiptContext& context, bool copy,
                     QWidget* parent = nullptr);
    ~TillReportDialog() override;

    // Opens a dialog over `parent` that deletes itself when closed; returns at once.
    // `roll`: the workstation's ESC/POS receipt printer, if it has one (setRollPrinter).
    static TillReportDialog* showReport(const api::TillReport& report,
                                        const ReceiptContext& context, bool copy, QWidget* parent,
                                        RollPrinter* roll = nullptr);

    // Print puts the report on this ESC/POS roll printer at once instead of opening the system's
    // print dialog; its outcome shows in the message line.
    void setRollPrinter(RollPrinter* roll);

    // The laid-out report that Print and Save as PDF put on the roll.
    const TillReportDocument& document() const { return *m_document; }
    // Writes the PDF without asking (what Save as PDF… does after its file dialog).
    bool saveAsPdf(const QString& path, QString* error = nullptr) const;

    TillReportView* view() const { return m_view; }
    ReceiptPrinter* printer() const { return m_printer; }
    QLabel* message() const { return m_message; }
    QPushButton* printButton() const { return m_print; }
    QPushButton* pdfButton() const { return m_pdf; }
    QPushButton* closeButton() const { return m_close; }

private:
    api::TillReport m_report;
    ReceiptContext m_context;
    bool m_copy;
    QPointer<RollPrinter> m_roll;
    quint64 m_rollJob = 0;
    std::shared_ptr<TillReportDocument> m_document;
    ReceiptPrinter* m_printer;
    TillReportView* m_view;
    QLabel* m_message;
    QPushButton* m_print;
    QPushButton* m_pdf;
    QPushButton* m_close;
};

} // namespace storedesk::ui
