#include "drawerjobs.h"

#include "domain/fields.h"
#include "domain/jsonreader.h"

namespace storedesk::api {

DrawerOpening DrawerOpening::read(JsonObjectReader reader)
{
    DrawerOpening opening;
    opening.id = reader.requiredString(QLatin1StringView("id"));
    opening.at = fields::dateTime(reader, QLatin1StringView("at"), true);
    opening.reason = reader.requiredString(QLatin1StringView("reason"));
    opening.reference = reader.optionalString(QLatin1StringView("reference"));
    return opening;
}

Expected<DrawerOpening> DrawerOpening::fromJson(const QByteArray& json)
{
    return json::read<DrawerOpening>(json);
}

DrawerOpeningJob::DrawerOpeningJob(ApiClient* client, const QString& storeKey,
                                   const QString& workstationId, const QString& reason,
                                   const QString& reference, const QByteArray& idempotencyKey)
    : ValueJob(client, [&] {
        Request sent = Request::send(
            "POST",
            QStringLiteral("/stores/%1/workstations/%2/drawer-openings")
                .arg(pathSegment(storeKey), pathSegment(workstationId)),
            {{QStringLiteral("reason"), reason}, {QStringLiteral("reference"), reference}});
        sent.idempotencyKey = idempotencyKey;
        return sent;
    }())
{
}

std::optional<ApiError> DrawerOpeningJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(DrawerOpening::fromJson(body));
}

} // namespace storedesk::api
