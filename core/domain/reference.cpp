#include "reference.h"

#include "fields.h"
#include "jsonreader.h"

namespace storedesk {

Reference Reference::read(JsonObjectReader reader)
{
    Reference reference;
    reference.typeId = reader.requiredString(QLatin1StringView("typeId"));
    reference.id = reader.optionalString(QLatin1StringView("id"));
    reference.key = reader.optionalString(QLatin1StringView("key"));
    if (!reader.failed() && reference.id.isEmpty() && reference.key.isEmpty())
        reader.fail(QLatin1StringView("id"), tr("a reference needs an id or a key"),
                    Error::Kind::MissingValue);
    return reference;
}

Reference Reference::read(JsonObjectReader reader, QLatin1StringView expectedTypeId)
{
    Reference reference = read(reader);
    if (!reader.failed() && reference.typeId != expectedTypeId) {
        reader.fail(QLatin1StringView("typeId"),
                    tr("expected a reference to a \"%1\", got %2")
                        .arg(expectedTypeId, fields::quoted(reference.typeId)));
    }
    return reference;
}

Expected<Reference> Reference::fromJson(const QByteArray& json)
{
    return json::read<Reference>(json);
}

} // namespace storedesk
