#pragma once

#include "localizedstring.h"
#include "money.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace storedesk {

class JsonObjectReader;

struct Transaction {
    enum class Type { Authorization, CancelAuthorization, Charge, Refund, Chargeback };
    enum class State { Initial, Pending, Success, Failure };

    QString id;
    QDateTime timestamp; // UTC; invalid when the document has none
    Type type = Type::Charge;
    Money amount;
    QString interactionId; // the PSP's reference
    State state = State::Initial;

    static Transaction read(JsonObjectReader reader);
};

struct PaymentMethodInfo {
    QString paymentInterface; // the PSP ("cash", "adyen", …)
    QString method;
    LocalizedString name;

    static PaymentMethodInfo read(JsonObjectReader reader);
};

struct PaymentStatus {
    QString interfaceCode;
    QString interfaceText;

    static PaymentStatus read(JsonObjectReader reader);
};

// A commercetools Payment: one tender for a cart. Every transaction is in amountPlanned's currency.
struct Payment {
    QString id;
    qint64 version = 0;
    QString key;
    Money amountPlanned;
    PaymentMethodInfo paymentMethodInfo;
    QString interfaceId;
    PaymentStatus paymentStatus;
    QList<Transaction> transactions;
    QDateTime createdAt;

    static Payment read(JsonObjectReader reader);
    static Expected<Payment> fromJson(const QByteArray& json);

    // Sums of the successful charges and refunds (checked; zero when there are none).
    Expected<Money> chargedAmount() const { return succeeded(Transaction::Type::Charge); }
    Expected<Money> refundedAmount() const { return succeeded(Transaction::Type::Refund); }

private:
    Expected<Money> succeeded(Transaction::Type type) const;
};

} // namespace storedesk
