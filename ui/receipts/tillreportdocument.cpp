#include "receipts/tillreportdocument.h"

#include "api/tilljobs.h"
#include "receipts/rollwriter.h"

#include <QRegularExpression>

namespace storedesk::ui {
namespace {

using roll::oneLine;
using roll::Writer;

QString money(const Money& amount, const QLocale& locale)
{
    return amount.isValid() ? amount.toString(locale) : QString();
}

QString dateTime(const QDateTime& at, const QLocale& locale)
{
    return at.isValid() ? locale.toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString kindName(api::TillMovement::Kind kind)
{
    switch (kind) {
    case api::TillMovement::Kind::PayIn:
        return TillReportDocument::tr("Pay-in");
    case api::TillMovement::Kind::PayOut:
        return TillReportDocument::tr("Pay-out");
    case api::TillMovement::Kind::SafeDrop:
        return TillReportDocument::tr("Safe drop");
    case api::TillMovement::Kind::NoSale:
        return TillReportDocument::tr("No sale");
    }
    return {};
}

// "Cash sales (3)": a figure with how many records it is made of.
QString counted(const QString& label, qint64 count)
{
    //: A figure of the till report and how many records it is made of: "Cash sales (3)".
    return TillReportDocument::tr("%1 (%2)").arg(label).arg(count);
}

void countLines(Writer& out, const TillCount& count, const QLocale& locale)
{
    for (const TillCount::Line& line : count.lines) {
        if (line.count == 0)
            continue;
        const Expected<Money> value = Money::fromMinorUnits(line.value, count.currency);
        const Expected<Money> sum =
            value ? value->times(line.count) : Expected<Money>(value.error());
        out.row(QStringLiteral("  ") +
                    //: A note or coin and how many were counted: "50,00 € × 2".
                    TillReportDocument::tr("%1 × %2").arg(
                        TillReportDocument::denominationName(line.value, count.currency, locale),
                        locale.toString(line.count)),
                sum ? sum->toString(locale) : QString());
    }
}

void head(Writer& out, const api::TillReport& report, const ReceiptContext& context, bool copy,
          const QLocale& locale)
{
    const QString storeName = context.storeName.isEmpty() ? report.storeKey : context.storeName;
    out.centered(oneLine(storeName), true);
    if (!report.storeKey.isEmpty() && report.storeKey != storeName)
        out.centered(report.storeKey);
    out.line(QString());
    if (report.isZ()) {
        out.centered(TillReportDocument::tr("Z REPORT"), true);
    } else {
        out.centered(TillReportDocument::tr("X REPORT"), true);
        out.centered(TillReportDocument::tr("X report — not a close"));
    }
    if (copy)
        out.large(TillReportDocument::tr("COPY"));
    out.line(QString());
    if (report.isZ())
        out.row(TillReportDocument::tr("Z number"), report.number, true);
    out.row(TillReportDocument::tr("Workstation"), report.workstationId);
    out.row(TillReportDocument::tr("Opened"), dateTime(report.openedAt, locale));
    out.row(TillReportDocument::tr("Opened by"), oneLine(report.openedBy));
    if (report.closedAt.isValid()) {
        out.row(TillReportDocument::tr("Closed"), dateTime(report.closedAt, locale));
        out.row(TillReportDocument::tr("Closed by"), oneLine(report.closedBy));
    }
    out.row(TillReportDocument::tr("Report made"), dateTime(report.generatedAt, locale));
    if (copy && !context.colleague.isEmpty())
        out.row(TillReportDocument::tr("Reprinted by"), oneLine(context.colleague));
    out.rule();
}

void cash(Writer& out, const api::TillReport& report, const QLocale& locale)
{
    out.row(TillReportDocument::tr("Float"), money(report.floatTotal, locale), true);
    if (report.isZ())
        countLines(out, report.floatCount, locale);
    if (report.expectedFloat)
        out.row(QStringLiteral("  ") + TillReportDocument::tr("Expected float"),
                money(*report.expectedFloat, locale));
    out.row(counted(TillReportDocument::tr("Cash sales"), report.cashSalesCount),
            money(report.cashSales, locale));
    out.row(counted(TillReportDocument::tr("Cash refunds"), report.cashRefundsCount),
            money(report.cashRefunds, locale));
    out.row(counted(TillReportDocument::tr("Pay-ins"), report.payInsCount),
            money(report.payIns, locale));
    out.row(counted(TillReportDocument::tr("Pay-outs"), report.payOutsCount),
            money(report.payOuts, locale));
    out.row(counted(TillReportDocument::tr("Safe drops"), report.safeDropsCount),
            money(report.safeDrops, locale));
    out.row(TillReportDocument::tr("No sales"), locale.toString(report.noSalesCount));
    out.rule();
    out.row(TillReportDocument::tr("Expected cash"), money(report.expectedCash, locale), true);
    out.rule();
}

void business(Writer& out, const api::TillReport& report, const QLocale& locale)
{
    out.line(TillReportDocument::tr("Card totals"), true);
    if (report.cardTotals.isEmpty())
        out.line(QStringLiteral("  ") + TillReportDocument::tr("none"));
    for (const api::CardTotal& card : report.cardTotals)
        out.row(QStringLiteral("  ") + counted(oneLine(card.terminalId), card.count),
                money(card.amount, locale));
    out.row(TillReportDocument::tr("Sales"), locale.toString(report.salesCount));
    out.row(TillReportDocument::tr("Refunds"), locale.toString(report.refundsCount));
    if (!report.firstOrderNumber.isEmpty())
        out.row(TillReportDocument::tr("First order"), oneLine(report.firstOrderNumber));
    if (!report.lastOrderNumber.isEmpty())
        out.row(TillReportDocument::tr("Last order"), oneLine(report.lastOrderNumber));
    out.rule();
}

void movements(Writer& out, const api::TillReport& report, const QLocale& locale)
{
    out.line(TillReportDocument::tr("Movements"), true);
    if (report.movements.isEmpty())
        out.line(QStringLiteral("  ") + TillReportDocument::tr("none"));
    for (const api::TillMovement& movement : report.movements) {
        const QString time =
            movement.at.isValid()
                ? locale.toString(movement.at.toLocalTime().time(), QLocale::ShortFormat)
                : QString();
        out.row(QStringLiteral("  %1 %2 %3")
                    .arg(time, kindName(movement.kind), oneLine(movement.username)),
                movement.amount ? money(*movement.amount, locale) : QString());
        if (movement.kind != api::TillMovement::Kind::SafeDrop && !movement.reason.isEmpty())
            out.wrappedLines(movement.reason, 4);
        if (!movement.bagNumber.isEmpty())
            out.wrappedLines(TillReportDocument::tr("Bag %1").arg(oneLine(movement.bagNumber)), 4);
        if (!movement.note.isEmpty())
            out.wrappedLines(TillReportDocument::tr("Note: %1").arg(oneLine(movement.note)), 4);
        if (!movement.approvedBy.isEmpty())
            out.wrappedLines(
                TillReportDocument::tr("Approved by %1").arg(oneLine(movement.approvedBy)), 4);
    }
    out.rule();
}

void close(Writer& out, const api::TillReport& report, const QLocale& locale)
{
    out.line(TillReportDocument::tr("Counted by denomination"), true);
    if (report.count)
        countLines(out, *report.count, locale);
    if (report.counted)
        out.row(TillReportDocument::tr("Counted"), money(*report.counted, locale), true);
    out.row(TillReportDocument::tr("Expected cash"), money(report.expectedCash, locale));
    if (report.overShort) {
        const Money& difference = *report.overShort;
        const Expected<Money> size =
            difference.isNegative() ? difference.negated() : Expected<Money>(difference);
        out.row(TillReportDocument::overShortLabel(difference),
                size ? size->toString(locale) : QString(), true);
    }
    if (!report.approvedBy.isEmpty())
        out.row(TillReportDocument::tr("Approved by"), oneLine(report.approvedBy));
    if (!report.differenceReason.isEmpty())
        out.wrappedLines(
            TillReportDocument::tr("Reason: %1").arg(oneLine(report.differenceReason)));
    out.rule();
}

QString fileSafe(QString text)
{
    text.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    return text;
}

} // namespace

TillReportDocument::TillReportDocument(const api::TillReport& report, const ReceiptContext& context,
                                       bool copy, const QLocale& locale)
    : m_title(report.isZ() ? tr("Z report %1").arg(report.number)
                           : tr("X report %1").arg(report.workstationId))
{
    if (copy)
        m_title = tr("%1 (copy)").arg(m_title);
    m_fileName =
        report.isZ()
            ? QStringLiteral("z-report-%1.pdf").arg(fileSafe(report.number))
            : QStringLiteral("x-report-%1-%2.pdf")
                  .arg(fileSafe(report.workstationId),
                       report.generatedAt.toUTC().toString(QStringLiteral("yyyyMMdd-HHmm")));
    m_document = roll::newDocument(m_title);
    roll::DocumentSink sink(m_document.get());
    Writer out(sink);
    write(out, report, context, copy, locale);
}

void TillReportDocument::write(Writer& out, const api::TillReport& report,
                               const ReceiptContext& context, bool copy, const QLocale& locale)
{
    head(out, report, context, copy, locale);
    cash(out, report, locale);
    business(out, report, locale);
    movements(out, report, locale);
    if (report.isZ())
        close(out, report, locale);
    if (copy)
        out.large(tr("COPY"));
}

TillReportDocument::~TillReportDocument() = default;

QString TillReportDocument::plainText() const
{
    return roll::plainText(*m_document);
}

QString TillReportDocument::title() const
{
    return m_title;
}

QString TillReportDocument::pdfFileName() const
{
    return m_fileName;
}

QString TillReportDocument::overShortLabel(const Money& overShort)
{
    if (overShort.isNegative())
        return tr("Short");
    if (overShort.isZero())
        return tr("No difference");
    return tr("Over");
}

QString TillReportDocument::overShortText(const Money& overShort, const QLocale& locale)
{
    if (overShort.isZero())
        return overShortLabel(overShort);
    const Expected<Money> size =
        overShort.isNegative() ? overShort.negated() : Expected<Money>(overShort);
    //: The difference of a close in words ("Short", "Over"), then its amount: "Short 2,50 €".
    return tr("%1 %2").arg(overShortLabel(overShort), size ? size->toString(locale) : QString());
}

QString TillReportDocument::denominationName(qint64 value, const QString& currency,
                                             const QLocale& locale)
{
    const Expected<Money> amount = Money::fromMinorUnits(value, currency);
    return amount ? amount->toString(locale) : locale.toString(value);
}

} // namespace storedesk::ui
