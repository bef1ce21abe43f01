#pragma once

#include "apijob.h"
#include "domain/localizedstring.h"
#include "domain/storekey.h"

#include <QList>

namespace storedesk::api {

// What a manager picks from when setting a workstation up (GET /stores).
struct SetupWorkstation {
    QString id;
    QString name;
    QString terminalId; // empty without a payment terminal
};

struct SetupLocation {
    QString id;
    QString name;
    QList<SetupWorkstation> workstations;
};

struct SetupStore {
    StoreKey key;
    LocalizedString name;
    QStringList languages;
    QList<SetupLocation> locations;

    static Expected<QList<SetupStore>> listFromJson(const QByteArray& json);
};

class StoresJob : public ValueJob<QList<SetupStore>> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::StoresJob)

public:
    explicit StoresJob(ApiClient* client);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

} // namespace storedesk::api
