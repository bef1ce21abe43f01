#pragma once

#include "jsonreader.h"

#include <QList>

#include <optional>

namespace storedesk {

// A commercetools PagedQueryResponse ({limit, offset, count, total, results}) of T, e.g. the
// carts of a store. total is absent when the query asked withTotal=false.
template <typename T>
struct PagedQueryResult {
    qint64 limit = 0;
    qint64 offset = 0;
    qint64 count = 0;
    std::optional<qint64> total;
    QList<T> results;

    static PagedQueryResult read(JsonObjectReader reader)
    {
        PagedQueryResult page;
        page.limit = reader.requiredInteger(QLatin1StringView("limit"));
        page.offset = reader.requiredInteger(QLatin1StringView("offset"));
        page.count = reader.requiredInteger(QLatin1StringView("count"));
        page.total = reader.optionalInteger(QLatin1StringView("total"));
        reader.forEachObject(
            QLatin1StringView("results"),
            [&](JsonObjectReader& result) { page.results.append(T::read(result)); }, true);
        return page;
    }

    static Expected<PagedQueryResult> fromJson(const QByteArray& json)
    {
        return json::read<PagedQueryResult>(json);
    }
};

} // namespace storedesk
