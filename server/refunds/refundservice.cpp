#include "refundservice.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "domain/order.h"
#include "domain/payment.h"
#include "domain/storekey.h"
#include "payments/refundplan.h"
#include "serverconfig.h"
#include "services/managerapproval.h"
#include "services/storeread.h"
#include "storage/storageexecutor.h"

#include <QPointer>
#include <QUuid>

namespace storedesk::server {

namespace {

const QString noSuchOrder = QStringLiteral("There is no such order in this store.");

QString orderPath(const QString& storeKey, const QString& orderId)
{
    return QStringLiteral("in-store/key=%1/orders/%2").arg(storeKey, orderId);
}

// The Payments commercetools expanded inside the order, by id.
QHash<QString, QJsonObject> expandedPayments(const QJsonObject& order)
{
    QHash<QString, QJsonObject> payments;
    const QJsonArray references = order.value(QStringLiteral("paymentInfo"))
                                      .toObject()
                                      .value(QStringLiteral("payments"))
                                      .toArray();
    for (const QJsonValue& reference : references) {
        const QJsonObject payment = reference.toObject().value(QStringLiteral("obj")).toObject();
        if (!payment.isEmpty())
            payments.insert(payment.value(QStringLiteral("id")).toString(), payment);
    }
    return payments;
}

QUrlQuery withPayments()
{
    return QUrlQuery{{QStringLiteral("expand"), QStringLiteral("paymentInfo.payments[*]")}};
}

// What one Payment can still give back; nothing when it has nothing left or cannot be read.
std::optional<RefundSource> sourceOf(const QJsonObject& document)
{
    const Expected<Payment> payment = json::read<Payment>(document);
    const Expected<Money> charged =
        payment ? payment->chargedAmount() : Expected<Money>(payment.error());
    const Expected<Money> refunded =
        payment ? payment->refundedAmount() : Expected<Money>(payment.error());
    const Expected<Money> available =
        charged && refunded ? charged->minus(*refunded)
                            : Expected<Money>(charged ? refunded.error() : charged.error());
    if (!available || available->isZero())
        return std::nullopt;
    return RefundSource{payment->id, payment->paymentMethodInfo.method, *available};
}

QJsonArray returnInfoActions(const RefundRecord& refund, const QJsonObject& current)
{
    for (const QJsonValue& info : current.value(QStringLiteral("returnInfo")).toArray()) {
        if (info.toObject().value(QStringLiteral("returnTrackingId")).toString() == refund.id)
            return QJsonArray(); // written by an earlier try
    }
    QJsonArray items;
    for (const QJsonValue& value : refund.plan.value(QStringLiteral("items")).toArray()) {
        const QJsonObject item = value.toObject();
        const bool custom = item.value(QStringLiteral("custom")).toBool();
        items.append(
            QJsonObject{{custom ? QStringLiteral("customLineItemId") : QStringLiteral("lineItemId"),
                         item.value(QStringLiteral("lineItemId"))},
                        {QStringLiteral("quantity"), item.value(QStringLiteral("quantity"))},
                        {QStringLiteral("shipmentState"), QStringLiteral("Returned")},
                        {QStringLiteral("comment"), refund.plan.value(QStringLiteral("reason"))}});
    }
    return QJsonArray{QJsonObject{
        {QStringLiteral("action"), QStringLiteral("addReturnInfo")},
        {QStringLiteral("returnTrackingId"), refund.id},
        {QStringLiteral("returnDate"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("items"), items}}};
}

QJsonArray refundTransactionActions(const RefundRecord& refund, const QJsonObject& share,
                                    const QJsonObject& current)
{
    for (const QJsonValue& t : current.value(QStringLiteral("transactions")).toArray()) {
        if (t.toObject().value(QStringLiteral("interactionId")).toString() == refund.id)
            return QJsonArray(); // written by an earlier try
    }
    // The plan keeps the typed money; commercetools takes the Money draft.
    const Expected<Money> amount =
        Money::fromJson(share.value(QStringLiteral("amount")).toObject());
    return QJsonArray{
        QJsonObject{{QStringLiteral("action"), QStringLiteral("addTransaction")},
                    {QStringLiteral("transaction"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("Refund")},
                                 {QStringLiteral("amount"),
                                  amount ? amount->toDraftJson()
                                         : share.value(QStringLiteral("amount")).toObject()},
                                 {QStringLiteral("state"), QStringLiteral("Success")},
                                 {QStringLiteral("interactionId"), refund.id},
                                 {QStringLiteral("timestamp"),
                                  QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}}}}};
}

// The cash a plan hands back over the counter, in the refund's minor units.
qint64 cashShare(const QList<RefundShare>& shares)
{
    qint64 cash = 0;
    for (const RefundShare& share : shares) {
        if (share.tender == QLatin1StringView("cash"))
            cash += share.amount.minorUnits();
    }
    return cash;
}

} // namespace

struct RefundService::Run {
    Request request;
    Done done;
    // Filled by plan() (or resume()): what commercetools holds, with the versions to update on.
    Order order;
    QJsonObject orderDocument;
    QHash<QString, QJsonObject> payments; // by id
    QList<RefundSource> sources;          // what each Payment can still give back
    Money amount;
    QJsonArray plannedItems;
    QList<RefundShare> shares;
    qint64 cash = 0;             // what the shares hand back in cash
    QStringList approvalReasons; // "amount", "age"
    QString approvedBy;

