#pragma once

#include "commercetools/jsonscan.h"

#include <QString>

namespace storedesk::server {

struct CtResponse;

// What a store's route makes of commercetools' answer to reading one of the store's resources,
// decided from the bytes alone (id, version, store key; see readResourceHeader) so that the
// resource can go to the caller exactly as commercetools sent it. The emulator, unlike
// commercetools, returns any store's resource under any store's path: this is the fence.
struct StoreFence {
    enum class Verdict {
        Found,      // the resource, in this store
        NotFound,   // absent (404), of another store, or of none
        Upstream,   // commercetools failed or refused: answer ApiError::upstream(response)
        Unreadable, // an answer that is not a well-formed resource: upstream_unavailable (502)
    };
    Verdict verdict = Verdict::Upstream;
    ResourceHeader header; // for Found

    static StoreFence of(const CtResponse& response, const QString& storeKey);
};

} // namespace storedesk::server
