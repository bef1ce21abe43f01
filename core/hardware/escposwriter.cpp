#include "escposwriter.h"

#include "base/logging.h"
#include "pc858.h"

#include <QHash>

namespace storedesk::hardware {

namespace {

constexpr char ESC = 0x1B;
constexpr char GS = 0x1D;
constexpr char DLE = 0x10;
constexpr char EOT = 0x04;
constexpr char LF = 0x0A;

const QHash<char32_t, char>& pc858Bytes()
{
    static const QHash<char32_t, char> table = [] {
        QHash<char32_t, char> t;
        for (int i = 0; i < 128; ++i)
            t.insert(pc858High[i], static_cast<char>(0x80 + i));
        return t;
    }();
    return table;
}

bool isControl(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

void align(QByteArray& bytes, char n)
{
    bytes.append(ESC).append('a').append(n);
}

} // namespace

EscPosWriter::EscPosWriter(int columns)
    : m_columns(columns)
{
}

int EscPosWriter::columns() const
{
    return m_columns;
}

void EscPosWriter::initialize()
{
    m_bytes.append(ESC).append('@');
    m_bytes.append(ESC).append('t').append(char(19));
}

void EscPosWriter::setEmphasis(roll::Emphasis emphasis)
{
    const bool bold = emphasis != roll::Emphasis::Plain;
    const bool large = emphasis == roll::Emphasis::Large;
    m_bytes.append(ESC).append('E').append(char(bold ? 1 : 0));
    m_bytes.append(GS).append('!').append(char(large ? 0x11 : 0x00));
}

void EscPosWriter::textLine(const QString& text)
{
    m_bytes.append(encode(text)).append(LF);
}

void EscPosWriter::code128(const QString& data)
{
    // Code set B holds ASCII 32..126; the length byte counts "{B" too.
    const bool printable = std::all_of(data.cbegin(), data.cend(), [](QChar c) {
        return c.unicode() >= 32 && c.unicode() <= 126;
    });
    // Code set B: start, one symbol per character, checksum (11 modules each), stop (13), and a
    // quiet zone of 10 modules each side. At 2 dots a module (0.25 mm at 203 dpi, the thinnest a
    // scanner reads reliably) it must fit the 72 mm (576 dots) an 80 mm printer prints on; a
    // longer one is left off and the QR code carries the data.
    const qsizetype modules = 11 * (data.size() + 2) + 13 + 20;
    if (data.isEmpty() || !printable || modules * 2 > 576) {
        qCWarning(lcHardware)
            << "Code 128 skipped: the data is empty, too long or not printable ASCII";
        return;
    }
    align(m_bytes, 1);
    m_bytes.append(GS).append('h').append(char(80));
    m_bytes.append(GS).append('w').append(char(2));
    m_bytes.append(GS).append('H').append(char(2));
    m_bytes.append(GS).append('k').append(char(73)).append(char(data.size() + 2));
    m_bytes.append("{B").append(data.toLatin1());
    align(m_bytes, 0);
}

void EscPosWriter::qrCode(const QString& data)
{
    const QByteArray encoded = encode(data);
    if (encoded.isEmpty() || encoded.size() > 7000) {
        qCWarning(lcHardware) << "QR code skipped: the data is empty or too long";
        return;
    }
    auto function = [this](char fn, const QByteArray& parameters) {
        const int length = parameters.size() + 2; // cn and fn
        m_bytes.append(GS).append('(').append('k');
        m_bytes.append(char(length & 0xFF)).append(char((length >> 8) & 0xFF));
        m_bytes.append(char(49)).append(fn).append(parameters);
    };
    align(m_bytes, 1);
    function(65, QByteArray("\x32\x00", 2)); // model 2
    function(67, QByteArray(1, char(6)));    // module size 6
    function(69, QByteArray(1, char(49)));   // error correction M
    function(80, QByteArray(1, char(48)) + encoded);
    function(81, QByteArray(1, char(48)));
    align(m_bytes, 0);
}

void EscPosWriter::feed(int lines)
{
    m_bytes.append(ESC).append('d').append(char(std::clamp(lines, 0, 255)));
}

void EscPosWriter::cut()
{
    m_bytes.append(GS).append('V').append(char(66)).append(char(0));
}

void EscPosWriter::drawerPulse(const DrawerPulse& pulse)
{
    // t1 and t2 count 2 ms units.
    const char units = char(std::clamp(pulse.onMs / 2, 1, 255));
    m_bytes.append(ESC)
        .append('p')
        .append(char(pulse.pin == 5 ? 1 : 0))
        .append(units)
        .append(units);
}

QByteArray EscPosWriter::bytes() const
{
    return m_bytes;
}

QByteArray EscPosWriter::encode(const QString& text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        if (isControl(c))
            out.append(' ');
        else if (c < 0x80)
            out.append(char(c));
        else
            out.append(pc858Bytes().value(c, '?'));
    }
    return out;
}

QByteArray EscPosWriter::statusRequest(int n)
{
    return QByteArray().append(DLE).append(EOT).append(char(n));
}

} // namespace storedesk::hardware
