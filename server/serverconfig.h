#pragma once

#include "base/expected.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace storedesk::server {

// A payment terminal bound to a workstation. Its kinds and settings arrive with payments.
struct TerminalConfig {
    QString id;
    QString kind; // "simulated" or "http"
    // kind "http" only: the payment extension's base URL, and the name of the environment
    // variable holding the secret that signs both directions (the secret is never in the file).
    QUrl providerUrl;
    QString signingKeyEnv;
};

struct WorkstationConfig {
    QString id;
    QString name;
    std::optional<TerminalConfig> terminal;
    // Whether this workstation has a cash drawer (and so till sessions and the cash tender).
    bool cashDrawer = true;

    // What a colleague can take here: cash with a drawer, card when a terminal is bound.
    QStringList tenders() const;
};

struct LocationConfig {
    QString id;
    QString name;
    QList<WorkstationConfig> workstations;
};

// A store's rules for the till's day (docs/TILL.md). Amounts in minor units of the store's
// currency.
struct TillConfig {
    bool cardNeedsOpenTill = false; // card payments refused without an open till
    QStringList payInReasons{QStringLiteral("Change delivery"), QStringLiteral("Float top-up")};
    QStringList payOutReasons{QStringLiteral("Supplier paid"), QStringLiteral("Tip out"),
                              QStringLiteral("Petty cash")};
    QStringList noSaleReasons{QStringLiteral("Change for customer"),
                              QStringLiteral("Check drawer")};
    qint64 payOutApprovalAbove = 5000; // pay-outs above this need a manager
    int noSaleApprovalAfter = 3;       // no sales after this many in a session need a manager
    qint64 closeApprovalAbove = 500;   // a close over or short by more needs a manager
};

struct StoreConfig {
    QString key; // a commercetools store key, checked against the project at start-up
    QString currency = QStringLiteral("EUR"); // prices are selected in it (price checks)
    QString country;                          // and for it, when set (ISO 3166 alpha-2)
    QList<LocationConfig> locations;
    // Refunds above this amount (minor units of the store's currency) or of orders older than
    // this many days need a manager's approval.
    qint64 refundApprovalAbove = 5000;
    int refundApprovalAfterDays = 30;
    TillConfig till;

    const WorkstationConfig* workstation(const QString& id) const;
};

// The server's own settings, from an optional JSON file. It holds nothing secret: the API
// client's credentials come from the environment only, and a file that tries to hold them is
// refused.
struct ServerConfig {
    QString listen;   // "address:port"; empty: the command line's or the default
    QString database; // a database URL; empty: the command line's or the default
    int sessionHours = 12;
    // Where payment providers reach this server (their callbacks); empty: the address it listens
    // on, which suits a provider on the same host.
    QUrl publicUrl;
    // A provider that has not reported an outcome this long after being asked is asked for the
    // status of that attempt; recovery looks for such attempts this often.
    int paymentStatusAfterSeconds = 60;
    int recoveryIntervalSeconds = 30;
    int simulatedTerminalDelayMs = 1500;
    // How long a request may wait for the database before it fails with 503
    // database_unavailable: SQLite's busy timeout (another process holds the write lock), and
    // PostgreSQL's statement_timeout and lock_timeout. Defaults: Database::Limits.
    int databaseBusyTimeoutMs = 2000;
    int databaseStatementTimeoutMs = 5000;
    int databaseLockTimeoutMs = 2000;
    // Requests at commercetools at once, at most; more wait their turn in the server. Each
    // HTTP/1.1 request holds a connection; over HTTPS, reads share HTTP/2 connections. The default
    // suits a busy store (64 lookups at once with a region's 40 ms answer: ~1500 per second).
    int commercetoolsConnections = 64;
    QList<StoreConfig> stores;

    static Expected<ServerConfig> fromJson(const QByteArray& json);
    static Expected<ServerConfig> load(const QString& path);

    const StoreConfig* store(const QString& key) const;
};

} // namespace storedesk::server
