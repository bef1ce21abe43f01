#include "refundroutes.h"

#include "base/logging.h"
#include "idempotentrequest.h"
#include "serviceanswer.h"
#include "servicecontext.h"

namespace storedesk::server {

namespace {

constexpr int maxItems = 200;
constexpr qint64 maxQuantity = 1000000000;

} // namespace

RefundRoutes::RefundRoutes(const ServiceContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_service(context.commercetools, context.storage, context.config, this)
{
}

void RefundRoutes::registerOn(Router& router)
{
    router.add("POST", QStringLiteral("/stores/{storeKey}/orders/{orderId}/refunds"),
               Router::Access::User, [this](const ApiRequest& request, const Responder& responder) {
                   requestRefund(request, responder);
               });
}

void RefundRoutes::requestRefund(const ApiRequest& request, const Responder& responder)
{
    if (!m_context.admitWorkstation(request, responder))
        return;
    RefundService::Request refund;
    refund.storeKey = request.argument(QStringLiteral("storeKey"));
    refund.orderId = request.argument(QStringLiteral("orderId"));
    refund.username = request.caller->username;
    refund.workstationId = request.caller->workstationId;
    refund.correlationId = responder->correlationId();
    if (!isResourceId(refund.orderId)) {
        responder->error(ApiError::invalidInput(QStringLiteral("That is not an order id.")));
        return;
    }
    const Expected<QJsonObject> body = json::parseObject(request.body);
    if (!body) {
        responder->error(ApiError::invalidInput(body.error().toString()));
        return;
    }
    const QJsonValue items = body->value(QStringLiteral("items"));
    if (!items.isArray() || items.toArray().isEmpty() || items.toArray().size() > maxItems) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("items must list 1 to %1 lines to refund.").arg(maxItems)));
        return;
    }
    QMap<QString, qint64> quantities; // sorted: the canonical order
    for (const QJsonValue& value : items.toArray()) {
        const QJsonObject item = value.toObject();
        const QString lineId = item.value(QStringLiteral("lineItemId")).toString();
        const QJsonValue quantity = item.value(QStringLiteral("quantity"));
        const qint64 units = quantity.toInteger(0);
        if (!isResourceId(lineId) || !quantity.isDouble() || double(units) != quantity.toDouble() ||
            units < 1 || units > maxQuantity) {
            responder->error(ApiError::invalidInput(QStringLiteral(
                "Each item needs a lineItemId and a whole quantity of at least 1.")));
            return;
        }
        if (quantities.contains(lineId)) {
            responder->error(ApiError::invalidInput(
                QStringLiteral("Each line may appear once; add up its quantities.")));
            return;
        }
        quantities.insert(lineId, units);
    }
    refund.reason = body->value(QStringLiteral("reason")).toString().trimmed();
    if (refund.reason.isEmpty() || refund.reason.size() > 200) {
        responder->error(
            ApiError::invalidInput(QStringLiteral("Give a reason for the refund (at most 200 "
                                                  "characters).")));
        return;
    }
    if (body->contains(QStringLiteral("approval"))) {
        const QJsonObject approval = body->value(QStringLiteral("approval")).toObject();
        refund.approvalUsername = approval.value(QStringLiteral("username")).toString();
        refund.approvalSecret = approval.value(QStringLiteral("secret")).toString();
        if (refund.approvalUsername.isEmpty() || refund.approvalSecret.isEmpty()) {
            responder->error(ApiError::invalidInput(
                QStringLiteral("An approval needs the manager's username and secret.")));
            return;
        }
    }
    QJsonArray canonicalItems;
    for (auto it = quantities.cbegin(); it != quantities.cend(); ++it) {
        refund.items.append({it.key(), it.value()});
        canonicalItems.append(QJsonObject{{QStringLiteral("lineItemId"), it.key()},
                                          {QStringLiteral("quantity"), it.value()}});
    }
    // The approval is not part of the request's identity: asking again with it is the same
    // refund, and the manager's secret must not end up in a stored digest.
    idempotent::claim(
        m_context, this, request, responder, QStringLiteral("refund"),
        {{QStringLiteral("storeKey"), refund.storeKey},
         {QStringLiteral("orderId"), refund.orderId},
         {QStringLiteral("items"), canonicalItems},
         {QStringLiteral("reason"), refund.reason}},
        [this, refund, responder](const IdempotencyStore::Claim& claim) {
            if (claim.record.state == IdempotencyRecord::State::Completed) {
                responder->replay(claim.record.responseStatus, claim.record.responseBody);
                return;
            }
            RefundService::Request claimed = refund;
            claimed.idempotencyKey = claim.record.key;
            m_service.refund(std::move(claimed),
                             [this, key = claim.record.key,
                              responder](const Expected<QJsonObject, ServiceFailure>& done) {
                                 if (!done) {
                                     responder->error(answerFor(done.error()));
                                     return;
                                 }
                                 idempotent::answerFinally(m_context, key, responder, 201, *done);
                             });
        });
}

} // namespace storedesk::server
