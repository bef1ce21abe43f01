#include "idempotencystore.h"

#include "base/logging.h"

#include <QSqlQuery>
#include <QStringDecoder>
#include <QUuid>

#include <algorithm>

namespace storedesk::server {

namespace {

const QString inProgressState = QStringLiteral("in_progress");
const QString completedState = QStringLiteral("completed");

const QString selectColumns =
    QStringLiteral("SELECT key, scope, request_hash, username, store_key, state, resource_id, "
                   "response_status, response_body, created_at, updated_at, instance_id "
                   "FROM idempotency_records");

StorageError invalid(const QString& message)
{
    return StorageError{StorageError::Kind::InvalidInput, message, {}};
}

StorageError conflict(const QString& message)
{
    return StorageError{StorageError::Kind::Conflict, message, {}};
}

StorageError notFound()
{
    return StorageError{StorageError::Kind::NotFound,
                        QStringLiteral("No request with this Idempotency-Key is known."),
                        {}};
}

StorageError reused()
{
    return StorageError{StorageError::Kind::IdempotencyKeyReused,
                        QStringLiteral("This Idempotency-Key was already used for a different "
                                       "request; make a new key for a new request."),
                        {}};
}

bool isLowerHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
}

bool isValidScope(const QString& scope)
{
    return !scope.isEmpty() && scope.size() <= IdempotencyStore::MaxScopeLength &&
           std::all_of(scope.cbegin(), scope.cend(), [](QChar c) {
               return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' ||
                      c == u'_' || c == u'-';
           });
}

bool isValidRequestHash(const QString& lowerHash)
{
    return lowerHash.size() == 64 && std::all_of(lowerHash.cbegin(), lowerHash.cend(), isLowerHex);
}

// What the store keeps of a response: a status a client understands and a body PostgreSQL's TEXT
// can hold (UTF-8 without NUL). The server's answers are JSON, so anything else is a bug upstream.
StorageResult<QString> responseText(int status, const QByteArray& body)
{
    if (status < 100 || status > 599)
        return invalid(QStringLiteral("%1 is not an HTTP status.").arg(status));
    if (body.size() > IdempotencyStore::MaxResponseBodyBytes)
        return invalid(QStringLiteral("A response to replay may have at most %1 bytes.")
                           .arg(IdempotencyStore::MaxResponseBodyBytes));
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder(body);
    if (decoder.hasError() || body.contains('\0'))
        return invalid(QStringLiteral("A response to replay must be UTF-8 text."));
    return text;
}

qint64 millis(std::chrono::seconds duration)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
}

StorageResult<IdempotencyRecord> readRecord(const QSqlQuery& query)
{
    IdempotencyRecord record;
    record.key = query.value(0).toString();
    record.scope = query.value(1).toString();
    record.requestHash = query.value(2).toString();
    record.username = query.value(3).toString();
    const QString store = query.value(4).toString();
    if (!store.isEmpty()) {
        const Expected<StoreKey> key = StoreKey::parse(store);
        // Only claim() writes the column, from a StoreKey; anything else was edited by hand.
        if (!key)
            return StorageError{StorageError::Kind::Unavailable,
                                QStringLiteral("the idempotency record %1 names an invalid "
                                               "store key")
                                    .arg(record.key),
                                {}};
        record.storeKey = *key;
    }
    record.state = query.value(5).toString() == completedState
                       ? IdempotencyRecord::State::Completed
                       : IdempotencyRecord::State::InProgress;
    record.resourceId = query.value(6).toString();
    record.responseStatus = query.value(7).isNull() ? 0 : query.value(7).toInt();
    record.responseBody = query.value(8).toString().toUtf8();
    record.createdAt = Database::fromMillis(query.value(9).toLongLong());
    record.updatedAt = Database::fromMillis(query.value(10).toLongLong());
    record.instanceId = query.value(11).toString();
    return record;
}

} // namespace

IdempotencyStore::IdempotencyStore(Database& database, Clock clock)
    : m_database(database)
    , m_clock(std::move(clock))
{
}

