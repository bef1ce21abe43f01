#include "till/tillreportview.h"

#include "api/tilljobs.h"
#include "common/style.h"
#include "common/widgethelpers.h"
#include "receipts/rollwriter.h"
#include "receipts/tillreportdocument.h"

#include <QFontMetrics>
#include <QGridLayout>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>
#include <QVBoxLayout>

namespace storedesk::ui {
namespace {

// The roll's 8 pt are small on a till's screen: its text is shown at the screen's base size, and
// the sizes the roll gives parts of it (COPY) are scaled from 8 pt to this.
constexpr qreal screenPointSize = 10;

// A copy of the roll's document for the screen: its text at the base size, the parts the roll
// sizes itself (COPY) scaled from the roll's 8 pt to screenPointSize.
QTextDocument* forScreen(const QTextDocument& roll, QObject* parent)
{
    QTextDocument* copy = roll.clone(parent);
    const qreal scale = screenPointSize / roll.defaultFont().pointSizeF();
    QFont font = copy->defaultFont();
    font.setPixelSize(style::basePx);
    copy->setDefaultFont(font);
    for (QTextBlock block = copy->begin(); block.isValid(); block = block.next()) {
        for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
            const qreal size = fragment.fragment().charFormat().fontPointSize();
            if (size <= 0)
                continue;
            QTextCursor cursor(copy);
            cursor.setPosition(fragment.fragment().position());
            cursor.setPosition(fragment.fragment().position() + fragment.fragment().length(),
                               QTextCursor::KeepAnchor);
            QTextCharFormat format;
            format.setFontPointSize(size * scale);
            cursor.mergeCharFormat(format);
        }
    }
    return copy;
}

} // namespace

TillReportView::TillReportView(QWidget* parent)
    : QWidget(parent)
    , m_kind(widgets::plainLabel(this, QStringLiteral("tillReportKind"), tr("Kind of report")))
    , m_number(widgets::plainLabel(this, QStringLiteral("tillReportNumber"), tr("Report number")))
    , m_expectedCaption(widgets::plainLabel(this, QStringLiteral("tillReportExpectedCashCaption"),
                                            tr("Expected cash"), tr("Expected cash")))
    , m_expected(
          widgets::plainLabel(this, QStringLiteral("tillReportExpectedCash"), tr("Expected cash")))
    , m_countedCaption(widgets::plainLabel(this, QStringLiteral("tillReportCountedCaption"),
                                           tr("Counted"), tr("Counted")))
    , m_counted(widgets::plainLabel(this, QStringLiteral("tillReportCounted"), tr("Counted")))
    , m_overShort(
          widgets::plainLabel(this, QStringLiteral("tillReportOverShort"), tr("Over or short")))
    , m_text(new QTextEdit(this))
{
    setObjectName(QStringLiteral("tillReportView"));
    style::setRole(m_kind, style::Role::Large);
    style::setRole(m_number, style::Role::Large);
    style::setRole(m_expected, style::Role::Large);
    style::setRole(m_counted, style::Role::Large);
    for (QLabel* label : {m_expectedCaption, m_expected, m_countedCaption, m_counted})
        label->setWordWrap(false);
    style::setRole(m_overShort, style::Role::Large);
    m_number->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The roll as it prints (its text went in as text, never as markup); it scrolls, the head
    // does not.
    m_text->setObjectName(QStringLiteral("tillReportText"));
    m_text->setAccessibleName(tr("Report text"));
    m_text->setReadOnly(true);
    m_text->setTabChangesFocus(true);
    m_text->setLineWrapMode(QTextEdit::NoWrap);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // The roll's monospace font at the screen's base size, as the editor's own (which it gives
    // every document shown as its default font).
    QFont font = roll::font();
    font.setPixelSize(style::basePx);
    m_text->setFont(font);
    const QFontMetrics metrics(font);
    m_text->setMinimumWidth(
        metrics.horizontalAdvance(QString(roll::Columns + 4, QLatin1Char('0'))));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(style::spacing);
    layout->addWidget(m_kind);
    layout->addWidget(m_number);
    // The figures a colleague or manager looks for first: what should be in the drawer, what was
    // counted, and the difference in words.
    auto* figures = new QGridLayout;
    figures->setHorizontalSpacing(2 * style::spacing);
    figures->setVerticalSpacing(style::spacing);
    figures->addWidget(m_expectedCaption, 0, 0);
    figures->addWidget(m_expected, 0, 1);
    figures->addWidget(m_countedCaption, 1, 0);
    figures->addWidget(m_counted, 1, 1);
    figures->setColumnStretch(2, 1);
    layout->addLayout(figures);
    layout->addWidget(m_overShort);
    layout->addWidget(m_text, 1);
    clear();
}

void TillReportView::setContext(const ReceiptContext& context)
{
    m_context = context;
}

void TillReportView::setReport(const api::TillReport& report, bool copy)
{
    const QLocale locale;
    m_hasReport = true;
    m_copy = copy;
    const QString kind = report.isZ() ? tr("Z report") : tr("X report — not a close");
    m_kind->setText(copy ? tr("%1 — COPY").arg(kind) : kind);
    m_number->setText(report.isZ() ? report.number : report.workstationId);
    m_expected->setText(report.expectedCash.toString(locale));
    m_expectedCaption->show();
    m_expected->show();
    const bool counted = report.isZ() && report.counted;
    m_counted->setText(counted ? report.counted->toString(locale) : QString());
    m_countedCaption->setVisible(counted);
    m_counted->setVisible(counted);
    if (report.isZ() && report.overShort) {
        m_overShort->setText(TillReportDocument::overShortText(*report.overShort, locale));
        style::setTone(m_overShort,
                       report.overShort->isZero() ? style::Tone::Success : style::Tone::Warning);
        m_overShort->show();
    } else {
        m_overShort->clear();
        m_overShort->hide();
    }
    const TillReportDocument document(report, m_context, copy, locale);
    // The editor deletes the document it shows before when that one is its child, as these are.
    m_text->setDocument(forScreen(*document.document(), m_text));
    setAccessibleName(document.title());
}

void TillReportView::clear()
{
    m_hasReport = false;
    m_copy = false;
    m_kind->clear();
    m_number->clear();
    m_expected->clear();
    m_counted->clear();
    for (QLabel* label : {m_expectedCaption, m_expected, m_countedCaption, m_counted})
        label->hide();
    m_overShort->clear();
    m_overShort->hide();
    m_text->clear();
    setAccessibleName(tr("Till report"));
}

} // namespace storedesk::ui
