#include "serversecrets.h"

#include "serverconfig.h"

namespace storedesk::server {

namespace {

Error tooShort(const QString& variable)
{
    return Error{Error::Kind::InvalidArgument,
                 QStringLiteral("%1 must have at least %2 characters")
                     .arg(variable)
                     .arg(ServerSecrets::MinimumBytes),
                 QString()};
}

} // namespace

Expected<ServerSecrets> ServerSecrets::fromEnvironment(const ServerConfig& config,
                                                       const QProcessEnvironment& environment)
{
    ServerSecrets secrets;
    const auto optional = [&environment](const QString& variable,
                                         QByteArray* value) -> std::optional<Error> {
        *value = environment.value(variable).toUtf8();
        if (!value->isEmpty() && value->size() < MinimumBytes)
            return tooShort(variable);
        return std::nullopt;
    };
    if (auto problem =
            optional(QStringLiteral("STOREDESK_CALLBACK_API_KEY"), &secrets.callbackApiKey))
        return *problem;
    if (auto problem = optional(QStringLiteral("STOREDESK_WEBHOOK_SECRET"), &secrets.webhookSecret))
        return *problem;
    for (const StoreConfig& store : config.stores) {
        for (const LocationConfig& location : store.locations) {
            for (const WorkstationConfig& workstation : location.workstations) {
                if (!workstation.terminal || workstation.terminal->signingKeyEnv.isEmpty())
                    continue;
                const QString& variable = workstation.terminal->signingKeyEnv;
                const QByteArray value = environment.value(variable).toUtf8();
                if (value.isEmpty())
                    return Error{Error::Kind::InvalidArgument,
                                 QStringLiteral("terminal %1 of store %2: set %3 in the "
                                                "environment to the payment provider's shared "
                                                "secret")
                                     .arg(workstation.terminal->id, store.key, variable),
                                 QString()};
                if (value.size() < MinimumBytes)
                    return tooShort(variable);
                secrets.signingKeys.insert(variable, value);
            }
        }
    }
    return secrets;
}

} // namespace storedesk::server
