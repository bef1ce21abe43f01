#pragma once

#include "database.h"
#include "payments/paymentprovider.h"
#include "storageerror.h"

#include <QList>

namespace storedesk::server {

// What the server keeps of one attempt to take one tender, beside the commercetools Payment.
struct PaymentAttemptRecord {
    enum class State {
        Creating,  // the commercetools Payment is being made; no provider has been asked yet
        Pending,   // the provider was asked; the outcome is not known
        Succeeded, // final states from here on
        Failed,
        Cancelled,
    };

    PaymentAttempt attempt; // what the provider is asked with (paymentId empty while Creating)
    QString idempotencyKey;
    QString cartId;
    QString provider; // "cash", "simulated", "http"
    QString username;
    State state = State::Creating;
    QString providerReference;
    QString message; // a decline reason, safe to show
    std::optional<Money> changeDue;
    bool synced = false;   // the final state is written to the commercetools Payment
    QString tillSessionId; // the till session open when it was recorded; empty: none was
    QDateTime createdAt;
    QDateTime updatedAt;

    bool isFinal() const { return state != State::Creating && state != State::Pending; }
    // "creating" and "pending" are both "pending" to a client.
    QString apiState() const;
};

// Payment attempts in the server's database: the record that makes "nothing is lost on a crash"
// and "never charge twice" hold. Only the transitions below exist, each a conditional UPDATE, so
// when two instances (or a provider's callback and a status poll) race, exactly one wins.
//
//   Creating → Pending (markPending: the provider may be asked now) → a final state (finish)
//   Creating → Failed (finish with fromCreating: recovery of an attempt cut short before any
//   provider was asked)
class PaymentAttemptStore {
public:
    struct Insertion {
        bool inserted = false;
        bool tillNotOpen = false; // refused: it needs an open till and the workstation has none
        Money openBalance;        // before this attempt (OpenBalance::open)
    };

    explicit PaymentAttemptStore(Database& database, Clock clock = systemClock);

    // Inserts a Creating attempt when its amount fits the cart's open balance (OpenBalance),
    // counting attempts still pending as taken: two tenders racing for the last euro cannot both be
    // asked. The check and the insert run under one lock per cart, across server instances.
    // The attempt is stamped with the workstation's open till session, read in the same
    // transaction under the till's lock (TillStore::lockOpenSession); with needsOpenTill (cash, or
    // card where the store says so) nothing is inserted when there is none.
    StorageResult<Insertion> insert(const PaymentAttemptRecord& record, const Money& cartTotal,
                                    bool needsOpenTill = false);

    StorageResult<PaymentAttemptRecord> find(const QString& paymentKey) const;
    StorageResult<PaymentAttemptRecord> findByPaymentId(const QString& paymentId) const;
    StorageResult<PaymentAttemptRecord> findByIdempotencyKey(const QString& key) const;
    StorageResult<QList<PaymentAttemptRecord>> forCart(const QString& cartId) const;
    // Attempts that need recovery: Creating or Pending and last changed before olderThan, and
    // final ones whose state has not reached commercetools yet.
    StorageResult<QList<PaymentAttemptRecord>> unresolved(const QDateTime& olderThan) const;

    // Creating → Pending with the commercetools Payment's id. false: another caller won.
    StorageResult<bool> markPending(const QString& paymentKey, const QString& paymentId,
                                    const QDateTime& startedAt);
    // Remembers the first cancel request; later ones keep the first time.
    StorageResult<void> requestCancel(const QString& paymentKey, const QDateTime& at);
    // Pending (or, with fromCreating, Creating) → the status's final state. false: it was
    // already final or in another state, and nothing changed.
    StorageResult<bool> finish(const QString& paymentKey, const ProviderStatus& status,
                               bool fromCreating = false);
    StorageResult<void> markSynced(const QString& paymentKey);

private:
    StorageResult<QList<PaymentAttemptRecord>> select(const QString& where,
                                                      const QVariantList& values) const;
    StorageResult<PaymentAttemptRecord> selectOne(const QString& where,
                                                  const QVariantList& values) const;

    Database& m_database;
    Clock m_clock;
};

} // namespace storedesk::server
