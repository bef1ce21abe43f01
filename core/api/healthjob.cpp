#include "healthjob.h"

#include "domain/jsonreader.h"

namespace storedesk::api {

Expected<Health> Health::fromJson(const QByteArray& json)
{
    return json::read<Health>(json);
}

Health Health::read(JsonObjectReader reader)
{
    Health health;
    const QString status = reader.requiredString(QLatin1StringView("status"));
    health.version = reader.requiredString(QLatin1StringView("version"));
    health.commercetoolsReachable =
        reader.requiredString(QLatin1StringView("commercetools")) == QLatin1StringView("ok");
    if (!reader.failed() && status != QLatin1StringView("ok"))
        reader.fail(QLatin1StringView("status"), QStringLiteral("expected \"ok\""));
    return health;
}

HealthJob::HealthJob(ApiClient* client)
    : ValueJob(client, [] {
        Request request = Request::get(QStringLiteral("/health"));
        request.authenticated = false;
        return request;
    }())
{
}

std::optional<ApiError> HealthJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(Health::fromJson(body));
}

} // namespace storedesk::api
