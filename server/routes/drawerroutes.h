#pragma once

#include "http/router.h"
#include "till/drawerservice.h"

#include <QObject>

namespace storedesk::server {

struct ServiceContext;

// POST /stores/{storeKey}/workstations/{workstationId}/drawer-openings (docs/HARDWARE.md): the
// app says the cash drawer was opened and why. The caller is logged in at that workstation or is
// a manager of the store; the reason is one of DrawerService::reasons() (else 400 and nothing
// recorded); the Idempotency-Key is claimed so a repeat replays the answer and records once.
class DrawerRoutes : public QObject {
    Q_OBJECT

public:
    explicit DrawerRoutes(const ServiceContext& context, QObject* parent = nullptr);

    void registerOn(Router& router);

private:
    void opening(const ApiRequest& request, const Responder& responder);

    const ServiceContext& m_context;
    DrawerService m_service;
};

} // namespace storedesk::server
