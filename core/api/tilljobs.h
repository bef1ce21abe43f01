#pragma once

#include "apijob.h"
#include "domain/denominations.h"
#include "domain/money.h"
#include "orderjobs.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace storedesk {
class JsonObjectReader;
}

// The till's day (docs/TILL.md): one job per request under
// /stores/{storeKey}/workstations/{workstationId}/till and the managers' /till-sessions.
namespace storedesk::api {

// The till's server codes (till_not_open, …) are recognised with isTillNotOpen() & co. in
// apierror.h, so that the money flows need not include this header.

// A manager's approval for a movement or a close: the one refunds use (sent once, never kept).
using TillApproval = RefundRequest::Approval;

// TillSession: one drawer from open to close.
struct TillSession {
    enum class State { Open, Closed };

    QString id;
    QString storeKey;
    QString workstationId;
    State state = State::Open;
    QDateTime openedAt;
    QString openedBy;
    TillCount floatCount; // the float as counted at the open
    Money floatTotal;     // its total, as the server computed it
    std::optional<Money> expectedFloat;
    QDateTime closedAt; // invalid while open
    QString closedBy;
    QString zNumber; // "{store}-{workstation}-Z000001" once closed
    std::optional<Money> counted;
    std::optional<Money> overShort; // counted − expected: negative is short

    bool isOpen() const { return state == State::Open; }

    static TillSession read(JsonObjectReader reader);
    static Expected<TillSession> fromJson(const QByteArray& json);
};

// GET …/till and PUT …/till/expected-float: the workstation's till and the store's rules for it.
struct TillStatus {
    struct Reasons {
        QStringList payIn;
        QStringList payOut;
        QStringList noSale;
    };
    struct Limits {
        Money payOutApprovalAbove;
        qint64 noSaleApprovalAfter = 0;
        Money closeApprovalAbove;
    };

    QString storeKey;
    QString workstationId;
    bool hasDrawer = false;
    QString currency;
    std::optional<TillSession> session; // the open session, none when the till is closed
    std::optional<Money> expectedFloat;
    Reasons reasons;
    Limits limits;
    bool cardNeedsOpenTill = false;

    bool isOpen() const { return session && session->isOpen(); }

    static TillStatus read(JsonObjectReader reader);
    static Expected<TillStatus> fromJson(const QByteArray& json);
};

// One pay-in, pay-out, safe drop or no sale as the server recorded it.
struct TillMovement {
    enum class Kind { PayIn, PayOut, SafeDrop, NoSale };

    QString id;
    QString sessionId;
    Kind kind = Kind::PayIn;
    std::optional<Money> amount; // absent for a no sale
    QString reason;
    QString note;
    QString bagNumber; // safe drops
    QString username;
    QString approvedBy; // empty when no approval was needed
    QDateTime at;

    // "pay_in", "pay_out", "safe_drop", "no_sale"
    static QString kindName(Kind kind);
    static std::optional<Kind> kindNamed(QStringView name);

    static TillMovement read(JsonObjectReader reader);
    static Expected<TillMovement> fromJson(const QByteArray& json);
};

// What a movement asks for. kind, amount, reason and bag number are the movement's identity (one
// Idempotency-Key); note and approval are not, so an approval round is the same movement.
struct TillMovementRequest {
    using Kind = TillMovement::Kind;

    Kind kind = Kind::PayIn;
    std::optional<Money> amount; // required for all but a no sale
    QString reason;              // a safe drop may leave it empty ("safe_drop")
    QString note;
    QString bagNumber;
    std::optional<TillApproval> approval;

    bool isSameMovement(const TillMovementRequest& other) const;
    QJsonObject toJson() const;
};

// A card terminal's part of a session.
struct CardTotal {
    QString terminalId;
    Money amount;
    qint64 count = 0;

    static CardTotal read(JsonObjectReader reader);
};

// The X report (the session so far) or the Z report (written at the close, never changed).
struct TillReport {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::TillReport)

public:
    enum class Kind { X, Z };

    Kind kind = Kind::X;
    QString number; // Z only: "{store}-{workstation}-Z000001"
    QString sessionId;
    QString storeKey;
    QString workstationId;
    QString currency;
    QDateTime openedAt;
    QString openedBy;
    QDateTime generatedAt;
    QDateTime closedAt; // invalid for an X report
    QString closedBy;
    Money floatTotal;
    TillCount floatCount;
    std::optional<Money> expectedFloat;
    Money cashSales;
    qint64 cashSalesCount = 0;
    Money cashRefunds;
    qint64 cashRefundsCount = 0;
    Money payIns;
    qint64 payInsCount = 0;
    Money payOuts;
    qint64 payOutsCount = 0;
    Money safeDrops;
    qint64 safeDropsCount = 0;
    qint64 noSalesCount = 0;
    Money expectedCash;
    QList<CardTotal> cardTotals;
    qint64 salesCount = 0;
    qint64 refundsCount = 0;
    QString firstOrderNumber; // empty without sales
    QString lastOrderNumber;
    QList<TillMovement> movements;
    // Z only.
    std::optional<Money> counted;
    std::optional<TillCount> count;
    std::optional<Money> overShort; // counted − expected: negative is short
    QString approvedBy;
    QString differenceReason;

