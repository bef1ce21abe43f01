#pragma once

#include "api/paymentjobs.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace storedesk::flows {

// What the app must remember of a payment attempt that is not final yet, to ask for its status
// after a crash or restart: its Idempotency-Key, where it was made and what it asked for. It holds
// nothing secret (no token, no card data).
struct PendingPayment {
    QByteArray idempotencyKey; // a UUID without braces
    QString storeKey;
    QString workstationId;
    QString cartId;
    api::PaymentRequest request;
    QString paymentId; // once the server has answered
    QDateTime startedAt;
    QString serverUrl; // the server the attempt was made with; empty in records of older versions
    QString colleague; // who started it, for the Unresolved payments view

    // Set when the outcome cannot be learnt any more (the server does not know the acknowledged
    // attempt, or it was made with another server): the record no longer holds the till; it stays
    // for a manager until marked as checked.
    QString unresolvedReason; // "unknown_to_server", "other_server"; empty while in progress
    QDateTime unresolvedAt;
    bool reported = false; // the server's audit trail has it

    bool isUnresolved() const { return !unresolvedReason.isEmpty(); }

    // A new attempt with a fresh key.
    static PendingPayment create(const QString& storeKey, const QString& workstationId,
                                 const QString& cartId, const api::PaymentRequest& request);

    QJsonObject toJson() const;
    static Expected<PendingPayment> fromJson(const QByteArray& json);
};

// The pending attempts, one small JSON file each in a folder of the app's data directory, written
// atomically and removed once the attempt is final.
class PendingPayments {
public:
    explicit PendingPayments(QString directory = defaultDirectory());

    // <AppDataLocation>/pending-payments
    static QString defaultDirectory();
    QString directory() const { return m_directory; }

    // False with a reason when the record could not be written: the attempt must not be sent.
    bool save(const PendingPayment& payment, QString* error = nullptr) const;
    void remove(const QByteArray& idempotencyKey) const;
    // The attempts in progress made at this workstation, oldest first; unreadable files are
    // skipped and logged, never deleted (support may need them).
    QList<PendingPayment> at(const QString& storeKey, const QString& workstationId) const;
    // The unresolved attempts made at this workstation, oldest first.
    QList<PendingPayment> unresolvedAt(const QString& storeKey, const QString& workstationId) const;

private:
    QList<PendingPayment> all(const QString& storeKey, const QString& workstationId) const;

    QString pathOf(const QByteArray& idempotencyKey) const;

    QString m_directory;
};

} // namespace storedesk::flows
