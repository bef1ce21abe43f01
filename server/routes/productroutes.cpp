#include "productroutes.h"

#include "commercetools/ctclient.h"
#include "servicecontext.h"

namespace storedesk::server {
namespace {

// The variant of `product` with this SKU, from masterVariant or variants.
QJsonObject variantWithSku(const QJsonObject& product, const QString& sku)
{
    QJsonArray variants = product.value(QStringLiteral("variants")).toArray();
    variants.prepend(product.value(QStringLiteral("masterVariant")));
    for (const QJsonValue& variant : variants) {
        if (variant.toObject().value(QStringLiteral("sku")).toString() == sku)
            return variant.toObject();
    }
    return {};
}

struct PriceCheck {
    QString storeKey;
    QString sku;
    QString currency;
    QString country;
    Responder responder;
};

void lookUp(const ServiceContext& context, const PriceCheck& check)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("where"),
                       QString::fromLatin1(QUrl::toPercentEncoding(
                           QStringLiteral("masterVariant(sku=%1) or variants(sku=%1)")
                               .arg(predicateLiteral(check.sku)))));
    // The store's view of the catalogue (its product selection, languages and prices) and the
    // price it sells at: commercetools has no in-store product-projection query, only this
    // project-level query with storeProjection plus price selection.
    query.addQueryItem(QStringLiteral("storeProjection"), check.storeKey);
    query.addQueryItem(QStringLiteral("priceCurrency"), check.currency);
    if (!check.country.isEmpty())
        query.addQueryItem(QStringLiteral("priceCountry"), check.country);
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    context.commercetools->get(
        QStringLiteral("product-projections"), query, check.responder->correlationId(),
        [&context, check](const CtResponse& response) {
            if (!response.ok()) {
                check.responder->error(ApiError::upstream(response));
                return;
            }
            const QJsonArray results = response.body.value(QStringLiteral("results")).toArray();
            if (results.isEmpty()) {
                check.responder->error(ApiError::notFound(
                    QStringLiteral("No product with this code is sold in this store.")));
                return;
            }
            const QJsonObject product = results.first().toObject();
            const QJsonObject variant = variantWithSku(product, check.sku);
            // A country-specific selection finds nothing where only a country-less price exists
            // (commercetools falls back to it; its emulator does not): ask again without country.
            if (!variant.contains(QStringLiteral("price")) && !check.country.isEmpty()) {
                PriceCheck withoutCountry = check;
                withoutCountry.country.clear();
                lookUp(context, withoutCountry);
                return;
            }
            check.responder->json(
                200, QJsonObject{
                         {QStringLiteral("product"), product},
                         {QStringLiteral("variant"), variant},
                         {QStringLiteral("price"), variant.value(QStringLiteral("price"))},
                     });
        });
}

void priceCheck(const ServiceContext& context, const ApiRequest& request,
                const Responder& responder)
{
    if (!context.admitStore(request, responder))
        return;
    const QString sku =
        request.query.queryItemValue(QStringLiteral("sku"), QUrl::FullyDecoded).trimmed();
    if (sku.isEmpty() || sku.size() > 256) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("Give the product's SKU (up to 256 characters).")));
        return;
    }
    for (const QChar c : sku) {
        if (!c.isPrint()) {
            responder->error(
                ApiError::invalidInput(QStringLiteral("A SKU has no control characters.")));
            return;
        }
    }
    const StoreConfig* store = context.config->store(request.argument(QStringLiteral("storeKey")));
    lookUp(context, PriceCheck{store->key, sku, store->currency, store->country, responder});
}

} // namespace

void registerProductRoutes(Router& router, const ServiceContext& context)
{
    router.add("GET", QStringLiteral("/stores/{storeKey}/products"), Router::Access::User,
               [&context](const ApiRequest& request, const Responder& responder) {
                   priceCheck(context, request, responder);
               });
}

} // namespace storedesk::server
