#pragma once

#include "apijob.h"
#include "domain/cart.h"

#include <QDateTime>
#include <QList>

namespace storedesk::api {

// One line of GET /stores/{storeKey}/carts.
struct CartSummary {
    QString id;
    QString key;
    QString customerEmail;
    QString cartState;
    Money totalPrice;
    qint64 lineItemCount = 0;
    qint64 itemQuantity = 0;
    QDateTime lastModifiedAt;

    static Expected<QList<CartSummary>> listFromJson(const QByteArray& json);
};

// Which carts to find: by key, by customer e-mail, or (both empty) the most recent.
struct CartQuery {
    QString key;
    QString customerEmail;
    int limit = 20;
};

// GET /stores/{storeKey}/carts/{cartId}
class CartJob : public ValueJob<Cart> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::CartJob)

public:
    CartJob(ApiClient* client, const QString& storeKey, const QString& cartId);

    // What a failure to open a cart means to a colleague (also for CartBalanceJob, which opens
    // carts too).
    static void describeCartError(ApiError& error);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

// GET /stores/{storeKey}/carts?key=…|customerEmail=…
class FindCartsJob : public ValueJob<QList<CartSummary>> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::FindCartsJob)

public:
    FindCartsJob(ApiClient* client, const QString& storeKey, const CartQuery& query);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

} // namespace storedesk::api
