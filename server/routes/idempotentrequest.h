#pragma once

#include "http/router.h"
#include "storage/idempotencystore.h"

#include <optional>

namespace storedesk::server {

// What the money-moving routes share about the Idempotency-Key header.
namespace idempotent {

// SHA-256 (hex) of the request's canonical form: the fields that make it this request.
QString requestHash(const QJsonObject& canonical);

// Checks the Idempotency-Key header and claims it for this request. Answers (and returns
// nothing) when the key is missing or malformed (invalid_input), was used for another request
// (idempotency_key_reused) or cannot be stored.
std::optional<IdempotencyStore::Claim> claim(IdempotencyStore& store, const ApiRequest& request,
                                             const Responder& responder, const QString& scope,
                                             const QJsonObject& canonical);

// Answers and stores the answer as the key's final one, to be replayed to every repeat.
void answerFinally(IdempotencyStore& store, const QString& key, const Responder& responder,
                   int status, const QJsonObject& body);
void failFinally(IdempotencyStore& store, const QString& key, const Responder& responder,
                 const ApiError& error);

} // namespace idempotent
} // namespace storedesk::server
