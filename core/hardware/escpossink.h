#pragma once

#include "escposwriter.h"
#include "receipt/rollsink.h"

namespace storedesk::hardware {

// A roll document as ESC/POS: each line with its emphasis, the codes as the printer's own
// Code 128 and QR commands.
class EscPosSink : public roll::Sink {
public:
    explicit EscPosSink(EscPosWriter& writer);
    int columns() const override;
    void line(const QString& text, roll::Emphasis emphasis) override;
    void codes(const QString& data) override;

private:
    EscPosWriter& m_writer;
};

} // namespace storedesk::hardware
