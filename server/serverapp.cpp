#include "serverapp.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "commercetools/tokenprovider.h"
#include "httpserver.h"
#include "routes/auditroutes.h"
#include "routes/callbackroutes.h"
#include "routes/cartroutes.h"
#include "routes/healthroute.h"
#include "routes/orderroutes.h"
#include "routes/productroutes.h"
#include "routes/sessionroutes.h"
#include "routes/storeroutes.h"
#include "startupchecks.h"
#include "storage/auditlog.h"
#include "storage/sessionstore.h"
#include "storage/userdirectory.h"

namespace storedesk::server {

ServerApp::ServerApp(ServerConfig config, ConnectorConfig connector, Database& database,
                     QByteArray callbackApiKey, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_tokens = std::make_unique<TokenProvider>(connector, &m_network);
    m_commercetools = std::make_unique<CtClient>(connector, m_tokens.get(), &m_network);
    m_users = std::make_unique<UserDirectory>(database);
    m_sessions = std::make_unique<SessionStore>(database, *m_users, systemClock,
                                                std::chrono::hours(m_config.sessionHours));
    m_audit = std::make_unique<AuditLog>(database);
    m_context.commercetools = m_commercetools.get();
    m_context.audit = m_audit.get();
    m_context.config = &m_config;

    m_sessionRoutes = std::make_unique<SessionRoutes>(*m_users, *m_sessions, m_context);
    m_router = std::make_unique<Router>(m_sessionRoutes.get(), std::move(callbackApiKey));
    m_callbackRoutes = std::make_unique<CallbackRoutes>(*m_sessions, m_context);
    m_health = std::make_unique<UpstreamHealth>(m_commercetools.get());
    registerHealthRoute(*m_router, *m_health);
    m_sessionRoutes->registerOn(*m_router);
    m_callbackRoutes->registerOn(*m_router);
    registerStoreRoutes(*m_router, m_context);
    registerCartRoutes(*m_router, m_context);
    registerProductRoutes(*m_router, m_context);
    registerOrderRoutes(*m_router, m_context);
    registerAuditRoutes(*m_router, m_context);
    m_http = std::make_unique<HttpServer>(*m_router);

    m_purge.setInterval(std::chrono::hours(1));
    connect(&m_purge, &QTimer::timeout, this, [this] {
        if (const StorageResult<int> purged = m_sessions->purge(); purged && *purged > 0)
            qCInfo(lcServerAuth) << "purged" << *purged << "long-expired sessions";
    });
}

ServerApp::~ServerApp() = default;

void ServerApp::start(const QHostAddress& address, quint16 port)
{
    m_address = address;
    m_port = port;
    qCInfo(lcServerCt).noquote() << "commercetools:" << m_commercetools->config().describe();
    runStartupChecks(m_config, *m_tokens, *m_commercetools,
                     [this](const StartupCheckResult& checked) {
                         if (!checked) {
                             emit failed(checked.error());
                             return;
                         }
                         m_context.scopes = checked->scopes;
                         listen();
                     });
}

void ServerApp::listen()
{
    const Expected<quint16> bound = m_http->listen(m_address, m_port);
    if (!bound) {
        emit failed(bound.error().message);
        return;
    }
    m_purge.start();
    emit started(*bound);
}

} // namespace storedesk::server