bool IdempotencyStore::isValidKey(QStringView key)
{
    // QUuid also accepts braces and other spellings; the API takes the plain 36-character form.
    if (key.size() != 36)
        return false;
    const QUuid uuid = QUuid::fromString(key);
    return !uuid.isNull();
}

StorageResult<IdempotencyStore::Claim>
IdempotencyStore::claim(const QString& key, const QString& scope, const QString& requestHash,
                        const QString& username, const StoreKey& storeKey)
{
    if (!isValidKey(key))
        return invalid(QStringLiteral("The Idempotency-Key must be a UUID."));
    if (!isValidScope(scope))
        return invalid(QStringLiteral("An idempotency scope has 1 to %1 characters from a-z, "
                                      "0-9, '.', '_' and '-'.")
                           .arg(MaxScopeLength));
    const QString hash = requestHash.toLower();
    if (!isValidRequestHash(hash))
        return invalid(QStringLiteral("The request hash must be a SHA-256 digest in hex."));
    if (username.isEmpty())
        return invalid(QStringLiteral("An idempotent request needs its user."));

    // Keys differing only in case are one UUID, hence one record.
    const QString normalizedKey = key.toLower();
    const qint64 now = Database::toMillis(m_clock());
    // A row purged between the INSERT and the SELECT leaves nothing to compare with; the next
    // round inserts afresh. Two rounds cover that; a third would mean something else is wrong.
    for (int round = 0; round < 2; ++round) {
        auto inserted = m_database.run(
            QStringLiteral("INSERT INTO idempotency_records (key, scope, request_hash, username, "
                           "store_key, state, resource_id, response_status, response_body, "
                           "created_at, updated_at, instance_id) "
                           "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?) "
                           "ON CONFLICT (key) DO NOTHING"),
            {normalizedKey, scope, hash, username, Database::textOrNull(storeKey.toString()),
             inProgressState, now, now, Database::textOrNull(m_instanceId)},
            QStringLiteral("claiming an idempotency key"));
        if (!inserted)
            return inserted.error();
        if (inserted->numRowsAffected() == 1) {
            Claim claimed;
            claimed.kind = Claim::Kind::New;
            claimed.record.key = normalizedKey;
            claimed.record.scope = scope;
            claimed.record.requestHash = hash;
            claimed.record.username = username;
            claimed.record.storeKey = storeKey;
            claimed.record.createdAt = Database::fromMillis(now);
            claimed.record.updatedAt = claimed.record.createdAt;
            claimed.record.instanceId = m_instanceId;
            return claimed;
        }

        StorageResult<IdempotencyRecord> existing = findNormalized(normalizedKey);
        if (!existing) {
            if (existing.error().kind == StorageError::Kind::NotFound)
                continue;
            return existing.error();
        }
        if (existing->scope != scope || existing->requestHash != hash ||
            existing->username.compare(username, Qt::CaseInsensitive) != 0 ||
            !(existing->storeKey == storeKey)) {
            // The key itself is not a secret, but whose request it was is nobody else's business.
            qCInfo(lcServerDb).noquote()
                << "idempotency key" << normalizedKey << "reused by" << username << "for" << scope;
            return reused();
        }
        Claim claimed;
        claimed.kind = Claim::Kind::Existing;
        claimed.record = std::move(existing).value();
        return claimed;
    }
    return StorageError{StorageError::Kind::Unavailable,
                        QStringLiteral("the idempotency key %1 could neither be inserted nor read")
                            .arg(normalizedKey),
                        {}};
}

StorageResult<void> IdempotencyStore::attachResource(const QString& key, const QString& resourceId)
{
    if (resourceId.isEmpty() || resourceId.size() > MaxResourceIdLength)
        return invalid(
            QStringLiteral("A resource id has 1 to %1 characters.").arg(MaxResourceIdLength));
    return update(
        key,
        QStringLiteral("UPDATE idempotency_records SET resource_id = ?, updated_at = ? "
                       "WHERE key = ? AND state = ? "
                       "AND (resource_id IS NULL OR resource_id = ?)"),
        {resourceId, Database::toMillis(m_clock()), key.toLower(), inProgressState, resourceId},
        QStringLiteral("attaching a resource to an idempotency record"));
}

