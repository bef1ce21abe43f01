#pragma once

#include <QByteArray>
#include <QString>

namespace storedesk::hardware {

// What a receipt printer's test page names: where it stands and how it is set up.
struct TestPageInfo {
    QString store;       // the store's name (or key)
    QString workstation; // the workstation's id
    QString address;     // the ReceiptPrinter setting tried, e.g. "escpos-tcp://10.0.0.5:9100"
    int columns = 48;    // ReceiptPrinterColumns: the ruler is exactly this wide
};

// The ESC/POS bytes of a test page: title, store and workstation, the address, a ruler of digits
// exactly `columns` wide (a wrong setting shows as a wrapped or short ruler), a line with € and
// umlauts (the code page), a Code 128 and a QR code of a fixed text, and a cut. It never holds a
// drawer pulse: trying the printer must not open the drawer.
QByteArray testPage(const TestPageInfo& info);

// The text both codes of the test page carry.
QString testPageCodeText();

} // namespace storedesk::hardware
