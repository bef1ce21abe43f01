#pragma once

#include "base/expected.h"

#include <QCoreApplication>
#include <QString>

namespace storedesk::hardware {

// Where receipts go, as the ReceiptPrinter setting spells it (docs/HARDWARE.md).
struct PrinterAddress {
    Q_DECLARE_TR_FUNCTIONS(storedesk::hardware::PrinterAddress)
public:
    enum class Kind { System, EscPosTcp, EscPosUsb };
    Kind kind = Kind::System;
    QString host;        // EscPosTcp
    quint16 port = 9100; // EscPosTcp
    QString device;      // EscPosUsb: an absolute path, e.g. /dev/usb/lp0
    // "" or "system" → System; "escpos-tcp://host[:port]"; "escpos-usb:///dev/usb/lp0".
    // Anything else: an Error whose message says what is accepted (tr()).
    static Expected<PrinterAddress> parse(const QString& text);
    QString toString() const; // canonical form, parse(toString()) round-trips
    bool isEscPos() const { return kind != Kind::System; }
};

} // namespace storedesk::hardware
