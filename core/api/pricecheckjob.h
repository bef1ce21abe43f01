#pragma once

#include "apijob.h"
#include "domain/lineitem.h"

#include <optional>

namespace storedesk {
class JsonObjectReader;
}

namespace storedesk::api {

// GET /stores/{storeKey}/products?sku=…: the product, the variant with this SKU and its price for
// the store (none when the variant has no price there).
struct PriceCheck {
    QString productId;
    LocalizedString name;
    QString sku;
    std::optional<Price> price;

    static PriceCheck read(JsonObjectReader reader);
    static Expected<PriceCheck> fromJson(const QByteArray& json);
};

class PriceCheckJob : public ValueJob<PriceCheck> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::PriceCheckJob)

public:
    PriceCheckJob(ApiClient* client, const QString& storeKey, const QString& sku);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

} // namespace storedesk::api
