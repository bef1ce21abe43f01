#pragma once

#include "receipt/rollsink.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace storedesk::hardware {

// The cash drawer's kick-out pulse: pin 2 or 5 of the connector; the off time equals the on time.
struct DrawerPulse {
    int pin = 2;
    int onMs = 100;
};

// The only place that writes ESC/POS bytes (docs/HARDWARE.md lists every command). Text from data
// never yields a control byte: it is sanitised and encoded to PC858 first.
class EscPosWriter {
public:
    explicit EscPosWriter(int columns = 48);
    int columns() const;
    void initialize();                         // ESC @, ESC t 19 (PC858)
    void setEmphasis(roll::Emphasis emphasis); // ESC E n and GS ! n
    void textLine(const QString& text);        // sanitised + PC858-encoded, then LF
    void
    code128(const QString& data); // centred, HRI below; ASCII 32..126 only (else skipped, logged)
    void qrCode(const QString& data); // centred
    void feed(int lines);
    void cut(); // GS V 66 0
    void drawerPulse(const DrawerPulse& pulse);
    QByteArray bytes() const;
    // C0/C1 controls and DEL → space; then PC858; an unencodable character → '?'.
    static QByteArray encode(const QString& text);
    // Whole jobs: DLE EOT n status requests as bytes, for the connection.
    static QByteArray statusRequest(int n);

private:
    int m_columns;
    QByteArray m_bytes;
};

} // namespace storedesk::hardware

Q_DECLARE_METATYPE(storedesk::hardware::DrawerPulse)
