#pragma once

#include "../base/expected.h"

#include <QCoreApplication>
#include <QString>

namespace storedesk {

// The key of a commercetools Store: 2 to 256 characters from [A-Za-z0-9_-]. It names the store in
// every in-store URL and OAuth scope, so a key that breaks the rule is never passed on.
class StoreKey {
    Q_DECLARE_TR_FUNCTIONS(storedesk::StoreKey)

public:
    static constexpr qsizetype MinLength = 2;
    static constexpr qsizetype MaxLength = 256;

    StoreKey() = default; // empty, which is not a valid key

    static bool isValid(QStringView key);
    static Expected<StoreKey> parse(QStringView key);

    bool isEmpty() const { return m_key.isEmpty(); }
    QString toString() const { return m_key; }

    friend bool operator==(const StoreKey&, const StoreKey&) = default;

private:
    explicit StoreKey(QString key)
        : m_key(std::move(key))
    {
    }

    QString m_key;
};

} // namespace storedesk
