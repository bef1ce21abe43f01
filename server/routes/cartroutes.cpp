#include "cartroutes.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "domain/cart.h"
#include "domain/jsonreader.h"
#include "servicecontext.h"

#include <QRegularExpression>

namespace storedesk::server {
namespace {

QJsonObject summaryOf(const Cart& cart, const QJsonObject& raw)
{
    qint64 units = 0;
    for (const LineItem& line : cart.lineItems)
        units += line.quantity;
    return QJsonObject{
        {QStringLiteral("id"), cart.id},
        {QStringLiteral("key"), cart.key},
        {QStringLiteral("customerEmail"), cart.customerEmail},
        {QStringLiteral("cartState"), raw.value(QStringLiteral("cartState"))},
        {QStringLiteral("totalPrice"), cart.totalPrice.toJson()},
        {QStringLiteral("lineItemCount"), cart.lineItems.size() + cart.customLineItems.size()},
        {QStringLiteral("itemQuantity"), units},
        {QStringLiteral("lastModifiedAt"), raw.value(QStringLiteral("lastModifiedAt"))},
    };
}

void getCart(const ServiceContext& context, const ApiRequest& request, const Responder& responder)
{
    if (!context.admitStore(request, responder))
        return;
    const QString storeKey = request.argument(QStringLiteral("storeKey"));
    const QString cartId = request.argument(QStringLiteral("cartId"));
    if (!isResourceId(cartId)) {
        responder->error(ApiError::invalidInput(QStringLiteral("A cart id is a UUID.")));
        return;
    }
    // Passed through as commercetools sent it: fenced by its store key, never parsed whole.
    fetchFencedFromStore(context, QStringLiteral("carts/") + cartId, storeKey,
                         QStringLiteral("There is no such cart in this store."), responder,
                         [responder](const CtResponse& response, const ResourceHeader&) {
                             responder->jsonBytes(200, response.body.bytes());
                         });
}

void findCarts(const ServiceContext& context, const ApiRequest& request, const Responder& responder)
{
    if (!context.admitStore(request, responder))
        return;
    const QString storeKey = request.argument(QStringLiteral("storeKey"));
    const QString key = request.query.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded);
    const QString email =
        request.query.queryItemValue(QStringLiteral("customerEmail"), QUrl::FullyDecoded);
    const QString limitText = request.query.queryItemValue(QStringLiteral("limit"));

    if (!key.isEmpty() && !email.isEmpty()) {
        responder->error(
            ApiError::invalidInput(QStringLiteral("Search by key or by customerEmail, not both.")));
        return;
    }
    static const QRegularExpression keyRule(QStringLiteral("^[A-Za-z0-9_-]{2,256}$"));
    if (!key.isEmpty() && !keyRule.match(key).hasMatch()) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("A cart key has 2 to 256 characters from A-Z, a-z, 0-9, '_' and '-'.")));
        return;
    }
    if (!email.isEmpty() && (email.size() > 254 || !email.contains(QLatin1Char('@')))) {
        responder->error(ApiError::invalidInput(QStringLiteral("That is not an email address.")));
        return;
    }
    bool limitOk = true;
    const int limit = limitText.isEmpty() ? 20 : limitText.toInt(&limitOk);
    if (!limitOk || limit < 1 || limit > 50) {
        responder->error(ApiError::invalidInput(QStringLiteral("limit is a number from 1 to 50.")));
        return;
    }

    QStringList predicates{QStringLiteral("store(key=%1)").arg(predicateLiteral(storeKey))};
    if (!key.isEmpty())
        predicates << QStringLiteral("key=%1").arg(predicateLiteral(key));
    if (!email.isEmpty())
        predicates << QStringLiteral("customerEmail=%1").arg(predicateLiteral(email.toLower()));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("where"), QString::fromLatin1(QUrl::toPercentEncoding(
                                                    predicates.join(QStringLiteral(" and ")))));
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("lastModifiedAt%20desc"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));

    context.commercetools->get(
        QStringLiteral("in-store/key=%1/carts").arg(storeKey), query, responder->correlationId(),
        [responder, storeKey](const CtResponse& response) {
            if (!response.ok()) {
                responder->error(ApiError::upstream(response));
                return;
            }
            QJsonArray summaries;
            for (const QJsonValue& value :
                 response.body.value(QStringLiteral("results")).toArray()) {
                const Expected<Cart> cart = json::read<Cart>(value.toObject());
                if (!cart) {
                    qCWarning(lcServerCt).noquote()
                        << "skipping a cart we cannot read:" << cart.error().toString();
                    continue;
                }
                if (cart->storeKey() && cart->storeKey()->toString() == storeKey)
                    summaries.append(summaryOf(*cart, value.toObject()));
            }
            responder->json(200, QJsonObject{{QStringLiteral("results"), summaries},
                                             {QStringLiteral("count"), summaries.size()}});
        });
}

} // namespace

void registerCartRoutes(Router& router, const ServiceContext& context)
{
    router.add("GET", QStringLiteral("/stores/{storeKey}/carts/{cartId}"), Router::Access::User,
               [&context](const ApiRequest& request, const Responder& responder) {
                   getCart(context, request, responder);
               });
    router.add("GET", QStringLiteral("/stores/{storeKey}/carts"), Router::Access::User,
               [&context](const ApiRequest& request, const Responder& responder) {
                   findCarts(context, request, responder);
               });
}

} // namespace storedesk::server
