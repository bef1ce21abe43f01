#include "auditscreens.h"

namespace storedesk::test::audit {

QList<AuditScreen> saleScreens()
{
    return {};
}

} // namespace storedesk::test::audit
