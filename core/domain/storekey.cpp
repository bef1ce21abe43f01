#include "storekey.h"

#include "fields.h"

namespace storedesk {

bool StoreKey::isValid(QStringView key)
{
    if (key.size() < MinLength || key.size() > MaxLength)
        return false;
    for (const QChar c : key) {
        const char16_t u = c.unicode();
        // Deliberately not QChar::isLetterOrNumber: the rule is ASCII only.
        const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                             (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
        if (!allowed)
            return false;
    }
    return true;
}

Expected<StoreKey> StoreKey::parse(QStringView key)
{
    if (isValid(key))
        return StoreKey(key.toString());
    const QString rule = tr("a store key has %1 to %2 characters from A-Z, a-z, 0-9, '_' and '-'")
                             .arg(MinLength)
                             .arg(MaxLength);
    if (key.isEmpty())
        return Error{Error::Kind::MissingValue, tr("the store key is empty: %1").arg(rule),
                     QString()};
    return Error{Error::Kind::InvalidValue,
                 tr("%1 is not a valid store key: %2").arg(fields::quoted(key), rule), QString()};
}

} // namespace storedesk
