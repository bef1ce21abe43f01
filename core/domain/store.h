#pragma once

#include "localizedstring.h"
#include "reference.h"
#include "storekey.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace storedesk {

class JsonObjectReader;

// A commercetools Store: where a till sells, with the languages and channels it uses.
struct Store {
    QString id;
    qint64 version = 0;
    StoreKey key; // always valid in a parsed Store
    LocalizedString name;
    QStringList languages;
    QList<Reference> distributionChannels;
    QList<Reference> supplyChannels;
    QDateTime createdAt; // UTC; invalid when the document has none
    QDateTime lastModifiedAt;

    static Store read(JsonObjectReader reader);
    static Expected<Store> fromJson(const QByteArray& json);
};

} // namespace storedesk
