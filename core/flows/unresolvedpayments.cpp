#include "unresolvedpayments.h"

#include "api/apiclient.h"
#include "base/logging.h"

namespace storedesk::flows {

UnresolvedPayments::UnresolvedPayments(api::ApiClient* client, const PendingPayments* records,
                                       QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_records(records)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(RetryMs);
    connect(&m_retry, &QTimer::timeout, this, &UnresolvedPayments::report);
}

void UnresolvedPayments::setPlace(const QString& storeKey, const QString& workstationId)
{
    m_storeKey = storeKey;
    m_workstationId = workstationId;
    m_sending.clear();
}

QList<PendingPayment> UnresolvedPayments::list() const
{
    if (m_storeKey.isEmpty())
        return {};
    return m_records->unresolvedAt(m_storeKey, m_workstationId);
}

void UnresolvedPayments::report()
{
    if (!m_client || !m_client->hasAccessToken())
        return; // reported with the next session
    const QString storeKey = m_storeKey;
    const QString workstationId = m_workstationId;
    for (const PendingPayment& entry : list()) {
        if (entry.reported || m_sending.contains(entry.idempotencyKey))
            continue;
        api::UnresolvedPaymentReport report;
        report.idempotencyKey = entry.idempotencyKey;
        report.cartId = entry.cartId;
        report.paymentId = entry.paymentId;
        report.tender = entry.request.tender;
        report.amount = entry.request.amount;
        report.startedAt = entry.startedAt;
        report.reason = entry.unresolvedReason;
        auto* job = new api::ReportUnresolvedPaymentJob(m_client, storeKey, workstationId, report);
        m_sending.append(entry.idempotencyKey);
        const QByteArray key = entry.idempotencyKey;
        connect(job, &api::ApiJob::finished, this, [this, job, key, storeKey, workstationId] {
            m_sending.removeAll(key);
            if (job->error()) {
                qCInfo(lcCoreFlows).noquote()
                    << "unresolved payment" << key << "not reported yet:" << job->error()->message;
                m_retry.start();
                return;
            }
            for (PendingPayment stored : m_records->unresolvedAt(storeKey, workstationId)) {
                if (stored.idempotencyKey == key) {
                    stored.reported = true;
                    m_records->save(stored);
                }
            }
            emit changed();
        });
        job->start();
    }
}

void UnresolvedPayments::markChecked(const QByteArray& idempotencyKey)
{
    if (!m_client)
        return;
    auto* job =
        new api::CheckedUnresolvedPaymentJob(m_client, m_storeKey, m_workstationId, idempotencyKey);
    connect(job, &api::ApiJob::finished, this, [this, job, idempotencyKey] {
        if (job->error()) {
            emit checkFailed(job->error()->toDisplayString());
            return;
        }
        qCInfo(lcCoreFlows).noquote() << "unresolved payment" << idempotencyKey << "checked";
        m_records->remove(idempotencyKey);
        emit changed();
    });
    job->start();
}

} // namespace storedesk::flows
