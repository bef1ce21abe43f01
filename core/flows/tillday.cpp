#include "tillday.h"

#include "api/apiclient.h"
#include "base/logging.h"

#include <QUuid>

namespace storedesk::flows {
namespace {

QByteArray newKey()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

void forget(std::optional<api::TillApproval>& approval)
{
    if (approval) {
        approval->secret.fill(QLatin1Char(' '));
        approval->secret.clear();
        approval.reset();
    }
}

} // namespace

TillDay::TillDay(api::ApiClient* client, const QString& storeKey, const QString& workstationId,
                 QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_storeKey(storeKey)
    , m_workstationId(workstationId)
{
}

TillDay::~TillDay()
{
    dropJob();
}

void TillDay::setWorkstation(const QString& storeKey, const QString& workstationId)
{
    const bool wasBusy = isBusy();
    const bool changing = m_busyWith == Operation::Open || m_busyWith == Operation::Movement ||
                          m_busyWith == Operation::Close;
    const bool sameDrawer = storeKey == m_storeKey && workstationId == m_workstationId;
    dropJob();
    m_storeKey = storeKey;
    m_workstationId = workstationId;
    m_status.reset();
    m_report.reset();
    if (sameDrawer && (m_outcomeUnknown || changing)) {
        // The same drawer under another colleague: an attempt that may have happened stays to be
        // asked about with its key (a movement recorded twice would not add up at the close).
        m_outcomeUnknown = true;
        m_demand.reset();
    } else {
        endAttempt();
    }
    if (wasBusy)
        emit busyChanged(false);
    emit statusChanged();
}

std::optional<api::TillSession> TillDay::session() const
{
    if (m_status && m_status->isOpen())
        return m_status->session;
    return std::nullopt;
}

void TillDay::dropJob()
{
    if (m_job) {
        api::ApiJob* job = m_job;
        m_job = nullptr;
        m_busyWith = Operation::None;
        job->disconnect(this);
        job->abort();
    }
}

void TillDay::startJob(api::ApiJob* job, Operation operation)
{
    m_job = job;
    m_busyWith = operation;
    emit busyChanged(true);
    job->start();
}

void TillDay::finishJob()
{
    m_job = nullptr;
    m_busyWith = Operation::None;
    emit busyChanged(false);
}

bool TillDay::refuseWhileBusy(Operation operation)
{
    if (!m_client) {
        emit failed(operation, api::ApiError::make(api::ApiError::Code::ServerUnreachable, {},
                                                   tr("StoreDesk is not connected to a server.")));
        return true;
    }
    if (isBusy()) {
        emit failed(operation, api::ApiError::make(
                                   api::ApiError::Code::Conflict, {},
                                   tr("The till is still waiting for the server. Try again when "
                                      "it has answered.")));
        return true;
    }
    return false;
}

bool TillDay::refuseWhileUnknown(Operation operation, bool sameRequest)
{
    if (!m_outcomeUnknown || (m_pending == operation && sameRequest))
        return false;
    // Whatever the till does next depends on whether that happened: settle it first (retry()).
    emit failed(operation,
                api::ApiError::make(api::ApiError::Code::Conflict, {},
                                    tr("Whether the till's last request went through is not known "
                                       "yet. Ask the server again first.")));
    return true;
}

void TillDay::setStatus(const api::TillStatus& status)
{
    m_status = status;
    emit statusChanged();
}

void TillDay::endAttempt()
{
    m_pending = Operation::None;
    m_outcomeUnknown = false;
    m_demand.reset();
    m_attempt = Attempt();
}

void TillDay::refresh()
{
    if (!m_client || isBusy())
        return; // the answer in flight (or the one after it) brings the status
    auto* job = new api::TillStatusJob(m_client, m_storeKey, m_workstationId);
    connect(job, &api::ApiJob::finished, this, [this, job] {
        finishJob();
        const auto result = job->result();
        if (result)
            setStatus(*result);
        else
            emit failed(Operation::Refresh, result.error());
    });
    startJob(job, Operation::Refresh);
}

void TillDay::open(const TillCount& floatCount)
{
    if (refuseWhileBusy(Operation::Open))
        return;
    if (const Expected<Money> total = floatCount.total(); !total) {
        emit failed(Operation::Open, api::ApiError::make(api::ApiError::Code::InvalidInput, {},
                                                         total.error().message));
        return;
    }
    const bool same = m_pending == Operation::Open && m_attempt.count == floatCount;
    if (refuseWhileUnknown(Operation::Open, same))
        return;
    if (!same) {
        endAttempt();
        m_pending = Operation::Open;
        m_attempt.key = newKey();
        m_attempt.count = floatCount;
    }
    sendOpen();
}

void TillDay::sendOpen()
{
    auto* job =
        new api::OpenTillJob(m_client, m_storeKey, m_workstationId, m_attempt.count, m_attempt.key);
    connect(job, &api::ApiJob::finished, this, [this, job] {
        finishJob();
        const auto result = job->result();
        if (!result) {
            onAttemptError(Operation::Open, result.error(), std::nullopt);
            return;
        }
        endAttempt();
        if (m_status) {
            m_status->session = *result;
            emit statusChanged();
        }
        emit opened(*result);
        if (!m_status)
            refresh();
    });
    qCInfo(lcCoreFlows) << "till open, attempt" << m_attempt.key;
    startJob(job, Operation::Open);
}

void TillDay::record(const api::TillMovementRequest& request)
{
    std::optional<api::TillApproval> approval = request.approval;
    if (refuseWhileBusy(Operation::Movement)) {
        forget(approval);
        return;
    }
    const bool needsAmount = request.kind != api::TillMovementRequest::Kind::NoSale;
    if (needsAmount &&
        (!request.amount || !request.amount->isValid() || request.amount->minorUnits() <= 0)) {
        forget(approval);
        emit failed(Operation::Movement,
                    api::ApiError::make(api::ApiError::Code::InvalidInput, {},
                                        tr("Enter an amount greater than zero.")));
        return;
    }
    if (request.kind == api::TillMovementRequest::Kind::SafeDrop && request.bagNumber.isEmpty()) {
        forget(approval);
        emit failed(Operation::Movement,
                    api::ApiError::make(api::ApiError::Code::InvalidInput, {},
                                        tr("Enter the number of the safe bag.")));
        return;
    }
    api::TillMovementRequest movement = request;
    movement.approval.reset();
    if (!needsAmount)
        movement.amount.reset();
    const bool same = m_pending == Operation::Movement && m_attempt.movement &&
                      m_attempt.movement->isSameMovement(movement);
    if (refuseWhileUnknown(Operation::Movement, same)) {
        forget(approval);
        return;
    }
    if (!same) {
        endAttempt();
        m_pending = Operation::Movement;
        m_attempt.key = newKey();
    }
    // The note may change on the same movement; it is not part of its identity.
    m_attempt.movement = movement;
    sendMovement(std::move(approval));
}

void TillDay::approveMovement(const QString& username, const QString& secret)
{
    if (m_pending != Operation::Movement || !m_demand || isBusy())
        return;
    sendMovement(api::TillApproval{username, secret});
}

void TillDay::sendMovement(std::optional<api::TillApproval> approval)
{
    api::TillMovementRequest request = *m_attempt.movement;
    request.approval = approval;
    auto* job =
        new api::TillMovementJob(m_client, m_storeKey, m_workstationId, request, m_attempt.key);
    // The job has its own copy of the body; ours is not kept.
    forget(request.approval);
    forget(approval);
    connect(job, &api::ApiJob::finished, this, [this, job] {
        finishJob();
        const auto result = job->result();
        if (!result) {
            onAttemptError(Operation::Movement, result.error(), job->approvalNeeded());
            return;
        }
        endAttempt();
        emit recorded(*result);
    });
    qCInfo(lcCoreFlows).noquote() << "till movement" << api::TillMovement::kindName(request.kind)
                                  << "attempt" << m_attempt.key;
    startJob(job, Operation::Movement);
}

void TillDay::requestXReport()
{
    // Reading changes nothing: allowed while another attempt's outcome is open.
    if (refuseWhileBusy(Operation::XReport))
        return;
    auto* job = new api::XReportJob(m_client, m_storeKey, m_workstationId);
    connect(job, &api::ApiJob::finished, this, [this, job] {
        finishJob();
        const auto result = job->result();
        if (!result) {
            emit failed(Operation::XReport, result.error());
            if (api::isTillNotOpen(result.error()))
                refresh();
            return;
        }
        m_report = *result;
        emit xReportReady(*result);
    });
    startJob(job, Operation::XReport);
}

void TillDay::submitCount(const TillCount& count)
{
    if (refuseWhileBusy(Operation::Close))
        return;
    if (const Expected<Money> total = count.total(); !total) {
        emit failed(Operation::Close, api::ApiError::make(api::ApiError::Code::InvalidInput, {},
                                                          total.error().message));
        return;
    }
    const bool same = m_pending == Operation::Close && m_attempt.count == count;
    if (refuseWhileUnknown(Operation::Close, same))
        return;
    if (!same) {
        // A recount is another close: whatever the server said about the last one, nothing
        // happened with it.
        endAttempt();
        m_pending = Operation::Close;
        m_attempt.key = newKey();
        m_attempt.count = count;
    }
    sendClose(std::nullopt);
}

void TillDay::approveClose(const QString& reason, const QString& username, const QString& secret)
{
    if (m_pending != Operation::Close || !m_demand || isBusy())
        return;
    const QString why = reason.trimmed();
    if (why.isEmpty() || why.size() > MaxReasonLength) {
        // Checked here: the server would refuse the approval round, and the close would have to
        // be counted again.
        emit failed(Operation::Close,
                    api::ApiError::make(api::ApiError::Code::InvalidInput, {},
                                        tr("Give a reason for the difference (at most %n "
                                           "character(s)).",
                                           nullptr, MaxReasonLength)));
        return;
    }
    m_attempt.reason = why;
    sendClose(api::TillApproval{username, secret});
}

void TillDay::sendClose(std::optional<api::TillApproval> approval)
{
    auto* job = new api::CloseTillJob(m_client, m_storeKey, m_workstationId, m_attempt.count,
                                      m_attempt.reason, approval, m_attempt.key);
    forget(approval);
    connect(job, &api::ApiJob::finished, this, [this, job] {
        finishJob();
        const auto result = job->result();
        if (!result) {
            onAttemptError(Operation::Close, result.error(), job->approvalNeeded());
            return;
        }
        endAttempt();
        m_report = *result;
        if (m_status) {
            m_status->session.reset();
            emit statusChanged();
        }
        emit closed(*result);
    });
    qCInfo(lcCoreFlows) << "till close, attempt" << m_attempt.key;
    startJob(job, Operation::Close);
}

void TillDay::onAttemptError(Operation operation, const api::ApiError& error,
                             const std::optional<api::TillApprovalDemand>& demand)
{
    if (demand) {
        // Nothing happened; the same request with an approval (same key) goes on.
        m_outcomeUnknown = false;
        m_demand = demand;
        emit approvalNeeded(operation, *demand);
        return;
    }
    if (api::isOutcomeUnknown(error)) {
        m_outcomeUnknown = true;
        m_demand.reset();
        qCWarning(lcCoreFlows).noquote()
            << "till attempt" << m_attempt.key << "outcome unknown:" << error.message;
        emit outcomeUnknown(operation, error);
        return;
    }
    // A definite refusal: nothing happened, and the next request is a new attempt.
    endAttempt();
    emit failed(operation, error);
    if (api::isTillNotOpen(error) || api::isTillAlreadyOpen(error))
        refresh(); // the till changed elsewhere (another session, a manager)
}

void TillDay::retry()
{
    if (!m_outcomeUnknown || !m_client || isBusy())
        return;
    switch (m_pending) {
    case Operation::Open:
        sendOpen();
        break;
    case Operation::Movement:
        sendMovement(std::nullopt);
        break;
    case Operation::Close:
        sendClose(std::nullopt);
        break;
    default:
        break;
    }
}

void TillDay::abandon()
{
    if (m_pending == Operation::None || m_outcomeUnknown || isBusy())
        return;
    endAttempt();
}

} // namespace storedesk::flows
