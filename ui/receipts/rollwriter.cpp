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

QString withoutControls(const QString& text)
{
    QString line = text;
    for (QChar& c : line) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    }
    return line;
}

QString oneLine(const QString& text)
{
    return withoutControls(text).simplified();
}

QStringList wrapped(const QString& text, int width)
{
    QStringList lines;
    QString current;
    for (QString word : oneLine(text).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        while (word.size() > width) {
            if (!current.isEmpty()) {
                lines << current;
                current.clear();
            }
            lines << word.left(width);
            word.remove(0, width);
        }
        if (current.isEmpty())
            current = word;
        else if (current.size() + 1 + word.size() <= width)
            current += QLatin1Char(' ') + word;
        else {
            lines << current;
            current = word;
        }
    }
    if (!current.isEmpty() || lines.isEmpty())
        lines << current;
    return lines;
}

Writer::Writer(QTextDocument* document)
    : m_cursor(document)
{
    m_bold.setFontWeight(QFont::Bold);
    m_large.setFontWeight(QFont::Bold);
    m_large.setFontPointSize(font().pointSizeF() * 2);
}

void Writer::insert(const QString& text, const QTextCharFormat& format)
{
    if (!m_first)
        m_cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    m_first = false;
    m_cursor.insertText(text, format);
}

void Writer::line(const QString& text, bool bold)
{
    insert(text, bold ? m_bold : m_plain);
}

void Writer::wrappedLines(const QString& text, int indent, bool bold)
{
    for (const QString& part : wrapped(text, Columns - indent))
        line(QString(indent, QLatin1Char(' ')) + part, bold);
}

void Writer::centered(const QString& text, bool bold)
{
    for (const QString& part : wrapped(text, Columns))
        line(QString((Columns - part.size()) / 2, QLatin1Char(' ')) + part, bold);
}

void Writer::large(const QString& text)
{
    constexpr int columns = Columns / 2;
    for (const QString& part : wrapped(text, columns))
        insert(QString((columns - part.size()) / 2, QLatin1Char(' ')) + part, m_large);
}

void Writer::row(const QString& label, const QString& value, bool bold)
{
    const QString text = withoutControls(label);
    if (text.size() + 1 + value.size() <= Columns) {
        line(text + QString(Columns - text.size() - value.size(), QLatin1Char(' ')) + value, bold);
        return;
    }
    wrappedLines(text, 0, bold);
    line(QString(qMax(0, int(Columns - value.size())), QLatin1Char(' ')) + value, bold);
}

void Writer::rule()
{
    line(QString(Columns, QLatin1Char('-')));
}

} // namespace storedesk::ui::roll
