#include "paymentflow.h"

#include "api/apiclient.h"
#include "base/logging.h"

#include <chrono>

namespace storedesk::flows {

using api::ApiError;
using api::PaymentView;

PaymentFlow::PaymentFlow(api::ApiClient* client, const PendingPayments* records,
                         PendingPayment attempt, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_records(records)
    , m_attempt(std::move(attempt))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &PaymentFlow::send);
    m_uncertainTimer.setSingleShot(true);
    connect(&m_uncertainTimer, &QTimer::timeout, this, [this] { setUncertain(true); });
}

PaymentFlow::~PaymentFlow()
{
    // The attempt goes on at the server; its record stays for whoever resumes it.
    dropJob(m_job);
    dropJob(m_cancelJob);
}

void PaymentFlow::setRetryDelays(int firstMs, int maxMs)
{
    m_firstRetryMs = firstMs;
    m_maxRetryMs = maxMs;
    m_nextRetryMs = firstMs;
}

bool PaymentFlow::isFinal() const
{
    return m_stage == Stage::Succeeded || m_stage == Stage::Failed || m_stage == Stage::Cancelled ||
           m_stage == Stage::Refused || m_stage == Stage::Unresolved || m_stage == Stage::Discarded;
}

void PaymentFlow::start()
{
    if (m_stage != Stage::Idle)
        return;
    QString problem;
    if (!m_records->save(m_attempt, &problem)) {
        // Without the record a lost answer could not be resolved after a crash: send nothing.
        end(Stage::Refused,
            tr("The payment was not started: StoreDesk cannot write to its data folder (%1).")
                .arg(problem));
        return;
    }
    qCInfo(lcCoreFlows).noquote() << "payment attempt" << m_attempt.idempotencyKey
                                  << m_attempt.request.tender << "for cart" << m_attempt.cartId
                                  << (m_attempt.paymentId.isEmpty() ? "starts" : "resumes");
    setStage(m_attempt.paymentId.isEmpty() ? Stage::Sending : Stage::Waiting);
    send();
}

void PaymentFlow::resume()
{
    if (m_stage != Stage::Idle)
        return;
    const QString server = m_client ? m_client->serverUrl().toString() : QString();
    if (!m_attempt.serverUrl.isEmpty() && m_attempt.serverUrl != server) {
        // Asking this server about another server's attempt would only ever answer 404.
        qCWarning(lcCoreFlows).noquote()
            << "payment attempt" << m_attempt.idempotencyKey << "was made with another server";
        becomeUnresolved(QStringLiteral("other_server"));
        return;
    }
    if (!m_attempt.paymentId.isEmpty()) {
        start();
        return;
    }
    qCInfo(lcCoreFlows).noquote() << "payment attempt" << m_attempt.idempotencyKey
                                  << "was never acknowledged; asking the server about its key";
    setStage(Stage::Checking);
    lookUp();
}

void PaymentFlow::takeNow()
{
    if (m_stage != Stage::NeedsDecision)
        return;
    // The same key: should the server have seen it after all, it answers with that attempt.
    qCInfo(lcCoreFlows).noquote() << "payment attempt" << m_attempt.idempotencyKey
                                  << "taken now by the colleague";
    setStage(Stage::Sending);
    send();
}

void PaymentFlow::discard()
{
    if (m_stage != Stage::NeedsDecision)
        return;
    qCInfo(lcCoreFlows).noquote() << "payment attempt" << m_attempt.idempotencyKey
                                  << "discarded by the colleague; the server never saw it";
    end(Stage::Discarded);
}

void PaymentFlow::lookUp()
{
    if (!m_client || isFinal())
        return;
    dropJob(m_job);
    auto* job = new api::PaymentAttemptJob(m_client, m_attempt.storeKey, m_attempt.workstationId,
                                           m_attempt.idempotencyKey);
    connect(job, &api::ApiJob::finished, this, [this, job] {
        const auto result = job->result();
        if (result) {
            setStage(Stage::Waiting);
            onAnswer(*result);
        } else {
            onLookupError(result.error());
        }
    });
    m_job = job;
    job->start();
}

