#pragma once

#include "api/orderjobs.h"

#include <QCoreApplication>
#include <QHash>

namespace storedesk::flows {

// A reason a colleague picks for a refund: a stable code for the server, receipts and reports,
// and its translated label.
struct RefundReason {
    QString code;
    QString label;
};

// The refund a colleague is putting together for one looked-up order: how many units of each
// line go back and why, what that refunds, and the Idempotency-Key of the attempt. No floating
// point: the preview takes the server's per-line amounts apart the way the server will.
class RefundDraft {
    Q_DECLARE_TR_FUNCTIONS(storedesk::flows::RefundDraft)

public:
    RefundDraft() = default;
    explicit RefundDraft(api::OrderLookup lookup);

    // The reasons in the order they are offered.
    static QList<RefundReason> reasons();
    // The translated label of a reason code; the code itself when it is not one of reasons().
    static QString reasonLabel(const QString& code);

    // What refunding `quantity` of a line's refundable units gives back: the first `quantity`
    // of its refundable shares, as the server takes them.
    static Expected<Money> amountFor(const api::RefundableLine& line, qint64 quantity);

    const api::OrderLookup& lookup() const { return m_lookup; }
    const Order& order() const { return m_lookup.order; }

    qint64 refundable(const QString& lineId) const;
    qint64 quantity(const QString& lineId) const { return m_quantities.value(lineId); }
    // False, changing nothing, when `quantity` is negative or more than is refundable.
    bool setQuantity(const QString& lineId, qint64 quantity);
    qint64 chosenUnits() const;

    QString reason() const { return m_reason; }
    // A code from reasons(); anything else leaves the draft without a reason.
    void setReason(const QString& code);

    // The preview: what the chosen units refund, zero in the order's currency when none are.
    Expected<Money> total() const;
    // Why the draft cannot be sent yet (translated); empty when it can.
    QString problem() const;

    // The request for what is chosen now. Its Idempotency-Key stays the same while the chosen
    // lines and the reason do — a retry after a lost answer, or the same refund with a manager's
    // approval (the server leaves the approval out of the request's identity) — and is new as
    // soon as either changes or finishAttempt() was called.
    api::RefundRequest request();
    // The attempt has a final answer (refunded, or refused for good): the next request is a new
    // refund, even of the same units.
    void finishAttempt();

private:
    QList<api::RefundRequest::Item> items() const;

    api::OrderLookup m_lookup;
    QHash<QString, qint64> m_quantities;
    QString m_reason;
    QByteArray m_key;
    QList<api::RefundRequest::Item> m_keyItems;
    QString m_keyReason;
};

} // namespace storedesk::flows
