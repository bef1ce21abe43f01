#pragma once

#include "receipt/receipt.h"

#include <QByteArray>
#include <QHash>
#include <QLocale>
#include <QObject>
#include <QPointer>

#include <optional>

namespace storedesk::api {
struct TillReport;
}
namespace storedesk::hardware {
class EscPosPrinter;
enum class PrinterProblem;
struct PrinterStatus;
} // namespace storedesk::hardware

namespace storedesk::ui {

// Puts documents for the 80 mm roll (receipts, X and Z reports) on the workstation's ESC/POS
// receipt printer: the same lines as the PDF (ReceiptDocument::write, TillReportDocument::write),
// then a cut. Nothing here can undo or hold up what is printed: a job that fails yields failed()
// with the problem in words, and the document waits for reprint() while the counter goes on.
class RollPrinter : public QObject {
    Q_OBJECT

public:
    explicit RollPrinter(QObject* parent = nullptr);

    // The printer and its characters per line; nullptr: the `system` setting, no roll printer
    // (print() then does nothing and returns 0). Not owned.
    void setPrinter(hardware::EscPosPrinter* printer, int columns);
    bool isAvailable() const { return !m_printer.isNull(); }

    // Queues the document; returns the job's id (0 without a printer). printed() or failed()
    // follows with that id.
    quint64 print(const Receipt& receipt);
    quint64 print(const api::TillReport& report, const ReceiptContext& context, bool copy);

    // The document whose print failed last, once more (the same document: it never reached the
    // paper, so it is no copy). 0 when none is waiting.
    quint64 reprint();
    bool hasFailedDocument() const { return m_failed.has_value(); }

    // The ESC/POS job of a document, as print() sends it.
    static QByteArray receiptJob(const Receipt& receipt, int columns, const QLocale& locale);
    static QByteArray reportJob(const api::TillReport& report, const ReceiptContext& context,
                                bool copy, int columns, const QLocale& locale);

signals:
    void printed(quint64 id, const QString& message);
    void failed(quint64 id, const QString& message);

private:
    struct Document {
        QByteArray bytes;
        QString title; // "The receipt", "The Z report": what the messages name
    };
    quint64 send(const Document& document);
    void onJobDone(quint64 id);
    void onJobFailed(quint64 id, hardware::PrinterProblem problem);

    QPointer<hardware::EscPosPrinter> m_printer;
    int m_columns = 48;
    QHash<quint64, Document> m_jobs;
    std::optional<Document> m_failed;
};

} // namespace storedesk::ui
