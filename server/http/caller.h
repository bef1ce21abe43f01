#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace storedesk::server {

// Who is asking: the user behind a valid access token, and what that session is bound to.
struct Caller {
    QString username;
    QString displayName;
    QStringList roles;         // "colleague", "manager"
    QStringList allowedStores; // store keys the user may work in
    QString storeKey;      // the store the session is bound to; empty for a manager's setup session
    QString workstationId; // likewise

    bool isManager() const { return roles.contains(QStringLiteral("manager")); }
    // A colleague works in the store the session names; a manager in any store they are allowed.
    bool mayUseStore(const QString& key) const
    {
        return storeKey.isEmpty() ? isManager() && allowedStores.contains(key) : storeKey == key;
    }
};

// Resolves a bearer token to its caller. The session store implements it; the router only asks.
class Authenticator {
public:
    // caller nullopt: unknown, expired or revoked (whyNot says which, safe to show), or the
    // database is unavailable (unavailable set).
    struct Verdict {
        std::optional<Caller> caller;
        QString whyNot;
        bool unavailable = false;
    };

    virtual ~Authenticator() = default;
    // Answers on the event loop, at once when the token is cached, else after a database lookup.
    virtual void resolve(const QByteArray& token, std::function<void(const Verdict&)> done) = 0;
};

} // namespace storedesk::server
