#include "auditscreens.h"

namespace storedesk::test::audit {

QList<AuditScreen> paymentScreens()
{
    return {};
}

} // namespace storedesk::test::audit
