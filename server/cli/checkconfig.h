#pragma once

#include <QString>

namespace storedesk::server {

struct ConnectorConfig;
struct ServerConfig;

// What `storedesk-server --check-config` reports on besides what it checks itself.
struct CheckedSetup {
    QString configFile; // empty: none given
    QString listen;     // "address:port"
    QString database;   // a database URL, password redacted; parsed, not opened
    bool callbacksOn = false;
    bool webhooksOn = false;
    int paymentExtensionSecrets = 0; // payment extensions whose secret is set (all configured)
};

// `storedesk-server --check-config`: the start-up checks (startupchecks.h) against the real
// project, without opening the database or listening, so that an operator can try a setup before
// the service runs it. Prints "configuration ok" and a summary to stdout and returns 0, or prints
// the reason to stderr and returns 1. Runs its own event loop. Never prints the secret.
int runCheckConfig(const ServerConfig& config, const ConnectorConfig& connector,
                   const CheckedSetup& setup);

} // namespace storedesk::server
