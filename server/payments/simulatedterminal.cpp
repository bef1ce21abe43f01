#include "simulatedterminal.h"

#include <QTimer>

#include <cstdlib>

namespace storedesk::server {

using State = ProviderStatus::State;

SimulatedTerminal::SimulatedTerminal(QString terminalId, Options options, QObject* parent)
    : PaymentProvider(parent)
    , m_terminalId(std::move(terminalId))
    , m_options(std::move(options))
{
}

SimulatedTerminal::Behaviour SimulatedTerminal::behaviourFor(const Money& amount)
{
    // The cent amount, so that a high-precision amount picks the row its receipt shows.
    const qint64 units = amount.isValid() ? amount.toCentPrecision().minorUnits() : 0;
    switch (std::llabs(units % 100)) {
    case 91:
        return Behaviour::Decline;
    case 92:
        return Behaviour::NeverAnswer;
    case 93:
        return Behaviour::ApproveDespiteCancel;
    case 94:
        return Behaviour::Unreachable;
    default:
        return Behaviour::Approve;
    }
}

QDateTime SimulatedTerminal::now() const
{
    return m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc();
}

QDateTime SimulatedTerminal::dueAt(const PaymentAttempt& attempt) const
{
    return attempt.startedAt.addMSecs(m_options.delay.count());
}

ProviderStatus SimulatedTerminal::statusAt(const PaymentAttempt& attempt,
                                           const QDateTime& now) const
{
    // Derived from the attempt alone, so a restarted server asks about the same transaction.
    const QString reference = m_terminalId + QLatin1Char(':') + attempt.paymentKey;
    const QDateTime due = dueAt(attempt);
    const bool answered = now >= due;
    const QDateTime cancelAt = attempt.cancelRequestedAt;
    const bool cancelled = cancelAt.isValid() && cancelAt <= now;
    const bool cancelWon = cancelled && cancelAt < due;

    switch (behaviourFor(attempt.amount)) {
    case Behaviour::Unreachable:
        return ProviderStatus::make(State::Failed, reference,
                                    QStringLiteral("Payment terminal unreachable."));
    case Behaviour::NeverAnswer:
        return ProviderStatus::make(cancelled ? State::Cancelled : State::Pending, reference);
    case Behaviour::ApproveDespiteCancel:
        return ProviderStatus::make(answered ? State::Succeeded : State::Pending, reference);
    case Behaviour::Decline:
        if (cancelWon)
            return ProviderStatus::make(State::Cancelled, reference);
        return answered ? ProviderStatus::make(State::Failed, reference,
                                               QStringLiteral("Card declined by issuer."))
                        : ProviderStatus::make(State::Pending, reference);
    case Behaviour::Approve:
        if (cancelWon)
            return ProviderStatus::make(State::Cancelled, reference);
        return ProviderStatus::make(answered ? State::Succeeded : State::Pending, reference);
    }
    return ProviderStatus::make(State::Pending, reference);
}

void SimulatedTerminal::start(const PaymentAttempt& attempt, Callback done)
{
    const ProviderStatus first = statusAt(attempt, now());
    done(first);
    if (!first.isFinal() && behaviourFor(attempt.amount) != Behaviour::NeverAnswer)
        finishLater(attempt);
}

void SimulatedTerminal::finishLater(const PaymentAttempt& attempt)
{
    m_scheduled.insert(attempt.paymentKey, attempt.cancelRequestedAt);
    // A coarse timer may fire a little early, before the attempt is due: precise, and once more
    // if it still comes too soon.
    const qint64 wait = std::max<qint64>(0, now().msecsTo(dueAt(attempt))) + 1;
    QTimer::singleShot(wait, Qt::PreciseTimer, this, [this, attempt] {
        PaymentAttempt current = attempt;
        current.cancelRequestedAt = m_scheduled.take(attempt.paymentKey);
        const bool cancelSeen = current.cancelRequestedAt.isValid();
        const ProviderStatus final = statusAt(current, now());
        if (!final.isFinal() && now() < dueAt(current)) {
            PaymentAttempt again = attempt;
            again.cancelRequestedAt = current.cancelRequestedAt;
            finishLater(again);
            return;
        }
        // A cancel that won has already answered Cancelled; nothing new to announce.
        if (final.isFinal() && !(cancelSeen && final.state == State::Cancelled))
            Q_EMIT outcome(attempt.paymentKey, final);
    });
}

void SimulatedTerminal::status(const PaymentAttempt& attempt, Callback done)
{
    done(statusAt(attempt, now()));
}

void SimulatedTerminal::cancel(const PaymentAttempt& attempt, Callback done)
{
    PaymentAttempt cancelled = attempt;
    if (!cancelled.cancelRequestedAt.isValid())
        cancelled.cancelRequestedAt = now();
    const auto scheduled = m_scheduled.find(attempt.paymentKey);
    if (scheduled != m_scheduled.end())
        *scheduled = cancelled.cancelRequestedAt;
    const ProviderStatus answer = statusAt(cancelled, now());
    if (answer.isFinal()) {
        done(answer);
        return;
    }
    // Only 93 is still pending after a cancel: the terminal answers once it has approved.
    const qint64 wait = std::max<qint64>(0, now().msecsTo(dueAt(attempt))) + 1;
    QTimer::singleShot(wait, Qt::PreciseTimer, this, [this, cancelled, done = std::move(done)] {
        done(statusAt(cancelled, now()));
    });
}

} // namespace storedesk::server
