#include "idempotentrequest.h"

#include "base/logging.h"
#include "servicecontext.h"
#include "storage/storageexecutor.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace storedesk::server::idempotent {

QString requestHash(const QJsonObject& canonical)
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(canonical).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha256)
            .toHex());
}

void claim(const ServiceContext& context, const QObject* receiver, const ApiRequest& request,
           const Responder& responder, const QString& scope, const QJsonObject& canonical,
           std::function<void(const IdempotencyStore::Claim&)> claimed)
{
    const QString key = QString::fromLatin1(request.idempotencyKey).toLower();
    if (key.isEmpty()) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("This request moves money: send an Idempotency-Key header (a UUID you "
                           "make once per attempt and repeat on every retry).")));
        return;
    }
    if (!IdempotencyStore::isValidKey(key)) {
        responder->error(
            ApiError::invalidInput(QStringLiteral("The Idempotency-Key must be a UUID.")));
        return;
    }
    const Expected<StoreKey> store = StoreKey::parse(request.argument(QStringLiteral("storeKey")));
    context.storage->run(
        StorageExecutor::Lane::Write, receiver,
        [key, scope, hash = requestHash(canonical), username = request.caller->username,
         store = store ? *store : StoreKey()](Stores& stores) {
            return stores.idempotency.claim(key, scope, hash, username, store);
        },
        [responder,
         claimed = std::move(claimed)](const StorageResult<IdempotencyStore::Claim>& claim) {
            if (claim) {
                claimed(*claim);
                return;
            }
            if (claim.error().kind == StorageError::Kind::IdempotencyKeyReused) {
                responder->error(ApiError{
                    422, QStringLiteral("idempotency_key_reused"), claim.error().message, {}});
                return;
            }
            if (claim.error().kind == StorageError::Kind::InvalidInput) {
                responder->error(ApiError::invalidInput(claim.error().message));
                return;
            }
            qCWarning(lcServerDb).noquote() << "cannot claim an Idempotency-Key";
            responder->error(storageFailure(claim.error()));
        });
}

void answerFinally(const ServiceContext& context, const QString& key, const Responder& responder,
                   int status, const QJsonObject& body)
{
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    context.storage->run(
        StorageExecutor::Lane::Write, context.storage,
        [key = key.toLower(), status, bytes](Stores& stores) {
            return stores.idempotency.complete(key, status, bytes);
        },
        [key, responder, status, bytes](const StorageResult<void>& completed) {
            if (!completed)
                qCWarning(lcServerDb).noquote() << "cannot store the answer to Idempotency-Key"
                                                << key << ":" << completed.error().message;
            responder->replay(status, bytes);
        });
}

void failFinally(const ServiceContext& context, const QString& key, const Responder& responder,
                 const ApiError& error)
{
    answerFinally(context, key, responder, error.status, error.toJson(responder->correlationId()));
}

} // namespace storedesk::server::idempotent
