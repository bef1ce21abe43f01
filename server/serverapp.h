#pragma once

#include "commercetools/connectorconfig.h"
#include "routes/servicecontext.h"
#include "serverconfig.h"
#include "serversecrets.h"

#include <QHash>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

#include <memory>

namespace storedesk::server {

class AuditLog;
class CallbackRoutes;
class CheckoutRoutes;
class DeliveryLog;
class IdempotencyStore;
class OrderNumberStore;
class PaymentAttemptStore;
class PaymentCoordinator;
class PaymentRoutes;
class ProviderRegistry;
class RefundRoutes;
class RefundStore;
class CtClient;
class Database;
class HttpServer;
class SessionRoutes;
class SessionStore;
class TokenProvider;
class UpstreamHealth;
class UserDirectory;

// The running server: connector, storage, routes and HTTP front, wired together. start() runs the
// start-up checks (startupchecks.h) before it listens, and reports either started() or failed()
// with a reason fit for the operator.
class ServerApp : public QObject {
    Q_OBJECT

public:
    ServerApp(ServerConfig config, ConnectorConfig connector, Database& database,
              ServerSecrets secrets = {}, QObject* parent = nullptr);
    ~ServerApp() override;

    void start(const QHostAddress& address, quint16 port);
    const Router& router() const { return *m_router; }

signals:
    void started(quint16 port);
    void failed(const QString& reason);

private:
    void listen();

    ServerConfig m_config;
    QNetworkAccessManager m_network;
    std::unique_ptr<TokenProvider> m_tokens;
    std::unique_ptr<CtClient> m_commercetools;
    std::unique_ptr<UserDirectory> m_users;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<IdempotencyStore> m_idempotency;
    std::unique_ptr<PaymentAttemptStore> m_attempts;
    std::unique_ptr<OrderNumberStore> m_orderNumbers;
    std::unique_ptr<RefundStore> m_refunds;
    std::unique_ptr<DeliveryLog> m_deliveries;
    std::unique_ptr<ProviderRegistry> m_providers;
    std::unique_ptr<PaymentCoordinator> m_payments;
    ServiceContext m_context;
    std::unique_ptr<SessionRoutes> m_sessionRoutes;
    std::unique_ptr<CallbackRoutes> m_callbackRoutes;
    std::unique_ptr<PaymentRoutes> m_paymentRoutes;
    std::unique_ptr<CheckoutRoutes> m_checkoutRoutes;
    std::unique_ptr<RefundRoutes> m_refundRoutes;
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
