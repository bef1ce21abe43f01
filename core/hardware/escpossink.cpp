#include "escpossink.h"

namespace storedesk::hardware {

EscPosSink::EscPosSink(EscPosWriter& writer)
    : m_writer(writer)
{
}

int EscPosSink::columns() const
{
    return m_writer.columns();
}

void EscPosSink::line(const QString& text, roll::Emphasis emphasis)
{
    m_writer.setEmphasis(emphasis);
    m_writer.textLine(text);
}

void EscPosSink::codes(const QString& data)
{
    m_writer.setEmphasis(roll::Emphasis::Plain);
    m_writer.code128(data);
    m_writer.qrCode(data);
}

} // namespace storedesk::hardware
