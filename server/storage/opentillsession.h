#pragma once

#include "database.h"
#include "storageerror.h"

namespace storedesk::server {

// The id of the till session open at a workstation now, or an empty string when its till is
// closed. Payments and refunds read it inside the transaction that records them (lockTill), so
// each is stamped with the session it was taken into: the read then takes the till's lock
// (TillStore::lockName, held to the end of the transaction, across server instances), which a
// close holds while it looks for the session's unfinished attempts, so a close cannot slip
// between this check and the insert. SQLite needs no lock: its write transactions run one at a
// time.
StorageResult<QString> openTillSession(const Database& database, const QString& storeKey,
                                       const QString& workstationId, bool lockTill);

} // namespace storedesk::server
