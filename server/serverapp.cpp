#include "serverapp.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "commercetools/tokenprovider.h"
#include "httpserver.h"
#include "payments/paymentcoordinator.h"
#include "payments/paymentservice.h"
#include "payments/providerregistry.h"
#include "routes/attemptroutes.h"
#include "routes/auditroutes.h"
#include "routes/callbackroutes.h"
#include "routes/cartroutes.h"
#include "routes/checkoutroutes.h"
#include "routes/healthroute.h"
#include "routes/orderroutes.h"
#include "routes/paymentroutes.h"
#include "routes/productroutes.h"
#include "routes/refundroutes.h"
#include "routes/sessionroutes.h"
#include "routes/storeroutes.h"
#include "routes/tillroutes.h"
#include "routes/drawerroutes.h"
#include "routes/webhookroutes.h"
#include "startupchecks.h"
#include "storage/storageexecutor.h"

namespace storedesk::server {

ServerApp::ServerApp(ServerConfig config, ConnectorConfig connector, const DatabaseUrl& database,
                     ServerSecrets secrets, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_secrets(std::move(secrets))
{
    Database::Limits limits;
    limits.sqliteBusyTimeoutMs = m_config.databaseBusyTimeoutMs;
    limits.postgresStatementTimeoutMs = m_config.databaseStatementTimeoutMs;
    limits.postgresLockTimeoutMs = m_config.databaseLockTimeoutMs;
    m_storage = std::make_unique<StorageExecutor>(database, limits,
                                                  std::chrono::hours(m_config.sessionHours));
    m_tokens = std::make_unique<TokenProvider>(connector, &m_network);
    // A pool of its own, sized by the configuration: one manager's six connections per host
    // would make every till wait behind six requests at a busy hour.
    m_commercetools =
        std::make_unique<CtClient>(connector, m_tokens.get(), m_config.commercetoolsConnections);
    m_providers = std::make_unique<ProviderRegistry>(m_config, &m_network);
    m_context.commercetools = m_commercetools.get();
    m_context.storage = m_storage.get();
    m_context.config = &m_config;

    m_sessionRoutes = std::make_unique<SessionRoutes>(m_context);
    m_router = std::make_unique<Router>(m_sessionRoutes.get(), m_secrets.callbackApiKey);
    m_callbackRoutes = std::make_unique<CallbackRoutes>(m_context);
    m_health = std::make_unique<UpstreamHealth>(m_commercetools.get());
    registerHealthRoute(*m_router, *m_health, *m_storage);
    m_sessionRoutes->registerOn(*m_router);
    m_callbackRoutes->registerOn(*m_router);
    registerStoreRoutes(*m_router, m_context);
    registerCartRoutes(*m_router, m_context);
    registerProductRoutes(*m_router, m_context);
    registerOrderRoutes(*m_router, m_context);
    registerAuditRoutes(*m_router, m_context);
    m_payments = std::make_unique<PaymentCoordinator>(
        m_context, *m_providers, std::chrono::seconds(m_config.paymentStatusAfterSeconds));
    m_paymentService = std::make_unique<PaymentService>(m_context, *m_payments);
    m_paymentRoutes = std::make_unique<PaymentRoutes>(m_context, *m_paymentService, *m_providers);
    m_paymentRoutes->registerOn(*m_router);
    registerAttemptRoutes(*m_router, m_context);
    m_checkoutRoutes = std::make_unique<CheckoutRoutes>(m_context);
    m_checkoutRoutes->registerOn(*m_router);
    m_refundRoutes = std::make_unique<RefundRoutes>(m_context);
    m_refundRoutes->registerOn(*m_router);
    m_tillRoutes = std::make_unique<TillRoutes>(m_context);
    m_tillRoutes->registerOn(*m_router);
    m_drawerRoutes = std::make_unique<DrawerRoutes>(m_context);
    m_drawerRoutes->registerOn(*m_router);
    registerWebhookRoutes(*m_router, m_context, m_secrets.webhookSecret);
    m_http = std::make_unique<HttpServer>(*m_router);

    m_purge.setInterval(std::chrono::hours(1));
    connect(&m_purge, &QTimer::timeout, this, [this] {
        m_storage->post(StorageExecutor::Lane::Write, [](Stores& stores) {
            if (const StorageResult<int> purged = stores.sessions.purge(); purged && *purged > 0)
                qCInfo(lcServerAuth) << "purged" << *purged << "long-expired sessions";
            if (const StorageResult<int> purged = stores.idempotency.purge(); purged && *purged > 0)
                qCInfo(lcServerDb) << "purged" << *purged << "idempotency records";
        });
    });
    m_recovery.setInterval(std::chrono::seconds(m_config.recoveryIntervalSeconds));
    connect(&m_recovery, &QTimer::timeout, this, [this] { m_payments->recover(); });
    // Back after an outage: what was left open meanwhile is resolved now.
    connect(m_storage.get(), &StorageExecutor::availabilityChanged, this, [this](bool available) {
        if (available && m_recovery.isActive())
            m_payments->recover();
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
    QUrl publicUrl = m_config.publicUrl;
    if (publicUrl.isEmpty()) {
        publicUrl.setScheme(QStringLiteral("http"));
        publicUrl.setHost(m_address.isEqual(QHostAddress::AnyIPv4) ||
                                  m_address.isEqual(QHostAddress::Any)
                              ? QStringLiteral("127.0.0.1")
                              : m_address.toString());
        publicUrl.setPort(*bound);
    }
    if (const Expected<void> providers = m_providers->setUp(publicUrl, m_secrets.signingKeys);
        !providers) {
        emit failed(providers.error().message);
        return;
    }
    m_purge.start();
    // Attempts a previous run left open are resolved now, not after the first interval.
    m_payments->recover();
    m_recovery.start();
    emit started(*bound);
}

} // namespace storedesk::server
