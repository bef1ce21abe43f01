#include "payment.h"

#include "fields.h"
#include "jsonreader.h"

namespace storedesk {

Transaction Transaction::read(JsonObjectReader reader)
{
    static constexpr std::pair<QLatin1StringView, Type> types[] = {
        {QLatin1StringView("Authorization"), Type::Authorization},
        {QLatin1StringView("CancelAuthorization"), Type::CancelAuthorization},
        {QLatin1StringView("Charge"), Type::Charge},
        {QLatin1StringView("Refund"), Type::Refund},
        {QLatin1StringView("Chargeback"), Type::Chargeback},
    };
    static constexpr std::pair<QLatin1StringView, State> states[] = {
        {QLatin1StringView("Initial"), State::Initial},
        {QLatin1StringView("Pending"), State::Pending},
        {QLatin1StringView("Success"), State::Success},
        {QLatin1StringView("Failure"), State::Failure},
    };

    Transaction transaction;
    transaction.id = reader.requiredString(QLatin1StringView("id"));
    transaction.timestamp = fields::dateTime(reader, QLatin1StringView("timestamp"));
    transaction.type =
        fields::enumeration(reader, QLatin1StringView("type"), types).value_or(Type::Charge);
    transaction.amount = Money::read(reader.requiredObject(QLatin1StringView("amount")));
    transaction.interactionId = reader.optionalString(QLatin1StringView("interactionId"));
    transaction.state =
        fields::enumeration(reader, QLatin1StringView("state"), states).value_or(State::Initial);
    return transaction;
}

PaymentMethodInfo PaymentMethodInfo::read(JsonObjectReader reader)
{
    PaymentMethodInfo info;
    info.paymentInterface = reader.optionalString(QLatin1StringView("paymentInterface"));
    info.method = reader.optionalString(QLatin1StringView("method"));
    if (std::optional<JsonObjectReader> name = reader.optionalObject(QLatin1StringView("name")))
        info.name = LocalizedString::read(*name);
    return info;
}

PaymentStatus PaymentStatus::read(JsonObjectReader reader)
{
    PaymentStatus status;
    status.interfaceCode = reader.optionalString(QLatin1StringView("interfaceCode"));
    status.interfaceText = reader.optionalString(QLatin1StringView("interfaceText"));
    return status;
}

Payment Payment::read(JsonObjectReader reader)
{
    Payment payment;
    payment.id = reader.requiredString(QLatin1StringView("id"));
    payment.version = reader.requiredInteger(QLatin1StringView("version"));
    payment.key = reader.optionalString(QLatin1StringView("key"));
    payment.amountPlanned = Money::read(reader.requiredObject(QLatin1StringView("amountPlanned")));
    if (std::optional<JsonObjectReader> info =
            reader.optionalObject(QLatin1StringView("paymentMethodInfo")))
        payment.paymentMethodInfo = PaymentMethodInfo::read(*info);
    payment.interfaceId = reader.optionalString(QLatin1StringView("interfaceId"));
    if (std::optional<JsonObjectReader> status =
            reader.optionalObject(QLatin1StringView("paymentStatus")))
        payment.paymentStatus = PaymentStatus::read(*status);
    reader.forEachObject(QLatin1StringView("transactions"), [&](JsonObjectReader& element) {
        Transaction transaction = Transaction::read(element);
        fields::sameCurrency(element, QLatin1StringView("amount"), transaction.amount,
                             payment.amountPlanned);
        payment.transactions.append(std::move(transaction));
    });
    payment.createdAt = fields::dateTime(reader, QLatin1StringView("createdAt"));
    return payment;
}

Expected<Payment> Payment::fromJson(const QByteArray& json)
{
    return json::read<Payment>(json);
}

Expected<Money> Payment::succeeded(Transaction::Type type) const
{
    if (!amountPlanned.isValid())
        return Error{Error::Kind::InvalidArgument, Money::tr("no currency"), QString()};
    Money sum = Money::zero(*amountPlanned.currency());
    for (const Transaction& transaction : transactions) {
        if (transaction.type != type || transaction.state != Transaction::State::Success)
            continue;
        Expected<Money> next = sum.plus(transaction.amount);
        if (!next)
            return next.error();
        sum = *next;
    }
    return sum;
}

} // namespace storedesk
