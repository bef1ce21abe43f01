#pragma once

#include "receipt/rollsink.h"

#include <QString>
#include <QStringList>

// What every document printed on the 80 mm roll shares (receipts, the till's X and Z reports):
// one monospace column of the sink's columns, amounts aligned at the right, text from elsewhere
// kept to one line. The same layout goes to the PDF (ui/receipts/rollwriter.h: DocumentSink) and
// to an ESC/POS printer (core/hardware/escpossink.h), so both print the same lines.
namespace storedesk::roll {

// A line break or tab inside a name must not break the columns.
QString withoutControls(const QString& text);
// Text from documents (names, reasons) as one line of single spaces.
QString oneLine(const QString& text);
// Words onto lines of at most `width` characters; a word longer than that is cut.
QStringList wrapped(const QString& text, int width);

// Lays a document out one roll line at a time on a sink.
class Writer {
public:
    explicit Writer(Sink& sink);

    int columns() const;

    void line(const QString& text, bool bold = false);
    void wrappedLines(const QString& text, int indent = 0, bool bold = false);
    void centered(const QString& text, bool bold = false);
    // Centred in double size and bold (half as many columns): "COPY" on a reprint.
    void large(const QString& text);
    // "label          amount"; a label too long for that gets a line of its own.
    void row(const QString& label, const QString& value, bool bold = false);
    void rule();
    // The order number as Code 128 and QR, as the sink draws them.
    void codes(const QString& data);

private:
    Sink& m_sink;
};

} // namespace storedesk::roll
