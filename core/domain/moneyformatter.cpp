#include "moneyformatter.h"

namespace storedesk {
namespace {

constexpr qint64 powerOfTen(int exponent)
{
    qint64 power = 1;
    while (exponent-- > 0)
        power *= 10;
    return power;
}

} // namespace

MoneyFormatter::MoneyFormatter(const QLocale& locale)
    : m_locale(locale)
    , m_plain(locale)
    , m_zero(locale.zeroDigit())
    , m_decimalPoint(locale.decimalPoint())
{
    m_plain.setNumberOptions(QLocale::OmitGroupSeparator);
}

const MoneyFormatter::Frame& MoneyFormatter::frame(const QString& code, bool negative)
{
    for (const Frame& known : m_frames) {
        if (known.negative == negative && known.code == code)
            return known;
    }
    Frame made;
    made.code = code;
    made.negative = negative;
    const bool ownCurrency = m_locale.currencySymbol(QLocale::CurrencyIsoCode) == code;
    const QString symbol = ownCurrency ? m_locale.currencySymbol(QLocale::CurrencySymbol) : code;
    // The locale's own currency pattern around the digit one tells where the sign and symbol go.
    const QString pattern = m_locale.toCurrencyString(qlonglong(negative ? -1 : 1), symbol);
    const QString one = m_locale.toString(qlonglong(1));
    const qsizetype at = pattern.lastIndexOf(one);
    if (at < 0) {
        made.before = negative ? m_locale.negativeSign() : QString();
        made.after = QChar::Nbsp + symbol;
    } else {
        made.before = pattern.left(at);
        made.after = pattern.mid(at + one.size());
        if (!ownCurrency) {
            // An ISO code written straight against the digits ("KWD1.234") is hard to read.
            if (at > 0 && pattern.at(at - 1).isLetter())
                made.before += QChar::Nbsp;
            if (at + one.size() < pattern.size() && pattern.at(at + one.size()).isLetter())
                made.after.prepend(QChar::Nbsp);
        }
    }
    m_frames.append(std::move(made));
    return m_frames.constLast();
}

QString MoneyFormatter::format(const Money& money)
{
    if (!money.isValid())
        return {};
    const qint64 units = money.minorUnits();
    const bool negative = units < 0;
    // Unsigned magnitude so that the most negative value still formats.
    const quint64 magnitude = negative ? 0 - quint64(units) : quint64(units);
    const quint64 scale = quint64(powerOfTen(money.fractionDigits()));

    const Frame& around = frame(money.currencyCode(), negative);
    QString text = around.before;
    text += m_locale.toString(qulonglong(magnitude / scale));
    if (money.fractionDigits() > 0) {
        QString fraction = m_plain.toString(qulonglong(magnitude % scale));
        while (fraction.size() < money.fractionDigits() * m_zero.size())
            fraction.prepend(m_zero);
        text += m_decimalPoint;
        text += fraction;
    }
    text += around.after;
    return text;
}

} // namespace storedesk
