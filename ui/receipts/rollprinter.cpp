#include "receipts/rollprinter.h"

#include "api/tilljobs.h"
#include "base/logging.h"
#include "hardware/escposprinter.h"
#include "hardware/escpossink.h"
#include "hardware/escposwriter.h"
#include "receipts/receiptdocument.h"
#include "receipts/tillreportdocument.h"

namespace storedesk::ui {

namespace {

// Lays a document out on an ESC/POS roll of `columns` and ends it with a feed and a cut.
template <typename Write>
QByteArray job(int columns, Write write)
{
    hardware::EscPosWriter writer(columns);
    writer.initialize();
    hardware::EscPosSink sink(writer);
    roll::Writer out(sink);
    write(out);
    writer.feed(3);
    writer.cut();
    return writer.bytes();
}

} // namespace

RollPrinter::RollPrinter(QObject* parent)
    : QObject(parent)
{
}

void RollPrinter::setPrinter(hardware::EscPosPrinter* printer, int columns)
{
    if (m_printer)
        disconnect(m_printer, nullptr, this, nullptr);
    m_printer = printer;
    m_columns = columns;
    m_jobs.clear();
    m_failed.reset();
    if (!printer)
        return;
    connect(printer, &hardware::EscPosPrinter::jobDone, this,
            [this](quint64 id, const hardware::PrinterStatus&) { onJobDone(id); });
    connect(printer, &hardware::EscPosPrinter::jobFailed, this,
            [this](quint64 id, hardware::PrinterProblem problem, const hardware::PrinterStatus&) {
                onJobFailed(id, problem);
            });
}

QByteArray RollPrinter::receiptJob(const Receipt& receipt, int columns, const QLocale& locale)
{
    return job(columns, [&](roll::Writer& out) { ReceiptDocument::write(out, receipt, locale); });
}

QByteArray RollPrinter::reportJob(const api::TillReport& report, const ReceiptContext& context,
                                  bool copy, int columns, const QLocale& locale)
{
    return job(columns, [&](roll::Writer& out) {
        TillReportDocument::write(out, report, context, copy, locale);
    });
}

quint64 RollPrinter::print(const Receipt& receipt)
{
    if (!m_printer)
        return 0;
    const QString title =
        receipt.kind == Receipt::Kind::Sale ? tr("The receipt") : tr("The refund receipt");
    return send({receiptJob(receipt, m_columns, QLocale()), title});
}

quint64 RollPrinter::print(const api::TillReport& report, const ReceiptContext& context, bool copy)
{
    if (!m_printer)
        return 0;
    const QString title =
        report.kind == api::TillReport::Kind::Z ? tr("The Z report") : tr("The X report");
    return send({reportJob(report, context, copy, m_columns, QLocale()), title});
}

quint64 RollPrinter::reprint()
{
    if (!m_printer || !m_failed)
        return 0;
    const Document document = *m_failed;
    m_failed.reset();
    return send(document);
}

quint64 RollPrinter::send(const Document& document)
{
    const quint64 id = m_printer->print(document.bytes);
    qCDebug(lcUi) << "roll job" << id << document.title;
    m_jobs.insert(id, document);
    return id;
}

void RollPrinter::onJobDone(quint64 id)
{
    const auto found = m_jobs.constFind(id);
    if (found == m_jobs.constEnd())
        return; // a drawer pulse or a status query
    const QString title = found->title;
    m_jobs.erase(found);
    emit printed(id, tr("%1 was printed.").arg(title));
}

void RollPrinter::onJobFailed(quint64 id, hardware::PrinterProblem problem)
{
    const auto found = m_jobs.constFind(id);
    if (found == m_jobs.constEnd())
        return;
    m_failed = *found;
    const QString title = found->title;
    m_jobs.erase(found);
    emit failed(
        id, tr("%1 was not printed: %2").arg(title, hardware::EscPosPrinter::describe(problem)));
}

} // namespace storedesk::ui
