#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace storedesk::server {

// Least privilege for the API client (seed 000). The server needs the scopes of the core payment
// client and of the other colleague-app functions it implements; a manage_* scope beyond the
// seed's list is more than InStore-style work ever needs.
class ScopePolicy {
public:
    // Scopes the server uses. Each is met by the project-wide scope ("view_stores:proj") or by
    // store-scoped ones ("manage_orders:proj:berlin"), which limit the stores it can serve.
    static const QStringList required;
    // The only manage_* scopes the seed lists as necessary.
    static const QStringList allowedManageScopes;

    struct Verdict {
        QStringList missing;        // required scopes not granted, e.g. "view_stores"
        QStringList excessManage;   // granted manage_* scopes beyond the seed's list, as granted
        QStringList foreignProject; // granted scopes for another project key
        // Set when some required scope is only granted for particular stores: the stores every
        // required scope reaches. Unset: every store of the project.
        std::optional<QSet<QString>> storeKeys;

        bool canStart() const { return missing.isEmpty() && foreignProject.isEmpty(); }
        bool servesStore(const QString& storeKey) const
        {
            return !storeKeys || storeKeys->contains(storeKey);
        }
    };

    // `granted` is what the token endpoint answered in "scope" (space separated, split).
    static Verdict evaluate(const QStringList& granted, const QString& projectKey);
};

} // namespace storedesk::server
