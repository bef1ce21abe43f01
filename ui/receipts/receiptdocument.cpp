#include "receipts/receiptdocument.h"

#include "receipts/rollwriter.h"

namespace storedesk::ui {
namespace {

using roll::oneLine;
using roll::Writer;

QString percent(qint64 ratePpm, const QLocale& locale)
{
    return locale.toString(double(ratePpm) / 10000.0, 'f', 1) + locale.percent();
}

QString tenderState(const QString& state)
{
    if (state == QLatin1StringView("pending"))
        return ReceiptDocument::tr("pending");
    if (state == QLatin1StringView("failed"))
        return ReceiptDocument::tr("failed");
    return {};
}

void header(Writer& out, const Receipt& receipt, const QLocale& locale)
{
    if (!receipt.storeName.isEmpty())
        out.centered(oneLine(receipt.storeName), true);
    if (!receipt.storeKey.isEmpty() && receipt.storeKey != receipt.storeName)
        out.centered(receipt.storeKey);
    out.line(QString());
    out.centered(receipt.kind == Receipt::Kind::Sale ? ReceiptDocument::tr("RECEIPT")
                                                     : ReceiptDocument::tr("REFUND"),
                 true);
    if (receipt.reprint)
        out.centered(ReceiptDocument::tr("COPY"), true);
    out.line(QString());
    out.row(ReceiptDocument::tr("Order"), receipt.orderNumber);
    out.row(ReceiptDocument::tr("Date"),
            locale.toString(receipt.dateTime.toLocalTime(), QLocale::ShortFormat));
    if (!receipt.workstationId.isEmpty())
        out.row(ReceiptDocument::tr("Workstation"), receipt.workstationId);
    if (!receipt.colleague.isEmpty())
        out.row(ReceiptDocument::tr("Served by"), oneLine(receipt.colleague));
    if (receipt.kind == Receipt::Kind::Refund && !receipt.refundId.isEmpty())
        out.row(ReceiptDocument::tr("Refund ID"), receipt.refundId);
    out.rule();
}

void tenders(Writer& out, const Receipt& receipt, const QLocale& locale)
{
    if (receipt.tenders.isEmpty())
        return;
    out.rule();
    for (const Receipt::Tender& tender : receipt.tenders) {
        const QString state = tenderState(tender.state);
        out.row(state.isEmpty() ? tender.label
                                : ReceiptDocument::tr("%1 (%2)").arg(tender.label, state),
                tender.amount.toString(locale));
        if (tender.tendered)
            out.row(QStringLiteral("  ") + ReceiptDocument::tr("Given"),
                    tender.tendered->toString(locale));
        if (tender.change)
            out.row(QStringLiteral("  ") + ReceiptDocument::tr("Change"),
                    tender.change->toString(locale));
    }
}

void sale(Writer& out, const Receipt& receipt, const QLocale& locale)
{
    for (const Receipt::Line& line : receipt.lines) {
        out.wrappedLines(line.gift ? ReceiptDocument::tr("%1 (gift)").arg(oneLine(line.name))
                                   : line.name);
        QString detail = ReceiptDocument::tr("%1 × %2").arg(locale.toString(line.quantity),
                                                            line.unitPrice.toString(locale));
        if (!line.sku.isEmpty())
            detail = oneLine(line.sku) + QStringLiteral("  ") + detail;
        out.row(QStringLiteral("  ") + detail, line.lineTotal.toString(locale));
    }
    out.rule();
    out.row(ReceiptDocument::tr("Total"), receipt.total.toString(locale), true);
    if (!receipt.taxesCalculated) {
        out.line(ReceiptDocument::tr("Taxes not calculated"));
    } else {
        for (const Receipt::Tax& tax : receipt.taxes) {
            const QString name =
                tax.name.isEmpty() ? ReceiptDocument::tr("VAT %1").arg(percent(tax.ratePpm, locale))
                                   : tax.name;
            out.row(QStringLiteral("  ") + ReceiptDocument::tr("incl. %1").arg(name),
                    tax.amount.toString(locale));
        }
        if (receipt.taxes.isEmpty() && receipt.totalTax)
            out.row(QStringLiteral("  ") + ReceiptDocument::tr("incl. VAT"),
                    receipt.totalTax->toString(locale));
        if (receipt.totalNet)
            out.row(QStringLiteral("  ") + ReceiptDocument::tr("Net"),
                    receipt.totalNet->toString(locale));
    }
    tenders(out, receipt, locale);
    out.rule();
    // The order number to scan back at the refund counter (docs/HARDWARE.md); the refund slip
    // has none: the sale's receipt stays the one to bring back.
    out.codes(receipt.orderNumber);
    out.centered(ReceiptDocument::tr("Thank you for your purchase!"));
}

void refund(Writer& out, const Receipt& receipt, const QLocale& locale)
{
    for (const Receipt::RefundedLine& line : receipt.refundedLines) {
        out.wrappedLines(line.name);
        QString detail = ReceiptDocument::tr("%1 returned").arg(locale.toString(line.quantity));
        if (!line.sku.isEmpty())
            detail = oneLine(line.sku) + QStringLiteral("  ") + detail;
        out.row(QStringLiteral("  ") + detail,
                line.amount ? line.amount->toString(locale) : QString());
    }
    out.rule();
    out.row(ReceiptDocument::tr("Refund total"), receipt.refundTotal.toString(locale), true);
    tenders(out, receipt, locale);
    out.rule();
    if (!receipt.reason.isEmpty())
        out.wrappedLines(ReceiptDocument::tr("Reason: %1").arg(oneLine(receipt.reason)));
    if (!receipt.approvedBy.isEmpty())
        out.row(ReceiptDocument::tr("Approved by"), oneLine(receipt.approvedBy));
}

} // namespace

ReceiptDocument::ReceiptDocument(const Receipt& receipt, const QLocale& locale)
    : m_document(roll::newDocument(receipt.kind == Receipt::Kind::Sale
                                       ? tr("Receipt %1").arg(receipt.orderNumber)
                                       : tr("Refund receipt %1").arg(receipt.orderNumber)))
{
    roll::DocumentSink sink(m_document.get());
    Writer out(sink);
    write(out, receipt, locale);
}

void ReceiptDocument::write(Writer& out, const Receipt& receipt, const QLocale& locale)
{
    header(out, receipt, locale);
    if (receipt.kind == Receipt::Kind::Sale)
        sale(out, receipt, locale);
    else
        refund(out, receipt, locale);
}

QString ReceiptDocument::plainText() const
{
    return roll::plainText(*m_document);
}

QFont ReceiptDocument::font()
{
    return roll::font();
}

} // namespace storedesk::ui
