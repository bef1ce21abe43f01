#include "cartjobs.h"

#include "domain/fields.h"
#include "domain/jsonreader.h"

namespace storedesk::api {
namespace {

ApiJob::Request findRequest(const QString& storeKey, const CartQuery& query)
{
    ApiJob::Request request =
        ApiJob::Request::get(QStringLiteral("/stores/%1/carts").arg(pathSegment(storeKey)));
    if (!query.key.isEmpty())
        request.query.addQueryItem(QStringLiteral("key"), query.key);
    else if (!query.customerEmail.isEmpty())
        // QUrlQuery leaves '+' alone, which a server may read as a space.
        request.query.addQueryItem(
            QStringLiteral("customerEmail"),
            QString(query.customerEmail).replace(QLatin1Char('+'), QStringLiteral("%2B")));
    request.query.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    return request;
}

} // namespace

Expected<QList<CartSummary>> CartSummary::listFromJson(const QByteArray& json)
{
    Expected<QJsonObject> object = json::parseObject(json);
    if (!object)
        return object.error();
    JsonObjectReader reader(*object);
    QList<CartSummary> carts;
    reader.forEachObject(
        QLatin1StringView("results"),
        [&](JsonObjectReader& cartReader) {
            CartSummary cart;
            cart.id = cartReader.requiredString(QLatin1StringView("id"));
            cart.key = cartReader.optionalString(QLatin1StringView("key"));
            cart.customerEmail = cartReader.optionalString(QLatin1StringView("customerEmail"));
            cart.cartState = cartReader.requiredString(QLatin1StringView("cartState"));
            cart.totalPrice =
                Money::read(cartReader.requiredObject(QLatin1StringView("totalPrice")));
            cart.lineItemCount = fields::quantity(cartReader, QLatin1StringView("lineItemCount"));
            cart.itemQuantity = fields::quantity(cartReader, QLatin1StringView("itemQuantity"));
            cart.lastModifiedAt = fields::dateTime(cartReader, QLatin1StringView("lastModifiedAt"));
            carts.append(cart);
        },
        true);
    if (reader.failed())
        return reader.error();
    return carts;
}

CartJob::CartJob(ApiClient* client, const QString& storeKey, const QString& cartId)
    : ValueJob(client, Request::get(QStringLiteral("/stores/%1/carts/%2")
                                        .arg(pathSegment(storeKey), pathSegment(cartId))))
{
}

std::optional<ApiError> CartJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(Cart::fromJson(body));
}

void CartJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    describeCartError(error);
}

void CartJob::describeCartError(ApiError& error)
{
    if (error.code == ApiError::Code::NotFound)
        error.message = tr("There is no such cart in this store.");
    else if (error.code == ApiError::Code::InvalidInput)
        error.message = tr("This is not a cart code.");
    else if (error.code == ApiError::Code::Forbidden)
        error.message = tr("This session may not open carts of this store.");
}

FindCartsJob::FindCartsJob(ApiClient* client, const QString& storeKey, const CartQuery& query)
    : ValueJob(client, findRequest(storeKey, query))
{
}

std::optional<ApiError> FindCartsJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(CartSummary::listFromJson(body));
}

void FindCartsJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    if (error.code == ApiError::Code::InvalidInput)
        error.message = tr("Enter a cart key or a complete e-mail address.");
    else if (error.code == ApiError::Code::Forbidden)
        error.message = tr("This session may not search carts of this store.");
}

} // namespace storedesk::api
