#pragma once

#include "pendingpayments.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace storedesk::api {
class ApiClient;
}

namespace storedesk::flows {

// The attempts of one workstation whose outcome cannot be known (PaymentFlow::Stage::Unresolved):
// listed for a manager until marked as checked, and reported to the server's audit trail. The
// report is retried quietly until the server has it; nothing here ever holds the till.
class UnresolvedPayments : public QObject {
    Q_OBJECT

public:
    static constexpr int RetryMs = 30000;

    UnresolvedPayments(api::ApiClient* client, const PendingPayments* records,
                       QObject* parent = nullptr);

    void setPlace(const QString& storeKey, const QString& workstationId);
    // Oldest first.
    QList<PendingPayment> list() const;
    // Sends every entry the server does not have yet; on failure tries again after RetryMs.
    void report();
    // A colleague checked the terminal or the drawer: recorded at the server, then removed here.
    // checkFailed() when the server could not record it (the entry stays).
    void markChecked(const QByteArray& idempotencyKey);
    void setRetryMs(int ms) { m_retry.setInterval(ms); }

signals:
    void changed();
    void checkFailed(const QString& message);

private:
    QPointer<api::ApiClient> m_client;
    const PendingPayments* m_records;
    QString m_storeKey;
    QString m_workstationId;
    QTimer m_retry;
    QList<QByteArray> m_sending;
};

} // namespace storedesk::flows
