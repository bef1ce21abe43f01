#pragma once

#include <QDateTime>
#include <QObject>

#include <functional>

namespace storedesk::server {

class CtClient;
class Router;
class StorageExecutor;

// Whether commercetools answers, asked at most every few seconds however often /health is polled.
class UpstreamHealth : public QObject {
    Q_OBJECT

public:
    explicit UpstreamHealth(CtClient* commercetools, QObject* parent = nullptr);
    void check(std::function<void(bool reachable)> done);

private:
    CtClient* m_commercetools;
    QDateTime m_checkedAt;
    bool m_reachable = false;
    QList<std::function<void(bool)>> m_waiting;
};

// GET /health: 200 {status: "ok", version, commercetools: "ok" | "unreachable", database: "ok"};
// 503 {status: "degraded", …, database: "unavailable", reason} while the server's database cannot
// be reached, so a load balancer routes elsewhere until it is back. Anyone may ask. The database
// state is what the storage lanes last saw (each proves its connection every few seconds and after
// every failed statement), so /health never waits for the database.
void registerHealthRoute(Router& router, UpstreamHealth& upstream, const StorageExecutor& storage);

} // namespace storedesk::server
