#include "paymentservice.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "domain/cart.h"
#include "domain/jsonreader.h"
#include "paymentcoordinator.h"
#include "servicedeps.h"
#include "services/storefence.h"
#include "storage/storageexecutor.h"

#include <QJsonDocument>
#include <QPointer>

namespace storedesk::server {

namespace {

using Lane = StorageExecutor::Lane;
using Kind = PaymentService::Started::Kind;

// How long a client should wait before asking again about a payment still being set up.
constexpr int setUpRetryAfterSeconds = 1;

// What a repeat of a claimed payment finds: the attempt, or whether its first request may still
// be working on it.
struct RepeatState {
    std::optional<PaymentAttemptRecord> attempt;
    bool claimantAlive = false;
};

// The attempt recorded for a claim, made now unless there is one (a first request that got
// further than we knew, or a racing repeat): never two attempts for one key.
struct Recorded {
    std::optional<PaymentAttemptRecord> attempt; // set: advance it
    bool inserted = false;                       // by this request: nothing was sent for it yet
    std::optional<Money> refusedOpenBalance;     // set: the amount did not fit
    bool tillNotOpen = false;                    // refused: it needs an open till
};

// On the write lane: the attempt for record's key, inserted unless it exists.
StorageResult<Recorded> recordAttempt(Stores& stores, const PaymentAttemptRecord& record,
                                      const Money& cartTotal, bool needsOpenTill)
{
    const QString& key = record.idempotencyKey;
    const auto existing = [&stores, &key](bool inserted) -> StorageResult<Recorded> {
        StorageResult<PaymentAttemptRecord> found = stores.attempts.findByIdempotencyKey(key);
        if (!found)
            return found.error();
        return Recorded{*found, inserted, std::nullopt, false};
    };
    if (StorageResult<Recorded> before = existing(false);
        before || before.error().kind != StorageError::Kind::NotFound)
        return before;
    StorageResult<PaymentAttemptStore::Insertion> inserted =
        stores.attempts.insert(record, cartTotal, needsOpenTill);
    if (!inserted) {
        // A repeat racing this one may have recorded the attempt first (the unique key refused
        // ours): that one is the attempt.
        if (StorageResult<Recorded> after = existing(false))
            return after;
        return inserted.error();
    }
    if (inserted->tillNotOpen)
        return Recorded{std::nullopt, false, std::nullopt, true};
    if (!inserted->inserted)
        return Recorded{std::nullopt, false, inserted->openBalance, false};
    if (auto attached = stores.idempotency.attachResource(key, record.attempt.paymentKey);
        !attached)
        qCWarning(lcServerDb).noquote() << attached.error().message;
    return existing(true);
}

PaymentService::Started failed(const ServiceFailure& error)
{
    PaymentService::Started started;
    started.kind = Kind::Failed;
    started.error = error;
    return started;
}

PaymentService::Started refused(const ServiceFailure& error)
{
    PaymentService::Started started;
    started.kind = Kind::Refused;
    started.error = error;
    return started;
}

// What the coordinator's answer comes to.
PaymentService::Started
fromCoordinator(const Expected<PaymentAttemptRecord, ServiceFailure>& record)
{
    if (!record)
        return failed(record.error());
    PaymentService::Started started;
    started.kind = Kind::Attempt;
    started.attempt = *record;
    return started;
}

} // namespace

PaymentService::PaymentService(const ServiceDeps& deps, PaymentCoordinator& coordinator,
                               QObject* parent)
    : QObject(parent)
    , m_deps(deps)
    , m_storage(*deps.storage)
    , m_coordinator(coordinator)
{
}

void PaymentService::start(const IdempotencyStore::Claim& claim, const PaymentAttemptRecord& record,
                           bool needsOpenTill, StartDone done)
{
    if (claim.kind == IdempotencyStore::Claim::Kind::New)
        setUp(record, needsOpenTill, std::move(done));
    else
        repeat(claim.record, record, needsOpenTill, std::move(done));
}

void PaymentService::setUp(const PaymentAttemptRecord& record, bool needsOpenTill, StartDone done)
{
    const QString key = record.idempotencyKey;
    m_settingUp.insert(key);
    QPointer<PaymentService> self(this);
    createAttempt(record, needsOpenTill,
                  [self, key, done = std::move(done)](const Started& started) {
                      if (self)
                          self->m_settingUp.remove(key);
                      done(started);
                  });
}

void PaymentService::repeat(const IdempotencyRecord& claim, const PaymentAttemptRecord& record,
                            bool needsOpenTill, StartDone done)
{
    m_storage.run(
        Lane::Read, this,
        [claim](Stores& stores) -> StorageResult<RepeatState> {
            RepeatState state;
            StorageResult<PaymentAttemptRecord> existing =
                stores.attempts.findByIdempotencyKey(claim.key);
            if (existing) {
                state.attempt = *existing;
                return state;
            }
            if (existing.error().kind != StorageError::Kind::NotFound)
                return existing.error();
            StorageResult<bool> alive = stores.instances.isAlive(claim.instanceId);
            if (!alive)
                return alive.error();
            state.claimantAlive = *alive;
            return state;
        },
        [this, claim, record, needsOpenTill, done](const StorageResult<RepeatState>& state) {
            if (!state) {
                done(failed(ServiceFailure::fromStorage(state.error())));
                return;
            }
            if (state->attempt) {
                // Not known to be new: a first try may have sent its Payment before it was cut
                // short, so the coordinator looks for it before making one.
                m_coordinator.advance(*state->attempt, [done](const auto& advanced) {
                    done(fromCoordinator(advanced));
                });
                return;
            }
            if (claim.hasResponse()) {
                Started replay;
                replay.kind = Kind::Replay;
                replay.claim = claim;
                done(replay);
                return;
            }
            // Claimed, but no attempt yet. While the instance that claimed it lives, its first
            // request is still reading the cart: ask again in a moment. An instance that died
            // recorded nothing, so nothing moved, and this request may do the work.
            const bool endedHere =
                claim.instanceId == m_storage.instanceId() && !m_settingUp.contains(claim.key);
            if (state->claimantAlive && !endedHere) {
                done(failed(ServiceFailure::inProgress(
                    QStringLiteral("This payment is still being set up; ask again in a moment."),
                    setUpRetryAfterSeconds)));
                return;
            }
            setUp(record, needsOpenTill, done);
        });
}

void PaymentService::createAttempt(const PaymentAttemptRecord& record, bool needsOpenTill,
                                   StartDone done)
{
    readCart(
        record.attempt.storeKey, record.cartId, record.attempt.correlationId,
        [this, record, needsOpenTill, done](const Expected<QJsonObject, ServiceFailure>& read) {
            if (!read) {
                done(failed(read.error()));
                return;
            }
            const QJsonObject cart = *read;
            const Expected<Money> total =
                Money::fromJson(cart.value(QStringLiteral("totalPrice")).toObject());
            if (!total) {
                done(failed(ServiceFailure::fromUpstream(CtResponse{})));
                return;
            }
            if (total->currencyCode() != record.attempt.amount.currencyCode()) {
                done(refused(ServiceFailure::invalidInput(
                    QStringLiteral("The cart is in %1, not %2.")
                        .arg(total->currencyCode(), record.attempt.amount.currencyCode()))));
                return;
            }
            m_storage.run(
                Lane::Write, this,
                [record, cartTotal = *total,
                 needsOpenTill](Stores& stores) -> StorageResult<Recorded> {
                    return recordAttempt(stores, record, cartTotal, needsOpenTill);
                },
                [this, cart, done](const StorageResult<Recorded>& recorded) {
                    if (!recorded) {
                        done(failed(ServiceFailure::fromStorage(recorded.error())));
                        return;
                    }
                    const auto advanced = [done](const auto& result) {
                        done(fromCoordinator(result));
                    };
                    if (recorded->tillNotOpen)
                        done(refused(ServiceFailure::tillNotOpen()));
                    else if (recorded->attempt && recorded->inserted)
                        m_coordinator.advanceNew(*recorded->attempt, cart, advanced);
                    else if (recorded->attempt)
                        m_coordinator.advance(*recorded->attempt, advanced);
                    else {
                        const Money& open = *recorded->refusedOpenBalance;
                        done(refused(ServiceFailure::invalidInput(
                            open.isZero() || open.isNegative()
                                ? QStringLiteral("Nothing is left to pay on this cart.")
                                : QStringLiteral("The amount is more than the open balance."),
                            {{QStringLiteral("openBalance"), open.toJson()}})));
                    }
                });
        });
}

void PaymentService::readCart(
    const QString& storeKey, const QString& cartId, const QString& correlationId,
    std::function<void(const Expected<QJsonObject, ServiceFailure>&)> done)
{
    const ServiceFailure notFound =
        ServiceFailure::notFound(QStringLiteral("There is no such cart in this store."));
    m_deps.commercetools->get(
        QStringLiteral("in-store/key=%1/carts/%2").arg(storeKey, cartId), {}, correlationId,
        [storeKey, notFound, done](const CtResponse& response) {
            if (response.status == 404) {
                done(notFound);
                return;
            }
            if (!response.ok()) {
                done(ServiceFailure::fromUpstream(response));
                return;
            }
            const Expected<Cart> cart = json::read<Cart>(response.body);
            if (!cart) {
                qCWarning(lcServerCt).noquote()
                    << "commercetools sent a cart we cannot read:" << cart.error().toString();
                done(ServiceFailure::fromUpstream(CtResponse{}));
                return;
            }
            // The emulator returns another store's cart under this store's path: fenced here.
            if (!cart->storeKey() || cart->storeKey()->toString() != storeKey) {
                qCInfo(lcServerAuth).noquote()
                    << "cart" << cart->id << "is not in store" << storeKey;
                done(notFound);
                return;
            }
            done(response.body);
        });
}

void PaymentService::balance(const QString& storeKey, const QString& cartId,
                             const QString& correlationId,
                             std::function<void(const Expected<Balance, ServiceFailure>&)> done)
{
    // The cart is read first: it fences the store and gives the total the balance is taken from.
    // Opening a cart in the app is this request, so the cart is fenced from commercetools' bytes
    // and passed on as they came; only its totalPrice is parsed.
    m_deps.commercetools->get(
        QStringLiteral("in-store/key=%1/carts/%2").arg(storeKey, cartId), {}, correlationId,
        [this, storeKey, cartId, done](const CtResponse& response) {
            const StoreFence fence = StoreFence::of(response, storeKey);
            switch (fence.verdict) {
            case StoreFence::Verdict::Found:
                break;
            case StoreFence::Verdict::NotFound:
                done(ServiceFailure::notFound(
                    QStringLiteral("There is no such cart in this store.")));
                return;
            case StoreFence::Verdict::Upstream:
                done(ServiceFailure::fromUpstream(response));
                return;
            case StoreFence::Verdict::Unreadable:
                done(ServiceFailure::fromUpstream(CtResponse{}));
                return;
            }
            const QByteArray bytes = response.body.bytes();
            const std::optional<JsonObjectScan> scan = JsonObjectScan::scanValidated(bytes);
            const Expected<Money> total =
                scan ? Money::fromJson(
                           QJsonDocument::fromJson(
                               scan->member(QLatin1StringView("totalPrice")).toByteArray())
                               .object())
                     : Expected<Money>(Error{});
            if (!total) {
                qCWarning(lcServerCt).noquote() << "commercetools sent a cart without a total";
                done(ServiceFailure::fromUpstream(CtResponse{}));
                return;
            }
            m_storage.run(
                Lane::Read, this,
                [cartId](Stores& stores) { return stores.attempts.forCart(cartId); },
                [bytes, cartTotal = *total,
                 done](const StorageResult<QList<PaymentAttemptRecord>>& attempts) {
                    if (!attempts) {
                        done(ServiceFailure::fromStorage(attempts.error()));
                        return;
                    }
                    Balance balance{bytes, OpenBalance(cartTotal), *attempts};
                    for (const PaymentAttemptRecord& record : *attempts) {
                        if (!balance.balance.add(record)) {
                            done(ServiceFailure::internal());
                            return;
                        }
                    }
                    done(balance);
                });
        });
}

void PaymentService::find(
    const QString& paymentId, std::function<bool(const QString&)> mayUseStore,
    std::function<void(const Expected<PaymentAttemptRecord, ServiceFailure>&)> done)
{
    m_storage.run(
        Lane::Read, this,
        [paymentId](Stores& stores) { return stores.attempts.findByPaymentId(paymentId); },
        [mayUseStore = std::move(mayUseStore),
         done = std::move(done)](const StorageResult<PaymentAttemptRecord>& record) {
            const ServiceFailure unknown =
                ServiceFailure::notFound(QStringLiteral("There is no such payment."));
            if (!record) {
                if (record.error().kind == StorageError::Kind::NotFound)
                    done(unknown);
                else
                    done(ServiceFailure::fromStorage(record.error()));
                return;
            }
            // Another store's payment does not exist as far as this caller can tell.
            if (!mayUseStore(record->attempt.storeKey)) {
                done(unknown);
                return;
            }
            done(*record);
        });
}

void PaymentService::reread(
    const QString& paymentKey, const QObject* context,
    std::function<void(const Expected<PaymentAttemptRecord, ServiceFailure>&)> done)
{
    m_storage.run(
        Lane::Read, context,
        [paymentKey](Stores& stores) { return stores.attempts.find(paymentKey); },
        [done = std::move(done)](const StorageResult<PaymentAttemptRecord>& current) {
            if (!current)
                done(ServiceFailure::fromStorage(current.error()));
            else
                done(*current);
        });
}

} // namespace storedesk::server
