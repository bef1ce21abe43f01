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
           m_stage == Stage::Refused;
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

void PaymentFlow::cancel()
{
    if (isFinal() || m_cancelWanted)
        return;
    m_cancelWanted = true;
    setStage(Stage::Cancelling);
    sendCancel();
}

void PaymentFlow::send()
{
    if (!m_client || isFinal())
        return;
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
            end(Stage::Refused, error.message);
            return;
        }
        break;
    default:
        if (error.serverCode == QLatin1StringView("idempotency_key_reused")) {
            end(Stage::Refused, error.message);
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

void PaymentFlow::dropJob(QPointer<api::ApiJob>& job)
{
    if (job && !job->isFinished()) {
        job->disconnect(this);
        job->abort();
    }
    job = nullptr;
}

} // namespace storedesk::flows
