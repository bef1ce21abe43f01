#pragma once

#include "lineitem.h"
#include "reference.h"
#include "storekey.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace storedesk {

class JsonObjectReader;

// A discount code applied to a cart and whether it currently applies ("MatchesCart", …).
struct DiscountCodeInfo {
    Reference discountCode;
    QString state;

    static DiscountCodeInfo read(JsonObjectReader reader);
};

// Reads a StoreKeyReference ({"typeId": "store", "key": …}) and checks its key. Carts and orders
// are fenced by store, so a malformed key there is an error, not a detail.
Reference readStoreReference(JsonObjectReader reader);

// The key of a store reference read by readStoreReference; nullopt without one.
std::optional<StoreKey> storeKeyOf(const std::optional<Reference>& store);

// paymentInfo.payments[].id of a cart or order.
QStringList readPaymentIds(JsonObjectReader& reader);

// A commercetools Cart as the till sees it. Every amount in it is in totalPrice's currency, and a
// store reference, when present, carries a valid store key.
struct Cart {
    enum class State { Active, Merged, Ordered, Frozen };

    QString id;
    qint64 version = 0;
    QString key;
    QString customerEmail;
    QString customerId;
    QString anonymousId;
    std::optional<Reference> store;
    State cartState = State::Active;
    QList<LineItem> lineItems;
    QList<CustomLineItem> customLineItems;
    Money totalPrice;
    std::optional<TaxedPrice> taxedPrice;
    QList<DiscountCodeInfo> discountCodes;
    QStringList paymentIds; // paymentInfo.payments[].id, in document order
    QString country;
    QString locale;
    QDateTime createdAt; // UTC; invalid when the document has none
    QDateTime lastModifiedAt;

    static Cart read(JsonObjectReader reader);
    static Expected<Cart> fromJson(const QByteArray& json);

    // The key of the store the cart belongs to, if it belongs to one.
    std::optional<StoreKey> storeKey() const { return storeKeyOf(store); }
};

} // namespace storedesk
