#pragma once

#include "apijob.h"

namespace storedesk {
class JsonObjectReader;
}

namespace storedesk::api {

// GET /health: the server runs; whether commercetools answers is reported, not an error.
struct Health {
    QString version;
    bool commercetoolsReachable = false;

    static Health read(JsonObjectReader reader);
    static Expected<Health> fromJson(const QByteArray& json);
};

class HealthJob : public ValueJob<Health> {
public:
    explicit HealthJob(ApiClient* client);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
};

} // namespace storedesk::api
