#pragma once

#include "base/expected.h"

#include <QByteArray>
#include <QHash>
#include <QProcessEnvironment>
#include <QString>

namespace storedesk::server {

struct ServerConfig;

// What the server takes from the environment only, never from its configuration file.
struct ServerSecrets {
    // The floor for every shared secret: a short one can be guessed offline from one signed body.
    static constexpr qsizetype MinimumBytes = 32;

    QByteArray callbackApiKey;              // what InStore sends as X-Api-Key; empty: no callbacks
    QByteArray webhookSecret;               // signs InStore's webhooks; empty: no webhooks
    QHash<QString, QByteArray> signingKeys; // a payment extension's signingKeyEnv → its secret

    // STOREDESK_CALLBACK_API_KEY, STOREDESK_WEBHOOK_SECRET and the variable each payment
    // extension of `config` names. Fails naming a variable that is set but too short, or a
    // payment extension's variable that is not set; the message never holds a secret.
    static Expected<ServerSecrets> fromEnvironment(const ServerConfig& config,
                                                   const QProcessEnvironment& environment);
};

} // namespace storedesk::server
