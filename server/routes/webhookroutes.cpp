#include "webhookroutes.h"

#include "base/logging.h"
#include "payments/signature.h"
#include "servicecontext.h"
#include "storage/storageexecutor.h"

#include <QRegularExpression>

namespace storedesk::server {

namespace {

// How far a delivery's occurredAt may lie from our clock: older ones are replays (or a sender
// with a broken clock), which the signature alone cannot tell from fresh ones.
constexpr qint64 maxSkewSeconds = 300;

void receive(const ServiceContext& context, const QByteArray& secret, const ApiRequest& request,
             const Responder& responder)
{
    if (secret.isEmpty()) {
        responder->error(ApiError::notFound(QStringLiteral("Webhooks are not enabled.")));
        return;
    }
    if (!signature::verify(request.body, request.signature, secret)) {
        qCWarning(lcServerAuth) << "webhook refused: signature does not match";
        responder->error(
            ApiError::unauthenticated(QStringLiteral("The webhook's signature is not valid.")));
        return;
    }
    const Expected<QJsonObject> body = json::parseObject(request.body);
    if (!body) {
        responder->error(ApiError::invalidInput(body.error().toString()));
        return;
    }
    static const QRegularExpression idRule(QStringLiteral("^[A-Za-z0-9_.:-]{1,128}$"));
    const QString id = body->value(QStringLiteral("id")).toString();
    const QString type = body->value(QStringLiteral("type")).toString();
    const QDateTime occurredAt = QDateTime::fromString(
        body->value(QStringLiteral("occurredAt")).toString(), Qt::ISODateWithMs);
    if (!idRule.match(id).hasMatch() || type.isEmpty() || type.size() > 128 ||
        !occurredAt.isValid()) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("A webhook needs an id, a type and occurredAt (ISO 8601).")));
        return;
    }
    if (qAbs(occurredAt.secsTo(QDateTime::currentDateTimeUtc())) > maxSkewSeconds) {
        qCWarning(lcServerAuth).noquote() << "webhook" << id << "refused: occurredAt"
                                          << occurredAt.toString(Qt::ISODate) << "is stale";
        responder->error(ApiError::unauthenticated(
            QStringLiteral("The webhook is too old or from the future; it is not taken.")));
        return;
    }
    const QJsonObject delivery = *body;
    context.storage->run(
        StorageExecutor::Lane::Write, context.storage,
        [id](Stores& stores) { return stores.deliveries.remember(QStringLiteral("instore"), id); },
        [&context, id, type, delivery, responder](const StorageResult<bool>& first) {
            if (!first) {
                responder->error(storageFailure(first.error()));
                return;
            }
            if (*first) {
                QJsonObject details{{QStringLiteral("id"), id},
                                    {QStringLiteral("type"), type.left(128)}};
                const QJsonObject resource = delivery.value(QStringLiteral("resource")).toObject();
                for (const QString& field : {QStringLiteral("typeId"), QStringLiteral("id")}) {
                    if (resource.value(field).isString())
                        details.insert(QStringLiteral("resource_") + field,
                                       resource.value(field).toString().left(128));
                }
                context.record(QStringLiteral("instore.webhook"), QStringLiteral("instore"),
                               delivery.value(QStringLiteral("storeKey")).toString(), QString(),
                               responder->correlationId(), details);
            } else {
                qCInfo(lcServerAuth).noquote()
                    << "webhook" << id << "delivered again; already taken";
            }
            responder->noContent(); // the same for a repeat: InStore must not deliver it again
        });
}

} // namespace

void registerWebhookRoutes(Router& router, const ServiceContext& context, QByteArray secret)
{
    router.add("POST", QStringLiteral("/webhooks/instore"), Router::Access::Anyone,
               [&context, secret](const ApiRequest& request, const Responder& responder) {
                   receive(context, secret, request, responder);
               });
}

} // namespace storedesk::server
