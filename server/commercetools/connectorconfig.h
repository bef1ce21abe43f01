#pragma once

#include "base/expected.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

namespace storedesk::server {

// The commercetools API client the server acts as (seeds 002/003): project key, client id and
// secret, scopes, region. Read from the environment only: the secret never sits in a config file.
struct ConnectorConfig {
    static const QStringList regions; // the regions commercetools serves, e.g. europe-west1.gcp
    static constexpr auto defaultRegion = "europe-west1.gcp";

    QString projectKey;
    QString clientId;
    QString clientSecret;
    QStringList scopes; // as requested, e.g. "manage_orders:acme", "view_stores:acme:berlin"
    QString region;
    QUrl apiUrl;  // https://api.{region}.commercetools.com unless CTP_API_URL points elsewhere
    QUrl authUrl; // https://auth.{region}.commercetools.com unless CTP_AUTH_URL does

    // CTP_PROJECT_KEY, CTP_CLIENT_ID, CTP_CLIENT_SECRET, CTP_SCOPES (space separated),
    // CTP_REGION (default europe-west1.gcp), CTP_API_URL, CTP_AUTH_URL. Every problem found is
    // reported, each naming its variable; no message ever contains the secret.
    static Expected<ConnectorConfig> fromEnvironment(const QProcessEnvironment& environment);

    // For logs: everything but the secret.
    QString describe() const;
};

} // namespace storedesk::server
