#include "refundroutes.h"

#include "base/logging.h"
#include "domain/order.h"
#include "domain/payment.h"
#include "idempotentrequest.h"
#include "payments/refundplan.h"
#include "servicecontext.h"
#include "storage/storageexecutor.h"

#include <QPointer>
#include <QUuid>

namespace storedesk::server {

namespace {

constexpr int maxItems = 200;
constexpr qint64 maxQuantity = 1000000000;

} // namespace

struct RefundRoutes::Request {
    QString storeKey;
    QString orderId;
    QString idempotencyKey;
    QString reason;
    QList<std::pair<QString, qint64>> items; // line id, quantity
    QString approvalUsername;
    QString approvalSecret; // never logged, never stored
    Caller caller;
    // Filled by plan():
    Order order;
    Money amount;
    QJsonArray plannedItems;
    QList<RefundShare> shares;
    QStringList approvalReasons; // "amount", "age"
    QString approvedBy;
};

RefundRoutes::RefundRoutes(const ServiceContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
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
    auto refund = std::make_shared<Request>();
    refund->storeKey = request.argument(QStringLiteral("storeKey"));
    refund->orderId = request.argument(QStringLiteral("orderId"));
    refund->caller = *request.caller;
    if (!isResourceId(refund->orderId)) {
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
    refund->reason = body->value(QStringLiteral("reason")).toString().trimmed();
    if (refund->reason.isEmpty() || refund->reason.size() > 200) {
        responder->error(
            ApiError::invalidInput(QStringLiteral("Give a reason for the refund (at most 200 "
                                                  "characters).")));
        return;
    }
    if (body->contains(QStringLiteral("approval"))) {
        const QJsonObject approval = body->value(QStringLiteral("approval")).toObject();
        refund->approvalUsername = approval.value(QStringLiteral("username")).toString();
        refund->approvalSecret = approval.value(QStringLiteral("secret")).toString();
        if (refund->approvalUsername.isEmpty() || refund->approvalSecret.isEmpty()) {
            responder->error(ApiError::invalidInput(
                QStringLiteral("An approval needs the manager's username and secret.")));
            return;
        }
    }
    QJsonArray canonicalItems;
    for (auto it = quantities.cbegin(); it != quantities.cend(); ++it) {
        refund->items.append({it.key(), it.value()});
        canonicalItems.append(QJsonObject{{QStringLiteral("lineItemId"), it.key()},
                                          {QStringLiteral("quantity"), it.value()}});
    }
    // The approval is not part of the request's identity: asking again with it is the same
    // refund, and the manager's secret must not end up in a stored digest.
    idempotent::claim(
        m_context, this, request, responder, QStringLiteral("refund"),
        {{QStringLiteral("storeKey"), refund->storeKey},
         {QStringLiteral("orderId"), refund->orderId},
         {QStringLiteral("items"), canonicalItems},
         {QStringLiteral("reason"), refund->reason}},
        [this, refund, responder](const IdempotencyStore::Claim& claim) {
            if (claim.record.state == IdempotencyRecord::State::Completed) {
                responder->replay(claim.record.responseStatus, claim.record.responseBody);
                return;
            }
            refund->idempotencyKey = claim.record.key;
            m_context.storage->run(
                StorageExecutor::Lane::Read, this,
                [key = refund->idempotencyKey](Stores& stores) {
                    return stores.refunds.findByIdempotencyKey(key);
                },
                [this, refund, responder](const StorageResult<RefundRecord>& planned) {
                    if (planned) {
                        // Planned before a crash or a lost answer: finish it.
                        execute(*planned, responder);
                        return;
                    }
                    if (planned.error().kind != StorageError::Kind::NotFound) {
                        responder->error(storageFailure(planned.error()));
                        return;
                    }
                    plan(refund, responder);
                });
        });
}

void RefundRoutes::plan(const std::shared_ptr<Request>& refund, const Responder& responder)
{
    QPointer<RefundRoutes> self(this);
    fetchFromStore<Order>(
        m_context, QStringLiteral("orders/") + refund->orderId, refund->storeKey,
        QStringLiteral("There is no such order in this store."), responder,
        [this, self, refund, responder](const Order& order, const QJsonObject&) {
            if (!self)
                return;
            refund->order = order;
            Money total = Money::zero(*order.totalPrice.currency());
            for (const auto& [lineId, quantity] : refund->items) {
                const LineItem* line = nullptr;
                const CustomLineItem* custom = nullptr;
                for (const LineItem& candidate : order.lineItems)
                    line = candidate.id == lineId ? &candidate : line;
                for (const CustomLineItem& candidate : order.customLineItems)
                    custom = candidate.id == lineId ? &candidate : custom;
                if (!line && !custom) {
                    responder->error(ApiError::invalidInput(
                        QStringLiteral("The order has no line %1.").arg(lineId),
                        {{QStringLiteral("lineItemId"), lineId}}));
                    return;
                }
                const qint64 refundable = order.refundableQuantity(lineId);
                const Expected<Money> amount =
                    line ? lineRefundAmount(line->totalPrice, line->quantity, refundable, quantity)
                         : lineRefundAmount(custom->totalPrice, custom->quantity, refundable,
                                            quantity);
                if (!amount) {
                    responder->error(ApiError::invalidInput(
                        QStringLiteral("Only %1 of line %2 can still be refunded.")
                            .arg(refundable)
                            .arg(lineId),
                        {{QStringLiteral("lineItemId"), lineId},
                         {QStringLiteral("refundable"), refundable}}));
                    return;
                }
                const Expected<Money> sum = total.plus(*amount);
                if (!sum) {
                    responder->error(ApiError::invalidInput(sum.error().message));
                    return;
                }
                total = *sum;
                refund->plannedItems.append(
                    QJsonObject{{QStringLiteral("lineItemId"), lineId},
                                {QStringLiteral("custom"), custom != nullptr},
                                {QStringLiteral("quantity"), quantity},
                                {QStringLiteral("amount"), amount->toJson()}});
            }
            refund->amount = total;
            const StoreConfig* store = m_context.config->store(refund->storeKey);
            refund->approvalReasons = refundApprovalReasons(
                total, store->refundApprovalAbove, order.createdAt, store->refundApprovalAfterDays,
                QDateTime::currentDateTimeUtc());

            // What each original payment can still give back.
            auto sources = std::make_shared<QList<RefundSource>>();
            auto next = std::make_shared<std::function<void(int)>>();
            *next = [this, self, refund, responder, sources, next](int index) {
                if (!self)
                    return;
                if (index >= refund->order.paymentIds.size()) {
                    Expected<QList<RefundShare>> shares = planRefund(refund->amount, *sources);
                    if (!shares) {
                        responder->error(ApiError::conflict(shares.error().message));
                        return;
                    }
                    refund->shares = *shares;
                    approveAndRecord(refund, responder);
                    return;
                }
                m_context.commercetools->get(
                    QStringLiteral("payments/") + refund->order.paymentIds.at(index), {},
                    responder->correlationId(),
                    [refund, responder, sources, next, index](const CtResponse& found) {
                        if (!found.ok()) {
                            responder->error(ApiError::upstream(found));
                            return;
                        }
                        const Expected<Payment> payment = json::read<Payment>(found.body);
                        const Expected<Money> charged =
                            payment ? payment->chargedAmount() : Expected<Money>(payment.error());
                        const Expected<Money> refunded =
                            payment ? payment->refundedAmount() : Expected<Money>(payment.error());
                        const Expected<Money> available =
                            charged && refunded
                                ? charged->minus(*refunded)
                                : Expected<Money>(charged ? refunded.error() : charged.error());
                        if (available && !available->isZero())
                            sources->append(
                                {payment->id, payment->paymentMethodInfo.method, *available});
                        (*next)(index + 1);
                    });
            };
            (*next)(0);
        });
}

void RefundRoutes::approveAndRecord(const std::shared_ptr<Request>& refund,
                                    const Responder& responder)
{
    if (refund->approvalReasons.isEmpty()) {
        record(refund, responder);
        return;
    }
    const QJsonObject required{
        {QStringLiteral("approvalRequired"), true},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(refund->approvalReasons)},
        {QStringLiteral("amount"), refund->amount.toJson()}};
    if (refund->approvalUsername.isEmpty()) {
        responder->error(ApiError{403, QStringLiteral("forbidden"),
                                  QStringLiteral("This refund needs a manager's approval."),
                                  required});
        return;
    }
    QPointer<RefundRoutes> self(this);
    // authenticate() runs on the write lane (its future finishes there); continued here.
    using Check = QFuture<StorageResult<User>>;
    m_context.storage->run(
        StorageExecutor::Lane::Write, this,
        [username = refund->approvalUsername, secret = refund->approvalSecret](Stores& stores)
            -> StorageResult<Check> { return stores.users.authenticate(username, secret); },
        [this, self, refund, responder, required](const StorageResult<Check>& check) {
            refund->approvalSecret.clear();
            if (!check) {
                responder->error(storageFailure(check.error()));
                return;
            }
            Check(*check).then(
                this, [this, self, refund, responder, required](const StorageResult<User>& user) {
                    approved(user, refund, responder, required);
                });
        });
}

void RefundRoutes::approved(const StorageResult<User>& user, const std::shared_ptr<Request>& refund,
                            const Responder& responder, const QJsonObject& required)
{
    refund->approvalSecret.clear();
    const StoreKey store = *StoreKey::parse(refund->storeKey);
    const bool approved = user && user->hasRole(Role::Manager) && user->mayWorkIn(store);
    const QJsonObject details{
        {QStringLiteral("orderId"), refund->orderId},
        {QStringLiteral("approver"), refund->approvalUsername.left(64)},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(refund->approvalReasons)}};
    if (!approved) {
        m_context.record(QStringLiteral("refund.approval_denied"), refund->caller.username,
                         refund->storeKey, refund->caller.workstationId, responder->correlationId(),
                         details, refund->amount);
        QJsonObject denied = required;
        denied.insert(QStringLiteral("approvalDenied"), true);
        responder->error(
            ApiError{403, QStringLiteral("forbidden"),
                     user ? QStringLiteral("%1 may not approve refunds in this store.")
                                .arg(refund->approvalUsername.left(64))
                          : QStringLiteral("The manager's user name or secret is wrong."),
                     denied});
        return;
    }
    refund->approvedBy = user->username;
    m_context.record(QStringLiteral("refund.approved"), refund->caller.username, refund->storeKey,
                     refund->caller.workstationId, responder->correlationId(), details,
                     refund->amount);
    record(refund, responder);
}