void PaymentFlow::onLookupError(const ApiError& error)
{
    if (error.code == ApiError::Code::Cancelled || isFinal())
        return;
    if (error.code == ApiError::Code::NotFound) {
        // The server never saw the key here: nothing moved through it. (A server without the
        // lookup also answers 404; taking the payment with the same key is safe there too.)
        m_retry.stop();
        m_message.clear();
        setStage(Stage::NeedsDecision);
        return;
    }
    if (error.code == ApiError::Code::InvalidInput ||
        error.serverCode == QLatin1StringView("idempotency_key_reused") ||
        api::isTillNotOpen(error)) {
        // The key's first request was refused and its answer kept: nothing was created.
        refuse(error);
        return;
    }
    if (error.serverCode == QLatin1StringView("attempt_in_progress")) {
        m_retry.start(std::max(m_firstRetryMs, error.retryAfterSeconds * 1000));
        return;
    }
    retryLater(error.toDisplayString());
}

void PaymentFlow::becomeUnresolved(const QString& reason)
{
    m_retry.stop();
    dropJob(m_job);
    dropJob(m_cancelJob);
    m_attempt.unresolvedReason = reason;
    m_attempt.unresolvedAt = QDateTime::currentDateTimeUtc();
    // Kept (not removed) for a manager; the till goes on.
    m_records->save(m_attempt);
    setUncertain(false);
    m_stage = Stage::Unresolved;
    m_message = reason == QLatin1StringView("other_server")
                    ? tr("This payment was started with another server; StoreDesk cannot learn "
                         "its outcome. Check the payment terminal or the cash drawer.")
                    : tr("The server no longer knows this payment; its outcome is unknown. Check "
                         "the payment terminal or the cash drawer.");
    qCWarning(lcCoreFlows).noquote()
        << "payment attempt" << m_attempt.idempotencyKey << "is unresolved:" << reason;
    emit stageChanged(m_stage);
    emit finished();
}

void PaymentFlow::setUncertain(bool uncertain)
{
    if (!uncertain)
        m_uncertainTimer.stop();
    if (m_uncertain == uncertain)
        return;
    m_uncertain = uncertain;
    emit uncertaintyChanged(uncertain);
}

void PaymentFlow::cancel()
{
    if (isFinal() || m_cancelWanted)
        return;
    if (m_stage == Stage::NeedsDecision) {
        discard(); // nothing was sent: cancelling it is discarding it
        return;
    }
    m_cancelWanted = true;
    if (m_stage == Stage::Checking)
        return; // followed once the server has said whether it has the attempt
    setStage(Stage::Cancelling);
    sendCancel();
}

void PaymentFlow::send()
{
    if (!m_client || isFinal())
        return;
    if (m_stage == Stage::Checking) {
        lookUp();
        return;
    }
    dropJob(m_job);
    const bool first = m_attempt.paymentId.isEmpty();
    api::ApiJob* job = nullptr;
    if (first) {
        auto* start = new api::StartPaymentJob(m_client, m_attempt.storeKey, m_attempt.cartId,
                                               m_attempt.request, m_attempt.idempotencyKey);
        connect(start, &api::ApiJob::finished, this, [this, start] {
            if (start->error())
                m_openBalance = start->openBalance();
            const auto result = start->result();
            result ? onAnswer(*result) : onError(result.error(), true);
        });
        job = start;
    } else {
        auto* status = new api::PaymentStatusJob(m_client, m_attempt.paymentId, LongPollSeconds);
        status->setTimeout(std::chrono::seconds(LongPollSeconds + 15));
        connect(status, &api::ApiJob::finished, this, [this, status] {
            const auto result = status->result();
            result ? onAnswer(*result) : onError(result.error(), false);
        });
        job = status;
    }
    m_job = job;
    job->start();
}

void PaymentFlow::sendCancel()
{
    if (!m_client || m_cancelSent || m_attempt.paymentId.isEmpty() || isFinal())
        return; // without an id the cancel is sent once the server has named the payment
    m_cancelSent = true;
    auto* job = new api::CancelPaymentJob(m_client, m_attempt.paymentId);
    connect(job, &api::ApiJob::finished, this, [this, job] {
        const auto result = job->result();
        if (result) {
            onAnswer(*result);
        } else if (result.error().code != ApiError::Code::Cancelled) {
            // Asked again with the next status answer; the attempt itself is unaffected.
            m_cancelSent = false;
            qCInfo(lcCoreFlows).noquote() << "cancel not delivered:" << result.error().message;
        }
    });
    m_cancelJob = job;
    job->start();
}

