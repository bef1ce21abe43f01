#include "apiclient.h"

#include "base/logging.h"
#include "cartjobs.h"
#include "drawerjobs.h"
#include "healthjob.h"
#include "orderjobs.h"
#include "pricecheckjob.h"
#include "sessionjobs.h"
#include "storesjob.h"

#include <QNetworkAccessManager>

namespace storedesk::api {

ApiClient::ApiClient(QObject* parent)
    : QObject(parent)
    , m_ownNetwork(new QNetworkAccessManager(this))
    , m_network(m_ownNetwork)
{
    // QNetworkAccessManager has no disk cache unless given one: answers never land on disk.
}

void ApiClient::setNetwork(QNetworkAccessManager* network)
{
    m_network = network ? network : m_ownNetwork;
}

ApiClient::~ApiClient()
{
    m_accessToken.fill('\0');
}

HealthJob* ApiClient::health()
{
    return new HealthJob(this);
}

LoginJob* ApiClient::logIn(const Credentials& credentials)
{
    return new LoginJob(this, credentials);
}

LogoutJob* ApiClient::logOut(const QByteArray& token)
{
    return new LogoutJob(this, token);
}

StoresJob* ApiClient::stores()
{
    return new StoresJob(this);
}

CartJob* ApiClient::cart(const QString& storeKey, const QString& cartId)
{
    return new CartJob(this, storeKey, cartId);
}

FindCartsJob* ApiClient::findCarts(const QString& storeKey, const CartQuery& query)
{
    return new FindCartsJob(this, storeKey, query);
}

PriceCheckJob* ApiClient::priceCheck(const QString& storeKey, const QString& sku)
{
    return new PriceCheckJob(this, storeKey, sku);
}

OrderLookupJob* ApiClient::orderLookup(const QString& storeKey, const QString& orderNumber)
{
    return new OrderLookupJob(this, storeKey, orderNumber);
}

RefundJob* ApiClient::refund(const QString& storeKey, const RefundRequest& request)
{
    return new RefundJob(this, storeKey, request);
}

DrawerOpeningJob* ApiClient::drawerOpening(const QString& storeKey, const QString& workstationId,
                                           const QString& reason, const QString& reference,
                                           const QByteArray& key)
{
    return new DrawerOpeningJob(this, storeKey, workstationId, reason, reference, key);
}

void ApiClient::reportUnauthenticated(const QByteArray& sentToken, const ApiError& error)
{
    // A late 401 for a token that has since been replaced (another user took over) must not end
    // the new session.
    if (sentToken.isEmpty() || sentToken != m_accessToken)
        return;
    qCInfo(lcCoreApi) << "the server no longer accepts the session, correlation"
                      << error.correlationId;
    m_accessToken.fill('\0');
    m_accessToken.clear();
    emit unauthenticated(error);
}

} // namespace storedesk::api