void RefundRoutes::record(const std::shared_ptr<Request>& refund, const Responder& responder)
{
    QJsonArray tenders;
    for (const RefundShare& share : std::as_const(refund->shares))
        tenders.append(QJsonObject{{QStringLiteral("paymentId"), share.paymentId},
                                   {QStringLiteral("tender"), share.tender},
                                   {QStringLiteral("amount"), share.amount.toJson()}});
    RefundRecord planned;
    planned.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    planned.idempotencyKey = refund->idempotencyKey;
    planned.storeKey = refund->storeKey;
    planned.orderId = refund->orderId;
    planned.username = refund->caller.username;
    planned.approvedBy = refund->approvedBy;
    planned.amount = refund->amount;
    planned.plan = QJsonObject{{QStringLiteral("items"), refund->plannedItems},
                               {QStringLiteral("tenders"), tenders},
                               {QStringLiteral("reason"), refund->reason},
                               {QStringLiteral("orderNumber"), refund->order.orderNumber},
                               {QStringLiteral("workstationId"), refund->caller.workstationId}};
    m_context.storage->run(
        StorageExecutor::Lane::Write, this,
        [planned](Stores& stores) { return stores.refunds.create(planned); },
        [this, responder](const StorageResult<RefundStore::Creation>& created) {
            if (!created) {
                if (created.error().kind == StorageError::Kind::Conflict) {
                    responder->error(ApiError::conflict(created.error().message));
                    return;
                }
                qCWarning(lcServerDb).noquote() << "cannot record a refund";
                responder->error(storageFailure(created.error()));
                return;
            }
            execute(created->record, responder);
        });
}

