#pragma once

#include "../base/expected.h"
#include "money.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace storedesk {

// A note or coin of a currency, by its face value in the currency's minor units.
struct Denomination {
    enum class Kind { Note, Coin };

    qint64 value = 0; // minor units: 5000 is a 50 euro note
    Kind kind = Kind::Coin;

    friend bool operator==(const Denomination&, const Denomination&) = default;
};

// The notes and coins a till counts for a currency, highest first. Only currencies a till can
// count are listed (EUR, CHF, GBP, USD); others give an empty list, and a till in such a currency
// cannot be opened. Rarely used notes (the 500 euro note, the 1000 franc note) are listed: a count
// of zero costs nothing and a drawer may hold one.
QList<Denomination> denominationsFor(QStringView currencyCode);

// A count of a drawer by denomination: how many of each note and coin, never a typed total.
struct TillCount {
    Q_DECLARE_TR_FUNCTIONS(storedesk::TillCount)

public:
    struct Line {
        qint64 value = 0; // a Denomination's value
        qint64 count = 0; // pieces, 0 … MaxPieces

        friend bool operator==(const Line&, const Line&) = default;
    };

    static constexpr qint64 MaxPieces = 100000;

    QString currency;  // ISO 4217 code
    QList<Line> lines; // at most one line per denomination; lines with count 0 may be left out

    // The sum of value × count. An error for an unknown currency, a value that is not one of the
    // currency's denominations, a value listed twice, or a count outside 0 … MaxPieces.
    Expected<Money> total() const;
    qint64 countOf(qint64 value) const; // 0 when not listed

    // {"currency": "EUR", "lines": [{"value": 5000, "count": 2}, …]}: lines highest value first,
    // lines with count 0 left out, so equal counts have equal JSON (idempotency digests).
    QJsonObject toJson() const;
    // Reads that form; checks what total() checks. Lines may come in any order.
    static Expected<TillCount> fromJson(const QJsonObject& object);

    friend bool operator==(const TillCount&, const TillCount&) = default;
};

} // namespace storedesk
