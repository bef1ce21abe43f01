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

} // namespace

std::optional<Currency> Currency::fromCode(QStringView code)
{
    static const QHash<QString, int> digits = buildDigitsTable();
    if (code.size() != 3)
        return std::nullopt;
    const auto found = digits.constFind(code.toString());
    if (found == digits.constEnd())
        return std::nullopt;
    return Currency(found.key(), found.value());
}

} // namespace storedesk
