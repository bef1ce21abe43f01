#include "money.h"

#include "jsonreader.h"
#include "moneyformatter.h"

#include <QtNumeric>

#include <algorithm>
#include <array>
#include <limits>

namespace storedesk {
namespace {

constexpr std::array<qint64, Money::MaxFractionDigits + 1> powersOfTen = [] {
    std::array<qint64, Money::MaxFractionDigits + 1> powers{};
    qint64 value = 1;
    for (std::size_t i = 0; i < powers.size(); ++i) {
        powers[i] = value;
        if (i + 1 < powers.size())
            value *= 10;
    }
    return powers;
}();

// English has no translation file, so the source text must already be right in English: one
// message per English plural form, each with %n so that every language gives its own forms.
QString tooManyDecimals(const Currency& currency)
{
    const int digits = currency.fractionDigits();
    if (digits == 0)
        return Money::tr("%1 amounts have no decimals.").arg(currency.code());
    if (digits == 1)
        return Money::tr("%1 has at most %n decimal.", nullptr, digits).arg(currency.code());
    return Money::tr("%1 has at most %n decimals.", nullptr, digits).arg(currency.code());
}

Error overflowError()
{
    return Error{Error::Kind::Overflow, Money::tr("the amount is too large"), QString()};
}

Error unknownCurrencyError(QStringView code)
{
    return Error{Error::Kind::UnknownCurrency,
                 Money::tr("unknown currency \"%1\"").arg(code.left(16)), QString()};
}

} // namespace

Expected<Money> Money::fromMinorUnits(qint64 minorUnits, QStringView currencyCode)
{
    const std::optional<Currency> currency = Currency::fromCode(currencyCode);
    if (!currency)
        return unknownCurrencyError(currencyCode);
    return Money(minorUnits, *currency, currency->fractionDigits());
}

Expected<Money> Money::fromPreciseUnits(qint64 units, QStringView currencyCode, int fractionDigits)
{
    const std::optional<Currency> currency = Currency::fromCode(currencyCode);
    if (!currency)
        return unknownCurrencyError(currencyCode);
    if (fractionDigits < currency->fractionDigits() || fractionDigits > MaxFractionDigits) {
        return Error{Error::Kind::InvalidValue,
                     tr("%1 amounts need between %2 and %3 fraction digits")
                         .arg(currency->code())
                         .arg(currency->fractionDigits())
                         .arg(MaxFractionDigits),
                     QString()};
    }
    return Money(units, *currency, fractionDigits);
}

Money Money::read(JsonObjectReader reader)
{
    const QString code = reader.requiredString(QLatin1StringView("currencyCode"));
    const qint64 centAmount = reader.requiredInteger(QLatin1StringView("centAmount"));
    const QString type = reader.optionalString(QLatin1StringView("type"));
    if (reader.failed())
        return {};
    const std::optional<Currency> currency = Currency::fromCode(code);
    if (!currency) {
        reader.fail(QLatin1StringView("currencyCode"), unknownCurrencyError(code).message,
                    Error::Kind::UnknownCurrency);
        return {};
    }
    // centPrecision's "fractionDigits" is deliberately ignored: the ISO digits are the truth.
    if (type.isEmpty() || type == QLatin1StringView("centPrecision"))
        return Money(centAmount, *currency, currency->fractionDigits());
    if (type != QLatin1StringView("highPrecision")) {
        reader.fail(QLatin1StringView("type"),
                    tr("expected \"centPrecision\" or \"highPrecision\""));
        return {};
    }
    const qint64 preciseAmount = reader.requiredInteger(QLatin1StringView("preciseAmount"));
    const qint64 digits = reader.requiredInteger(QLatin1StringView("fractionDigits"));
    if (reader.failed())
        return {};
    const Expected<Money> precise =
        fromPreciseUnits(preciseAmount, code, int(std::clamp<qint64>(digits, -1, 99)));
    if (!precise) {
        reader.fail(QLatin1StringView("fractionDigits"), precise.error().message);
        return {};
    }
    return *precise;
}

Expected<Money> Money::fromJson(const QJsonObject& object)
{
    return json::read<Money>(object);
}

Expected<Money> Money::rescaled(int fractionDigits) const
{
    if (fractionDigits == m_fractionDigits)
        return *this;
    qint64 units = 0;
    if (qMulOverflow(m_units, powersOfTen[fractionDigits - m_fractionDigits], &units))
        return overflowError();
    return Money(units, *m_currency, fractionDigits);
}

Expected<std::pair<Money, Money>> Money::aligned(const Money& other) const
{
    if (!isValid() || !other.isValid() || m_currency != other.m_currency) {
        return Error{Error::Kind::CurrencyMismatch,
                     tr("cannot combine %1 with %2").arg(currencyCode(), other.currencyCode()),
                     QString()};
    }
    const int digits = std::max(m_fractionDigits, other.m_fractionDigits);
    Expected<Money> a = rescaled(digits);
    Expected<Money> b = other.rescaled(digits);
    if (!a)
        return a.error();
    if (!b)
        return b.error();
    return std::pair{*a, *b};
}

Expected<Money> Money::plus(const Money& other) const
{
    const auto pair = aligned(other);
    if (!pair)
        return pair.error();
    qint64 sum = 0;
    if (qAddOverflow(pair->first.m_units, pair->second.m_units, &sum))
        return overflowError();
    return Money(sum, *m_currency, pair->first.m_fractionDigits);
}

Expected<Money> Money::minus(const Money& other) const
{
    const auto pair = aligned(other);
    if (!pair)
        return pair.error();
    qint64 difference = 0;
    if (qSubOverflow(pair->first.m_units, pair->second.m_units, &difference))
        return overflowError();
    return Money(difference, *m_currency, pair->first.m_fractionDigits);
}

Expected<Money> Money::times(qint64 quantity) const
{
    if (!isValid())
        return Error{Error::Kind::InvalidArgument, tr("no currency"), QString()};
    qint64 product = 0;
    if (qMulOverflow(m_units, quantity, &product))
        return overflowError();
    return Money(product, *m_currency, m_fractionDigits);
}

Expected<Money> Money::negated() const
{
    return times(-1);
}

Expected<int> Money::compare(const Money& other) const
{
    if (!isValid() || !other.isValid() || m_currency != other.m_currency) {
        return Error{Error::Kind::CurrencyMismatch,
                     tr("cannot compare %1 with %2").arg(currencyCode(), other.currencyCode()),
                     QString()};
    }
    // Compare without scaling up (which could overflow): write the finer amount as
    // quotient * 10^k + remainder in the coarser amount's digits, with |remainder| < 10^k.
    const bool thisIsCoarser = m_fractionDigits <= other.m_fractionDigits;
    const Money& coarse = thisIsCoarser ? *this : other;
    const Money& fine = thisIsCoarser ? other : *this;
    const qint64 scale = powersOfTen[fine.m_fractionDigits - coarse.m_fractionDigits];
    const qint64 quotient = fine.m_units / scale;
    const qint64 remainder = fine.m_units % scale;
    int coarseVersusFine = 0;
    if (coarse.m_units != quotient)
        coarseVersusFine = coarse.m_units < quotient ? -1 : 1;
    else if (remainder != 0)
        coarseVersusFine = remainder > 0 ? -1 : 1;
    return thisIsCoarser ? coarseVersusFine : -coarseVersusFine;
}

Expected<QList<Money>> Money::split(int parts) const
{
    if (!isValid() || parts < 1)
        return Error{Error::Kind::InvalidArgument,
                     tr("an amount can only be split into one or more parts"), QString()};
    const qint64 share = m_units / parts;
    qint64 remainder = m_units % parts; // same sign as m_units
    const qint64 step = remainder < 0 ? -1 : 1;
    QList<Money> result;
    result.reserve(parts);
    for (int i = 0; i < parts; ++i) {
        qint64 units = share;
        if (remainder != 0) {
            units += step;
            remainder -= step;
        }
        result.append(Money(units, *m_currency, m_fractionDigits));
    }
    return result;
}

Expected<Money> Money::lastShares(qint64 parts, qint64 count) const
{
    if (!isValid() || parts < 1 || count < 0 || count > parts)
        return Error{Error::Kind::InvalidArgument,
                     tr("an amount can only be split into one or more parts"), QString()};
    const qint64 share = m_units / parts;
    const qint64 remainder = m_units % parts;
    const qint64 extraShares = remainder < 0 ? -remainder : remainder; // the first ones get ±1
    const qint64 extraAmongLast = std::max<qint64>(0, extraShares - (parts - count));
    // |share × count| ≤ |m_units|, so neither step can overflow.
    return Money(share * count + (remainder < 0 ? -extraAmongLast : extraAmongLast), *m_currency,
                 m_fractionDigits);
}

Money Money::toCentPrecision() const
{
    if (!isHighPrecision())
        return *this;
    const qint64 divisor = powersOfTen[m_fractionDigits - m_currency->fractionDigits()];
    qint64 quotient = m_units / divisor;
    const qint64 remainder = m_units % divisor;
    const qint64 twice = 2 * (remainder < 0 ? -remainder : remainder); // < 2 * 10^18, no overflow
    if (twice > divisor || (twice == divisor && (quotient % 2) != 0))
        quotient += m_units < 0 ? -1 : 1;
    return Money(quotient, *m_currency, m_currency->fractionDigits());
}

QString Money::toString(const QLocale& locale) const
{
    return MoneyFormatter(locale).format(*this);
}

QJsonObject Money::toJson() const
{
    if (!isValid())
        return {};
    QJsonObject object{
        {QStringLiteral("currencyCode"), m_currency->code()},
        {QStringLiteral("centAmount"), toCentPrecision().m_units},
    };
    if (isHighPrecision()) {
        object.insert(QStringLiteral("type"), QStringLiteral("highPrecision"));
        object.insert(QStringLiteral("preciseAmount"), m_units);
        object.insert(QStringLiteral("fractionDigits"), m_fractionDigits);
    } else {
        object.insert(QStringLiteral("type"), QStringLiteral("centPrecision"));
        object.insert(QStringLiteral("fractionDigits"), m_fractionDigits);
    }
    return object;
}

QJsonObject Money::toDraftJson() const
{
    if (!isValid())
        return {};
    return QJsonObject{
        {QStringLiteral("currencyCode"), m_currency->code()},
        {QStringLiteral("centAmount"), toCentPrecision().m_units},
    };
}

Expected<Money> Money::parse(QStringView text, const Currency& currency, const QLocale& locale)
{
    const auto invalid = [&] {
        const Expected<Money> example = fromMinorUnits(1250, currency.code());
        return Error{Error::Kind::InvalidValue,
                     tr("Enter an amount such as %1.")
                         .arg(example ? example->toString(locale) : QStringLiteral("12.50")),
                     QString()};
    };
    QString digits;
    QString fraction;
    bool inFraction = false;
    bool trailing = false;
    const QChar decimal = locale.decimalPoint().front();
    const QChar group =
        locale.groupSeparator().isEmpty() ? QChar() : locale.groupSeparator().front();
    for (const QChar c : text.trimmed()) {
        if (c.isDigit()) {
            if (trailing)
                return invalid(); // digits after the decimals ("12,50 3")
            (inFraction ? fraction : digits).append(QChar(u'0' + c.digitValue()));
        } else if ((c == decimal || ((c == u'.' || c == u',') && c != group)) && !inFraction) {
            inFraction = true;
        } else if (c == group || c.isSpace() || c == QChar(0x00A0) || c == QChar(0x202F)) {
            if (inFraction && c == group)
                return invalid();
            trailing = inFraction; // a space after the decimals ends the number
        } else if (c.isLetter() || c.isSymbol()) {
            trailing = trailing || !digits.isEmpty() || inFraction;
        } else {
            return invalid(); // a sign, a second decimal point, …
        }
    }
    if (digits.isEmpty() && fraction.isEmpty())
        return invalid();
    if (fraction.size() > currency.fractionDigits())
        return Error{Error::Kind::InvalidValue, tooManyDecimals(currency), QString()};
    fraction = fraction.leftJustified(currency.fractionDigits(), u'0');
    if (digits.size() + fraction.size() > 18)
        return overflowError();
    bool ok = false;
    const qint64 units = (digits + fraction).toLongLong(&ok);
    if (!ok)
        return invalid();
    return fromMinorUnits(units, currency.code());
}

} // namespace storedesk
