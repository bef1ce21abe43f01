#pragma once

#include "api/paymentjobs.h"
#include "pendingpayments.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace storedesk::api {
class ApiClient;
}

namespace storedesk::flows {

// One payment attempt from the first request to a final state. The attempt's Idempotency-Key is
// made and written down (PendingPayments) before anything is sent and is used for every try, so
// a timeout, a lost answer or a restart of the app is resolved by asking for the status of that
// same attempt: never by paying again. The record is removed once the attempt is final.
class PaymentFlow : public QObject {
    Q_OBJECT

public:
    enum class Stage {
        Idle,         // not started
        Sending,      // the first request is on its way
        Waiting,      // the server has it; long-polling for the outcome (a terminal)
        Cancelling,   // asked the server to abort; waiting for the real outcome
        Reconnecting, // the last request got no clear answer; asking again soon
        Succeeded,
        Failed,    // declined or failed: no money taken
        Cancelled, // aborted: no money taken
        Refused,   // the server refused the request (amount, cart, tender): nothing was created
        // A resumed attempt the server never acknowledged: asking the server whether it has the
        // key.
        Checking,
        // The server never saw the resumed attempt: nothing moved; the colleague decides.
        NeedsDecision,
        // Final: the outcome cannot be learnt any more (the server does not know the attempt it
        // acknowledged, or the attempt belongs to another server). Kept for a manager.
        Unresolved,
        Discarded, // final: the colleague discarded an attempt the server never saw
    };

    // How long a status request may wait on the server, and how long to back off after an
    // unclear answer (doubling up to the maximum).
    static constexpr int LongPollSeconds = 25;
    static constexpr int FirstRetryMs = 1000;
    static constexpr int MaxRetryMs = 10000;
    // After this long without a clear answer the customer may have been charged without the app
    // knowing (a terminal gives up well within it; the server's own status check runs after 60 s).
    static constexpr int UncertainAfterMs = 60000;

    PaymentFlow(api::ApiClient* client, const PendingPayments* records, PendingPayment attempt,
                QObject* parent = nullptr);
    ~PaymentFlow() override;

    // Sends the attempt, or (when it has a payment id from an earlier run) asks for its status.
    // Calling it again does nothing.
    void start();
    // Goes on with an attempt recorded by an earlier run: one that has a payment id is followed
    // as in start(); one without is first looked up by its key (Checking), never re-sent blindly.
    void resume();
    // NeedsDecision only: the colleague takes the payment now (sent with the same key) ...
    void takeNow();
    // ... or discards it (nothing moved through the server); the record is removed.
    void discard();
    // Asks the terminal to abort. The outcome follows as usual and may still be Succeeded.
    void cancel();

    Stage stage() const { return m_stage; }
    bool isFinal() const;
    bool isCancelRequested() const { return m_cancelWanted; }
    const PendingPayment& attempt() const { return m_attempt; }
    // The server's last view of the attempt, once there is one.
    const std::optional<api::PaymentView>& view() const { return m_view; }
    // Why the attempt was refused, failed, or why the app is reconnecting (translated).
    QString message() const { return m_message; }
    // The server's refusal when the stage is Refused by an answer (none for a refusal made here).
    const std::optional<api::ApiError>& refusal() const { return m_refusal; }
    // Refused because cash needs an open till (409 till_not_open): nothing was created; opening
    // the till and paying again (a new attempt, a new key) works.
    bool isRefusedForClosedTill() const { return m_refusal && api::isTillNotOpen(*m_refusal); }
    // Set after a refusal that named the open balance.
    const std::optional<Money>& openBalance() const { return m_openBalance; }
    // True while there has been no clear answer for UncertainAfterMs: the customer may have been
    // charged; the flow keeps asking and a later answer clears it.
    bool isOutcomeUncertain() const { return m_uncertain; }
    void setRetryDelays(int firstMs, int maxMs);
    void setUncertainAfter(int ms) { m_uncertainAfterMs = ms; }

signals:
    void stageChanged(storedesk::flows::PaymentFlow::Stage stage);
    void uncertaintyChanged(bool uncertain);
    // Once, when the attempt has reached a final stage.
    void finished();

private:
    void send();
    void lookUp();
    void sendCancel();
    void onLookupError(const api::ApiError& error);
    void becomeUnresolved(const QString& reason);
    void setUncertain(bool uncertain);
    void onAnswer(const api::PaymentView& view);
    void onError(const api::ApiError& error, bool firstRequest);
    void retryLater(const QString& why);
    void setStage(Stage stage);
    void end(Stage stage, const QString& message = {});
    void refuse(const api::ApiError& error);
    void dropJob(QPointer<api::ApiJob>& job);

    QPointer<api::ApiClient> m_client;
    const PendingPayments* m_records;
    PendingPayment m_attempt;
    Stage m_stage = Stage::Idle;
    std::optional<api::PaymentView> m_view;
    std::optional<Money> m_openBalance;
    std::optional<api::ApiError> m_refusal;
    QString m_message;
    bool m_cancelWanted = false;
    bool m_cancelSent = false;
    QPointer<api::ApiJob> m_job;
    QPointer<api::ApiJob> m_cancelJob;
    QTimer m_retry;
    QTimer m_uncertainTimer;
    bool m_uncertain = false;
    int m_uncertainAfterMs = UncertainAfterMs;
    int m_firstRetryMs = FirstRetryMs;
    int m_maxRetryMs = MaxRetryMs;
    int m_nextRetryMs = FirstRetryMs;
};

} // namespace storedesk::flows
