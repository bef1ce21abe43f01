#include "cart.h"

#include "fields.h"
#include "jsonreader.h"

namespace storedesk {

DiscountCodeInfo DiscountCodeInfo::read(JsonObjectReader reader)
{
    DiscountCodeInfo info;
    info.discountCode = Reference::read(reader.requiredObject(QLatin1StringView("discountCode")),
                                        QLatin1StringView("discount-code"));
    info.state = reader.optionalString(QLatin1StringView("state"));
    return info;
}

Reference readStoreReference(JsonObjectReader reader)
{
    // Checked first so that a reference by id alone is reported as a missing key.
    reader.requiredString(QLatin1StringView("key"));
    Reference store = Reference::read(reader, QLatin1StringView("store"));
    if (reader.failed())
        return store;
    const Expected<StoreKey> key = StoreKey::parse(store.key);
    if (!key)
        reader.fail(QLatin1StringView("key"), key.error().message, key.error().kind);
    return store;
}

QStringList readPaymentIds(JsonObjectReader& reader)
{
    QStringList ids;
    std::optional<JsonObjectReader> paymentInfo =
        reader.optionalObject(QLatin1StringView("paymentInfo"));
    if (!paymentInfo)
        return ids;
    paymentInfo->forEachObject(QLatin1StringView("payments"), [&](JsonObjectReader& payment) {
        const Reference reference = Reference::read(payment, QLatin1StringView("payment"));
        if (!payment.failed() && reference.id.isEmpty())
            payment.fail(QLatin1StringView("id"), JsonObjectReader::tr("is required"),
                         Error::Kind::MissingValue);
        ids.append(reference.id);
    });
    return ids;
}

Cart Cart::read(JsonObjectReader reader)
{
    static constexpr std::pair<QLatin1StringView, State> states[] = {
        {QLatin1StringView("Active"), State::Active},
        {QLatin1StringView("Merged"), State::Merged},
        {QLatin1StringView("Ordered"), State::Ordered},
        {QLatin1StringView("Frozen"), State::Frozen},
    };

    Cart cart;
    cart.id = reader.requiredString(QLatin1StringView("id"));
    cart.version = reader.requiredInteger(QLatin1StringView("version"));
    cart.key = reader.optionalString(QLatin1StringView("key"));
    cart.customerEmail = reader.optionalString(QLatin1StringView("customerEmail"));
    cart.customerId = reader.optionalString(QLatin1StringView("customerId"));
    cart.anonymousId = reader.optionalString(QLatin1StringView("anonymousId"));
    if (std::optional<JsonObjectReader> store = reader.optionalObject(QLatin1StringView("store")))
        cart.store = readStoreReference(*store);
    cart.cartState =
        fields::enumeration(reader, QLatin1StringView("cartState"), states).value_or(State::Active);

    PricedLines lines = PricedLines::read(reader);
    cart.lineItems = std::move(lines.lineItems);
    cart.customLineItems = std::move(lines.customLineItems);
    cart.totalPrice = lines.totalPrice;
    cart.taxedPrice = std::move(lines.taxedPrice);

    reader.forEachObject(QLatin1StringView("discountCodes"), [&](JsonObjectReader& element) {
        cart.discountCodes.append(DiscountCodeInfo::read(element));
    });
    cart.paymentIds = readPaymentIds(reader);
    cart.country = reader.optionalString(QLatin1StringView("country"));
    cart.locale = reader.optionalString(QLatin1StringView("locale"));
    cart.createdAt = fields::dateTime(reader, QLatin1StringView("createdAt"));
    cart.lastModifiedAt = fields::dateTime(reader, QLatin1StringView("lastModifiedAt"));
    return cart;
}

Expected<Cart> Cart::fromJson(const QByteArray& json)
{
    return json::read<Cart>(json);
}

std::optional<StoreKey> storeKeyOf(const std::optional<Reference>& store)
{
    if (!store)
        return std::nullopt;
    const Expected<StoreKey> key = StoreKey::parse(store->key);
    return key ? std::optional<StoreKey>(*key) : std::nullopt;
}

} // namespace storedesk
