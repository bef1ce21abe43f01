#include "receipt/rollwriter.h"

#include <QtGlobal>

namespace storedesk::roll {

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

Writer::Writer(Sink& sink)
    : m_sink(sink)
{
}

int Writer::columns() const
{
    return m_sink.columns();
}

void Writer::line(const QString& text, bool bold)
{
    m_sink.line(text, bold ? Emphasis::Bold : Emphasis::Plain);
}

void Writer::wrappedLines(const QString& text, int indent, bool bold)
{
    for (const QString& part : wrapped(text, columns() - indent))
        line(QString(indent, QLatin1Char(' ')) + part, bold);
}

void Writer::centered(const QString& text, bool bold)
{
    const int width = columns();
    for (const QString& part : wrapped(text, width))
        line(QString((width - part.size()) / 2, QLatin1Char(' ')) + part, bold);
}

void Writer::large(const QString& text)
{
    const int width = columns() / 2;
    for (const QString& part : wrapped(text, width))
        m_sink.line(QString((width - part.size()) / 2, QLatin1Char(' ')) + part, Emphasis::Large);
}

void Writer::row(const QString& label, const QString& value, bool bold)
{
    const int width = columns();
    const QString text = withoutControls(label);
    if (text.size() + 1 + value.size() <= width) {
        line(text + QString(width - text.size() - value.size(), QLatin1Char(' ')) + value, bold);
        return;
    }
    wrappedLines(text, 0, bold);
    line(QString(qMax(0, int(width - value.size())), QLatin1Char(' ')) + value, bold);
}

void Writer::rule()
{
    line(QString(columns(), QLatin1Char('-')));
}

void Writer::codes(const QString& data)
{
    m_sink.codes(data);
}

} // namespace storedesk::roll
