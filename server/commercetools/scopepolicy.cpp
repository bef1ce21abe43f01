#include "scopepolicy.h"

#include <QHash>

namespace storedesk::server {

const QStringList ScopePolicy::required = {
    // core payment functions
    QStringLiteral("manage_orders"),
    QStringLiteral("manage_payments"),
    QStringLiteral("view_customers"),
    QStringLiteral("view_types"),
    // the other functions the server implements: stores, price checks
    QStringLiteral("view_stores"),
    QStringLiteral("view_published_products"),
};

const QStringList ScopePolicy::allowedManageScopes = {
    QStringLiteral("manage_shopping_lists"),
    QStringLiteral("manage_orders"),
    QStringLiteral("manage_payments"),
    QStringLiteral("manage_customers"),
};

ScopePolicy::Verdict ScopePolicy::evaluate(const QStringList& granted, const QString& projectKey)
{
    Verdict verdict;
    QSet<QString> projectWide;
    QHash<QString, QSet<QString>> perStore; // scope name → store keys

    for (const QString& scope : granted) {
        const QStringList parts = scope.split(QLatin1Char(':'));
        const QString& name = parts.constFirst();
        if (parts.size() >= 2 && parts.at(1) != projectKey) {
            verdict.foreignProject << scope;
            continue;
        }
        if (parts.size() == 3)
            perStore[name].insert(parts.at(2));
        else
            projectWide.insert(name);
        if (name.startsWith(QLatin1StringView("manage_")) && !allowedManageScopes.contains(name))
            verdict.excessManage << scope;
    }

    // manage_project covers every scope, and manage_X covers view_X.
    const auto covering = [](const QString& name) {
        QStringList names{name, QStringLiteral("manage_project")};
        if (name.startsWith(QLatin1StringView("view_")))
            names << QStringLiteral("manage_") + name.mid(5);
        return names;
    };
    for (const QString& name : required) {
        std::optional<QSet<QString>> reach; // stores this requirement reaches; unset: all
        bool met = false;
        for (const QString& candidate : covering(name)) {
            if (projectWide.contains(candidate)) {
                met = true;
                reach.reset();
                break;
            }
            if (const auto stores = perStore.constFind(candidate); stores != perStore.constEnd()) {
                met = true;
                reach = reach ? reach->unite(*stores) : *stores;
            }
        }
        if (!met)
            verdict.missing << name;
        else if (reach)
            verdict.storeKeys = verdict.storeKeys ? verdict.storeKeys->intersect(*reach) : *reach;
    }
    return verdict;
}

} // namespace storedesk::server
