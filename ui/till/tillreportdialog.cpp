#include "till/tillreportdialog.h"

#include "api/tilljobs.h"
#include "common/style.h"
#include "common/widgethelpers.h"
#include "receipts/receiptprinter.h"
#include "receipts/rollprinter.h"
#include "receipts/tillreportdocument.h"
#include "till/tillreportview.h"

#include <QHBoxLayout>
#include <QShortcut>
#include <QVBoxLayout>

#include <algorithm>

namespace storedesk::ui {

TillReportDialog::TillReportDialog(const api::TillReport& report, const ReceiptContext& context,
                                   bool copy, QWidget* parent)
    : QDialog(parent)
    , m_report(report)
    , m_context(context)
    , m_copy(copy)
    , m_document(std::make_shared<TillReportDocument>(report, context, copy, QLocale()))
    , m_printer(new ReceiptPrinter(QLocale(), this))
    , m_view(new TillReportView(this))
    , m_message(
          widgets::plainLabel(this, QStringLiteral("tillReportMessage"), tr("Report message")))
    , m_print(widgets::button(this, QStringLiteral("tillReportPrintButton"), tr("&Print…"),
                              tr("Print report")))
    , m_pdf(widgets::button(this, QStringLiteral("tillReportPdfButton"), tr("Save as P&DF…"),
                            tr("Save report as PDF")))
    , m_close(
          widgets::button(this, QStringLiteral("tillReportCloseButton"), tr("&Close"), tr("Close")))
{
    setObjectName(QStringLiteral("tillReportDialog"));
    setWindowTitle(m_document->title());
    setAccessibleName(m_document->title());
    m_view->setContext(context);
    m_view->setReport(report, copy);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_print);
    buttons->addWidget(m_pdf);
    buttons->addStretch();
    buttons->addWidget(m_close);
    // Enter prints: what a colleague wants from a report at the end of the day.
    m_print->setDefault(true);
    for (QPushButton* button : {m_pdf, m_close})
        button->setAutoDefault(false);
    auto* printShortcut = new QShortcut(QKeySequence::Print, this);
    connect(printShortcut, &QShortcut::activated, m_print, &QPushButton::click);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(style::margin, style::margin, style::margin, style::margin);
    layout->setSpacing(style::spacing);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    // The document is shared with the print and file dialogs, which may outlive this one.
    const std::shared_ptr<const QTextDocument> document(m_document, m_document->document());
    connect(m_print, &QPushButton::clicked, this, [this, document] {
        m_message->clear();
        if (m_roll && m_roll->isAvailable())
            m_rollJob = m_roll->print(m_report, m_context, m_copy);
        else
            m_printer->printDocumentWithDialog(document);
    });
    connect(m_pdf, &QPushButton::clicked, this, [this, document] {
        m_message->clear();
        m_printer->saveDocumentAsPdfWithDialog(document, m_document->pdfFileName());
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_printer, &ReceiptPrinter::done, m_message, &QLabel::setText);
    connect(m_printer, &ReceiptPrinter::failed, m_message, &QLabel::setText);
    // Wide enough for the head's figures on one line each and tall enough for much of the roll,
    // within a 1024x768 till's screen.
    resize(std::max(sizeHint().width(), 600), 680);
}

TillReportDialog::~TillReportDialog() = default;

void TillReportDialog::setRollPrinter(RollPrinter* roll)
{
    if (m_roll)
        disconnect(m_roll, nullptr, this, nullptr);
    m_roll = roll;
    if (!roll)
        return;
    // No dialog follows: the report goes straight to the receipt printer.
    m_print->setText(tr("&Print"));
    m_print->setToolTip(tr("Print the report on the receipt printer"));
    const auto say = [this](quint64 id, const QString& message) {
        if (id == m_rollJob)
            m_message->setText(message);
    };
    connect(roll, &RollPrinter::printed, this, say);
    connect(roll, &RollPrinter::failed, this, say);
}

TillReportDialog* TillReportDialog::showReport(const api::TillReport& report,
                                               const ReceiptContext& context, bool copy,
                                               QWidget* parent, RollPrinter* roll)
{
    auto* dialog = new TillReportDialog(report, context, copy, parent);
    if (roll && roll->isAvailable())
        dialog->setRollPrinter(roll);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

bool TillReportDialog::saveAsPdf(const QString& path, QString* error) const
{
    return ReceiptPrinter::saveDocumentAsPdf(*m_document->document(), path, error);
}

} // namespace storedesk::ui
