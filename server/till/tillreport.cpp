#include "tillreport.h"

#include "domain/denominations.h"
#include "domain/money.h"

#include <QJsonArray>

namespace storedesk::server::tilljson {

namespace {

QString timeText(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject money(qint64 minorUnits, const QString& currency)
{
    const Expected<Money> amount = Money::fromMinorUnits(minorUnits, currency);
    // A session's currency was checked when it was opened; this cannot fail for stored sessions.
    return amount ? amount->toJson() : QJsonObject();
}

QJsonObject count(const QJsonObject& countJson)
{
    const Expected<TillCount> parsed = TillCount::fromJson(countJson);
    if (!parsed)
        return countJson;
    QJsonObject result = parsed->toJson();
    if (const Expected<Money> total = parsed->total())
        result.insert(QStringLiteral("total"), total->toJson());
    return result;
}

QJsonObject session(const TillSessionRecord& session)
{
    QJsonObject result{
        {QStringLiteral("id"), session.id},
        {QStringLiteral("storeKey"), session.storeKey},
        {QStringLiteral("workstationId"), session.workstationId},
        {QStringLiteral("state"), session.open ? QStringLiteral("open") : QStringLiteral("closed")},
        {QStringLiteral("openedAt"), timeText(session.openedAt)},
        {QStringLiteral("openedBy"), session.openedBy},
        {QStringLiteral("float"), count(session.floatCount)},
        {QStringLiteral("expectedFloat"),
         session.expectedFloat ? QJsonValue(money(*session.expectedFloat, session.currency))
                               : QJsonValue(QJsonValue::Null)}};
    if (!session.open) {
        result.insert(QStringLiteral("closedAt"), timeText(session.closedAt));
        result.insert(QStringLiteral("closedBy"), session.closedBy);
        result.insert(QStringLiteral("zNumber"), session.zNumber);
        result.insert(QStringLiteral("counted"),
                      money(session.counted.value_or(0), session.currency));
        result.insert(QStringLiteral("overShort"),
                      money(session.overShort.value_or(0), session.currency));
    }
    return result;
}

QJsonObject movement(const TillMovementRecord& movement, const QString& currency)
{
    QJsonObject result{{QStringLiteral("id"), movement.id},
                       {QStringLiteral("sessionId"), movement.sessionId},
                       {QStringLiteral("kind"), movement.kind},
                       {QStringLiteral("reason"), movement.reason},
                       {QStringLiteral("username"), movement.username},
                       {QStringLiteral("at"), timeText(movement.at)}};
    if (movement.amount)
        result.insert(QStringLiteral("amount"), money(*movement.amount, currency));
    if (!movement.note.isEmpty())
        result.insert(QStringLiteral("note"), movement.note);
    if (!movement.bagNumber.isEmpty())
        result.insert(QStringLiteral("bagNumber"), movement.bagNumber);
    if (!movement.approvedBy.isEmpty())
        result.insert(QStringLiteral("approvedBy"), movement.approvedBy);
    return result;
}

QJsonObject report(const TillSessionRecord& session, const TillFigures& figures, bool z,
                   const QDateTime& generatedAt)
{
    const QString& currency = session.currency;
    QJsonArray cards;
    for (const TillFigures::CardTotal& card : figures.cardTotals)
        cards.append(QJsonObject{{QStringLiteral("terminalId"), card.terminalId},
                                 {QStringLiteral("amount"), money(card.amount, currency)},
                                 {QStringLiteral("count"), card.count}});
    QJsonArray movements;
    for (const TillMovementRecord& entry : figures.movements)
        movements.append(movement(entry, currency));
    const qint64 expectedCash = figures.expectedCash(session.floatMinorUnits);
    QJsonObject result{{QStringLiteral("kind"), z ? QStringLiteral("z") : QStringLiteral("x")},
                       {QStringLiteral("sessionId"), session.id},
                       {QStringLiteral("storeKey"), session.storeKey},
                       {QStringLiteral("workstationId"), session.workstationId},
                       {QStringLiteral("currency"), currency},
                       {QStringLiteral("openedAt"), timeText(session.openedAt)},
                       {QStringLiteral("openedBy"), session.openedBy},
                       {QStringLiteral("generatedAt"), timeText(generatedAt)},
                       {QStringLiteral("float"), money(session.floatMinorUnits, currency)},
                       {QStringLiteral("floatCount"), count(session.floatCount)},
                       {QStringLiteral("expectedFloat"),
                        session.expectedFloat ? QJsonValue(money(*session.expectedFloat, currency))
                                              : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("cashSales"), money(figures.cashSales, currency)},
                       {QStringLiteral("cashSalesCount"), figures.cashSalesCount},
                       {QStringLiteral("cashRefunds"), money(figures.cashRefunds, currency)},
                       {QStringLiteral("cashRefundsCount"), figures.cashRefundsCount},
                       {QStringLiteral("payIns"), money(figures.payIns, currency)},
                       {QStringLiteral("payInsCount"), figures.payInsCount},
                       {QStringLiteral("payOuts"), money(figures.payOuts, currency)},
                       {QStringLiteral("payOutsCount"), figures.payOutsCount},
                       {QStringLiteral("safeDrops"), money(figures.safeDrops, currency)},
                       {QStringLiteral("safeDropsCount"), figures.safeDropsCount},
                       {QStringLiteral("noSalesCount"), figures.noSalesCount},
                       {QStringLiteral("expectedCash"), money(expectedCash, currency)},
                       {QStringLiteral("cardTotals"), cards},
                       {QStringLiteral("salesCount"), figures.salesCount},
                       {QStringLiteral("refundsCount"), figures.refundsCount},
                       {QStringLiteral("movements"), movements}};
    if (!figures.firstOrderNumber.isEmpty()) {
        result.insert(QStringLiteral("firstOrderNumber"), figures.firstOrderNumber);
        result.insert(QStringLiteral("lastOrderNumber"), figures.lastOrderNumber);
    }
    if (z) {
        result.insert(QStringLiteral("number"), session.zNumber);
        result.insert(QStringLiteral("closedAt"), timeText(session.closedAt));
        result.insert(QStringLiteral("closedBy"), session.closedBy);
        result.insert(QStringLiteral("counted"), money(session.counted.value_or(0), currency));
        result.insert(QStringLiteral("count"), count(session.count));
        result.insert(QStringLiteral("overShort"), money(session.overShort.value_or(0), currency));
        if (!session.approvedBy.isEmpty())
            result.insert(QStringLiteral("approvedBy"), session.approvedBy);
        if (!session.differenceReason.isEmpty())
            result.insert(QStringLiteral("differenceReason"), session.differenceReason);
    }
    return result;
}

} // namespace storedesk::server::tilljson
