#pragma once

#include <QString>

#include <optional>

namespace storedesk {

// An ISO 4217 currency with its minor-unit digits (EUR 2, JPY 0, KWD 3). The table is the
// authority for how many digits a centPrecision amount has: upstream "fractionDigits" on a
// centPrecision money is not trusted (the commercetools emulator sends 0 on some EUR totals).
class Currency {
public:
    // Known, active ISO 4217 codes only; the lookup is case-sensitive ("eur" is not a code).
    static std::optional<Currency> fromCode(QStringView code);

    QString code() const { return m_code; }
    int fractionDigits() const { return m_fractionDigits; }

    friend bool operator==(const Currency&, const Currency&) = default;

private:
    Currency(QString code, int fractionDigits)
        : m_code(std::move(code))
        , m_fractionDigits(fractionDigits)
    {
    }

    QString m_code;
    int m_fractionDigits = 2;
};

} // namespace storedesk
