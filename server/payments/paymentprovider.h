#pragma once

#include "domain/money.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace storedesk::server {

// One attempt to take one tender. Everything a provider needs to ask about this very attempt
// again: after a restart it is rebuilt from the commercetools Payment and the server's database,
// so no provider may depend on in-memory state to answer status().
struct PaymentAttempt {
    QString paymentId;  // the commercetools Payment's id
    QString paymentKey; // its key (from the idempotency key); the reference sent to providers
    Money amount;
    QString tender; // "cash", "card", …
    QString terminalId;
    QString storeKey;
    QString workstationId;
    QString correlationId;
    QDateTime startedAt; // UTC; when the provider was first asked
    // When a colleague asked to abort; invalid when nobody did. A time rather than a flag because
    // whether a cancel beat an approval depends on which came first (SimulatedTerminal).
    QDateTime cancelRequestedAt;
    // Cash only: what the customer handed over; absent means the exact amount.
    std::optional<Money> cashTendered;

    bool cancelRequested() const { return cancelRequestedAt.isValid(); }
};

struct ProviderStatus {
    enum class State { Pending, Succeeded, Failed, Cancelled };

    State state = State::Pending;
    QString reference; // the provider's reference for the attempt (the transaction's interactionId)
    QString message;   // safe to show to a colleague (a decline reason); never a secret
    std::optional<Money> changeDue; // cash only

    bool isFinal() const { return state != State::Pending; }

    static ProviderStatus make(State state, QString reference, QString message = {})
    {
        ProviderStatus status;
        status.state = state;
        status.reference = std::move(reference);
        status.message = std::move(message);
        return status;
    }

    // The integration API's words: "pending", "succeeded", "failed", "cancelled".
    static QString stateName(State state)
    {
        switch (state) {
        case State::Pending:
            return QStringLiteral("pending");
        case State::Succeeded:
            return QStringLiteral("succeeded");
        case State::Failed:
            return QStringLiteral("failed");
        case State::Cancelled:
            return QStringLiteral("cancelled");
        }
        return QStringLiteral("pending");
    }
    static std::optional<State> stateFromName(QStringView name)
    {
        for (State state : {State::Pending, State::Succeeded, State::Failed, State::Cancelled}) {
            if (name == stateName(state))
                return state;
        }
        return std::nullopt;
    }
};

// Something that takes money for an attempt: the cash drawer, a terminal, a PSP. Every answer
// arrives through the callback, possibly later; an answer that is not final (Pending) means "not
// known yet", never "did not happen": the caller must ask status() again rather than start anew.
class PaymentProvider : public QObject {
    Q_OBJECT

public:
    using Callback = std::function<void(ProviderStatus)>;

    using QObject::QObject;

    // Asks for the money. Called once per attempt; the answer is final for synchronous tenders
    // (cash) and Pending for asynchronous ones, whose final state arrives through outcome().
    virtual void start(const PaymentAttempt& attempt, Callback done) = 0;
    // Asks for the state of that very attempt, e.g. after a restart or a lost answer. Never
    // charges again.
    virtual void status(const PaymentAttempt& attempt, Callback done) = 0;
    // Asks to abort. The answer may still be Succeeded: an approval can win the race.
    virtual void cancel(const PaymentAttempt& attempt, Callback done) = 0;

Q_SIGNALS:
    // A final state the provider learnt on its own (a terminal's approval, a PSP's callback).
    // Delivered at least once and possibly also given to a callback: apply it idempotently.
    void outcome(const QString& paymentKey, const storedesk::server::ProviderStatus& status);
};

} // namespace storedesk::server

// For queued connections and QSignalSpy.
Q_DECLARE_METATYPE(storedesk::server::ProviderStatus)
