#pragma once

#include "http/router.h"
#include "till/tillservice.h"

#include <QObject>

namespace storedesk::server {

struct ServiceContext;

// The till's routes (docs/TILL.md): /stores/{storeKey}/workstations/{workstationId}/till… and
// /stores/{storeKey}/till-sessions…. Each checks who may ask and the form of the request (400 and
// nothing changed when it is wrong), claims the Idempotency-Key of the writes that move money,
// and hands the rest to the TillService.
class TillRoutes : public QObject {
    Q_OBJECT

public:
    explicit TillRoutes(const ServiceContext& context, QObject* parent = nullptr);

    void registerOn(Router& router);

private:
    // The caller may act at the path's workstation (logged in there), or, when reading is
    // enough, is a manager of the store; else answers and returns nullopt.
    std::optional<TillService::Where> admit(const ApiRequest& request, const Responder& responder,
                                            bool readOnly) const;
    void status(const ApiRequest& request, const Responder& responder);
    void open(const ApiRequest& request, const Responder& responder);
    void movement(const ApiRequest& request, const Responder& responder);
    void xReport(const ApiRequest& request, const Responder& responder);
    void close(const ApiRequest& request, const Responder& responder);
    void expectedFloat(const ApiRequest& request, const Responder& responder);
    void sessions(const ApiRequest& request, const Responder& responder);
    void zReport(const ApiRequest& request, const Responder& responder);

    const ServiceContext& m_context;
    TillService m_service;
};

} // namespace storedesk::server
