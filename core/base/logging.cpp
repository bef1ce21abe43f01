#include "logging.h"

Q_LOGGING_CATEGORY(lcDomain, "storedesk.core.domain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "storedesk.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "storedesk.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCoreApi, "storedesk.core.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCoreConfig, "storedesk.core.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCoreSession, "storedesk.core.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCoreVault, "storedesk.core.vault", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCoreFlows, "storedesk.core.flows", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHardware, "storedesk.hardware", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "storedesk.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerHttp, "storedesk.server.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerCt, "storedesk.server.ct", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerDb, "storedesk.server.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerAuth, "storedesk.server.auth", QtInfoMsg)

namespace storedesk::logging {

void setUp(bool verbose)
{
    qSetMessagePattern(
        QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz} "
                       "%{if-debug}D%{endif}%{if-info}I%{endif}%{if-warning}W%{endif}"
                       "%{if-critical}C%{endif}%{if-fatal}F%{endif} %{category}: %{message}"));
    if (verbose)
        QLoggingCategory::setFilterRules(
            QStringLiteral("storedesk.*.debug=true\nstoredesk.*.info=true"));
}

} // namespace storedesk::logging
