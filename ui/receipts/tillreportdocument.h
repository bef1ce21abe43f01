#pragma once

#include "receipt/receipt.h"
#include "receipt/rollwriter.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextDocument>

#include <memory>

namespace storedesk::api {
struct TillReport;
}

namespace storedesk::ui {

// An X or Z report of a till session laid out for the 80 mm roll, in the receipt's column, font
// and page (ui/receipts/rollwriter.h, ReceiptPrinter): store, workstation, the Z number (or that
// an X report is no close), who opened and closed when, the float, the cash figures and expected
// cash, card totals per terminal, counts, the movements and, for a Z report, the count by
// denomination, counted and over/short in words, approver and reason. A reprint says "COPY" in
// large type. Every text goes in as text (a reason with markup prints literally); money and
// dates follow `locale`.
class TillReportDocument {
    Q_DECLARE_TR_FUNCTIONS(storedesk::ui::TillReportDocument)

public:
    // `context` gives the store's name and who prints; `copy` marks a reprint.
    TillReportDocument(const api::TillReport& report, const ReceiptContext& context, bool copy,
                       const QLocale& locale);
    ~TillReportDocument();
    TillReportDocument(const TillReportDocument&) = delete;
    TillReportDocument& operator=(const TillReportDocument&) = delete;

    // Lays `report` out on any roll (the document here, or an ESC/POS printer's sink).
    static void write(storedesk::roll::Writer& out, const api::TillReport& report,
                      const ReceiptContext& context, bool copy, const QLocale& locale);

    QTextDocument* document() const { return m_document.get(); }
    // Exactly the printed text, one roll line a line.
    QString plainText() const;
    // "Z report berlin-mitte-till-1-Z000001" or "X report berlin-mitte-till-1".
    QString title() const;
    // A file name for the PDF: "z-report-berlin-mitte-till-1-Z000001.pdf".
    QString pdfFileName() const;

    // The difference of a close in words, as the report writes it: "Over", "Short" or "No
    // difference" (from counted − expected; negative is short), and with the amount without its
    // sign: "Short 12,50 €" (no amount when there is no difference).
    static QString overShortLabel(const Money& overShort);
    static QString overShortText(const Money& overShort, const QLocale& locale);
    // A note or coin as a colleague names it: "50,00 €".
    static QString denominationName(qint64 value, const QString& currency, const QLocale& locale);

private:
    std::unique_ptr<QTextDocument> m_document;
    QString m_title;
    QString m_fileName;
};

} // namespace storedesk::ui
