#pragma once

#include "../base/expected.h"

#include <QCoreApplication>
#include <QString>

namespace storedesk {

class JsonObjectReader;

// A commercetools Reference ({typeId, id}) or KeyReference ({typeId, key}); documents may carry
// both. typeId is required, and so is at least one of id and key.
struct Reference {
    Q_DECLARE_TR_FUNCTIONS(storedesk::Reference)

public:
    QString typeId;
    QString id;
    QString key;

    static Reference read(JsonObjectReader reader);
    // Also requires typeId to be `expectedTypeId` ("store", "payment", …): a reference to some
    // other kind of resource in that place is a broken document, not something to follow.
    static Reference read(JsonObjectReader reader, QLatin1StringView expectedTypeId);
    static Expected<Reference> fromJson(const QByteArray& json);

    friend bool operator==(const Reference&, const Reference&) = default;
};

} // namespace storedesk
