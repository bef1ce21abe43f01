#pragma once

#include <QString>

namespace storedesk {

// An error is data: a stable kind for code to branch on, a translated message that is safe to show
// to a colleague, and, for parsed documents, the JSON path of the offending value.
struct Error {
    enum class Kind {
        InvalidJson,      // not JSON at all, or not the expected top-level shape
        InvalidValue,     // a value of the wrong type, range or format
        MissingValue,     // a required field is absent
        UnknownCurrency,  // not an ISO 4217 code we know the minor unit of
        CurrencyMismatch, // arithmetic across currencies
        Overflow,         // the result does not fit in 64 bits
        InvalidArgument,  // a caller passed something meaningless (e.g. split into 0 parts)
    };

    Kind kind = Kind::InvalidValue;
    QString message;
    QString path;

    // "lineItems[3].totalPrice.centAmount: expected an integer", or just the message without a
    // path.
    QString toString() const
    {
        return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
    }
};

} // namespace storedesk
