#include "healthjob.h"

#include "domain/jsonreader.h"

namespace storedesk::api {

Expected<Health> Health::fromJson(const QByteArray& json)
{
    Expected<QJsonObject> object = json::parseObject(json);
    if (!object)
        return object.error();
    JsonObjectReader reader(*object);
    Health health;
    const QString status = reader.requiredString(QLatin1StringView("status"));
    health.version = reader.requiredString(QLatin1StringView("version"));
    health.commercetoolsReachable =
        reader.requiredString(QLatin1StringView("commercetools")) == QLatin1StringView("ok");
    if (!reader.failed() && status != QLatin1StringView("ok"))
        reader.fail(QLatin1StringView("status"), QStringLiteral("expected \"ok\""));
    if (reader.failed())
        return reader.error();
    return health;
}

HealthJob::HealthJob(ApiClient* client)
    : ValueJob(client, Request{"GET", QStringLiteral("/health"), {}, {}, false, {}})
{
}

std::optional<ApiError> HealthJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    Expected<Health> health = Health::fromJson(body);
    if (!health)
        return ApiError::fromParseError(health.error(), correlationId());
    m_value = *health;
    return std::nullopt;
}

} // namespace storedesk::api
