#pragma once

#include "database.h"
#include "storageerror.h"

#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>

namespace storedesk::server {

class IdempotencyStore;

// One till session of a workstation's drawer (docs/TILL.md). Amounts in minor units of currency.
struct TillSessionRecord {
    QString id; // a UUID
    QString storeKey;
    QString workstationId;
    bool open = true;
    QString currency;
    QDateTime openedAt;
    QString openedBy;
    qint64 floatMinorUnits = 0;
    QJsonObject floatCount; // TillCount JSON
    std::optional<qint64> expectedFloat;
    // Closed sessions only:
    QDateTime closedAt;
    QString closedBy;
    std::optional<qint64> counted;
    QJsonObject count; // TillCount JSON
    std::optional<qint64> overShort;
    QString approvedBy;
    QString differenceReason;
    QString zNumber;
    QJsonObject zReport; // as answered at close; never changes
};

// A pay-in, pay-out, safe drop or no sale.
struct TillMovementRecord {
    QString id; // a UUID
    QString sessionId;
    QString kind;                 // "pay_in", "pay_out", "safe_drop", "no_sale"
    std::optional<qint64> amount; // absent for a no sale
    QString reason;
    QString note;
    QString bagNumber;
    QString username;
    QString approvedBy;
    QDateTime at;
};

// What the till's reports add up for one session (the X report's figures).
struct TillFigures {
    struct CardTotal {
        QString terminalId;
        qint64 amount = 0;
        int count = 0;
    };

    qint64 cashSales = 0;
    int cashSalesCount = 0;
    qint64 cashRefunds = 0;
    int cashRefundsCount = 0;
    qint64 payIns = 0;
    int payInsCount = 0;
    qint64 payOuts = 0;
    int payOutsCount = 0;
    qint64 safeDrops = 0;
    int safeDropsCount = 0;
    int noSalesCount = 0;
    QList<CardTotal> cardTotals; // by terminal id
    int salesCount = 0;          // carts with a succeeded attempt in the session
    int refundsCount = 0;
    QString firstOrderNumber; // of those carts, in order of creation; empty: none
    QString lastOrderNumber;
    QList<TillMovementRecord> movements; // in the order they happened

    // float + cash sales − cash refunds + pay-ins − pay-outs − safe drops
    qint64 expectedCash(qint64 floatMinorUnits) const
    {
        return floatMinorUnits + cashSales - cashRefunds + payIns - payOuts - safeDrops;
    }
};

// The till sessions of workstations in the server's database (schema step 6). At most one session
// per workstation is open: the partial unique index till_sessions_one_open decides, so two server
// instances on one PostgreSQL cannot both open one. Writes that belong to an Idempotency-Key link
// what they made to the key's record in the same transaction, so a repeat after a crash finds it
// instead of doing it again. A closed session is never written again.
//
// Lives on the thread that owns the Database, which must outlive it.
class TillStore {
public:
    // The Z number of a workstation's n-th close: "{store}-{workstation}-Z000001".
    static QString formatZNumber(const QString& storeKey, const QString& workstationId,
                                 qint64 number);
    // The name that orders writes to one workstation's till across server instances
    // (Database::serialize). Payments that stamp an attempt with the open session take it in
    // their transaction (lockOpenSession), so a close cannot slip between.
    static QString lockName(const QString& storeKey, const QString& workstationId);

    TillStore(Database& database, IdempotencyStore& idempotency, Clock clock = systemClock);

    // Inside a transaction: takes the workstation's till lock and answers the id of its open
    // session (empty: none is open). The static form is for other stores' transactions (a
    // payment attempt or refund stamped with the session): holding the lock until they commit,
    // no close can slip between their check and their insert.
    StorageResult<QString> lockOpenSession(const QString& storeKey, const QString& workstationId);
    static StorageResult<QString> lockOpenSession(Database& database, const QString& storeKey,
                                                  const QString& workstationId);

