#include "auditscreens.h"

namespace storedesk::test::audit {

QList<AuditScreen> receiptScreens()
{
    return {};
}

} // namespace storedesk::test::audit
