#pragma once

#include "receipt/receipt.h"

#include <QDialog>
#include <QLocale>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace storedesk::ui {

class ReceiptPrinter;

// Shows a receipt's order number large (a sale's with its Code 128 small under it, as printed) and
// the receipt as the text it prints (read-only, plain) with Preview…, Print… (Enter, Ctrl+P), Save
// as PDF… and Close (Esc). Printing problems appear in the dialog's message line; they never reach
// back into the sale or refund the receipt is of.
class ReceiptDialog : public QDialog {
    Q_OBJECT

public:
    ReceiptDialog(const Receipt& receipt, const QLocale& locale, QWidget* parent = nullptr);

    // Opens a dialog for `receipt` over `parent` that deletes itself when closed; returns at once.
    static ReceiptDialog* showReceipt(const Receipt& receipt, const QLocale& locale,
                                      QWidget* parent);

    const Receipt& receipt() const { return m_receipt; }
    ReceiptPrinter* printer() const { return m_printer; }
    QPlainTextEdit* text() const { return m_text; }
    QLabel* orderNumber() const { return m_number; }
    // The sale receipt's Code 128 of the order number; hidden for a refund receipt.
    QLabel* barcode() const { return m_barcode; }
    QLabel* message() const { return m_message; }
    QPushButton* previewButton() const { return m_preview; }
    QPushButton* printButton() const { return m_print; }
    QPushButton* pdfButton() const { return m_pdf; }
    QPushButton* closeButton() const { return m_close; }

private:
    Receipt m_receipt;
    ReceiptPrinter* m_printer;
    QPlainTextEdit* m_text;
    QLabel* m_kind;
    QLabel* m_number;
    QLabel* m_barcode;
    QLabel* m_message;
    QPushButton* m_preview;
    QPushButton* m_print;
    QPushButton* m_pdf;
    QPushButton* m_close;
};

} // namespace storedesk::ui
