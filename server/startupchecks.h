#pragma once

#include "base/expected.h"
#include "commercetools/scopepolicy.h"

#include <QStringList>

#include <functional>

namespace storedesk::server {

class CtClient;
class TokenProvider;
struct ServerConfig;

// What the server makes sure of before it serves, so that a wrong setup stops it at once with a
// reason instead of failing colleagues later: an access token, the granted scopes against the
// least-privilege policy, and every configured store in the project and within the API client's
// store-scoped scopes. ServerApp::start and `storedesk-server --check-config` both run it.
struct StartupCheck {
    QStringList grantedScopes;
    ScopePolicy::Verdict scopes;
};

// The error is a reason fit for the operator.
using StartupCheckResult = Expected<StartupCheck, QString>;

// Calls `done` once, from the event loop. `config`, `tokens` and `commercetools` must outlive that.
void runStartupChecks(const ServerConfig& config, TokenProvider& tokens, CtClient& commercetools,
                      std::function<void(const StartupCheckResult&)> done);

} // namespace storedesk::server