    bool isZ() const { return kind == Kind::Z; }

    static TillReport read(JsonObjectReader reader);
    static Expected<TillReport> fromJson(const QByteArray& json);
};

// GET /stores/{storeKey}/till-sessions?date=: the sessions opened that day (UTC).
struct TillSessionList {
    QDate date;
    QList<TillSession> sessions;

    static TillSessionList read(JsonObjectReader reader);
    static Expected<TillSessionList> fromJson(const QByteArray& json);
};

// A 403 for want of a manager (movements and the close): nothing happened; the same request with
// the same key and an approval goes on.
struct TillApprovalDemand {
    bool denied = false; // an approval was sent and rejected
    QStringList reasons; // "amount", "no_sale_count", "difference"
    // The close only (the count was submitted, so the expected amount may now be shown).
    std::optional<Money> expectedCash;
    std::optional<Money> counted;
    std::optional<Money> overShort;
};

// GET …/till
class TillStatusJob : public ValueJob<TillStatus> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::TillStatusJob)

public:
    TillStatusJob(ApiClient* client, const QString& storeKey, const QString& workstationId);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

// POST …/till/open {float}: 201 TillSession; 409 till_already_open.
class OpenTillJob : public ValueJob<TillSession> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::OpenTillJob)

public:
    OpenTillJob(ApiClient* client, const QString& storeKey, const QString& workstationId,
                const TillCount& floatCount, const QByteArray& idempotencyKey);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

// POST …/till/movements: 201 TillMovement; 403 approval; 409 insufficient_cash / till_not_open.
class TillMovementJob : public ValueJob<TillMovement> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::TillMovementJob)

public:
    TillMovementJob(ApiClient* client, const QString& storeKey, const QString& workstationId,
                    const TillMovementRequest& request, const QByteArray& idempotencyKey);

    // Set when the job failed because a manager must approve (or the approval was rejected).
    const std::optional<TillApprovalDemand>& approvalNeeded() const { return m_approval; }
    // Set with insufficient_cash: what the drawer should hold.
    const std::optional<Money>& expectedCash() const { return m_expectedCash; }

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;

private:
    mutable std::optional<TillApprovalDemand> m_approval;
    mutable std::optional<Money> m_expectedCash;
};

// GET …/till/x-report: changes nothing.
class XReportJob : public ValueJob<TillReport> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::XReportJob)

public:
    XReportJob(ApiClient* client, const QString& storeKey, const QString& workstationId);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

// POST …/till/close {count, reason?, approval?}: 201 the Z report; 403 with the difference when a
// manager must approve; 409 till_busy.
class CloseTillJob : public ValueJob<TillReport> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::CloseTillJob)

public:
    CloseTillJob(ApiClient* client, const QString& storeKey, const QString& workstationId,
                 const TillCount& count, const QString& reason,
                 const std::optional<TillApproval>& approval, const QByteArray& idempotencyKey);

    const std::optional<TillApprovalDemand>& approvalNeeded() const { return m_approval; }

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;

private:
    mutable std::optional<TillApprovalDemand> m_approval;
};

// PUT …/till/expected-float {amount} (manager): 200 TillStatus.
class SetExpectedFloatJob : public ValueJob<TillStatus> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::SetExpectedFloatJob)

public:
    SetExpectedFloatJob(ApiClient* client, const QString& storeKey, const QString& workstationId,
                        const Money& amount, const QByteArray& idempotencyKey);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

// GET /stores/{storeKey}/till-sessions?date=YYYY-MM-DD (manager).
class TillSessionsJob : public ValueJob<TillSessionList> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::TillSessionsJob)

public:
    TillSessionsJob(ApiClient* client, const QString& storeKey, const QDate& date);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

// GET /stores/{storeKey}/till-sessions/{sessionId}/z-report: the Z report as written at close.
class ZReportJob : public ValueJob<TillReport> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::ZReportJob)

public:
    ZReportJob(ApiClient* client, const QString& storeKey, const QString& sessionId);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

} // namespace storedesk::api
