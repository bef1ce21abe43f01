#include "storeroutes.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "domain/jsonreader.h"
#include "domain/store.h"
#include "servicecontext.h"

namespace storedesk::server {

QJsonObject workstationJson(const WorkstationConfig& workstation)
{
    QJsonObject entry{
        {QStringLiteral("id"), workstation.id},
        {QStringLiteral("name"), workstation.name},
        {QStringLiteral("tenders"), QJsonArray::fromStringList(workstation.tenders())}};
    if (workstation.terminal)
        entry.insert(QStringLiteral("terminal"),
                     QJsonObject{{QStringLiteral("id"), workstation.terminal->id},
                                 {QStringLiteral("kind"), workstation.terminal->kind}});
    return entry;
}

namespace {

QJsonArray locationsOf(const StoreConfig& store)
{
    QJsonArray locations;
    for (const LocationConfig& location : store.locations) {
        QJsonArray workstations;
        for (const WorkstationConfig& workstation : location.workstations) {
            workstations.append(workstationJson(workstation));
        }
        locations.append(QJsonObject{{QStringLiteral("id"), location.id},
                                     {QStringLiteral("name"), location.name},
                                     {QStringLiteral("workstations"), workstations}});
    }
    return locations;
}

void listStores(const ServiceContext& context, const ApiRequest& request,
                const Responder& responder)
{
    QStringList keys;
    for (const StoreConfig& store : context.config->stores) {
        if (request.caller->allowedStores.contains(store.key) &&
            context.scopes.servesStore(store.key))
            keys << predicateLiteral(store.key);
    }
    if (keys.isEmpty()) {
        responder->json(200, QJsonObject{{QStringLiteral("results"), QJsonArray()}});
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("where"),
                       QString::fromLatin1(QUrl::toPercentEncoding(
                           QStringLiteral("key in (%1)").arg(keys.join(QStringLiteral(", "))))));
    query.addQueryItem(QStringLiteral("limit"),
                       QString::number(std::min<qsizetype>(keys.size(), 500)));
    context.commercetools->get(
        QStringLiteral("stores"), query, responder->correlationId(),
        [&context, responder](const CtResponse& response) {
            if (!response.ok()) {
                responder->error(ApiError::upstream(response));
                return;
            }
            QJsonArray results;
            for (const QJsonValue& value :
                 response.body.value(QStringLiteral("results")).toArray()) {
                const Expected<Store> store = json::read<Store>(value.toObject());
                if (!store) {
                    qCWarning(lcServerCt).noquote()
                        << "skipping a store we cannot read:" << store.error().toString();
                    continue;
                }
                const StoreConfig* configured = context.config->store(store->key.toString());
                if (!configured)
                    continue;
                results.append(QJsonObject{
                    {QStringLiteral("key"), store->key.toString()},
                    {QStringLiteral("name"), store->name.toJson()},
                    {QStringLiteral("languages"), QJsonArray::fromStringList(store->languages)},
                    {QStringLiteral("locations"), locationsOf(*configured)},
                });
            }
            responder->json(200, QJsonObject{{QStringLiteral("results"), results}});
        });
}

} // namespace

void registerStoreRoutes(Router& router, const ServiceContext& context)
{
    router.add("GET", QStringLiteral("/stores"), Router::Access::Manager,
               [&context](const ApiRequest& request, const Responder& responder) {
                   listStores(context, request, responder);
               });
}

} // namespace storedesk::server
