#include "fakeescposprinter.h"

#include "hardware/pc858.h"

#include <QTcpSocket>

namespace storedesk::testing {

QString EscPosDocument::text() const
{
    QStringList texts;
    for (const Line& line : lines)
        texts.append(line.text);
    return texts.join(QLatin1Char('\n'));
}

bool EscPosDocument::isEmpty() const
{
    return lines.isEmpty() && code128.isEmpty() && qrCodes.isEmpty() && cuts == 0 &&
           pulses.isEmpty();
}

FakeEscPosPrinter::FakeEscPosPrinter(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<EscPosDocument>();
    connect(&m_server, &QTcpServer::newConnection, this, &FakeEscPosPrinter::accept);
}

FakeEscPosPrinter::~FakeEscPosPrinter()
{
    // Sockets still open close with the server: no document from them, no signal into a half
    // destroyed object.
    for (QTcpSocket* socket : m_connections.keys())
        socket->disconnect(this);
}

bool FakeEscPosPrinter::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 FakeEscPosPrinter::port() const
{
    return m_server.serverPort();
}

QString FakeEscPosPrinter::address() const
{
    return QStringLiteral("escpos-tcp://127.0.0.1:%1").arg(port());
}

void FakeEscPosPrinter::setCondition(Condition condition)
{
    m_condition = condition;
}

void FakeEscPosPrinter::setDrawerOpen(bool open)
{
    m_drawerOpen = open;
}

QList<EscPosDocument> FakeEscPosPrinter::documents() const
{
    return m_documents;
}

void FakeEscPosPrinter::accept()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        m_connections.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { received(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { closed(socket); });
    }
}

char FakeEscPosPrinter::statusByte(int n) const
{
    quint8 byte = 0x12; // the fixed bits
    const bool paperOut = m_condition == Condition::PaperOut;
    const bool coverOpen = m_condition == Condition::CoverOpen;
    switch (n) {
    case 1: // printer: offline bit 3, drawer (pin 3) bit 2
        if (m_condition != Condition::Ready)
            byte |= 0x08;
        if (m_drawerOpen)
            byte |= 0x04;
        break;
    case 2: // offline cause: cover bit 2, paper-out stop bit 5, error bit 6
        if (coverOpen)
            byte |= 0x04;
        if (paperOut)
            byte |= 0x20;
        if (m_condition == Condition::Offline)
            byte |= 0x40;
        break;
    case 4: // paper sensor: end bits 5-6 (and near end bits 2-3 with it)
        if (paperOut)
            byte |= 0x6C;
        break;
    }
    return char(byte);
}

void FakeEscPosPrinter::received(QTcpSocket* socket)
{
    Connection& connection = m_connections[socket];
    connection.bytes.append(socket->readAll());
    // Real-time requests are answered as they arrive, wherever they are in the stream.
    QByteArray& bytes = connection.bytes;
    while (connection.scanned + 3 <= bytes.size()) {
        const qsizetype i = connection.scanned;
        if (bytes.at(i) == 0x10 && bytes.at(i + 1) == 0x04) {
            const int n = quint8(bytes.at(i + 2));
            emit statusAsked(n);
            if (m_condition != Condition::Silent)
                socket->write(QByteArray(1, statusByte(n)));
            connection.scanned += 3;
        } else {
            connection.scanned += 1;
        }
    }
}

void FakeEscPosPrinter::closed(QTcpSocket* socket)
{
    const Connection connection = m_connections.take(socket);
    socket->deleteLater();
    EscPosDocument document = parse(connection.bytes);
    if (document.isEmpty() && document.errors.isEmpty())
        return; // status requests only
    m_documents.append(document);
    emit documentReceived(document);
}

