#pragma once

#include <QLoggingCategory>

// Every category is "storedesk.<layer>.<area>". Turn debug output on with
// QT_LOGGING_RULES="storedesk.*.debug=true" (or the app's and server's --verbose).
Q_DECLARE_LOGGING_CATEGORY(lcDomain)
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcCoreApi)
Q_DECLARE_LOGGING_CATEGORY(lcCoreConfig)
Q_DECLARE_LOGGING_CATEGORY(lcCoreSession)
Q_DECLARE_LOGGING_CATEGORY(lcCoreVault)
Q_DECLARE_LOGGING_CATEGORY(lcCoreFlows)
Q_DECLARE_LOGGING_CATEGORY(lcHardware)
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcServerHttp)
Q_DECLARE_LOGGING_CATEGORY(lcServerCt)
Q_DECLARE_LOGGING_CATEGORY(lcServerDb)
Q_DECLARE_LOGGING_CATEGORY(lcServerAuth)

namespace storedesk::logging {

// Installs the message pattern shared by the app and the server and, when verbose is set, enables
// every storedesk.* debug category (QT_LOGGING_RULES still wins for anything it names).
void setUp(bool verbose);

} // namespace storedesk::logging
