#include "denominations.h"

#include <QJsonArray>

#include <algorithm>

namespace storedesk {

namespace {

using Kind = Denomination::Kind;

// The series in circulation (central banks' lists), 2026.
const QList<Denomination> euro{{50000, Kind::Note}, {20000, Kind::Note}, {10000, Kind::Note},
                               {5000, Kind::Note},  {2000, Kind::Note},  {1000, Kind::Note},
                               {500, Kind::Note},   {200, Kind::Coin},   {100, Kind::Coin},
                               {50, Kind::Coin},    {20, Kind::Coin},    {10, Kind::Coin},
                               {5, Kind::Coin},     {2, Kind::Coin},     {1, Kind::Coin}};
const QList<Denomination> franc{{100000, Kind::Note}, {20000, Kind::Note}, {10000, Kind::Note},
                                {5000, Kind::Note},   {2000, Kind::Note},  {1000, Kind::Note},
                                {500, Kind::Coin},    {200, Kind::Coin},   {100, Kind::Coin},
                                {50, Kind::Coin},     {20, Kind::Coin},    {10, Kind::Coin},
                                {5, Kind::Coin}};
const QList<Denomination> pound{{5000, Kind::Note}, {2000, Kind::Note}, {1000, Kind::Note},
                                {500, Kind::Note},  {200, Kind::Coin},  {100, Kind::Coin},
                                {50, Kind::Coin},   {20, Kind::Coin},   {10, Kind::Coin},
                                {5, Kind::Coin},    {2, Kind::Coin},    {1, Kind::Coin}};
const QList<Denomination> dollar{{10000, Kind::Note}, {5000, Kind::Note}, {2000, Kind::Note},
                                 {1000, Kind::Note},  {500, Kind::Note},  {200, Kind::Note},
                                 {100, Kind::Note},   {50, Kind::Coin},   {25, Kind::Coin},
                                 {10, Kind::Coin},    {5, Kind::Coin},    {1, Kind::Coin}};

Error invalid(const QString& message)
{
    return Error{Error::Kind::InvalidValue, message, QString()};
}

} // namespace

QList<Denomination> denominationsFor(QStringView currencyCode)
{
    if (currencyCode == u"EUR")
        return euro;
    if (currencyCode == u"CHF")
        return franc;
    if (currencyCode == u"GBP")
        return pound;
    if (currencyCode == u"USD")
        return dollar; // the dollar coin is counted with the dollar note: a count is by value
    return {};
}

Expected<Money> TillCount::total() const
{
    const QList<Denomination> denominations = denominationsFor(currency);
    if (denominations.isEmpty())
        return invalid(tr("A till cannot count %1.").arg(currency.left(16)));
    Expected<Money> sum = Money::fromMinorUnits(0, currency);
    if (!sum)
        return sum;
    QList<qint64> seen;
    for (const Line& line : lines) {
        const bool known =
            std::any_of(denominations.cbegin(), denominations.cend(),
                        [&line](const Denomination& d) { return d.value == line.value; });
        if (!known)
            return invalid(tr("%1 is not a note or coin of %2.").arg(line.value).arg(currency));
        if (seen.contains(line.value))
            return invalid(tr("Each note and coin may be counted once."));
        seen.append(line.value);
        if (line.count < 0 || line.count > MaxPieces)
            return invalid(tr("A count is between 0 and %1 pieces.").arg(MaxPieces));
        const Expected<Money> part = Money::fromMinorUnits(line.value * line.count, currency);
        if (!part)
            return part;
        sum = sum->plus(*part);
        if (!sum)
            return sum;
    }
    return sum;
}

qint64 TillCount::countOf(qint64 value) const
{
    for (const Line& line : lines) {
        if (line.value == value)
            return line.count;
    }
    return 0;
}

QJsonObject TillCount::toJson() const
{
    QList<Line> sorted;
    for (const Line& line : lines) {
        if (line.count != 0)
            sorted.append(line);
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const Line& a, const Line& b) { return a.value > b.value; });
    QJsonArray array;
    for (const Line& line : std::as_const(sorted))
        array.append(QJsonObject{{QStringLiteral("value"), line.value},
                                 {QStringLiteral("count"), line.count}});
    return {{QStringLiteral("currency"), currency}, {QStringLiteral("lines"), array}};
}

Expected<TillCount> TillCount::fromJson(const QJsonObject& object)
{
    TillCount count;
    count.currency = object.value(QStringLiteral("currency")).toString();
    const QJsonValue lines = object.value(QStringLiteral("lines"));
    if (!lines.isArray() || lines.toArray().size() > 64)
        return invalid(tr("A count lists its notes and coins."));
    for (const QJsonValue& value : lines.toArray()) {
        const QJsonValue face = value.toObject().value(QStringLiteral("value"));
        const QJsonValue pieces = value.toObject().value(QStringLiteral("count"));
        const auto whole = [](const QJsonValue& v) {
            return v.isDouble() && double(v.toInteger(-1)) == v.toDouble();
        };
        if (!whole(face) || !whole(pieces))
            return invalid(tr("Each counted note or coin needs a whole value and count."));
        count.lines.append({face.toInteger(), pieces.toInteger()});
    }
    if (const Expected<Money> total = count.total(); !total)
        return total.error();
    return count;
}

} // namespace storedesk
