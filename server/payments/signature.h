#pragma once

#include <QByteArray>

// HMAC-SHA256 signatures of the payment extension and the webhooks: the X-Signature header holds
// the lowercase hex HMAC of the exact body bytes with the shared secret.
//
// Replays: a signed body names the attempt (its reference) and the state, so replaying a genuine
// message only repeats a true fact. Storage deduplicates by the provider's reference, which also
// works across server instances; an in-memory "seen" list would not, so there is none here.
namespace storedesk::server::signature {

inline constexpr char headerName[] = "X-Signature";

// Lowercase hex (64 characters).
QByteArray sign(const QByteArray& body, const QByteArray& secret);

// True when `signatureHeader` is 64 hex digits (either case, nothing else) that equal the HMAC of
// `body`. The comparison takes the same time wherever the first difference is. An empty secret
// verifies nothing.
bool verify(const QByteArray& body, const QByteArray& signatureHeader, const QByteArray& secret);

} // namespace storedesk::server::signature
