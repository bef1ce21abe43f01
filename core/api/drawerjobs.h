#pragma once

#include "apijob.h"

#include <QDateTime>

namespace storedesk {
class JsonObjectReader;
}

namespace storedesk::api {

// A cash drawer opening as the server audited it (docs/HARDWARE.md).
struct DrawerOpening {
    QString id;
    QDateTime at;
    QString
        reason; // "cash-sale", "cash-refund", "pay-in", "pay-out", "safe-drop", "no-sale", "test"
    QString reference;

    static DrawerOpening read(JsonObjectReader reader);
    static Expected<DrawerOpening> fromJson(const QByteArray& json);
};

// POST /stores/{storeKey}/workstations/{workstationId}/drawer-openings {reason, reference}: 201
// DrawerOpening. One Idempotency-Key per opening, so a repeat after an unclear outcome records it
// once.
class DrawerOpeningJob : public ValueJob<DrawerOpening> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::DrawerOpeningJob)

public:
    DrawerOpeningJob(ApiClient* client, const QString& storeKey, const QString& workstationId,
                     const QString& reason, const QString& reference,
                     const QByteArray& idempotencyKey);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
};

} // namespace storedesk::api
