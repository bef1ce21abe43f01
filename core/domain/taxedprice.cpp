#include "taxedprice.h"

#include "fields.h"
#include "jsonreader.h"

#include <cmath>

namespace storedesk {

TaxPortion TaxPortion::read(JsonObjectReader reader)
{
    TaxPortion portion;
    portion.name = reader.optionalString(QLatin1StringView("name"));
    const QLatin1StringView rateKey("rate");
    if (!reader.failed() && !reader.has(rateKey))
        reader.fail(rateKey, JsonObjectReader::tr("is required"), Error::Kind::MissingValue);
    const double rate = reader.optionalNumber(rateKey, 0.0);
    if (!reader.failed() && !(rate >= 0.0 && rate <= 1.0)) // also rejects NaN
        reader.fail(rateKey, tr("expected a rate between 0 and 1"));
    if (!reader.failed())
        portion.ratePpm = std::llround(rate * double(PpmPerUnit));
    portion.amount = Money::read(reader.requiredObject(QLatin1StringView("amount")));
    return portion;
}

TaxedPrice TaxedPrice::read(JsonObjectReader reader)
{
    return readChecked(reader, nullptr);
}

TaxedPrice TaxedPrice::read(JsonObjectReader reader, const Money& currencyOf)
{
    return readChecked(reader, &currencyOf);
}

TaxedPrice TaxedPrice::readChecked(JsonObjectReader& reader, const Money* currencyOf)
{
    TaxedPrice price;
    price.totalGross = Money::read(reader.requiredObject(QLatin1StringView("totalGross")));
    const Money& anchor = currencyOf ? *currencyOf : price.totalGross;
    fields::sameCurrency(reader, QLatin1StringView("totalGross"), price.totalGross, anchor);
    price.totalNet = Money::read(reader.requiredObject(QLatin1StringView("totalNet")));
    fields::sameCurrency(reader, QLatin1StringView("totalNet"), price.totalNet, anchor);
    if (auto tax = reader.optionalObject(QLatin1StringView("totalTax"))) {
        price.totalTax = Money::read(*tax);
        fields::sameCurrency(reader, QLatin1StringView("totalTax"), *price.totalTax, anchor);
    }
    reader.forEachObject(QLatin1StringView("taxPortions"), [&](JsonObjectReader& element) {
        TaxPortion portion = TaxPortion::read(element);
        fields::sameCurrency(element, QLatin1StringView("amount"), portion.amount, anchor);
        price.taxPortions.append(std::move(portion));
    });
    return price;
}

Expected<TaxedPrice> TaxedPrice::fromJson(const QByteArray& json)
{
    return json::read<TaxedPrice>(json);
}

} // namespace storedesk
