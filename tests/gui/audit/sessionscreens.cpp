#include "auditscreens.h"

namespace storedesk::test::audit {

QList<AuditScreen> sessionScreens()
{
    return {};
}

} // namespace storedesk::test::audit
