#pragma once

#include "money.h"

#include <QList>
#include <QLocale>
#include <QString>

namespace storedesk {

// Formats amounts exactly as Money::toString(locale) does (which uses one), for many amounts in
// one locale: the locale's currency pattern and symbol are worked out once per currency and sign
// rather than for every amount — a 1000-line cart on screen formats 2000 of them.
class MoneyFormatter {
public:
    explicit MoneyFormatter(const QLocale& locale);

    QString format(const Money& money);

private:
    // What goes before and after the digits for one currency and sign.
    struct Frame {
        QString code;
        bool negative = false;
        QString before;
        QString after;
    };
    const Frame& frame(const QString& code, bool negative);

    QLocale m_locale;
    QLocale m_plain; // no group separators: for the fraction digits
    QString m_zero;
    QString m_decimalPoint;
    QList<Frame> m_frames; // a cart has one currency: a list beats any index
};

} // namespace storedesk
