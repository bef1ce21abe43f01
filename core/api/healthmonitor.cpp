#include "healthmonitor.h"

#include "apiclient.h"
#include "base/logging.h"
#include "healthjob.h"

namespace storedesk::api {

HealthMonitor::HealthMonitor(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::checkNow);
    // Any request that fails to reach the server says so sooner than the next poll.
    connect(client, &ApiClient::serverAnswered, this, [this](bool reachable) {
        // Our own poll reports through its job; counting it here too would double the backoff.
        if (!reachable && !m_checking && m_state != State::Offline) {
            setState(State::Offline);
            schedule(false);
        }
    });
}

void HealthMonitor::setIntervals(std::chrono::milliseconds healthy,
                                 std::chrono::milliseconds initialRetry,
                                 std::chrono::milliseconds maxInterval)
{
    m_healthy = healthy;
    m_initialRetry = initialRetry;
    m_max = maxInterval;
}

void HealthMonitor::start()
{
    checkNow();
}

void HealthMonitor::stop()
{
    m_timer.stop();
}

void HealthMonitor::checkNow()
{
    if (m_checking || !m_client)
        return;
    m_checking = true;
    m_timer.stop();
    HealthJob* job = m_client->health();
    job->setTimeout(std::min(m_client->defaultTimeout(), std::chrono::milliseconds(10000)));
    connect(job, &ApiJob::finished, this, [this, job] {
        m_checking = false;
        const auto result = job->result();
        if (!result) {
            setState(State::Offline);
            schedule(false);
            return;
        }
        setState(result->commercetoolsReachable ? State::Online : State::CommerceUnavailable);
        schedule(result->commercetoolsReachable);
    });
    job->start();
}

void HealthMonitor::schedule(bool healthy)
{
    if (healthy) {
        m_failures = 0;
        m_nextInterval = m_healthy;
    } else {
        // 2 s, 4 s, 8 s … up to the maximum: quick to notice a return, gentle on a server that
        // is struggling.
        m_nextInterval = m_initialRetry * (qint64(1) << std::min(m_failures, 16));
        m_nextInterval = std::min(m_nextInterval, m_max);
        ++m_failures;
    }
    m_timer.start(m_nextInterval);
}

void HealthMonitor::setState(State state)
{
    if (state == m_state)
        return;
    qCInfo(lcCoreApi) << "server reachability:" << state;
    m_state = state;
    emit stateChanged(state);
}

} // namespace storedesk::api
