#include "auditlog.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

namespace storedesk::server {

namespace {

StorageError invalid(const QString& message)
{
    return StorageError{StorageError::Kind::InvalidInput, message, {}};
}

bool isValidAction(const QString& action)
{
    return !action.isEmpty() && action.size() <= AuditLog::MaxActionLength &&
           std::all_of(action.cbegin(), action.cend(), [](QChar c) {
               return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' ||
                      c == u'_' || c == u'-';
           });
}

// A name someone typed at a failed login may be anything; control characters would let it forge
// lines in whatever displays or exports the log.
bool isPrintable(const QString& text)
{
    return std::none_of(text.cbegin(), text.cend(),
                        [](QChar c) { return c.category() == QChar::Other_Control; });
}

// Workstation and correlation ids: printable ASCII without spaces, like SessionStore's rule.
bool isValidId(const QString& id, qsizetype maxLength)
{
    return id.size() <= maxLength && std::all_of(id.cbegin(), id.cend(), [](QChar c) {
               return c.unicode() > 0x20 && c.unicode() < 0x7f;
           });
}

StorageError corrupt(qint64 id, const QString& what)
{
    return StorageError{StorageError::Kind::Unavailable,
                        QStringLiteral("audit entry %1 has an invalid %2").arg(id).arg(what),
                        {}};
}

} // namespace

AuditLog::AuditLog(Database& database, Clock clock)
    : m_database(database)
    , m_clock(std::move(clock))
{
}

StorageResult<AuditEntry> AuditLog::record(const AuditEntry& entry)
{
    if (!isValidAction(entry.action))
        return invalid(QStringLiteral("An audit action has 1 to %1 characters from a-z, 0-9, "
                                      "'.', '_' and '-'.")
                           .arg(MaxActionLength));
    if (entry.username.isEmpty() || entry.username.size() > MaxUsernameLength ||
        !isPrintable(entry.username))
        return invalid(QStringLiteral("An audit entry names its user in 1 to %1 printable "
                                      "characters.")
                           .arg(MaxUsernameLength));
    if (!isValidId(entry.workstationId, MaxWorkstationIdLength))
        return invalid(QStringLiteral("A workstation id has at most %1 printable characters "
                                      "without spaces.")
                           .arg(MaxWorkstationIdLength));
    if (!isValidId(entry.correlationId, MaxCorrelationIdLength))
        return invalid(QStringLiteral("A correlation id has at most %1 printable characters "
                                      "without spaces.")
                           .arg(MaxCorrelationIdLength));
    if (entry.amount && !entry.amount->isValid())
        return invalid(QStringLiteral("An audited amount needs its currency."));
    const QByteArray details = QJsonDocument(entry.details).toJson(QJsonDocument::Compact);
    if (details.size() > MaxDetailsBytes)
        return invalid(QStringLiteral("Audit details may have at most %1 bytes; this has %2.")
                           .arg(MaxDetailsBytes)
                           .arg(details.size()));

    AuditEntry stored = entry;
    // Milliseconds are what is stored; the answer must say the same.
    stored.at = Database::fromMillis(Database::toMillis(m_clock()));

    Database::Transaction transaction(m_database);
    if (!transaction.started())
        return transaction.started().error();
    if (auto counted = m_database.run(
            QStringLiteral("UPDATE audit_log_sequence SET last_id = last_id + 1 WHERE id = ?"), {1},
            QStringLiteral("numbering an audit entry"));
        !counted)
        return counted.error();
    auto number =
        m_database.run(QStringLiteral("SELECT last_id FROM audit_log_sequence WHERE id = ?"), {1},
                       QStringLiteral("numbering an audit entry"));
    if (!number)
        return number.error();
    if (!number->next())
        return StorageError{StorageError::Kind::Unavailable,
                            QStringLiteral("the audit_log_sequence row is missing"),
                            {}};
    stored.id = number->value(0).toLongLong();

    const QVariant nullInteger(QMetaType::fromType<qlonglong>());
    auto inserted = m_database.run(
        QStringLiteral("INSERT INTO audit_log (id, at, action, username, store_key, "
                       "workstation_id, amount_minor_units, amount_currency, "
                       "amount_fraction_digits, correlation_id, details) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {stored.id, Database::toMillis(stored.at), stored.action, stored.username,
         Database::textOrNull(stored.storeKey.toString()),
         Database::textOrNull(stored.workstationId),
         stored.amount ? QVariant(qlonglong(stored.amount->minorUnits())) : nullInteger,
         stored.amount ? QVariant(stored.amount->currencyCode())
                       : QVariant(QMetaType::fromType<QString>()),
         stored.amount ? QVariant(stored.amount->fractionDigits())
                       : QVariant(QMetaType::fromType<int>()),
         Database::textOrNull(stored.correlationId), QString::fromUtf8(details)},
        QStringLiteral("writing an audit entry"));
    if (!inserted)
        return inserted.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return stored;
}

StorageResult<QList<AuditEntry>> AuditLog::query(const QDateTime& from, const QDateTime& to,
                                                 const QList<StoreKey>& storeKeys, int limit) const
{
    if (!from.isValid() || !to.isValid())
        return invalid(QStringLiteral("An audit query needs a start and an end."));
    if (from > to)
        return invalid(QStringLiteral("The start of an audit query must not be after its end."));
    if (limit < 1 || limit > MaxQueryLimit)
        return invalid(QStringLiteral("The limit is 1 to %1.").arg(MaxQueryLimit));

    QString sql = QStringLiteral(
        "SELECT id, at, action, username, store_key, workstation_id, amount_minor_units, "
        "amount_currency, amount_fraction_digits, correlation_id, details "
        "FROM audit_log WHERE at >= ? AND at < ?");
    QVariantList values{Database::toMillis(from), Database::toMillis(to)};
    QStringList stores;
    for (const StoreKey& store : storeKeys) {
        if (!store.isEmpty() && !stores.contains(store.toString()))
            stores.append(store.toString());
    }
    QStringList placeholders;
    for (const QString& store : std::as_const(stores)) {
        values.append(store);
        placeholders.append(QStringLiteral("?"));
    }
    if (!placeholders.isEmpty())
        sql += QStringLiteral(" AND store_key IN (%1)").arg(placeholders.join(QLatin1String(", ")));
    else if (!storeKeys.isEmpty())
        return QList<AuditEntry>(); // only empty keys were asked for, which no entry has
    // limit is a checked int, so it can be part of the text: both engines take it as a literal.
    sql += QStringLiteral(" ORDER BY at, id LIMIT %1").arg(limit);

    auto query = m_database.run(sql, values, QStringLiteral("reading the audit log"));
    if (!query)
        return query.error();
    QList<AuditEntry> entries;
    while (query->next()) {
        AuditEntry entry;
        entry.id = query->value(0).toLongLong();
        entry.at = Database::fromMillis(query->value(1).toLongLong());
        entry.action = query->value(2).toString();
        entry.username = query->value(3).toString();
        if (const QString store = query->value(4).toString(); !store.isEmpty()) {
            const Expected<StoreKey> key = StoreKey::parse(store);
            if (!key)
                return corrupt(entry.id, QStringLiteral("store key"));
            entry.storeKey = *key;
        }
        entry.workstationId = query->value(5).toString();
        if (!query->value(7).isNull()) {
            const Expected<Money> amount = Money::fromPreciseUnits(
                query->value(6).toLongLong(), query->value(7).toString(), query->value(8).toInt());
            if (!amount)
                return corrupt(entry.id, QStringLiteral("amount"));
            entry.amount = *amount;
        }
        entry.correlationId = query->value(9).toString();
        QJsonParseError parseError;
        const QJsonDocument details =
            QJsonDocument::fromJson(query->value(10).toString().toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !details.isObject())
            return corrupt(entry.id, QStringLiteral("details"));
        entry.details = details.object();
        entries.append(std::move(entry));
    }
    return entries;
}

} // namespace storedesk::server