StorageResult<void> IdempotencyStore::recordResponse(const QString& key, int status,
                                                     const QByteArray& body)
{
    const StorageResult<QString> text = responseText(status, body);
    if (!text)
        return text.error();
    return update(key,
                  QStringLiteral("UPDATE idempotency_records SET response_status = ?, "
                                 "response_body = ?, updated_at = ? WHERE key = ? AND state = ?"),
                  {status, *text, Database::toMillis(m_clock()), key.toLower(), inProgressState},
                  QStringLiteral("recording an interim response"));
}

StorageResult<void> IdempotencyStore::complete(const QString& key, int status,
                                               const QByteArray& body)
{
    const StorageResult<QString> text = responseText(status, body);
    if (!text)
        return text.error();
    // "AND state = 'in_progress'" makes completion happen once even if two instances race.
    return update(key,
                  QStringLiteral("UPDATE idempotency_records SET state = ?, response_status = ?, "
                                 "response_body = ?, updated_at = ? WHERE key = ? AND state = ?"),
                  {completedState, status, *text, Database::toMillis(m_clock()), key.toLower(),
                   inProgressState},
                  QStringLiteral("completing an idempotency record"));
}

StorageResult<void> IdempotencyStore::update(const QString& key, const QString& sql,
                                             const QVariantList& values, const QString& what)
{
    if (!isValidKey(key))
        return invalid(QStringLiteral("The Idempotency-Key must be a UUID."));
    auto updated = m_database.run(sql, values, what);
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 1)
        return {};
    // Nothing changed: say why, from the record as it is now.
    const StorageResult<IdempotencyRecord> record = findNormalized(key.toLower());
    if (!record)
        return record.error();
    if (record->state == IdempotencyRecord::State::Completed)
        return conflict(QStringLiteral("The request with this Idempotency-Key is already "
                                       "complete; its answer no longer changes."));
    return conflict(QStringLiteral("The request with this Idempotency-Key already belongs to "
                                   "another resource."));
}

StorageResult<IdempotencyRecord> IdempotencyStore::find(const QString& key) const
{
    if (!isValidKey(key))
        return invalid(QStringLiteral("The Idempotency-Key must be a UUID."));
    return findNormalized(key.toLower());
}

StorageResult<IdempotencyRecord> IdempotencyStore::findNormalized(const QString& key) const
{
    auto query = m_database.run(selectColumns + QStringLiteral(" WHERE key = ?"), {key},
                                QStringLiteral("reading an idempotency record"));
    if (!query)
        return query.error();
    if (!query->next())
        return notFound();
    return readRecord(*query);
}

StorageResult<QList<IdempotencyRecord>>
IdempotencyStore::inProgressSince(const QDateTime& olderThan, int limit) const
{
    if (!olderThan.isValid())
        return invalid(QStringLiteral("A point in time is needed."));
    if (limit < 1 || limit > MaxRecoveryBatch)
        return invalid(QStringLiteral("The limit is 1 to %1.").arg(MaxRecoveryBatch));
    // limit is a checked int, so it can be part of the text: both engines take it as a literal.
    auto query =
        m_database.run(selectColumns + QStringLiteral(" WHERE state = ? AND created_at < ? "
                                                      "ORDER BY created_at, key LIMIT %1")
                                           .arg(limit),
                       {inProgressState, Database::toMillis(olderThan)},
                       QStringLiteral("listing unfinished idempotent requests"));
    if (!query)
        return query.error();
    QList<IdempotencyRecord> records;
    while (query->next()) {
        StorageResult<IdempotencyRecord> record = readRecord(*query);
        if (!record)
            return record.error();
        records.append(std::move(record).value());
    }
    return records;
}

StorageResult<int> IdempotencyStore::purge(std::chrono::seconds retention)
{
    const qint64 cutoff =
        Database::toMillis(m_clock()) - millis(std::max(retention, MinimumRetention));
    auto deleted = m_database.run(
        QStringLiteral("DELETE FROM idempotency_records WHERE state = ? AND updated_at < ?"),
        {completedState, cutoff}, QStringLiteral("deleting old idempotency records"));
    if (!deleted)
        return deleted.error();
    return deleted->numRowsAffected();
}

} // namespace storedesk::server
