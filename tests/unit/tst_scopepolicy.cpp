#include "commercetools/scopepolicy.h"

#include <QTest>

using storedesk::server::ScopePolicy;

class TestScopePolicy : public QObject {
    Q_OBJECT

private:
    static QStringList scoped(const QStringList& names,
                              const QString& suffix = QStringLiteral(":acme"))
    {
        QStringList scopes;
        for (const QString& name : names)
            scopes << name + suffix;
        return scopes;
    }

private slots:
    void theSeedsClientsTogetherAreEnough()
    {
        // Seed 000: the core payment client plus the other functions' client.
        const QStringList granted = scoped(
            {QStringLiteral("manage_orders"), QStringLiteral("manage_payments"),
             QStringLiteral("view_customers"), QStringLiteral("view_types"),
             QStringLiteral("manage_shopping_lists"), QStringLiteral("manage_customers"),
             QStringLiteral("view_categories"), QStringLiteral("view_customer_groups"),
             QStringLiteral("view_discount_codes"), QStringLiteral("view_published_products"),
             QStringLiteral("view_shipping_methods"), QStringLiteral("view_stores")});
        const auto verdict = ScopePolicy::evaluate(granted, QStringLiteral("acme"));
        QVERIFY(verdict.canStart());
        QVERIFY(verdict.missing.isEmpty());
        QVERIFY(verdict.excessManage.isEmpty());
        QVERIFY(!verdict.storeKeys);
        QVERIFY(verdict.servesStore(QStringLiteral("anything")));
    }

    void eachMissingScopeIsNamed()
    {
        const auto verdict = ScopePolicy::evaluate(
            scoped({QStringLiteral("manage_orders"), QStringLiteral("view_types")}),
            QStringLiteral("acme"));
        QVERIFY(!verdict.canStart());
        QCOMPARE(verdict.missing,
                 (QStringList{QStringLiteral("manage_payments"), QStringLiteral("view_customers"),
                              QStringLiteral("view_stores"),
                              QStringLiteral("view_published_products")}));
    }

    void extraManageScopesAreNamed()
    {
        QStringList granted = scoped(ScopePolicy::required);
        granted << QStringLiteral("manage_products:acme")
                << QStringLiteral("manage_api_clients:acme")
                << QStringLiteral("manage_customers:acme");
        const auto verdict = ScopePolicy::evaluate(granted, QStringLiteral("acme"));
        QVERIFY(verdict.canStart());
        QCOMPARE(verdict.excessManage, (QStringList{QStringLiteral("manage_products:acme"),
                                                    QStringLiteral("manage_api_clients:acme")}));
    }

    void manageProjectCoversEverythingButIsExcess()
    {
        const auto verdict =
            ScopePolicy::evaluate({QStringLiteral("manage_project:acme")}, QStringLiteral("acme"));
        QVERIFY(verdict.canStart());
        QCOMPARE(verdict.excessManage, QStringList{QStringLiteral("manage_project:acme")});
    }

    void manageCoversView()
    {
        QStringList granted = scoped(ScopePolicy::required);
        granted.removeAll(QStringLiteral("view_types:acme"));
        granted << QStringLiteral("manage_types:acme");
        const auto verdict = ScopePolicy::evaluate(granted, QStringLiteral("acme"));
        QVERIFY(verdict.missing.isEmpty());
        QCOMPARE(verdict.excessManage, QStringList{QStringLiteral("manage_types:acme")});
    }

    void storeScopedScopesLimitTheStores()
    {
        QStringList granted = scoped(ScopePolicy::required);
        granted.removeAll(QStringLiteral("manage_orders:acme"));
        granted << QStringLiteral("manage_orders:acme:berlin")
                << QStringLiteral("manage_orders:acme:hamburg");
        granted.removeAll(QStringLiteral("view_published_products:acme"));
        granted << QStringLiteral("view_published_products:acme:berlin");
        const auto verdict = ScopePolicy::evaluate(granted, QStringLiteral("acme"));
        QVERIFY(verdict.canStart());
        QVERIFY(verdict.storeKeys);
        QCOMPARE(*verdict.storeKeys, QSet<QString>{QStringLiteral("berlin")});
        QVERIFY(verdict.servesStore(QStringLiteral("berlin")));
        QVERIFY(!verdict.servesStore(QStringLiteral("hamburg")));
    }

    void anotherProjectsScopesDoNotCount()
    {
        const auto verdict = ScopePolicy::evaluate(
            scoped(ScopePolicy::required, QStringLiteral(":other")), QStringLiteral("acme"));
        QVERIFY(!verdict.canStart());
        QCOMPARE(verdict.missing, ScopePolicy::required);
        QCOMPARE(verdict.foreignProject.size(), ScopePolicy::required.size());
    }
};

QTEST_GUILESS_MAIN(TestScopePolicy)
#include "tst_scopepolicy.moc"