    StorageResult<std::optional<TillSessionRecord>> current(const QString& storeKey,
                                                            const QString& workstationId) const;
    // NotFound when there is no such session.
    StorageResult<TillSessionRecord> session(const QString& id) const;
    // Sessions of a store opened in [from, to), oldest first.
    StorageResult<QList<TillSessionRecord>>
    sessionsOpened(const QString& storeKey, const QDateTime& from, const QDateTime& to) const;
    StorageResult<TillFigures> figures(const QString& sessionId) const;
    // NotFound when there is no such movement.
    StorageResult<TillMovementRecord> movement(const QString& id) const;

    // What a manager expects the float of the workstation's drawer to be; nullopt: not set.
    StorageResult<std::optional<qint64>> expectedFloat(const QString& storeKey,
                                                       const QString& workstationId) const;
    StorageResult<void> setExpectedFloat(const QString& storeKey, const QString& workstationId,
                                         qint64 minorUnits, const QString& currency,
                                         const QString& setBy);

    enum class Outcome {
        Done,             // written now
        Repeated,         // the Idempotency-Key's earlier write; nothing written now
        AlreadyOpen,      // open: the workstation has an open session
        NotOpen,          // movement, close: the workstation has no open session
        Busy,             // close: a payment attempt of the session is creating or pending
        NeedsApproval,    // movement, close: approvedBy is empty but a manager must approve
        InsufficientCash, // movement: more than the expected cash would leave the drawer
    };

    struct Opening {
        Outcome outcome = Outcome::Done;
        TillSessionRecord session; // the new one, the key's earlier one, or the open one
    };
    // Opens session (id, store, workstation, currency, float, opener set by the caller; opened_at
    // and expected float are set here). idempotencyKey may be empty (tools and tests).
    StorageResult<Opening> open(TillSessionRecord session, const QString& idempotencyKey);

    struct MovementRules {
        qint64 payOutApprovalAbove = 0;
        int noSaleApprovalAfter = 0;
    };
    struct MovementResult {
        Outcome outcome = Outcome::Done;
        TillMovementRecord movement; // Done, Repeated
        TillSessionRecord session;   // all but NotOpen
        QStringList approvalReasons; // NeedsApproval: "amount", "no_sale_count"
        qint64 expectedCash = 0;     // InsufficientCash: what the drawer should hold
    };
    // Why a movement needs a manager under rules, given the session's figures so far.
    static QStringList approvalReasons(const TillMovementRecord& movement,
                                       const MovementRules& rules, const TillFigures& figures);
    // Adds a movement to the workstation's open session (movement.sessionId is set here).
    StorageResult<MovementResult> addMovement(const QString& storeKey, const QString& workstationId,
                                              TillMovementRecord movement,
                                              const MovementRules& rules,
                                              const QString& idempotencyKey);

    struct Closing {
        QJsonObject count; // TillCount JSON
        qint64 counted = 0;
        QString closedBy;
        QString approvedBy; // empty: no manager approved
        QString differenceReason;
        qint64 approvalAbove = 0; // |over/short| above this needs approvedBy
    };
    struct CloseResult {
        Outcome outcome = Outcome::Done;
        TillSessionRecord session; // Done, Repeated: the closed one; NeedsApproval: the open one
        TillFigures figures;       // NeedsApproval, Done
        qint64 expectedCash = 0;   // NeedsApproval, Done
        qint64 overShort = 0;      // counted − expected
    };
    // Builds the Z report of a session being closed (number, closer, count … already set).
    using ZReportBuilder =
        std::function<QJsonObject(const TillSessionRecord& closed, const TillFigures& figures)>;
    // Closes the workstation's open session in ONE transaction: still open, no payment attempt of
    // it creating or pending, the workstation's next Z number (no gaps), the Z report built and
    // written with the count and over/short, state closed — all or nothing.
    StorageResult<CloseResult> close(const QString& storeKey, const QString& workstationId,
                                     const Closing& closing, const ZReportBuilder& buildReport,
                                     const QString& idempotencyKey);

private:
    StorageResult<QString> resourceOfKey(const QString& idempotencyKey) const;
    StorageResult<qint64> nextZNumber(const QString& storeKey, const QString& workstationId);

    Database& m_database;
    IdempotencyStore& m_idempotency;
    Clock m_clock;
};

} // namespace storedesk::server
