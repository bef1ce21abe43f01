#pragma once

#include "../base/expected.h"
#include "currency.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QLocale>

namespace storedesk {

class JsonObjectReader;

// An amount of money: a signed 64-bit count of minor units, a currency, and the number of fraction
// digits those units have. Cent precision uses the currency's own digits; high precision
// (commercetools "preciseAmount") has more. There is no floating point anywhere in this class.
class Money {
    Q_DECLARE_TR_FUNCTIONS(storedesk::Money)

public:
    // Highest number of fraction digits we accept for high precision (10^18 still fits in int64).
    static constexpr int MaxFractionDigits = 18;

    Money() = default; // invalid: no currency

    static Expected<Money> fromMinorUnits(qint64 minorUnits, QStringView currencyCode);
    static Expected<Money> fromPreciseUnits(qint64 units, QStringView currencyCode,
                                            int fractionDigits);
    static Money zero(const Currency& currency)
    {
        return Money(0, currency, currency.fractionDigits());
    }

    // Reads a commercetools Money / TypedMoney / CentPrecisionMoney / HighPrecisionMoney object.
    // What a colleague typed ("12,50", "1.234,50 €", "12"), read with the locale's separators,
    // without ever going through a floating-point number. At most the currency's own decimals.
    static Expected<Money> parse(QStringView text, const Currency& currency, const QLocale& locale);
    static Money read(JsonObjectReader reader);
    static Expected<Money> fromJson(const QJsonObject& object);

    bool isValid() const { return m_currency.has_value(); }
    qint64 minorUnits() const { return m_units; }
    int fractionDigits() const { return m_fractionDigits; }
    bool isHighPrecision() const
    {
        return isValid() && m_fractionDigits != m_currency->fractionDigits();
    }
    QString currencyCode() const { return m_currency ? m_currency->code() : QString(); }
    std::optional<Currency> currency() const { return m_currency; } // empty when invalid
    bool isZero() const { return m_units == 0; }
    bool isNegative() const { return m_units < 0; }

    Expected<Money> plus(const Money& other) const;
    Expected<Money> minus(const Money& other) const;
    Expected<Money> times(qint64 quantity) const;
    Expected<Money> negated() const;
    // -1, 0 or 1; an error for different currencies.
    Expected<int> compare(const Money& other) const;

    // Splits into `parts` amounts that add up exactly to this one. The remainder goes one minor
    // unit at a time to the first parts, so the result is the same on every machine.
    Expected<QList<Money>> split(int parts) const;
    // The sum of the last `count` amounts split(parts) would give, computed without making them
    // (a line of 10^9 units must not allocate 10^9 amounts). 0 ≤ count ≤ parts.
    Expected<Money> lastShares(qint64 parts, qint64 count) const;

    // Rounds a high-precision amount to the currency's digits, half to even (commercetools' rule).
    Money toCentPrecision() const;

    // Formats with the locale's separators and currency pattern, and exactly fractionDigits()
    // decimals. The currency's symbol is used when it is the locale's own currency, else its code.
    QString toString(const QLocale& locale = QLocale()) const;

    // commercetools representation: centPrecision, or highPrecision with centAmount rounded.
    // The typed form commercetools answers with (and our own API's answers use).
    QJsonObject toJson() const;
    // commercetools' Money draft {centAmount, currencyCode}: what requests to commercetools carry
    // (payment drafts, transactions). A high-precision amount is rounded as in toJson().
    QJsonObject toDraftJson() const;

    // Exact equality: same currency, same digits, same units.
    friend bool operator==(const Money& a, const Money& b)
    {
        return a.m_currency == b.m_currency && a.m_units == b.m_units &&
               a.m_fractionDigits == b.m_fractionDigits;
    }

private:
    Money(qint64 units, Currency currency, int fractionDigits)
        : m_units(units)
        , m_currency(std::move(currency))
        , m_fractionDigits(fractionDigits)
    {
    }

    // Both amounts expressed with the larger number of digits, or an error.
    Expected<std::pair<Money, Money>> aligned(const Money& other) const;
    Expected<Money> rescaled(int fractionDigits) const;

    qint64 m_units = 0;
    std::optional<Currency> m_currency;
    int m_fractionDigits = 0;
};

} // namespace storedesk
