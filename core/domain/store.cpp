#include "store.h"

#include "fields.h"
#include "jsonreader.h"

namespace storedesk {

Store Store::read(JsonObjectReader reader)
{
    Store store;
    store.id = reader.requiredString(QLatin1StringView("id"));
    store.version = reader.requiredInteger(QLatin1StringView("version"));
    const QString key = reader.requiredString(QLatin1StringView("key"));
    if (!reader.failed()) {
        Expected<StoreKey> parsed = StoreKey::parse(key);
        if (parsed)
            store.key = *parsed;
        else
            reader.fail(QLatin1StringView("key"), parsed.error().message, parsed.error().kind);
    }
    if (auto name = reader.optionalObject(QLatin1StringView("name")))
        store.name = LocalizedString::read(*name);
    store.languages = reader.optionalStringList(QLatin1StringView("languages"));
    reader.forEachObject(QLatin1StringView("distributionChannels"), [&](JsonObjectReader& channel) {
        store.distributionChannels.append(Reference::read(channel, QLatin1StringView("channel")));
    });
    reader.forEachObject(QLatin1StringView("supplyChannels"), [&](JsonObjectReader& channel) {
        store.supplyChannels.append(Reference::read(channel, QLatin1StringView("channel")));
    });
    store.createdAt = fields::dateTime(reader, QLatin1StringView("createdAt"));
    store.lastModifiedAt = fields::dateTime(reader, QLatin1StringView("lastModifiedAt"));
    return store;
}

Expected<Store> Store::fromJson(const QByteArray& json)
{
    return json::read<Store>(json);
}

} // namespace storedesk
