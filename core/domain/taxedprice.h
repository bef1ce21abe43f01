#pragma once

#include "money.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace storedesk {

class JsonObjectReader;

// One tax rate's share of a taxed price ("19% MwSt": 3.19 EUR).
struct TaxPortion {
    Q_DECLARE_TR_FUNCTIONS(storedesk::TaxPortion)

public:
    static constexpr qint64 PpmPerUnit = 1'000'000;

    QString name;
    // The rate as parts per million (0.19 → 190000), rounded from the JSON number. A rate is a
    // ratio, not money, but the model stays free of floating point all the same.
    qint64 ratePpm = 0;
    Money amount;

    static TaxPortion read(JsonObjectReader reader);
};

// Net, gross and tax of a line, a custom line or a whole cart or order. Every amount is in the
// currency of totalGross.
struct TaxedPrice {
    Money totalNet;
    Money totalGross;
    std::optional<Money> totalTax; // absent in older documents; gross − net then
    QList<TaxPortion> taxPortions;

    static TaxedPrice read(JsonObjectReader reader);
    // Also requires every amount to be in the currency of `currencyOf` (e.g. the cart total), so
    // that a mismatch is reported at the amount that has it.
    static TaxedPrice read(JsonObjectReader reader, const Money& currencyOf);
    static Expected<TaxedPrice> fromJson(const QByteArray& json);

private:
    static TaxedPrice readChecked(JsonObjectReader& reader, const Money* currencyOf);
};

} // namespace storedesk
