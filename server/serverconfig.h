#pragma once

#include "base/expected.h"

#include <QList>
#include <QString>

namespace storedesk::server {

// A payment terminal bound to a workstation. Its kinds and settings arrive with payments.
struct TerminalConfig {
    QString id;
    QString kind; // "simulated" or "http"
};

struct WorkstationConfig {
    QString id;
    QString name;
    std::optional<TerminalConfig> terminal;
};

struct LocationConfig {
    QString id;
    QString name;
    QList<WorkstationConfig> workstations;
};

struct StoreConfig {
    QString key; // a commercetools store key, checked against the project at start-up
    QString currency = QStringLiteral("EUR"); // prices are selected in it (price checks)
    QString country;                          // and for it, when set (ISO 3166 alpha-2)
    QList<LocationConfig> locations;

    const WorkstationConfig* workstation(const QString& id) const;
};

// The server's own settings, from an optional JSON file. It holds nothing secret: the API
// client's credentials come from the environment only, and a file that tries to hold them is
// refused.
struct ServerConfig {
    QString listen;   // "address:port"; empty: the command line's or the default
    QString database; // a database URL; empty: the command line's or the default
    int sessionHours = 12;
    QList<StoreConfig> stores;

    static Expected<ServerConfig> fromJson(const QByteArray& json);
    static Expected<ServerConfig> load(const QString& path);

    const StoreConfig* store(const QString& key) const;
};

} // namespace storedesk::server
