#include "storesjob.h"

#include "domain/jsonreader.h"

namespace storedesk::api {

Expected<QList<SetupStore>> SetupStore::listFromJson(const QByteArray& json)
{
    Expected<QJsonObject> object = json::parseObject(json);
    if (!object)
        return object.error();
    JsonObjectReader reader(*object);
    QList<SetupStore> stores;
    reader.forEachObject(
        QLatin1StringView("results"),
        [&](JsonObjectReader& storeReader) {
            SetupStore store;
            const QString key = storeReader.requiredString(QLatin1StringView("key"));
            if (!storeReader.failed()) {
                Expected<StoreKey> parsed = StoreKey::parse(key);
                if (parsed)
                    store.key = *parsed;
                else
                    storeReader.fail(QLatin1StringView("key"), parsed.error().message);
            }
            if (auto name = storeReader.optionalObject(QLatin1StringView("name")))
                store.name = LocalizedString::read(*name);
            store.languages = storeReader.optionalStringList(QLatin1StringView("languages"));
            storeReader.forEachObject(
                QLatin1StringView("locations"),
                [&](JsonObjectReader& locationReader) {
                    SetupLocation location;
                    location.id = locationReader.requiredString(QLatin1StringView("id"));
                    location.name = locationReader.requiredString(QLatin1StringView("name"));
                    locationReader.forEachObject(
                        QLatin1StringView("workstations"),
                        [&](JsonObjectReader& workstationReader) {
                            SetupWorkstation workstation;
                            workstation.id =
                                workstationReader.requiredString(QLatin1StringView("id"));
                            workstation.name =
                                workstationReader.requiredString(QLatin1StringView("name"));
                            if (auto terminal =
                                    workstationReader.optionalObject(QLatin1StringView("terminal")))
                                workstation.terminalId =
                                    terminal->requiredString(QLatin1StringView("id"));
                            location.workstations.append(workstation);
                        },
                        true);
                    store.locations.append(location);
                },
                true);
            stores.append(store);
        },
        true);
    if (reader.failed())
        return reader.error();
    return stores;
}

StoresJob::StoresJob(ApiClient* client)
    : ValueJob(client, Request::get(QStringLiteral("/stores")))
{
}

std::optional<ApiError> StoresJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(SetupStore::listFromJson(body));
}

void StoresJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    if (error.code == ApiError::Code::Forbidden)
        error.message = tr("Only a manager can set a workstation up.");
}

} // namespace storedesk::api
