#include "storefence.h"

#include "commercetools/ctclient.h"

namespace storedesk::server {

StoreFence StoreFence::of(const CtResponse& response, const QString& storeKey)
{
    StoreFence fence;
    if (response.status == 404) {
        fence.verdict = Verdict::NotFound;
        return fence;
    }
    if (!response.ok()) {
        fence.verdict = Verdict::Upstream;
        return fence;
    }
    std::optional<ResourceHeader> header = readResourceHeader(response.body.bytes());
    if (!header) {
        fence.verdict = Verdict::Unreadable;
        return fence;
    }
    fence.verdict = header->storeKey == storeKey ? Verdict::Found : Verdict::NotFound;
    fence.header = std::move(*header);
    return fence;
}

} // namespace storedesk::server