void PaymentFlow::onAnswer(const PaymentView& view)
{
    if (isFinal())
        return;
    m_nextRetryMs = m_firstRetryMs;
    setUncertain(false);
    m_view = view;
    if (m_attempt.paymentId.isEmpty() && !view.id.isEmpty()) {
        m_attempt.paymentId = view.id;
        m_records->save(m_attempt); // on failure the key alone still finds the attempt
    }
    switch (view.state) {
    case PaymentView::State::Succeeded:
        end(Stage::Succeeded);
        return;
    case PaymentView::State::Failed:
        end(Stage::Failed, view.message);
        return;
    case PaymentView::State::Cancelled:
        end(Stage::Cancelled);
        return;
    case PaymentView::State::Pending:
        break;
    }
    setStage(m_cancelWanted ? Stage::Cancelling : Stage::Waiting);
    if (m_cancelWanted)
        sendCancel();
    // The job that answered is done; ask again (a long poll, so this does not spin).
    if (!m_job || m_job->isFinished())
        send();
}

void PaymentFlow::onError(const ApiError& error, bool firstRequest)
{
    if (error.code == ApiError::Code::Cancelled || isFinal())
        return;
    switch (error.code) {
    case ApiError::Code::InvalidInput:
    case ApiError::Code::Forbidden:
    case ApiError::Code::NotFound:
        if (firstRequest || error.code != ApiError::Code::NotFound) {
            // The server refused the attempt as a whole (and keeps that answer for the key).
            refuse(error);
            return;
        }
        // The server acknowledged this attempt once and no longer knows it: asking again would
        // never end, and paying again could charge twice.
        becomeUnresolved(QStringLiteral("unknown_to_server"));
        return;
    default:
        if (error.serverCode == QLatin1StringView("idempotency_key_reused") ||
            api::isTillNotOpen(error)) {
            // A definite refusal (kept for the key): nothing was created. Cash into a closed
            // till is one; the colleague opens the till and pays again with a new attempt.
            refuse(error);
            return;
        }
        if (error.serverCode == QLatin1StringView("attempt_in_progress")) {
            // The server has the attempt and is still setting it up: a clear answer, not a
            // refusal. Ask again when it says.
            setUncertain(false);
            m_retry.start(std::max(m_firstRetryMs, error.retryAfterSeconds * 1000));
            return;
        }
        break;
    }
    retryLater(error.toDisplayString());
}

void PaymentFlow::retryLater(const QString& why)
{
    qCInfo(lcCoreFlows).noquote() << "payment attempt" << m_attempt.idempotencyKey
                                  << "unclear, asking again in" << m_nextRetryMs << "ms:" << why;
    m_message = why;
    if (!m_uncertain && !m_uncertainTimer.isActive() && m_stage != Stage::Checking)
        m_uncertainTimer.start(m_uncertainAfterMs);
    if (m_stage != Stage::Checking)
        setStage(Stage::Reconnecting);
    m_retry.start(m_nextRetryMs);
    m_nextRetryMs = std::min(m_nextRetryMs * 2, m_maxRetryMs);
}

void PaymentFlow::setStage(Stage stage)
{
    if (stage != Stage::Reconnecting && !isFinal())
        m_message.clear();
    if (m_stage == stage)
        return;
    m_stage = stage;
    emit stageChanged(stage);
}

void PaymentFlow::end(Stage stage, const QString& message)
{
    m_retry.stop();
    setUncertain(false);
    dropJob(m_job);
    dropJob(m_cancelJob);
    if (stage != Stage::Refused || m_attempt.paymentId.isEmpty())
        m_records->remove(m_attempt.idempotencyKey);
    m_stage = stage;
    m_message = message;
    qCInfo(lcCoreFlows).noquote() << "payment attempt" << m_attempt.idempotencyKey << "ends"
                                  << int(stage);
    emit stageChanged(stage);
    emit finished();
}

void PaymentFlow::refuse(const ApiError& error)
{
    m_refusal = error;
    const QString till = ApiError::tillMessage(error);
    end(Stage::Refused, till.isEmpty() ? error.message : till);
}

void PaymentFlow::dropJob(QPointer<api::ApiJob>& job)
{
    if (job && !job->isFinished()) {
        job->disconnect(this);
        job->abort();
    }
    job = nullptr;
}

} // namespace storedesk::flows
