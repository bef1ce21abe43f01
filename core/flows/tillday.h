#pragma once

#include "api/tilljobs.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace storedesk::api {
class ApiClient;
class ApiJob;
} // namespace storedesk::api

namespace storedesk::flows {

// The till of the logged-in workstation through the day (docs/TILL.md): its last known status,
// opening with a float, movements, the X report and the blind close. Widgets present it and hand
// it the colleague's actions; they hold no state of their own.
//
// Every request that changes something is one attempt with its own Idempotency-Key. The key is
// kept while the attempt's outcome is open — no answer, an answer that says nothing, or a
// manager's approval still to come — and the same request asked again (retry(), the approval
// round, or the same open/movement/count handed in again) carries it, so the server does it once.
// A different request (another count, another amount) or a definite answer ends the attempt; the
// next one gets a new key. An outcome that cannot be known is reported as unknown, never guessed.
//
// The close is blind: nothing here tells the expected cash before submitCount(); only a 403 for a
// manager's approval (after the count) names it, with the counted amount and the difference.
class TillDay : public QObject {
    Q_OBJECT

public:
    enum class Operation { None, Refresh, Open, Movement, XReport, Close };
    Q_ENUM(Operation)

    // A close's reason for the difference: 1 … 200 characters (docs/TILL.md).
    static constexpr qsizetype MaxReasonLength = 200;

    TillDay(api::ApiClient* client, const QString& storeKey, const QString& workstationId,
            QObject* parent = nullptr);
    ~TillDay() override;

    // After a log-in: forgets the status, the report and any attempt — except, at the same store
    // and workstation, an attempt whose outcome is unknown (or whose request was in flight),
    // which retry() still settles with its key. Call refresh() next.
    void setWorkstation(const QString& storeKey, const QString& workstationId);
    QString storeKey() const { return m_storeKey; }
    QString workstationId() const { return m_workstationId; }

    // The last status the server gave (none before the first refresh() answered).
    const std::optional<api::TillStatus>& status() const { return m_status; }
    bool isKnown() const { return m_status.has_value(); }
    bool isOpen() const { return m_status && m_status->isOpen(); }
    bool hasDrawer() const { return m_status && m_status->hasDrawer; }
    // The open session, if any.
    std::optional<api::TillSession> session() const;

    // A request is with the server: further actions are refused until it answers.
    bool isBusy() const { return m_job != nullptr; }
    Operation busyWith() const { return m_busyWith; }

    // The attempt whose outcome is open (unknown, or waiting for a manager): None when there is
    // none. retry() asks again with its key; abandon() drops it.
    Operation pendingOperation() const { return m_pending; }
    bool isOutcomeUnknown() const { return m_outcomeUnknown; }
    // Set while a movement or the close waits for a manager (after approvalNeeded()).
    const std::optional<api::TillApprovalDemand>& approvalDemand() const { return m_demand; }

    // The last report this flow received (an X report, or the Z report of the close).
    const std::optional<api::TillReport>& lastReport() const { return m_report; }

public slots:
    void refresh();
    // Opens the till with the counted float.
    void open(const TillCount& floatCount);
    // A pay-in, pay-out, safe drop or no sale. The same movement asked again while its outcome is
    // open (e.g. with an approval) keeps its key.
    void record(const api::TillMovementRequest& request);
    // A manager's approval for the movement waiting for one (same key). The secret is sent once.
    void approveMovement(const QString& username, const QString& secret);
    void requestXReport();
    // The blind close: the drawer as counted. Either closed() with the Z report follows, or
    // approvalNeeded() with expected/counted/over-short.
    void submitCount(const TillCount& count);
    // The close waiting for a manager: the difference's reason and the approval (same key). A
    // missing or too long reason is refused here (failed()) and the close keeps waiting.
    void approveClose(const QString& reason, const QString& username, const QString& secret);
    // Asks again about the attempt whose outcome is unknown, with the same key.
    void retry();
    // Gives up on the attempt waiting for a manager (nothing happened). An attempt whose outcome
    // is unknown cannot be dropped this way: only retry() settles it.
    void abandon();

signals:
    // status() changed (refresh, open, close, expected float).
    void statusChanged();
    // isBusy() changed.
    void busyChanged(bool busy);
    void opened(const storedesk::api::TillSession& session);
    void recorded(const storedesk::api::TillMovement& movement);
    void xReportReady(const storedesk::api::TillReport& report);
    // The till is closed; the Z report as the server wrote it.
    void closed(const storedesk::api::TillReport& zReport);
    // A movement or the close needs a manager (or the approval sent was refused): nothing
    // happened; approveMovement()/approveClose() go on with the same key.
    void approvalNeeded(storedesk::flows::TillDay::Operation operation,
                        const storedesk::api::TillApprovalDemand& demand);
    // No answer that says what happened: retry() asks again with the same key.
    void outcomeUnknown(storedesk::flows::TillDay::Operation operation,
                        const storedesk::api::ApiError& error);
    // A definite refusal or failure: nothing happened (a new request gets a new key).
    void failed(storedesk::flows::TillDay::Operation operation,
                const storedesk::api::ApiError& error);

private:
    struct Attempt {
        QByteArray key;
        TillCount count;                                  // open, close
        std::optional<api::TillMovementRequest> movement; // without approval
        QString reason;                                   // close
    };

    void startJob(api::ApiJob* job, Operation operation);
    void finishJob();
    void setStatus(const api::TillStatus& status);
    void sendOpen();
    void sendMovement(std::optional<api::TillApproval> approval);
    void sendClose(std::optional<api::TillApproval> approval);
    // An error of an attempt that changes something: approval, unknown outcome or refusal.
    void onAttemptError(Operation operation, const api::ApiError& error,
                        const std::optional<api::TillApprovalDemand>& demand);
    void endAttempt();
    void dropJob();
    bool refuseWhileBusy(Operation operation);
    // Another request while an attempt's outcome is unknown is refused until retry() settles it.
    bool refuseWhileUnknown(Operation operation, bool sameRequest);

    QPointer<api::ApiClient> m_client;
    QString m_storeKey;
    QString m_workstationId;
    std::optional<api::TillStatus> m_status;
    std::optional<api::TillReport> m_report;
    std::optional<api::TillApprovalDemand> m_demand;
    Operation m_pending = Operation::None;
    Attempt m_attempt;
    bool m_outcomeUnknown = false;
    Operation m_busyWith = Operation::None;
    QPointer<api::ApiJob> m_job;
};

} // namespace storedesk::flows
