#include "idempotentrequest.h"

#include "base/logging.h"

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

std::optional<IdempotencyStore::Claim> claim(IdempotencyStore& records, const ApiRequest& request,
                                             const Responder& responder, const QString& scope,
                                             const QJsonObject& canonical)
{
    const QString key = QString::fromLatin1(request.idempotencyKey).toLower();
    if (key.isEmpty()) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("This request moves money: send an Idempotency-Key header (a UUID you "
                           "make once per attempt and repeat on every retry).")));
        return std::nullopt;
    }
    if (!IdempotencyStore::isValidKey(key)) {
        responder->error(
            ApiError::invalidInput(QStringLiteral("The Idempotency-Key must be a UUID.")));
        return std::nullopt;
    }
    const Caller& caller = *request.caller;
    const QString storeKey = request.argument(QStringLiteral("storeKey"));
    const Expected<StoreKey> store = StoreKey::parse(storeKey);
    StorageResult<IdempotencyStore::Claim> claimed = records.claim(
        key, scope, requestHash(canonical), caller.username, store ? *store : StoreKey());
    if (claimed)
        return *claimed;
    if (claimed.error().kind == StorageError::Kind::IdempotencyKeyReused) {
        responder->error(
            ApiError{422, QStringLiteral("idempotency_key_reused"), claimed.error().message, {}});
        return std::nullopt;
    }
    if (claimed.error().kind == StorageError::Kind::InvalidInput) {
        responder->error(ApiError::invalidInput(claimed.error().message));
        return std::nullopt;
    }
    qCWarning(lcServerDb).noquote()
        << "cannot claim an Idempotency-Key:" << claimed.error().message;
    responder->error(ApiError::internal());
    return std::nullopt;
}

void answerFinally(IdempotencyStore& store, const QString& key, const Responder& responder,
                   int status, const QJsonObject& body)
{
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (auto completed = store.complete(key.toLower(), status, bytes); !completed)
        qCWarning(lcServerDb).noquote() << "cannot store the answer to Idempotency-Key" << key
                                        << ":" << completed.error().message;
    responder->replay(status, bytes);
}

void failFinally(IdempotencyStore& store, const QString& key, const Responder& responder,
                 const ApiError& error)
{
    answerFinally(store, key, responder, error.status, error.toJson(responder->correlationId()));
}

} // namespace storedesk::server::idempotent
