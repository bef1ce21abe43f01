#pragma once

#include "jsonreader.h"
#include "money.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>
#include <utility>

// Field readers the commercetools entities share and JsonObjectReader does not offer: timestamps,
// closed enumerations, non-negative quantities and one-currency documents.
namespace storedesk::fields {

// A hostile document may put megabytes into a field; an error message quotes only the start.
inline QString quoted(QStringView text)
{
    constexpr qsizetype maxQuoted = 64;
    QString shown = text.left(maxQuoted).toString();
    if (!shown.isEmpty() && shown.back().isHighSurrogate())
        shown.chop(1);
    for (QChar& c : shown) {
        if (!c.isPrint() && !c.isSurrogate())
            c = QChar::ReplacementCharacter;
    }
    if (text.size() > maxQuoted)
        shown += QChar(0x2026);
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

// commercetools writes UTC timestamps as ISO 8601 with milliseconds ("2015-09-22T15:36:17.510Z").
// Absent is allowed unless required; present but unparsable is an error.
inline QDateTime dateTime(JsonObjectReader& reader, QLatin1StringView key, bool required = false)
{
    const bool present = reader.has(key);
    const QString text = required ? reader.requiredString(key) : reader.optionalString(key);
    if (reader.failed() || !present)
        return {};
    const QDateTime value = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!value.isValid()) {
        reader.fail(key, QCoreApplication::translate("storedesk::fields",
                                                     "expected an ISO 8601 date and time, got %1")
                             .arg(quoted(text)));
        return {};
    }
    return value.toUTC();
}

inline qint64 quantity(JsonObjectReader& reader, QLatin1StringView key)
{
    const qint64 value = reader.requiredInteger(key);
    if (value < 0) {
        reader.fail(key, QCoreApplication::translate("storedesk::fields", "must not be negative"));
        return 0;
    }
    return value;
}

// One of a closed set of names ("Active", "Merged", …). An unknown name is an error rather than a
// guess: the app branches on these values.
template <typename Enum, std::size_t N>
std::optional<Enum> enumeration(JsonObjectReader& reader, QLatin1StringView key,
                                const std::pair<QLatin1StringView, Enum> (&names)[N],
                                bool required = true)
{
    const bool present = reader.has(key);
    const QString text = required ? reader.requiredString(key) : reader.optionalString(key);
    if (reader.failed() || !present)
        return std::nullopt;
    for (const auto& [name, value] : names) {
        if (text == name)
            return value;
    }
    QStringList known;
    for (const auto& entry : names)
        known.append(entry.first);
    reader.fail(key, QCoreApplication::translate("storedesk::fields",
                                                 "unknown value %1 (expected one of %2)")
                         .arg(quoted(text), known.join(QStringLiteral(", "))));
    return std::nullopt;
}

// Every amount in a cart, order or payment is in one currency; an amount in another one is
// reported at its own currencyCode so the offending value can be found in the document.
inline void sameCurrency(JsonObjectReader& reader, QLatin1StringView key, const Money& amount,
                         const Money& anchor)
{
    if (reader.failed() || !amount.isValid() || !anchor.isValid())
        return;
    if (amount.currency() == anchor.currency())
        return;
    reader.failAt(reader.childPath(key) + QStringLiteral(".currencyCode"),
                  QCoreApplication::translate("storedesk::fields",
                                              "expected %1 like the rest of the document, got %2")
                      .arg(anchor.currencyCode(), amount.currencyCode()),
                  Error::Kind::CurrencyMismatch);
}

} // namespace storedesk::fields
