#include "refundsession.h"

#include "api/apiclient.h"
#include "base/logging.h"

namespace storedesk::flows {
namespace {

// No answer, or one that says nothing about whether money moved: the same key asks again.
bool outcomeIsUnknown(const api::ApiError& error)
{
    switch (error.code) {
    case api::ApiError::Code::Timeout:
    case api::ApiError::Code::ServerUnreachable:
    case api::ApiError::Code::InvalidResponse:
    case api::ApiError::Code::UpstreamUnavailable:
    case api::ApiError::Code::ServerError:
        return error.httpStatus != 402;
    default:
        return false;
    }
}

} // namespace

RefundSession::RefundSession(api::ApiClient* client, const QString& storeKey, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_storeKey(storeKey)
{
}

RefundSession::~RefundSession()
{
    dropJob();
}

bool RefundSession::isBusy() const
{
    return m_stage == Stage::LookingUp || m_stage == Stage::Refunding ||
           m_stage == Stage::Approving || m_stage == Stage::Checking;
}

bool RefundSession::isUnsettled() const
{
    return m_stage == Stage::Refunding || m_stage == Stage::Approving ||
           m_stage == Stage::Checking || m_stage == Stage::OutcomeUnknown;
}

void RefundSession::setStage(Stage stage, const QString& message, Notice notice)
{
    m_refusal.reset();
    m_stage = stage;
    m_message = message;
    m_notice = message.isEmpty() ? Notice::None : notice;
    emit changed();
}

void RefundSession::dropJob()
{
    if (m_job) {
        api::ApiJob* job = m_job;
        m_job = nullptr;
        job->disconnect(this);
        job->abort();
    }
}

void RefundSession::lookUp(const QString& text)
{
    if (isUnsettled() || m_stage == Stage::AwaitingApproval) {
        // A scan must not replace an order whose refund is under way, open or awaiting a manager.
        m_message = tr("Finish or cancel this refund before looking up another order.");
        m_notice = Notice::Warning;
        emit changed();
        return;
    }
    const QString number = text.trimmed();
    if (number.isEmpty()) {
        m_message = tr("Scan the receipt or type the order number.");
        m_notice = Notice::Warning;
        emit changed();
        return;
    }
    if (!m_client)
        return;
    dropJob();
    m_orderNumber = number;
    m_draft = RefundDraft();
    m_result.reset();
    m_demand.reset();
    m_approvalProblem.clear();
    auto* job = m_client->orderLookup(m_storeKey, number);
    m_job = job;
    connect(job, &api::ApiJob::finished, this, [this, job] {
        m_job = nullptr;
        const auto result = job->result();
        if (!result) {
            setStage(Stage::Empty,
                     result.error().code == api::ApiError::Code::Cancelled
                         ? tr("Cancelled.")
                         : result.error().toDisplayString(),
                     Notice::Error);
            return;
        }
        m_draft = RefundDraft(*result);
        qint64 refundable = 0;
        for (const api::RefundableLine& line : result->refundable)
            refundable += line.quantity;
        setStage(Stage::Editing,
                 refundable > 0 ? tr("Choose how many units to refund and a reason.")
                                : tr("Everything of this order has been refunded already."),
                 refundable > 0 ? Notice::Info : Notice::Warning);
        emit orderShown();
    });
    setStage(Stage::LookingUp, tr("Looking up order %1…").arg(number), Notice::Info);
    job->start();
}

bool RefundSession::setQuantity(const QString& lineId, qint64 quantity)
{
    if (!isEditable() || !m_draft.setQuantity(lineId, quantity))
        return false;
    emit changed();
    return true;
}

void RefundSession::setReason(const QString& code)
{
    if (!isEditable())
        return;
    m_draft.setReason(code);
    emit changed();
}

void RefundSession::refund()
{
    if (m_stage == Stage::Editing)
        submit(std::nullopt, Work::Refund);
    else if (m_stage == Stage::OutcomeUnknown)
        submit(std::nullopt, Work::Check);
}

void RefundSession::approve(const QString& username, const QString& secret)
{
    if (m_stage != Stage::AwaitingApproval)
        return;
    submit(api::RefundRequest::Approval{username, secret}, Work::Approval);
}

void RefundSession::cancelApproval()
{
    if (m_stage != Stage::AwaitingApproval)
        return;
    m_demand.reset();
    m_approvalProblem.clear();
    setStage(Stage::Editing, tr("Not refunded: no manager approved it."), Notice::Warning);
}

void RefundSession::cancel()
{
    // The job's finished signal moves the stage on (a refund is then checked).
    if (m_job)
        m_job->abort();
}

void RefundSession::submit(std::optional<api::RefundRequest::Approval> approval, Work work)
{
    if (!m_client)
        return;
    if (const QString problem = m_draft.problem(); !problem.isEmpty()) {
        m_message = problem;
        m_notice = Notice::Warning;
        emit changed();
        return;
    }
    api::RefundRequest request = m_draft.request();
    request.approval = std::move(approval);
    auto* job = m_client->refund(m_storeKey, request);
    if (request.approval)
        request.approval->secret.fill(QLatin1Char(' '));
    m_job = job;
    connect(job, &api::ApiJob::finished, this, [this, job, work] {
        m_job = nullptr;
        onRefundFinished(job->result(), job->approvalDemand(), work);
    });
    qCInfo(lcCoreFlows) << "refund of order" << request.orderId << "attempt"
                        << request.idempotencyKey << (request.approval ? "with an approval" : "");
    switch (work) {
    case Work::Refund:
        setStage(Stage::Refunding, tr("Refunding…"), Notice::Info);
        break;
    case Work::Approval:
        m_approvalProblem.clear();
        setStage(Stage::Approving, tr("Checking the approval…"), Notice::Info);
        break;
    case Work::Check:
        setStage(Stage::Checking,
                 tr("Checking whether the refund went through… A refund is never paid out twice."),
                 Notice::Warning);
        break;
    }
    job->start();
}

void RefundSession::onRefundFinished(const Expected<api::RefundResult, api::ApiError>& result,
                                     const std::optional<api::ApprovalDemand>& demand, Work work)
{
    if (result) {
        m_draft.finishAttempt();
        m_demand.reset();
        m_approvalProblem.clear();
        m_result = *result;
        setStage(Stage::Refunded, tr("The refund is done."), Notice::Success);
        emit refunded(*result, m_draft.lookup());
        return;
    }
    const api::ApiError& error = result.error();
    if (demand) {
        // Nothing moved: the server refused for want of a manager.
        m_demand = *demand;
        m_approvalProblem = demand->denied ? error.message : QString();
        setStage(Stage::AwaitingApproval, tr("Not refunded yet: waiting for a manager's approval."),
                 Notice::Warning);
        return;
    }
    m_demand.reset();
    m_approvalProblem.clear();
    if (error.code == api::ApiError::Code::Cancelled) {
        if (work != Work::Check) {
            // The request may have reached the server: the same refund again tells what happened
            // (the server answers it once, whatever the number of tries).
            submit(std::nullopt, Work::Check);
            return;
        }
        setStage(Stage::OutcomeUnknown,
                 tr("Stopped checking. Whether the refund went through is not known yet: press "
                    "Check outcome to ask again — it is never paid out twice."),
                 Notice::Warning);
        return;
    }
    if (outcomeIsUnknown(error)) {
        setStage(Stage::OutcomeUnknown,
                 tr("%1 Whether the refund went through is not known yet: press Check outcome to "
                    "ask again — it is never paid out twice.")
                     .arg(error.toDisplayString()),
                 Notice::Warning);
        return;
    }
    api::ApiError shown = error;
    if (api::isTillNotOpen(error)) {
        // Nothing moved: the till must be opened first. That refusal is the key's for good, so
        // the refund after opening is a new attempt.
        m_draft.finishAttempt();
        shown.message = api::ApiError::tillMessage(error);
    }
    // A clear refusal: nothing moved, and the choice can be changed.
    m_refusal = error;
    m_stage = Stage::Editing;
    m_message = shown.toDisplayString();
    m_notice = Notice::Error;
    emit changed();
}

} // namespace storedesk::flows
