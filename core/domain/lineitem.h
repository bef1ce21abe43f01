#pragma once

#include "localizedstring.h"
#include "money.h"
#include "reference.h"
#include "taxedprice.h"

#include <QList>

#include <optional>

namespace storedesk {

class JsonObjectReader;

// The product price a line was added with; `discounted` is set when a product discount applies.
struct Price {
    QString id;
    Money value;
    std::optional<Money> discounted;
    std::optional<Reference> productDiscount;

    static Price read(JsonObjectReader reader);
};

// One cart discount's share of a discounted unit price.
struct DiscountedLineItemPortion {
    Reference discount;
    Money discountedAmount;

    static DiscountedLineItemPortion read(JsonObjectReader reader);
};

// `quantity` units of a line cost `value` each after cart discounts.
struct DiscountedPricePerQuantity {
    qint64 quantity = 0;
    Money value;
    QList<DiscountedLineItemPortion> includedDiscounts;

    // Every amount must be in the currency of `currencyOf` (the line's).
    static DiscountedPricePerQuantity read(JsonObjectReader reader, const Money& currencyOf);
};

// A product line of a cart or order. Every amount in it is in one currency: totalPrice's, or the
// one read(reader, currencyOf) asks for.
struct LineItem {
    QString id;
    QString productId;
    QString productKey;
    LocalizedString name;
    qint64 variantId = 0;
    QString sku;
    qint64 quantity = 0; // never negative
    Price price;
    QList<DiscountedPricePerQuantity> discountedPricePerQuantity;
    Money totalPrice;
    std::optional<TaxedPrice> taxedPrice;
    QString lineItemMode; // "Standard" or "GiftLineItem"

    static LineItem read(JsonObjectReader reader);
    // Also requires every amount to be in the currency of `currencyOf` (the cart or order total).
    static LineItem read(JsonObjectReader reader, const Money& currencyOf);
    static Expected<LineItem> fromJson(const QByteArray& json);

    // The unit price before cart discounts: the product-discounted price when there is one.
    Money effectiveUnitPrice() const { return price.discounted.value_or(price.value); }
    // Everything taken off the regular price on this line (product and cart discounts):
    // price.value × quantity − totalPrice. A high-precision price is first rounded the way
    // commercetools rounds line totals, so precision alone never shows as a discount.
    Expected<Money> discountAmount() const;
    bool isGift() const { return lineItemMode == QLatin1StringView("GiftLineItem"); }

private:
    static LineItem readChecked(JsonObjectReader& reader, const Money* currencyOf);
};

// A line that is not a product: a fee, a surcharge, or (with a negative amount) a manual discount.
struct CustomLineItem {
    QString id;
    LocalizedString name;
    QString slug;
    Money money;         // unit amount; may be negative
    qint64 quantity = 0; // never negative
    Money totalPrice;
    std::optional<TaxedPrice> taxedPrice;

    static CustomLineItem read(JsonObjectReader reader);
    static CustomLineItem read(JsonObjectReader reader, const Money& currencyOf);
    static Expected<CustomLineItem> fromJson(const QByteArray& json);

private:
    static CustomLineItem readChecked(JsonObjectReader& reader, const Money* currencyOf);
};

// What carts and orders share: lineItems, customLineItems, totalPrice and taxedPrice, with every
// amount required to be in totalPrice's currency.
struct PricedLines {
    QList<LineItem> lineItems;
    QList<CustomLineItem> customLineItems;
    Money totalPrice;
    std::optional<TaxedPrice> taxedPrice;

    static PricedLines read(JsonObjectReader reader);
};

} // namespace storedesk