    void fail(const ServiceFailure& failure) const { done(failure); }
};

RefundService::RefundService(CtClient* commercetools, StorageExecutor* storage,
                             const ServerConfig* config, QObject* parent)
    : QObject(parent)
    , m_commercetools(commercetools)
    , m_storage(storage)
    , m_config(config)
    , m_audit(storage)
{
}

void RefundService::refund(Request request, Done done)
{
    auto run = std::make_shared<Run>();
    run->request = std::move(request);
    run->done = std::move(done);
    m_storage->run(
        StorageExecutor::Lane::Read, this,
        [key = run->request.idempotencyKey](Stores& stores) {
            return stores.refunds.findByIdempotencyKey(key);
        },
        [this, run](const StorageResult<RefundRecord>& planned) {
            if (planned) {
                // Planned before a crash or a lost answer: finish it.
                resume(*planned, run);
                return;
            }
            if (planned.error().kind != StorageError::Kind::NotFound) {
                run->fail(ServiceFailure::fromStorage(planned.error()));
                return;
            }
            plan(run);
        });
}

void RefundService::plan(const RunPtr& run)
{
    QPointer<RefundService> self(this);
    const Request& request = run->request;
    readFromStore<Order>(
        m_commercetools, QStringLiteral("orders/") + request.orderId, request.storeKey, noSuchOrder,
        request.correlationId, withPayments(),
        [this, self, run](const Expected<StoreResource<Order>, ServiceFailure>& found) {
            if (!self)
                return;
            if (!found) {
                run->fail(found.error());
                return;
            }
            const Order& order = found->resource;
            run->order = order;
            run->orderDocument = found->raw;
            run->payments = expandedPayments(found->raw);
            Money total = Money::zero(*order.totalPrice.currency());
            for (const auto& [lineId, quantity] : run->request.items) {
                const LineItem* line = nullptr;
                const CustomLineItem* custom = nullptr;
                for (const LineItem& candidate : order.lineItems)
                    line = candidate.id == lineId ? &candidate : line;
                for (const CustomLineItem& candidate : order.customLineItems)
                    custom = candidate.id == lineId ? &candidate : custom;
                if (!line && !custom) {
                    run->fail(ServiceFailure::invalidInput(
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
                    run->fail(ServiceFailure::invalidInput(
                        QStringLiteral("Only %1 of line %2 can still be refunded.")
                            .arg(refundable)
                            .arg(lineId),
                        {{QStringLiteral("lineItemId"), lineId},
                         {QStringLiteral("refundable"), refundable}}));
                    return;
                }
                const Expected<Money> sum = total.plus(*amount);
                if (!sum) {
                    run->fail(ServiceFailure::invalidInput(sum.error().message));
                    return;
                }
                total = *sum;
                run->plannedItems.append(QJsonObject{{QStringLiteral("lineItemId"), lineId},
                                                     {QStringLiteral("custom"), custom != nullptr},
                                                     {QStringLiteral("quantity"), quantity},
                                                     {QStringLiteral("amount"), amount->toJson()}});
            }
            run->amount = total;
            const StoreConfig* store = m_config->store(run->request.storeKey);
            run->approvalReasons = refundApprovalReasons(
                total, store->refundApprovalAbove, order.createdAt, store->refundApprovalAfterDays,
                QDateTime::currentDateTimeUtc());

            collectSources(run, 0);
        });
}

// What each original payment can still give back. They come expanded in the order; one that did
// not (it could not be expanded) is read on its own.
void RefundService::collectSources(const RunPtr& run, int index)
{
    if (index >= run->order.paymentIds.size()) {
        Expected<QList<RefundShare>> shares = planRefund(run->amount, run->sources);
        if (!shares) {
            run->fail(ServiceFailure::conflict(shares.error().message));
            return;
        }
        run->shares = *shares;
        run->cash = cashShare(run->shares);
        checkTill(run);
        return;
    }
    const QString paymentId = run->order.paymentIds.at(index);
    if (const auto held = run->payments.constFind(paymentId); held != run->payments.cend()) {
        if (const std::optional<RefundSource> source = sourceOf(*held))
            run->sources.append(*source);
        collectSources(run, index + 1);
        return;
    }
    QPointer<RefundService> self(this);
    m_commercetools->get(QStringLiteral("payments/") + paymentId, {}, run->request.correlationId,
                         [this, self, run, index, paymentId](const CtResponse& found) {
                             if (!self)
                                 return;
                             if (!found.ok()) {
                                 run->fail(ServiceFailure::fromUpstream(found));
                                 return;
                             }
                             run->payments.insert(paymentId, found.body);
                             if (const std::optional<RefundSource> source = sourceOf(found.body))
                                 run->sources.append(*source);
                             collectSources(run, index + 1);
                         });
}

void RefundService::checkTill(const RunPtr& run)
{
    if (run->cash == 0) {
        approveAndRecord(run);
        return;
    }
    m_storage->run(
        StorageExecutor::Lane::Read, this,
        [store = run->request.storeKey, workstation = run->request.workstationId](Stores& stores) {
            return stores.till.current(store, workstation);
        },
        [this, run](const StorageResult<std::optional<TillSessionRecord>>& session) {
            if (!session)
                run->fail(ServiceFailure::fromStorage(session.error()));
            else if (!*session)
                run->fail(ServiceFailure::tillNotOpen());
            else
                approveAndRecord(run);
        });
}

void RefundService::approveAndRecord(const RunPtr& run)
{
    if (run->approvalReasons.isEmpty()) {
        record(run);
        return;
    }
    const QJsonObject required{
        {QStringLiteral("approvalRequired"), true},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(run->approvalReasons)},
        {QStringLiteral("amount"), run->amount.toJson()}};
    if (run->request.approvalUsername.isEmpty()) {
        run->fail(ServiceFailure::forbidden(
            QStringLiteral("This refund needs a manager's approval."), required));
        return;
    }
    checkManagerApproval(m_storage, this, run->request.approvalUsername,
                         std::exchange(run->request.approvalSecret, {}), run->request.storeKey,
                         [this, run, required](const StorageResult<ManagerApproval>& checked) {
                             if (!checked) {
                                 run->fail(ServiceFailure::fromStorage(checked.error()));
                                 return;
                             }
                             approved(*checked, run, required);
                         });
}

void RefundService::approved(const ManagerApproval& approval, const RunPtr& run,
                             const QJsonObject& required)
{
    const Request& request = run->request;
    const QJsonObject details{
        {QStringLiteral("orderId"), request.orderId},
        {QStringLiteral("approver"), request.approvalUsername.left(64)},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(run->approvalReasons)}};
    if (!approval.approved) {
        m_audit.record(QStringLiteral("refund.approval_denied"), request.username, request.storeKey,
                       request.workstationId, request.correlationId, details, run->amount);
        QJsonObject denied = required;
        denied.insert(QStringLiteral("approvalDenied"), true);
        run->fail(ServiceFailure::forbidden(
            approval.knownUser ? QStringLiteral("%1 may not approve refunds in this store.")
                                     .arg(request.approvalUsername.left(64))
                               : QStringLiteral("The manager's user name or secret is wrong."),
            denied));
        return;
    }
    run->approvedBy = approval.approver;
    m_audit.record(QStringLiteral("refund.approved"), request.username, request.storeKey,
                   request.workstationId, request.correlationId, details, run->amount);
    record(run);
}

void RefundService::record(const RunPtr& run)
{
    const Request& request = run->request;
    QJsonArray tenders;
    for (const RefundShare& share : std::as_const(run->shares))
        tenders.append(QJsonObject{{QStringLiteral("paymentId"), share.paymentId},
                                   {QStringLiteral("tender"), share.tender},
                                   {QStringLiteral("amount"), share.amount.toJson()}});
    RefundRecord planned;
    planned.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    planned.idempotencyKey = request.idempotencyKey;
    planned.storeKey = request.storeKey;
    planned.orderId = request.orderId;
    planned.username = request.username;
    planned.approvedBy = run->approvedBy;
    planned.workstationId = request.workstationId;
    planned.amount = run->amount;
    planned.cashMinorUnits = run->cash;
    planned.plan = QJsonObject{{QStringLiteral("items"), run->plannedItems},
                               {QStringLiteral("tenders"), tenders},
                               {QStringLiteral("reason"), request.reason},
                               {QStringLiteral("orderNumber"), run->order.orderNumber},
                               {QStringLiteral("workstationId"), request.workstationId}};
    m_storage->run(
        StorageExecutor::Lane::Write, this,
        [planned](Stores& stores) { return stores.refunds.create(planned); },
        [this, run](const StorageResult<RefundStore::Creation>& created) {
            if (!created) {
                if (created.error().kind == StorageError::Kind::Conflict) {
                    run->fail(ServiceFailure::conflict(created.error().message));
                    return;
                }
                qCWarning(lcServerDb).noquote() << "cannot record a refund";
                run->fail(ServiceFailure::fromStorage(created.error()));
                return;
            }
            if (created->tillNotOpen) {
                run->fail(ServiceFailure::tillNotOpen());
                return;
            }
            if (!created->created) {
                // Another request with this key planned it meanwhile: what we read may be older
                // than what it wrote, so read again before writing.
                resume(created->record, run);
                return;
            }
            execute(created->record, run);
        });
}

void RefundService::resume(const RefundRecord& refund, const RunPtr& run)
{
    QPointer<RefundService> self(this);
    readFromStore<Order>(
        m_commercetools, QStringLiteral("orders/") + refund.orderId, refund.storeKey, noSuchOrder,
        run->request.correlationId, withPayments(),
        [this, self, refund, run](const Expected<StoreResource<Order>, ServiceFailure>& found) {
            if (!self)
                return;
            if (!found) {
                run->fail(found.error());
                return;
            }
            run->order = found->resource;
            run->orderDocument = found->raw;
            run->payments = expandedPayments(found->raw);
            execute(refund, run);
        });
}

void RefundService::execute(const RefundRecord& refund, const RunPtr& run)
{
    QPointer<RefundService> self(this);
    // The order as read moments ago: its version is the one to update on. A change in between
    // (ConcurrentModification) makes CtClient read it again and rebuild the actions.
    m_commercetools->update(
        orderPath(refund.storeKey, refund.orderId), run->orderDocument,
        [refund](const QJsonObject& current) { return returnInfoActions(refund, current); },
        run->request.correlationId,
        [this, self, refund, run](const CtResponse& updated) {
            if (!self)
                return;
            if (!updated.ok()) {
                run->fail(ServiceFailure::fromUpstream(updated));
                return;
            }
            executeTenders(refund, 0, run);
        });
}

void RefundService::executeTenders(const RefundRecord& refund, int index, const RunPtr& run)
{
    const QJsonArray tenders = refund.plan.value(QStringLiteral("tenders")).toArray();
    if (index >= tenders.size()) {
        succeeded(refund, run);
        return;
    }
    QPointer<RefundService> self(this);
    const QJsonObject share = tenders.at(index).toObject();
    const QString paymentId = share.value(QStringLiteral("paymentId")).toString();
    const QString path = QStringLiteral("payments/") + paymentId;
    CtClient::ActionBuilder actions = [refund, share](const QJsonObject& current) {
        return refundTransactionActions(refund, share, current);
    };
    CtClient::Callback next = [this, self, refund, index, run](const CtResponse& updated) {
        if (!self)
            return;
        if (!updated.ok()) {
            run->fail(ServiceFailure::fromUpstream(updated));
            return;
        }
        executeTenders(refund, index + 1, run);
    };
    if (const auto held = run->payments.constFind(paymentId); held != run->payments.cend())
        m_commercetools->update(path, *held, actions, run->request.correlationId, next);
    else // no longer referenced by the order: read it as it is now
        m_commercetools->updateLatest(path, actions, run->request.correlationId, next);
}

void RefundService::succeeded(const RefundRecord& refund, const RunPtr& run)
{
    const QJsonArray tenders = refund.plan.value(QStringLiteral("tenders")).toArray();
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
        m_storage->post(StorageExecutor::Lane::Write, [id = refund.id](Stores& stores) {
            if (auto completed = stores.refunds.complete(id); !completed)
                qCWarning(lcServerDb).noquote() << completed.error().message;
        });
        m_audit.record(QStringLiteral("refund.created"), refund.username, refund.storeKey,
                       refund.plan.value(QStringLiteral("workstationId")).toString(),
                       run->request.correlationId,
                       {{QStringLiteral("refundId"), refund.id},
                        {QStringLiteral("orderId"), refund.orderId},
                        {QStringLiteral("approvedBy"), refund.approvedBy},
                        {QStringLiteral("tenders"), tenderResults}},
                       refund.amount);
    }
    run->done(result);
}

} // namespace storedesk::server
