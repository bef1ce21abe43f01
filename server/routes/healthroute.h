#pragma once

#include <QDateTime>
#include <QObject>

#include <functional>

namespace storedesk::server {

class CtClient;
class Router;

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

// GET /health: {status, version, commercetools: "ok" | "unreachable"}. Anyone may ask.
void registerHealthRoute(Router& router, UpstreamHealth& upstream);

} // namespace storedesk::server
