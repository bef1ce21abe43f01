#include "receipts/receiptprinter.h"

#include "base/logging.h"
#include "common/style.h"
#include "receipts/receiptdocument.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QPainter>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QRegularExpression>
#include <QScreen>
#include <QStandardPaths>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>
#include <memory>

namespace storedesk::ui {
namespace {

// An 80 mm roll with 4 mm margins: the widest a receipt's column gets, also on A4.
constexpr qreal rollWidthMm = 80;
constexpr qreal rollMarginMm = 4;
constexpr qreal textWidthMm = rollWidthMm - 2 * rollMarginMm;
// Longer receipts go onto further pages of this height (a PDF page may not be much longer).
constexpr qreal maxPageHeightMm = 2000;

qreal millimetresToPixels(qreal mm, const QPrinter& printer)
{
    return mm / 25.4 * printer.resolution();
}

// How tall the receipt is when laid out for `printer` at the roll's text width.
qreal contentHeightMm(const QTextDocument& document, QPrinter& printer)
{
    std::unique_ptr<QTextDocument> copy(document.clone());
    copy->documentLayout()->setPaintDevice(&printer);
    copy->setTextWidth(millimetresToPixels(textWidthMm, printer));
    return copy->size().height() / printer.resolution() * 25.4;
}

QString pdfFileName(const Receipt& receipt)
{
    QString number = receipt.orderNumber;
    number.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    return receipt.kind == Receipt::Kind::Sale ? QStringLiteral("receipt-%1.pdf").arg(number)
                                               : QStringLiteral("refund-%1.pdf").arg(number);
}

} // namespace

ReceiptPrinter::ReceiptPrinter(const QLocale& locale, QWidget* window)
    : QObject(window)
    , m_locale(locale)
    , m_window(window)
{
}

bool ReceiptPrinter::paint(const QTextDocument& document, QPrinter& printer, QString* error)
{
    std::unique_ptr<QTextDocument> copy(document.clone());
    copy->documentLayout()->setPaintDevice(&printer);
    const QRectF page = printer.pageLayout().paintRectPixels(printer.resolution());
    const qreal width = std::min(page.width(), millimetresToPixels(textWidthMm, printer));
    copy->setPageSize(QSizeF(width, page.height()));

    QPainter painter;
    if (!painter.begin(&printer)) {
        if (error)
            *error = printer.outputFormat() == QPrinter::PdfFormat
                         ? tr("The PDF file could not be written.")
                         : tr("The printer %1 cannot be used.").arg(printer.printerName());
        return false;
    }
    const int pages = copy->pageCount();
    for (int index = 0; index < pages; ++index) {
        if (index > 0 && !printer.newPage()) {
            if (error)
                *error = tr("The printer stopped after page %1.").arg(index);
            return false;
        }
        const QRectF slice(0, index * page.height(), width, page.height());
        painter.save();
        painter.translate(0, -slice.top());
        painter.setClipRect(slice);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = slice;
        copy->documentLayout()->draw(&painter, context);
        painter.restore();
    }
    if (!painter.end()) {
        if (error)
            *error = tr("The receipt could not be finished on the printer.");
        return false;
    }
    return true;
}

void ReceiptPrinter::setRollPage(const QTextDocument& document, QPrinter& printer)
{
    // One page as long as the receipt: a till roll, not an A4 sheet.
    printer.setPageSize(QPageSize(QSizeF(rollWidthMm, maxPageHeightMm), QPageSize::Millimeter));
    const qreal heightMm =
        std::min(maxPageHeightMm, contentHeightMm(document, printer) + 2 * rollMarginMm + 2);
    printer.setPageSize(QPageSize(QSizeF(rollWidthMm, heightMm), QPageSize::Millimeter,
                                  tr("Receipt roll"), QPageSize::ExactMatch));
    printer.setPageMargins(QMarginsF(rollMarginMm, rollMarginMm, rollMarginMm, rollMarginMm),
                           QPageLayout::Millimeter);
}

bool ReceiptPrinter::print(const Receipt& receipt, QPrinter& printer, QString* error) const
{
    const ReceiptDocument document(receipt, m_locale);
    printer.setDocName(document.document()->metaInformation(QTextDocument::DocumentTitle));
    return paint(*document.document(), printer, error);
}

bool ReceiptPrinter::saveAsPdf(const Receipt& receipt, const QString& path, QString* error) const
{
    const ReceiptDocument document(receipt, m_locale);
    return saveDocumentAsPdf(*document.document(), path, error);
}

bool ReceiptPrinter::saveDocumentAsPdf(const QTextDocument& document, const QString& path,
                                       QString* error)
{
    const auto fail = [&](const QString& message) {
        qCWarning(lcUi).noquote() << "PDF not saved:" << message;
        if (error)
            *error = message;
        return false;
    };
    const QString shownPath = QDir::toNativeSeparators(path);
    if (path.isEmpty())
        return fail(tr("No file was chosen for the PDF."));
    {
        // QPrinter says only that it failed; the file system says why.
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly))
            return fail(
                tr("The PDF could not be saved as %1: %2").arg(shownPath, probe.errorString()));
    }

    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setCreator(QStringLiteral("StoreDesk"));
    printer.setDocName(document.metaInformation(QTextDocument::DocumentTitle));
    setRollPage(document, printer);

    QString paintError;
    if (!paint(document, printer, &paintError)) {
        QFile::remove(path); // no half-written document left behind
        return fail(tr("The PDF could not be saved as %1: %2").arg(shownPath, paintError));
    }
    if (QFileInfo(path).size() == 0)
        return fail(tr("The PDF could not be saved as %1: the file is empty.").arg(shownPath));
    qCInfo(lcUi).noquote() << "PDF saved:" << shownPath;
    return true;
}

