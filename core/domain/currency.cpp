#include "currency.h"

#include <QHash>

namespace storedesk {
namespace {

// Active ISO 4217 codes (list one, 2024, with VED and ZWG) and their minor-unit digits. Funds codes
// and precious metals (XAU, XDR…) are left out: a till never takes them.
QHash<QString, int> buildDigitsTable()
{
    static const char* const twoDigits[] = {
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
        "BGN", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF",
        "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR",
        "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF",
        "IDR", "ILS", "INR", "IRR", "JMD", "KES", "KGS", "KHR", "KPW", "KYD", "KZT", "LAK", "LBP",
        "LKR", "LRD", "LSL", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
        "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "PAB", "PEN", "PGK",
        "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD",
        "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TOP",
        "TRY", "TTD", "TWD", "TZS", "UAH", "USD", "UYU", "UZS", "VED", "VES", "WST", "XCD", "YER",
        "ZAR", "ZMW", "ZWG", "ZWL",
    };
    static const char* const zeroDigits[] = {
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW",
        "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };
    static const char* const threeDigits[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};

    QHash<QString, int> table;
    for (const char* code : twoDigits)
        table.insert(QString::fromLatin1(code), 2);
    for (const char* code : zeroDigits)
        table.insert(QString::fromLatin1(code), 0);
    for (const char* code : threeDigits)
        table.insert(QString::fromLatin1(code), 3);
    return table;
}

// Three ASCII characters as one number: a lookup without building a QString (every amount in a
// document is looked up). Codes are ASCII, so anything else is no code.
std::optional<quint32> packed(QStringView code)
{
    if (code.size() != 3)
        return std::nullopt;
    quint32 key = 0;
    for (const QChar c : code) {
        if (c.unicode() > 0x7f)
            return std::nullopt;
        key = (key << 8) | c.unicode();
    }
    return key;
}

QHash<quint32, std::pair<QString, int>> buildCodeTable()
{
    QHash<quint32, std::pair<QString, int>> codes;
    const QHash<QString, int> digits = buildDigitsTable();
    for (auto it = digits.constBegin(); it != digits.constEnd(); ++it)
        codes.insert(*packed(it.key()), {it.key(), it.value()});
    return codes;
}

} // namespace

std::optional<Currency> Currency::fromCode(QStringView code)
{
    static const QHash<quint32, std::pair<QString, int>> codes = buildCodeTable();
    const std::optional<quint32> key = packed(code);
    if (!key)
        return std::nullopt;
    const auto found = codes.constFind(*key);
    if (found == codes.constEnd())
        return std::nullopt;
    return Currency(found->first, found->second);
}

} // namespace storedesk
