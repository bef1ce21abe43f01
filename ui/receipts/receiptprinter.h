#pragma once

#include "receipt/receipt.h"

#include <QLocale>
#include <QObject>
#include <QPointer>

#include <memory>

class QPrintPreviewDialog;
class QPrinter;
class QTextDocument;
class QWidget;

namespace storedesk::ui {

// Puts receipts on paper or into a PDF. Nothing here can undo or hold up what the receipt is of:
// a payment or refund is complete before a receipt is made, and a printer that fails only yields
// a message (failed()) that the caller shows. The dialogs it opens are window-modal and never
// block the caller (open(), not exec()).
class ReceiptPrinter : public QObject {
    Q_OBJECT

public:
    // Dialogs open over `window`.
    explicit ReceiptPrinter(const QLocale& locale, QWidget* window = nullptr);

    // Writes the receipt as a one-page PDF the width of an 80 mm roll, without asking anything.
    // False, with a message safe to show in *error, when it cannot.
    bool saveAsPdf(const Receipt& receipt, const QString& path, QString* error) const;
    // Prints the receipt on a printer that is set up already (page after page at a roll's width).
    bool print(const Receipt& receipt, QPrinter& printer, QString* error) const;

    // Interactive: a print preview, the system's print dialog, a file dialog for the PDF. Each
    // returns at once; the outcome arrives as done() or failed().
    // The preview shows the receipt on its 80 mm page, as the PDF has it.
    QPrintPreviewDialog* preview(const Receipt& receipt);
    void printWithDialog(const Receipt& receipt);
    void saveAsPdfWithDialog(const Receipt& receipt);

    // The same for any document laid out for the roll (rollwriter.h), e.g. a till's Z report:
    // the PDF without asking, and the system's print dialog or a file dialog (done()/failed()).
    // The document is shared so that it outlives the dialog; `fileName` is the name suggested.
    static bool saveDocumentAsPdf(const QTextDocument& document, const QString& path,
                                  QString* error);
    void printDocumentWithDialog(std::shared_ptr<const QTextDocument> document);
    void saveDocumentAsPdfWithDialog(std::shared_ptr<const QTextDocument> document,
                                     const QString& fileName);

    // Paints a laid-out receipt onto `printer`, at most a roll's width.
    static bool paint(const QTextDocument& document, QPrinter& printer, QString* error);
    // Gives `printer` one page an 80 mm roll wide and as long as `document` (within a limit).
    static void setRollPage(const QTextDocument& document, QPrinter& printer);

signals:
    void done(const QString& message);
    void failed(const QString& message);

private:
    void report(bool ok, const QString& success, const QString& error);

    QLocale m_locale;
    QPointer<QWidget> m_window;
};

} // namespace storedesk::ui
