#include "healthroute.h"

#include "storedesk/version.h"

#include <QHttpServer>
#include <QJsonObject>

namespace storedesk::server {

void registerHealthRoute(QHttpServer& server)
{
    server.route(QStringLiteral("/health"), QHttpServerRequest::Method::Get, [] {
        // The commercetools connector arrives with the server's next part; until then the
        // server says plainly that it has none rather than claiming to reach it.
        return QHttpServerResponse(QJsonObject{
            {QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("version"), applicationVersion()},
            {QStringLiteral("commercetools"), QStringLiteral("unconfigured")},
        });
    });
}

} // namespace storedesk::server
