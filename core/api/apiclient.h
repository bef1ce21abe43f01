#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;

namespace storedesk::api {

class CartJob;
class DrawerOpeningJob;
class FindCartsJob;
class HealthJob;
class LoginJob;
class LogoutJob;
class OrderLookupJob;
class PriceCheckJob;
class RefundJob;
class StoresJob;
struct CartQuery;
struct Credentials;
struct RefundRequest;

// The integration API of one server: where it is, the current access token (in memory only; the
// vault keeps it across runs), and a factory for one job per request. Jobs are created
// unstarted so that the caller connects finished() first, then calls start().
class ApiClient : public QObject {
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds DefaultTimeout{15000};

    explicit ApiClient(QObject* parent = nullptr);
    ~ApiClient() override;

    // Parse the URL with ServerUrl::parse first; a job still refuses any URL that is not https or
    // loopback http.
    void setServerUrl(const QUrl& url) { m_serverUrl = url; }
    QUrl serverUrl() const { return m_serverUrl; }

    void setAccessToken(const QByteArray& token) { m_accessToken = token; }
    QByteArray accessToken() const { return m_accessToken; }
    bool hasAccessToken() const { return !m_accessToken.isEmpty(); }
    void clearAccessToken() { m_accessToken.clear(); }

    void setDefaultTimeout(std::chrono::milliseconds timeout) { m_defaultTimeout = timeout; }
    std::chrono::milliseconds defaultTimeout() const { return m_defaultTimeout; }

    QNetworkAccessManager* network() const { return m_network; }
    // Sends through another network access manager (a test's fake server); the client does not
    // take ownership. Null goes back to the client's own.
    void setNetwork(QNetworkAccessManager* network);

    HealthJob* health();
    LoginJob* logIn(const Credentials& credentials);
    LogoutJob* logOut(const QByteArray& token = {});
    StoresJob* stores();
    CartJob* cart(const QString& storeKey, const QString& cartId);
    FindCartsJob* findCarts(const QString& storeKey, const CartQuery& query);
    PriceCheckJob* priceCheck(const QString& storeKey, const QString& sku);
    OrderLookupJob* orderLookup(const QString& storeKey, const QString& orderNumber);
    RefundJob* refund(const QString& storeKey, const RefundRequest& request);
    // Audits a cash drawer opening; `key` is the opening's Idempotency-Key (the same on a retry).
    DrawerOpeningJob* drawerOpening(const QString& storeKey, const QString& workstationId,
                                    const QString& reason, const QString& reference,
                                    const QByteArray& key);

    // Called by a job whose token the server no longer accepts. Forgets the token (if it is still
    // the current one) and tells the session, which deletes it from the vault.
    void reportUnauthenticated(const QByteArray& sentToken, const ApiError& error);

signals:
    void unauthenticated(const storedesk::api::ApiError& error);
    // Every answer or failure to answer, for reachability: true when the server answered at all.
    void serverAnswered(bool reachable);

private:
    QNetworkAccessManager* m_ownNetwork;
    QNetworkAccessManager* m_network;
    QUrl m_serverUrl;
    QByteArray m_accessToken;
    std::chrono::milliseconds m_defaultTimeout = DefaultTimeout;
};

} // namespace storedesk::api
