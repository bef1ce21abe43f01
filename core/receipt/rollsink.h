#pragma once

#include <QString>

// Where a document for the 80 mm roll goes, line by line: a QTextDocument for the PDF and the
// system's print path (ui/receipts/rollwriter.h), or an ESC/POS byte stream for a receipt printer
// (core/hardware/escpossink.h). roll::Writer (core/receipt/rollwriter.h) lays a document out on
// a sink's columns; the sink only renders what it is given.
namespace storedesk::roll {

enum class Emphasis {
    Plain,
    Bold,
    Large, // double width and height, bold: half as many columns
};

class Sink {
public:
    virtual ~Sink() = default;

    // Characters per line at Plain or Bold (Large has half as many).
    virtual int columns() const = 0;
    // One line, laid out already (padded for centring or columns); never longer than the columns.
    // It is plain text: no control characters (roll::Writer replaces them).
    virtual void line(const QString& text, Emphasis emphasis) = 0;
    // A machine-readable code of `data` (the order number): a Code 128 barcode and a QR code,
    // centred, each on lines of its own, with the text under them left to the writer.
    virtual void codes(const QString& data) = 0;
};

} // namespace storedesk::roll
