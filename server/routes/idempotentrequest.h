#pragma once

#include "http/router.h"
#include "storage/idempotencystore.h"

#include <functional>

class QObject;

namespace storedesk::server {

struct ServiceContext;

// What the money-moving routes share about the Idempotency-Key header.
namespace idempotent {

// SHA-256 (hex) of the request's canonical form: the fields that make it this request.
QString requestHash(const QJsonObject& canonical);

// Checks the Idempotency-Key header and claims it for this request (on the storage's write lane);
// `claimed` then runs on receiver's thread. Answers instead when the key is missing or malformed
// (invalid_input), was used for another request (idempotency_key_reused) or cannot be stored
// (database_unavailable).
void claim(const ServiceContext& context, const QObject* receiver, const ApiRequest& request,
           const Responder& responder, const QString& scope, const QJsonObject& canonical,
           std::function<void(const IdempotencyStore::Claim&)> claimed);

// Stores the answer as the key's final one, to be replayed to every repeat, then answers.
void answerFinally(const ServiceContext& context, const QString& key, const Responder& responder,
                   int status, const QJsonObject& body);
void failFinally(const ServiceContext& context, const QString& key, const Responder& responder,
                 const ApiError& error);

} // namespace idempotent
} // namespace storedesk::server
