#include "printeraddress.h"

namespace storedesk::hardware {

namespace {

const QString tcpScheme = QStringLiteral("escpos-tcp://");
const QString usbScheme = QStringLiteral("escpos-usb://");

Error invalid(const QString& why)
{
    return Error{Error::Kind::InvalidValue,
                 PrinterAddress::tr("%1 Use \"system\", \"escpos-tcp://host[:port]\" or "
                                    "\"escpos-usb:///dev/usb/lp0\".")
                     .arg(why),
                 {}};
}

} // namespace

Expected<PrinterAddress> PrinterAddress::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    PrinterAddress address;
    if (trimmed.isEmpty() || trimmed.compare(QLatin1String("system"), Qt::CaseInsensitive) == 0)
        return address;
    if (trimmed.startsWith(tcpScheme, Qt::CaseInsensitive)) {
        QString rest = trimmed.mid(tcpScheme.size());
        if (rest.endsWith(QLatin1Char('/')))
            rest.chop(1);
        QString host = rest;
        quint16 port = 9100;
        // "[::1]:9100" for IPv6, otherwise the last colon separates the port.
        int colon = -1;
        if (rest.startsWith(QLatin1Char('['))) {
            const int close = rest.indexOf(QLatin1Char(']'));
            if (close < 0)
                return invalid(tr("The printer's address has an unclosed \"[\"."));
            host = rest.mid(1, close - 1);
            if (close + 1 < rest.size()) {
                if (rest.at(close + 1) != QLatin1Char(':'))
                    return invalid(tr("The printer's address is not valid."));
                colon = close + 1;
            }
        } else {
            colon = rest.lastIndexOf(QLatin1Char(':'));
            if (colon >= 0)
                host = rest.left(colon);
        }
        if (colon >= 0) {
            bool ok = false;
            const uint value = rest.mid(colon + 1).toUInt(&ok);
            if (!ok || value < 1 || value > 65535)
                return invalid(tr("The printer's port must be a number from 1 to 65535."));
            port = static_cast<quint16>(value);
        }
        if (host.isEmpty() || host.contains(QLatin1Char('/')) || host.contains(QLatin1Char(' ')))
            return invalid(tr("The printer's host name is missing or not valid."));
        address.kind = Kind::EscPosTcp;
        address.host = host;
        address.port = port;
        return address;
    }
    if (trimmed.startsWith(usbScheme, Qt::CaseInsensitive)) {
        const QString device = trimmed.mid(usbScheme.size());
        if (!device.startsWith(QLatin1Char('/')) || device.size() < 2)
            return invalid(tr("The printer's device must be an absolute path, e.g. /dev/usb/lp0."));
        address.kind = Kind::EscPosUsb;
        address.device = device;
        return address;
    }
    return invalid(tr("\"%1\" is not a receipt printer address.").arg(trimmed));
}

QString PrinterAddress::toString() const
{
    switch (kind) {
    case Kind::System:
        return QStringLiteral("system");
    case Kind::EscPosTcp: {
        const QString h =
            host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
        return tcpScheme + h + QLatin1Char(':') + QString::number(port);
    }
    case Kind::EscPosUsb:
        return usbScheme + device;
    }
    return QStringLiteral("system");
}

} // namespace storedesk::hardware
