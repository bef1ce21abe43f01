#include "pricecheckjob.h"

#include "domain/jsonreader.h"

namespace storedesk::api {

Expected<PriceCheck> PriceCheck::fromJson(const QByteArray& json)
{
    return json::read<PriceCheck>(json);
}

PriceCheck PriceCheck::read(JsonObjectReader reader)
{
    PriceCheck check;
    JsonObjectReader product = reader.requiredObject(QLatin1StringView("product"));
    check.productId = product.requiredString(QLatin1StringView("id"));
    if (auto name = product.optionalObject(QLatin1StringView("name")))
        check.name = LocalizedString::read(*name);
    JsonObjectReader variant = reader.requiredObject(QLatin1StringView("variant"));
    check.sku = variant.optionalString(QLatin1StringView("sku"));
    if (auto price = reader.optionalObject(QLatin1StringView("price")))
        check.price = Price::read(*price);
    return check;
}

namespace {

ApiJob::Request priceCheckRequest(const QString& storeKey, const QString& sku)
{
    ApiJob::Request request =
        ApiJob::Request::get(QStringLiteral("/stores/%1/products").arg(pathSegment(storeKey)));
    request.query.addQueryItem(QStringLiteral("sku"), pathSegment(sku.trimmed()));
    return request;
}

} // namespace

PriceCheckJob::PriceCheckJob(ApiClient* client, const QString& storeKey, const QString& sku)
    : ValueJob(client, priceCheckRequest(storeKey, sku))
{
}

std::optional<ApiError> PriceCheckJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(PriceCheck::fromJson(body));
}

void PriceCheckJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    if (error.code == ApiError::Code::NotFound)
        error.message = tr("No product with this code is sold in this store.");
    else if (error.code == ApiError::Code::InvalidInput)
        error.message = tr("This is not a product code.");
}

} // namespace storedesk::api
