#pragma once

#include "base/expected.h"

#include <QCoreApplication>
#include <QUrl>

namespace storedesk::api {

// The integration server's base URL as a workstation is configured with it.
class ServerUrl {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::ServerUrl)

public:
    // Accepts https URLs, and http only for loopback hosts (a local demo or test stack). Refuses
    // user names or passwords in the URL (they would land in the settings file), queries and
    // fragments. The result has no trailing slash, so paths can be appended.
    static Expected<QUrl> parse(const QString& text);
};

} // namespace storedesk::api
