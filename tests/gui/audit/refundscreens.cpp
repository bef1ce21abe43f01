#include "auditscreens.h"

namespace storedesk::test::audit {

QList<AuditScreen> refundScreens()
{
    return {};
}

} // namespace storedesk::test::audit
