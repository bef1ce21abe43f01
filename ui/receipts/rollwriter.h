#pragma once

#include "receipt/rollwriter.h"

#include <QFont>
#include <QImage>
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
// The width the roll is printed at: 80 mm less 4 mm margins each side (receiptprinter.cpp).
inline constexpr double PrintWidthMm = 72;
// Codes are drawn in whole dots of a thermal printer's usual 203 dpi, so that every module is
// the same width on the roll.
inline constexpr double PrinterDpi = 203;

// The monospace font the roll is set in, at the size that fits Columns on an 80 mm roll.
QFont font();
// An empty document in the roll's font, without margins or undo, titled `title`.
std::unique_ptr<QTextDocument> newDocument(const QString& title);
// Exactly the printed text, one roll line a line (non-breaking spaces kept, as in Money's
// formatting; toPlainText() would turn them into plain ones). The codes' pictures are not text:
// their blocks are left out.
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
    // The Code 128 and the QR code as images (libzint, ui/receipts/barcodeimage.h), each centred
    // in a block of its own, in whole 203 dpi dots a module: the Code 128 at 2 or 3 dots (0.25 or
    // 0.375 mm), 10 mm high; the QR at 4 to 6 dots (0.5 to 0.75 mm). A Code 128 too long for the
    // roll at 0.25 mm a module is left out (the QR still carries the data), with a log line.
    void codes(const QString& data) override;

private:
    void insert(const QString& text, const QTextCharFormat& format);
    void insertCode(const QImage& image, int minDots, int maxDots, int heightDots,
                    const QString& name);

    QTextCursor m_cursor;
    QTextCharFormat m_plain;
    QTextCharFormat m_bold;
    QTextCharFormat m_large;
    bool m_first = true;
};

} // namespace storedesk::ui::roll