EscPosDocument FakeEscPosPrinter::parse(const QByteArray& bytes)
{
    EscPosDocument document;
    document.raw = bytes;
    bool codePage = false;
    bool bold = false;
    bool large = false;
    QString text;
    bool inLine = false;
    QByteArray pendingQr;
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    auto at = [&](qsizetype k) {
        return quint8(bytes.at(k));
    };
    auto need = [&](qsizetype count, const char* what) {
        if (i + count <= size)
            return true;
        document.errors.append(
            QStringLiteral("truncated %1 at %2").arg(QLatin1String(what)).arg(i));
        i = size;
        return false;
    };
    while (i < size) {
        const quint8 b = at(i);
        if (b == 0x1B) { // ESC
            if (!need(2, "ESC"))
                break;
            const quint8 c = at(i + 1);
            if (c == '@') {
                codePage = false;
                bold = large = false;
                i += 2;
            } else if (c == 't' || c == 'E' || c == 'a' || c == 'd') {
                if (!need(3, "ESC n"))
                    break;
                const quint8 n = at(i + 2);
                if (c == 't') {
                    codePage = n == 19;
                    if (!codePage)
                        document.errors.append(QStringLiteral("code page %1, not 19").arg(n));
                } else if (c == 'E') {
                    bold = n & 1;
                }
                i += 3;
            } else if (c == 'p') {
                if (!need(5, "ESC p"))
                    break;
                document.pulses.append(hardware::DrawerPulse{
                    at(i + 2) == 0 || at(i + 2) == 48 ? 2 : 5, at(i + 3) * 2});
                i += 5;
            } else {
                document.errors.append(
                    QStringLiteral("unknown ESC 0x%1").arg(c, 2, 16, QLatin1Char('0')));
                i += 2;
            }
        } else if (b == 0x1D) { // GS
            if (!need(3, "GS"))
                break;
            const quint8 c = at(i + 1);
            if (c == '!') {
                large = (at(i + 2) & 0x11) == 0x11;
                i += 3;
            } else if (c == 'h' || c == 'w' || c == 'H') {
                i += 3;
            } else if (c == 'V') {
                if (at(i + 2) == 65 || at(i + 2) == 66) {
                    if (!need(4, "GS V"))
                        break;
                    i += 4;
                } else {
                    i += 3;
                }
                ++document.cuts;
            } else if (c == 'k') {
                if (!need(4, "GS k") || at(i + 2) != 73) {
                    document.errors.append(QStringLiteral("GS k other than 73"));
                    i += 3;
                    continue;
                }
                const int n = at(i + 3);
                if (!need(4 + n, "GS k data"))
                    break;
                QByteArray data = bytes.mid(i + 4, n);
                if (data.startsWith("{B"))
                    data = data.mid(2);
                else
                    document.errors.append(QStringLiteral("Code 128 without {B"));
                document.code128.append(QString::fromLatin1(data));
                i += 4 + n;
            } else if (c == '(') {
                if (!need(5, "GS ( k") || at(i + 2) != 'k') {
                    document.errors.append(QStringLiteral("GS ( other than k"));
                    i += 3;
                    continue;
                }
                const int length = at(i + 3) | (at(i + 4) << 8);
                if (!need(5 + length, "GS ( k data"))
                    break;
                const QByteArray parameters = bytes.mid(i + 5, length);
                const quint8 fn = parameters.size() > 1 ? quint8(parameters.at(1)) : 0;
                if (fn == 80)
                    pendingQr = parameters.mid(3);
                else if (fn == 81)
                    document.qrCodes.append(QString::fromLatin1(pendingQr));
                else if (fn != 65 && fn != 67 && fn != 69)
                    document.errors.append(QStringLiteral("QR function %1").arg(fn));
                i += 5 + length;
            } else {
                document.errors.append(
                    QStringLiteral("unknown GS 0x%1").arg(c, 2, 16, QLatin1Char('0')));
                i += 2;
            }
        } else if (b == 0x10) { // DLE
            if (!need(3, "DLE EOT"))
                break;
            if (at(i + 1) != 0x04)
                document.errors.append(QStringLiteral("DLE other than EOT"));
            i += 3;
        } else if (b == 0x0A) { // LF
            document.lines.append({text, bold, large});
            text.clear();
            inLine = false;
            ++i;
        } else if (b < 0x20 || b == 0x7F) {
            document.errors.append(
                QStringLiteral("control byte 0x%1 at %2").arg(b, 2, 16, QLatin1Char('0')).arg(i));
            ++i;
        } else {
            if (!codePage && !inLine) {
                document.errors.append(QStringLiteral("text before ESC t 19 at %1").arg(i));
            }
            inLine = true;
            text.append(b < 0x80 ? QChar(b) : QChar(hardware::pc858High[b - 0x80]));
            ++i;
        }
    }
    if (inLine)
        document.lines.append({text, bold, large});
    return document;
}

} // namespace storedesk::testing
