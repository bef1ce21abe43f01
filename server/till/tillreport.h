#pragma once

#include "storage/tillstore.h"

#include <QJsonObject>

namespace storedesk::server {

// The till's JSON as docs/TILL.md describes it. Amounts become the API's Money in the session's
// currency; times ISO 8601 UTC with milliseconds.
namespace tilljson {

QJsonObject money(qint64 minorUnits, const QString& currency);
// A TillCount's JSON with "total" beside it.
QJsonObject count(const QJsonObject& countJson);
QJsonObject session(const TillSessionRecord& session);
QJsonObject movement(const TillMovementRecord& movement, const QString& currency);
// The X report (session open, z false) or the Z report of a session being closed (z true: number,
// counted, count, over/short, approver and reason from the session).
QJsonObject report(const TillSessionRecord& session, const TillFigures& figures, bool z,
                   const QDateTime& generatedAt);

} // namespace tilljson
} // namespace storedesk::server
