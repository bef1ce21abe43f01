#pragma once

#include "receipt/rollwriter.h"

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

// The layout itself is in core (core/receipt/rollwriter.h) so ESC/POS prints the same lines.
using storedesk::roll::oneLine;
using storedesk::roll::withoutControls;
using storedesk::roll::wrapped;
using storedesk::roll::Writer;

// The roll as a QTextDocument (the PDF and the system's print path), Columns wide.
class DocumentSink : public storedesk::roll::Sink {
public:
    explicit DocumentSink(QTextDocument* document);

    int columns() const override { return Columns; }
    void line(const QString& text, storedesk::roll::Emphasis emphasis) override;
    // Not yet drawn as images (libzint): the document keeps only its text.
    void codes(const QString& data) override;

private:
    void insert(const QString& text, const QTextCharFormat& format);

    QTextCursor m_cursor;
    QTextCharFormat m_plain;
    QTextCharFormat m_bold;
    QTextCharFormat m_large;
    bool m_first = true;
};

} // namespace storedesk::ui::roll
