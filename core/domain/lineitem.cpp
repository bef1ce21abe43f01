#include "lineitem.h"

#include "fields.h"
#include "jsonreader.h"

namespace storedesk {
namespace {

std::optional<TaxedPrice> readTaxedPrice(JsonObjectReader& reader, const Money& currencyOf)
{
    std::optional<JsonObjectReader> taxed = reader.optionalObject(QLatin1StringView("taxedPrice"));
    if (!taxed)
        return std::nullopt;
    return TaxedPrice::read(*taxed, currencyOf);
}

} // namespace

Price Price::read(JsonObjectReader reader)
{
    Price price;
    price.id = reader.optionalString(QLatin1StringView("id"));
    price.value = Money::read(reader.requiredObject(QLatin1StringView("value")));
    if (auto discounted = reader.optionalObject(QLatin1StringView("discounted"))) {
        price.discounted = Money::read(discounted->requiredObject(QLatin1StringView("value")));
        fields::sameCurrency(*discounted, QLatin1StringView("value"), *price.discounted,
                             price.value);
        if (auto discount = discounted->optionalObject(QLatin1StringView("discount")))
            price.productDiscount = Reference::read(*discount);
    }
    return price;
}

DiscountedLineItemPortion DiscountedLineItemPortion::read(JsonObjectReader reader)
{
    DiscountedLineItemPortion portion;
    portion.discount = Reference::read(reader.requiredObject(QLatin1StringView("discount")));
    portion.discountedAmount =
        Money::read(reader.requiredObject(QLatin1StringView("discountedAmount")));
    return portion;
}

DiscountedPricePerQuantity DiscountedPricePerQuantity::read(JsonObjectReader reader,
                                                            const Money& currencyOf)
{
    DiscountedPricePerQuantity discounted;
    discounted.quantity = fields::quantity(reader, QLatin1StringView("quantity"));
    JsonObjectReader price = reader.requiredObject(QLatin1StringView("discountedPrice"));
    discounted.value = Money::read(price.requiredObject(QLatin1StringView("value")));
    fields::sameCurrency(price, QLatin1StringView("value"), discounted.value, currencyOf);
    price.forEachObject(QLatin1StringView("includedDiscounts"), [&](JsonObjectReader& element) {
        DiscountedLineItemPortion portion = DiscountedLineItemPortion::read(element);
        fields::sameCurrency(element, QLatin1StringView("discountedAmount"),
                             portion.discountedAmount, currencyOf);
        discounted.includedDiscounts.append(std::move(portion));
    });
    return discounted;
}

LineItem LineItem::read(JsonObjectReader reader)
{
    return readChecked(reader, nullptr);
}

LineItem LineItem::read(JsonObjectReader reader, const Money& currencyOf)
{
    return readChecked(reader, &currencyOf);
}

LineItem LineItem::readChecked(JsonObjectReader& reader, const Money* currencyOf)
{
    LineItem item;
    item.id = reader.requiredString(QLatin1StringView("id"));
    item.productId = reader.requiredString(QLatin1StringView("productId"));
    item.productKey = reader.optionalString(QLatin1StringView("productKey"));
    item.name = LocalizedString::read(reader.requiredObject(QLatin1StringView("name")));
    JsonObjectReader variant = reader.requiredObject(QLatin1StringView("variant"));
    item.variantId = variant.requiredInteger(QLatin1StringView("id"));
    item.sku = variant.optionalString(QLatin1StringView("sku"));
    item.quantity = fields::quantity(reader, QLatin1StringView("quantity"));

    item.totalPrice = Money::read(reader.requiredObject(QLatin1StringView("totalPrice")));
    const Money& anchor = currencyOf ? *currencyOf : item.totalPrice;
    fields::sameCurrency(reader, QLatin1StringView("totalPrice"), item.totalPrice, anchor);
    JsonObjectReader price = reader.requiredObject(QLatin1StringView("price"));
    item.price = Price::read(price);
    fields::sameCurrency(price, QLatin1StringView("value"), item.price.value, anchor);

    reader.forEachObject(QLatin1StringView("discountedPricePerQuantity"),
                         [&](JsonObjectReader& element) {
                             item.discountedPricePerQuantity.append(
                                 DiscountedPricePerQuantity::read(element, anchor));
                         });
    item.taxedPrice = readTaxedPrice(reader, anchor);
    item.lineItemMode = reader.optionalString(QLatin1StringView("lineItemMode"));
    if (item.lineItemMode.isEmpty())
        item.lineItemMode = QStringLiteral("Standard");
    return item;
}

Expected<LineItem> LineItem::fromJson(const QByteArray& json)
{
    return json::read<LineItem>(json);
}

Expected<Money> LineItem::discountAmount() const
{
    const Expected<Money> regular = price.value.times(quantity);
    if (!regular)
        return regular.error();
    return regular->toCentPrecision().minus(totalPrice);
}

CustomLineItem CustomLineItem::read(JsonObjectReader reader)
{
    return readChecked(reader, nullptr);
}

CustomLineItem CustomLineItem::read(JsonObjectReader reader, const Money& currencyOf)
{
    return readChecked(reader, &currencyOf);
}

CustomLineItem CustomLineItem::readChecked(JsonObjectReader& reader, const Money* currencyOf)
{
    CustomLineItem item;
    item.id = reader.requiredString(QLatin1StringView("id"));
    item.name = LocalizedString::read(reader.requiredObject(QLatin1StringView("name")));
    item.slug = reader.optionalString(QLatin1StringView("slug"));
    item.quantity = fields::quantity(reader, QLatin1StringView("quantity"));
    item.totalPrice = Money::read(reader.requiredObject(QLatin1StringView("totalPrice")));
    const Money& anchor = currencyOf ? *currencyOf : item.totalPrice;
    fields::sameCurrency(reader, QLatin1StringView("totalPrice"), item.totalPrice, anchor);
    item.money = Money::read(reader.requiredObject(QLatin1StringView("money")));
    fields::sameCurrency(reader, QLatin1StringView("money"), item.money, anchor);
    item.taxedPrice = readTaxedPrice(reader, anchor);
    return item;
}

Expected<CustomLineItem> CustomLineItem::fromJson(const QByteArray& json)
{
    return json::read<CustomLineItem>(json);
}

PricedLines PricedLines::read(JsonObjectReader reader)
{
    PricedLines lines;
    lines.totalPrice = Money::read(reader.requiredObject(QLatin1StringView("totalPrice")));
    reader.forEachObject(QLatin1StringView("lineItems"), [&](JsonObjectReader& element) {
        lines.lineItems.append(LineItem::read(element, lines.totalPrice));
    });
    reader.forEachObject(QLatin1StringView("customLineItems"), [&](JsonObjectReader& element) {
        lines.customLineItems.append(CustomLineItem::read(element, lines.totalPrice));
    });
    lines.taxedPrice = readTaxedPrice(reader, lines.totalPrice);
    return lines;
}

} // namespace storedesk