void RefundRoutes::execute(const RefundRecord& refund, const Responder& responder)
{
    const QString path =
        QStringLiteral("in-store/key=%1/orders/%2").arg(refund.storeKey, refund.orderId);
    QPointer<RefundRoutes> self(this);
    m_context.commercetools->updateLatest(
        path,
        [refund](const QJsonObject& current) {
            for (const QJsonValue& info : current.value(QStringLiteral("returnInfo")).toArray()) {
                if (info.toObject().value(QStringLiteral("returnTrackingId")).toString() ==
                    refund.id)
                    return QJsonArray(); // written by an earlier try
            }
            QJsonArray items;
            for (const QJsonValue& value : refund.plan.value(QStringLiteral("items")).toArray()) {
                const QJsonObject item = value.toObject();
                const bool custom = item.value(QStringLiteral("custom")).toBool();
                items.append(QJsonObject{
                    {custom ? QStringLiteral("customLineItemId") : QStringLiteral("lineItemId"),
                     item.value(QStringLiteral("lineItemId"))},
                    {QStringLiteral("quantity"), item.value(QStringLiteral("quantity"))},
                    {QStringLiteral("shipmentState"), QStringLiteral("Returned")},
                    {QStringLiteral("comment"), refund.plan.value(QStringLiteral("reason"))}});
            }
            return QJsonArray{
                QJsonObject{{QStringLiteral("action"), QStringLiteral("addReturnInfo")},
                            {QStringLiteral("returnTrackingId"), refund.id},
                            {QStringLiteral("returnDate"),
                             QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                            {QStringLiteral("items"), items}}};
        },
        responder->correlationId(),
        [=, this](const CtResponse& updated) {
            if (!self)
                return;
            if (!updated.ok()) {
                responder->error(ApiError::upstream(updated));
                return;
            }
            executeTenders(refund, 0, responder);
        });
}

void RefundRoutes::executeTenders(const RefundRecord& refund, int index, const Responder& responder)
{
    const QJsonArray tenders = refund.plan.value(QStringLiteral("tenders")).toArray();
    QPointer<RefundRoutes> self(this);
    if (index < tenders.size()) {
        const QJsonObject share = tenders.at(index).toObject();
        const QString path =
            QStringLiteral("payments/") + share.value(QStringLiteral("paymentId")).toString();
        m_context.commercetools->updateLatest(
            path,
            [refund, share](const QJsonObject& current) {
                for (const QJsonValue& t :
                     current.value(QStringLiteral("transactions")).toArray()) {
                    if (t.toObject().value(QStringLiteral("interactionId")).toString() == refund.id)
                        return QJsonArray(); // written by an earlier try
                }
                // The plan keeps the typed money; commercetools takes the Money draft.
                const Expected<Money> amount =
                    Money::fromJson(share.value(QStringLiteral("amount")).toObject());
                return QJsonArray{QJsonObject{
                    {QStringLiteral("action"), QStringLiteral("addTransaction")},
                    {QStringLiteral("transaction"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("Refund")},
                                 {QStringLiteral("amount"),
                                  amount ? amount->toDraftJson()
                                         : share.value(QStringLiteral("amount")).toObject()},
                                 {QStringLiteral("state"), QStringLiteral("Success")},
                                 {QStringLiteral("interactionId"), refund.id},
                                 {QStringLiteral("timestamp"),
                                  QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}}}}};
            },
            responder->correlationId(),
            [=, this](const CtResponse& updated) {
                if (!self)
                    return;
                if (!updated.ok()) {
                    responder->error(ApiError::upstream(updated));
                    return;
                }
                executeTenders(refund, index + 1, responder);
            });
        return;
    }

    QJsonArray tenderResults;
    for (const QJsonValue& value : tenders) {
        QJsonObject result = value.toObject();
        result.insert(QStringLiteral("state"), QStringLiteral("succeeded"));
        tenderResults.append(result);
    }
    QJsonObject result{
        {QStringLiteral("id"), refund.id},
        {QStringLiteral("state"), QStringLiteral("succeeded")},
        {QStringLiteral("orderId"), refund.orderId},
        {QStringLiteral("orderNumber"), refund.plan.value(QStringLiteral("orderNumber"))},
        {QStringLiteral("amount"), refund.amount.toJson()},
        {QStringLiteral("reason"), refund.plan.value(QStringLiteral("reason"))},
        {QStringLiteral("items"), refund.plan.value(QStringLiteral("items"))},
        {QStringLiteral("tenders"), tenderResults}};
    if (!refund.approvedBy.isEmpty())
        result.insert(QStringLiteral("approvedBy"), refund.approvedBy);
    if (!refund.completed) {
        m_context.storage->post(StorageExecutor::Lane::Write, [id = refund.id](Stores& stores) {
            if (auto completed = stores.refunds.complete(id); !completed)
                qCWarning(lcServerDb).noquote() << completed.error().message;
        });
        m_context.record(QStringLiteral("refund.created"), refund.username, refund.storeKey,
                         refund.plan.value(QStringLiteral("workstationId")).toString(),
                         responder->correlationId(),
                         {{QStringLiteral("refundId"), refund.id},
                          {QStringLiteral("orderId"), refund.orderId},
                          {QStringLiteral("approvedBy"), refund.approvedBy},
                          {QStringLiteral("tenders"), tenderResults}},
                         refund.amount);
    }
    idempotent::answerFinally(m_context, refund.idempotencyKey, responder, 201, result);
}

} // namespace storedesk::server
