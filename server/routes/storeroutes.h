#pragma once

#include <QJsonObject>

namespace storedesk::server {

class Router;
struct ServiceContext;
struct WorkstationConfig;

// A workstation as the API shows it: {id, name, tenders, terminal?{id, kind}}.
QJsonObject workstationJson(const WorkstationConfig& workstation);

// GET /stores: for managers, the stores they may set workstations up for, with their locations
// and workstations.
void registerStoreRoutes(Router& router, const ServiceContext& context);

} // namespace storedesk::server
