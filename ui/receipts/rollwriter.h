#pragma once

#include <QFont>
#include <QString>
#include <QStringList>
#include <QTextCharFormat>
#include <QTextCursor>

#include <memory>

class QTextDocument;

// What every document printed on the 80 mm roll shares (receipts, the till's X and Z reports):
// one monospace column of Columns characters, amounts aligned at the right, every text inserted
// as text (never as markup), and text from elsewhere kept to one line.
namespace storedesk::ui::roll {

inline constexpr int Columns = 40;

// The monospace font the roll is set in, at the size that fits Columns on an 80 mm roll.
QFont font();
// An empty document in the roll's font, without margins or undo, titled `title`.
std::unique_ptr<QTextDocument> newDocument(const QString& title);
// Exactly the printed text, one roll line a line (non-breaking spaces kept, as in Money's
// formatting; toPlainText() would turn them into plain ones).
QString plainText(const QTextDocument& document);

// A line break or tab inside a name must not break the columns.
QString withoutControls(const QString& text);
// Text from documents (names, reasons) as one line of single spaces.
QString oneLine(const QString& text);
// Words onto lines of at most `width` characters; a word longer than that is cut.
QStringList wrapped(const QString& text, int width);

// Writes a document one roll line at a time.
class Writer {
public:
    explicit Writer(QTextDocument* document);

    void line(const QString& text, bool bold = false);
    void wrappedLines(const QString& text, int indent = 0, bool bold = false);
    void centered(const QString& text, bool bold = false);
    // Centred in double size and bold (half as many columns): "COPY" on a reprint.
    void large(const QString& text);
    // "label          amount"; a label too long for that gets a line of its own.
    void row(const QString& label, const QString& value, bool bold = false);
    void rule();

private:
    void insert(const QString& text, const QTextCharFormat& format);

    QTextCursor m_cursor;
    QTextCharFormat m_plain;
    QTextCharFormat m_bold;
    QTextCharFormat m_large;
    bool m_first = true;
};

} // namespace storedesk::ui::roll
