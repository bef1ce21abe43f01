#pragma once

#include "paymentprovider.h"

#include <QHash>

#include <chrono>

namespace storedesk::server {

// Outside the class: GCC cannot use a nested struct's member initializers in a default argument of
// the same class.
struct SimulatedTerminalOptions {
    std::chrono::milliseconds delay{1500}; // from start to the terminal's answer
    std::function<QDateTime()> clock;      // UTC now; empty: the system clock
};

// A card terminal that is not there, for the demo and the tests: one per configured terminal of
// kind "simulated". It answers asynchronously and deterministically. The outcome is chosen by the
// last two digits of the amount in minor units (cent amount; 12.91 EUR → 91):
//
//   digits  outcome
//   91      declined after the delay: Failed, "Card declined by issuer."
//   92      never answers: Pending until cancelled, then Cancelled
//   93      approved after the delay even when a cancel came first (the approval wins the race)
//   94      terminal unreachable: Failed at once, "Payment terminal unreachable."
//   other   approved after the delay; a cancel before the delay → Cancelled, after it → Succeeded
//
// A cancel that comes first also stops a decline (91): the attempt ends Cancelled.
//
// status() is a pure function of the attempt (amount, startedAt, cancelRequestedAt), the delay and
// the clock, so a restarted server with the same configuration gets the same answer. The caller
// must therefore record cancelRequestedAt before calling cancel().
class SimulatedTerminal : public PaymentProvider {
    Q_OBJECT

public:
    enum class Behaviour { Approve, Decline, NeverAnswer, ApproveDespiteCancel, Unreachable };

    using Options = SimulatedTerminalOptions;

    explicit SimulatedTerminal(QString terminalId, Options options = {}, QObject* parent = nullptr);

    QString terminalId() const { return m_terminalId; }

    static Behaviour behaviourFor(const Money& amount);
    // The attempt's state at `now`. No side effects.
    ProviderStatus statusAt(const PaymentAttempt& attempt, const QDateTime& now) const;

    // Pending (Failed at once for 94); the final state follows through outcome() after the delay.
    void start(const PaymentAttempt& attempt, Callback done) override;
    void status(const PaymentAttempt& attempt, Callback done) override;
    // Cancelled at once when the cancel wins; for 93 the answer waits for the approval and is
    // Succeeded. Uses attempt.cancelRequestedAt, or now when it is not set.
    void cancel(const PaymentAttempt& attempt, Callback done) override;

private:
    QDateTime now() const;
    QDateTime dueAt(const PaymentAttempt& attempt) const;
    void finishLater(const PaymentAttempt& attempt);

    QString m_terminalId;
    Options m_options;
    // Attempts whose answer this instance will announce, with the time of a cancel seen meanwhile
    // (invalid: none), so that the timer does not announce an approval a cancel prevented. Only a
    // shortcut for the signal: status() never reads it.
    QHash<QString, QDateTime> m_scheduled;
};

} // namespace storedesk::server
