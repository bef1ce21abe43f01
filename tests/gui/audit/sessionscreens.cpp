#include "auditscreens.h"
#include "mainwindow.h"

namespace storedesk::test::audit {

QList<AuditScreen> sessionScreens()
{
    return {
        {QStringLiteral("not-set-up"),
         [](const ScreenRequest&) -> std::unique_ptr<QWidget> {
             // A machine nobody has set up yet: the empty state says so.
             return std::make_unique<ui::MainWindow>();
         }},
    };
}

} // namespace storedesk::test::audit
