#include "receipts/rollwriter.h"

#include <QTextBlockFormat>
#include <QTextDocument>

namespace storedesk::ui::roll {

QFont font()
{
    QFont font(QStringLiteral("monospace"));
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    font.setPointSizeF(8);
    return font;
}

std::unique_ptr<QTextDocument> newDocument(const QString& title)
{
    auto document = std::make_unique<QTextDocument>();
    document->setDefaultFont(font());
    document->setDocumentMargin(0);
    document->setUndoRedoEnabled(false);
    document->setMetaInformation(QTextDocument::DocumentTitle, title);
    return document;
}

QString plainText(const QTextDocument& document)
{
    QString text = document.toRawText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return text;
}

DocumentSink::DocumentSink(QTextDocument* document)
    : m_cursor(document)
{
    m_bold.setFontWeight(QFont::Bold);
    m_large.setFontWeight(QFont::Bold);
    m_large.setFontPointSize(font().pointSizeF() * 2);
}

void DocumentSink::insert(const QString& text, const QTextCharFormat& format)
{
    if (!m_first)
        m_cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    m_first = false;
    m_cursor.insertText(text, format);
}

void DocumentSink::line(const QString& text, storedesk::roll::Emphasis emphasis)
{
    switch (emphasis) {
    case storedesk::roll::Emphasis::Plain:
        insert(text, m_plain);
        return;
    case storedesk::roll::Emphasis::Bold:
        insert(text, m_bold);
        return;
    case storedesk::roll::Emphasis::Large:
        insert(text, m_large);
        return;
    }
}

void DocumentSink::codes(const QString&) {}

} // namespace storedesk::ui::roll