void ReceiptPrinter::report(bool ok, const QString& success, const QString& error)
{
    if (ok)
        emit done(success);
    else
        emit failed(error);
}

QPrintPreviewDialog* ReceiptPrinter::preview(const Receipt& receipt)
{
    const auto document = std::make_shared<ReceiptDocument>(receipt, m_locale);
    // The page the PDF gets, so that the preview shows what is saved (not an A4 sheet); the
    // dialog does not own its printer, so the printer lives as long as the dialog.
    const auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    printer->setDocName(document->document()->metaInformation(QTextDocument::DocumentTitle));
    setRollPage(*document->document(), *printer);
    auto* dialog = new QPrintPreviewDialog(printer.get(), m_window);
    dialog->setObjectName(QStringLiteral("receiptPreviewDialog"));
    dialog->setAccessibleName(tr("Receipt preview"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, [printer] {});
    // Qt's preview tools become touch targets. The dialog opens wide enough for all of them where
    // the screen allows (on a narrow one the rest sit behind the tool bar's » button) and tall
    // enough for a receipt, within a 1024x768 screen.
    int toolsWidth = 0;
    for (QToolBar* bar : dialog->findChildren<QToolBar*>()) {
        for (QToolButton* tool : bar->findChildren<QToolButton*>())
            tool->setMinimumSize(style::touchTarget, style::touchTarget);
        toolsWidth = std::max(toolsWidth, bar->sizeHint().width());
    }
    const QScreen* screen = dialog->screen();
    const int widest =
        screen ? screen->availableGeometry().width() - 2 * style::margin : 20 * style::touchTarget;
    dialog->resize(std::min(toolsWidth + 2 * style::margin, widest), 14 * style::touchTarget);
    // Also what the preview's own Print button draws with.
    connect(dialog, &QPrintPreviewDialog::paintRequested, this, [this, document](QPrinter* target) {
        QString error;
        if (!paint(*document->document(), *target, &error)) {
            qCWarning(lcUi).noquote() << "receipt preview not drawn:" << error;
            report(false, {}, error);
        }
    });
    dialog->open();
    return dialog;
}

namespace {

// A receipt's laid-out document, kept alive by whoever holds the pointer.
std::shared_ptr<const QTextDocument> sharedDocument(const Receipt& receipt, const QLocale& locale)
{
    const auto owner = std::make_shared<ReceiptDocument>(receipt, locale);
    return std::shared_ptr<const QTextDocument>(owner, owner->document());
}

} // namespace

void ReceiptPrinter::printWithDialog(const Receipt& receipt)
{
    printDocumentWithDialog(sharedDocument(receipt, m_locale));
}

void ReceiptPrinter::saveAsPdfWithDialog(const Receipt& receipt)
{
    saveDocumentAsPdfWithDialog(sharedDocument(receipt, m_locale), pdfFileName(receipt));
}

void ReceiptPrinter::printDocumentWithDialog(std::shared_ptr<const QTextDocument> document)
{
    const QString title = document->metaInformation(QTextDocument::DocumentTitle);
    const auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    printer->setDocName(title);
    auto* dialog = new QPrintDialog(printer.get(), m_window);
    dialog->setObjectName(QStringLiteral("receiptPrintDialog"));
    dialog->setAccessibleName(tr("Print %1").arg(title));
    dialog->setWindowTitle(tr("Print %1").arg(title));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The lambda holds the printer until the dialog that points at it is gone.
    connect(dialog, &QDialog::accepted, this, [this, document, printer, title] {
        QString error;
        const bool ok = paint(*document, *printer, &error);
        if (!ok)
            qCWarning(lcUi).noquote() << "not printed:" << error;
        report(ok, tr("%1 was sent to %2.").arg(title, printer->printerName()), error);
    });
    dialog->open();
}

void ReceiptPrinter::saveDocumentAsPdfWithDialog(std::shared_ptr<const QTextDocument> document,
                                                 const QString& fileName)
{
    const QString title = document->metaInformation(QTextDocument::DocumentTitle);
    auto* dialog = new QFileDialog(m_window, tr("Save %1 as PDF").arg(title));
    dialog->setObjectName(QStringLiteral("receiptPdfFileDialog"));
    dialog->setAccessibleName(tr("Save %1 as PDF").arg(title));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("PDF files (*.pdf)"));
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->selectFile(fileName);
    connect(dialog, &QFileDialog::fileSelected, this, [this, document, title](const QString& path) {
        QString error;
        const bool ok = saveDocumentAsPdf(*document, path, &error);
        report(ok, tr("%1 was saved as %2.").arg(title, QDir::toNativeSeparators(path)), error);
    });
    dialog->open();
}

} // namespace storedesk::ui
