#pragma once

#include "api/orderjobs.h"
#include "refunddraft.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace storedesk::api {
class ApiClient;
class ApiJob;
} // namespace storedesk::api

namespace storedesk::flows {

// One refund at the till, from the order number to the result: the looked-up order, the draft
// (units and reason), a manager's approval when the store wants one, an outcome that is not known
// yet, and the result. Views render it and hand it the colleague's actions; it talks to the server
// through core/api jobs. Every try of one refund carries the draft's Idempotency-Key, so a retry,
// the approved try and the check after a lost answer are the same refund: money never goes back
// twice. A new refund is a new RefundSession (the refund dialog makes one on every open unless this
// one's outcome is still open), so nothing of a previous customer's refund can linger.
class RefundSession : public QObject {
    Q_OBJECT

public:
    enum class Stage {
        Empty,            // no order: waiting for a number (message() may say why a lookup failed)
        LookingUp,        // an order lookup is under way
        Editing,          // an order is shown; units and a reason are being chosen
        Refunding,        // the refund request is with the server
        AwaitingApproval, // the server wants a manager's approval; nothing moved
        Approving,        // the refund with a manager's approval is with the server
        Checking,         // asking the server about the same attempt (its answer was lost)
        OutcomeUnknown,   // whether money went back is not known: only checking is allowed
        Refunded,         // done: result() says what went back
    };
    Q_ENUM(Stage)

    // What message() means, so a view can give it the right tone.
    enum class Notice { None, Info, Success, Warning, Error };
    Q_ENUM(Notice)

    RefundSession(api::ApiClient* client, const QString& storeKey, QObject* parent = nullptr);
    ~RefundSession() override;

    Stage stage() const { return m_stage; }
    bool isBusy() const;
    // A request is with the server or its outcome is open: the refund must be followed to its end
    // (checking with the same key), never dropped for a fresh one.
    bool isUnsettled() const;
    bool hasOrder() const { return !m_draft.order().id.isEmpty(); }
    // Units and reason can change (an order is shown, nothing sent or open).
    bool isEditable() const { return m_stage == Stage::Editing; }

    const RefundDraft& draft() const { return m_draft; }
    const std::optional<api::RefundResult>& result() const { return m_result; }
    // Set while a manager's approval is asked for (AwaitingApproval, Approving).
    const std::optional<api::ApprovalDemand>& approvalDemand() const { return m_demand; }
    // Why the last approval was refused (wrong secret, not a manager); empty otherwise.
    QString approvalProblem() const { return m_approvalProblem; }
    // The last definite refusal of the refund by the server (none after another action).
    const std::optional<api::ApiError>& refusal() const { return m_refusal; }
    // Refused because a cash share needs an open till (409 till_not_open): nothing moved; once
    // the till is open, refund() sends it again as a new attempt (a new key).
    bool isRefusedForClosedTill() const { return m_refusal && api::isTillNotOpen(*m_refusal); }
    // The number being looked up or last looked up.
    QString orderNumber() const { return m_orderNumber; }

    // What the colleague should know now (translated), and what kind of news it is.
    QString message() const { return m_message; }
    Notice notice() const { return m_notice; }

public slots:
    // An order number, typed or scanned (surrounding whitespace is ignored). Refused (with a
    // message) while a refund is sent, awaits a manager or its outcome is open.
    void lookUp(const QString& text);
    // Only while editing; false when the quantity is not possible.
    bool setQuantity(const QString& lineId, qint64 quantity);
    void setReason(const QString& code);
    // Sends the refund while editing; asks about the same attempt when its outcome is open.
    void refund();
    // A manager's approval for the refund asked about (AwaitingApproval). The secret is sent once
    // and not kept.
    void approve(const QString& username, const QString& secret);
    // No manager approves: back to editing, nothing refunded.
    void cancelApproval();
    // Stops waiting: a lookup is dropped; a refund is then checked with the same key; a check
    // leaves the outcome open.
    void cancel();

signals:
    // Anything a view shows changed (stage, draft, message, result).
    void changed();
    // An order was looked up and is now being edited (a view lays out its lines once).
    void orderShown();
    void refunded(const storedesk::api::RefundResult& result,
                  const storedesk::api::OrderLookup& order);

private:
    enum class Work { Refund, Approval, Check };

    void setStage(Stage stage, const QString& message, Notice notice);
    void submit(std::optional<api::RefundRequest::Approval> approval, Work work);
    void onRefundFinished(const Expected<api::RefundResult, api::ApiError>& result,
                          const std::optional<api::ApprovalDemand>& demand, Work work);
    void dropJob();

    QPointer<api::ApiClient> m_client;
    QString m_storeKey;
    Stage m_stage = Stage::Empty;
    RefundDraft m_draft;
    QString m_orderNumber;
    std::optional<api::RefundResult> m_result;
    std::optional<api::ApprovalDemand> m_demand;
    std::optional<api::ApiError> m_refusal;
    QString m_approvalProblem;
    QString m_message;
    Notice m_notice = Notice::None;
    QPointer<api::ApiJob> m_job;
};

} // namespace storedesk::flows
