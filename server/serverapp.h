#pragma once

#include "commercetools/connectorconfig.h"
#include "routes/servicecontext.h"
#include "serverconfig.h"
#include "serversecrets.h"
#include "storage/databaseurl.h"

#include <QHash>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

#include <memory>

namespace storedesk::server {

class CallbackRoutes;
class CheckoutRoutes;
class PaymentCoordinator;
class PaymentService;
class PaymentRoutes;
class ProviderRegistry;
class RefundRoutes;
class TillRoutes;
class DrawerRoutes;
class CtClient;
class HttpServer;
class SessionRoutes;
class StorageExecutor;
class TokenProvider;
class UpstreamHealth;

// The running server: connector, storage, routes and HTTP front, wired together. start() runs the
// start-up checks (startupchecks.h) before it listens, and reports either started() or failed()
// with a reason fit for the operator. The database at `database` (already migrated) is used
// through a StorageExecutor: its own connections on worker threads, never on this event loop.
class ServerApp : public QObject {
    Q_OBJECT

public:
    ServerApp(ServerConfig config, ConnectorConfig connector, const DatabaseUrl& database,
              ServerSecrets secrets = {}, QObject* parent = nullptr);
    ~ServerApp() override;

    void start(const QHostAddress& address, quint16 port);
    const Router& router() const { return *m_router; }
    StorageExecutor& storage() { return *m_storage; }

signals:
    void started(quint16 port);
    void failed(const QString& reason);

private:
    void listen();

    ServerConfig m_config;
    QNetworkAccessManager m_network;
    std::unique_ptr<TokenProvider> m_tokens;
    std::unique_ptr<CtClient> m_commercetools;
    std::unique_ptr<StorageExecutor> m_storage; // before everything that posts work to it
    std::unique_ptr<ProviderRegistry> m_providers;
    std::unique_ptr<PaymentCoordinator> m_payments;
    std::unique_ptr<PaymentService> m_paymentService;
    ServiceContext m_context;
    std::unique_ptr<SessionRoutes> m_sessionRoutes;
    std::unique_ptr<CallbackRoutes> m_callbackRoutes;
    std::unique_ptr<PaymentRoutes> m_paymentRoutes;
    std::unique_ptr<CheckoutRoutes> m_checkoutRoutes;
    std::unique_ptr<RefundRoutes> m_refundRoutes;
    std::unique_ptr<TillRoutes> m_tillRoutes;
    std::unique_ptr<DrawerRoutes> m_drawerRoutes;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<UpstreamHealth> m_health;
    std::unique_ptr<HttpServer> m_http;
    QTimer m_purge;    // drops long-expired sessions and idempotency records
    QTimer m_recovery; // resolves payment attempts a crash or a lost message left open
    ServerSecrets m_secrets;
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace storedesk::server
