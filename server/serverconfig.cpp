#include "serverconfig.h"

#include "base/transportsecurity.h"
#include "domain/currency.h"
#include "domain/jsonreader.h"
#include "domain/storekey.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace storedesk::server {
namespace {

const QRegularExpression& idRule()
{
    static const QRegularExpression rule(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return rule;
}

QString readId(JsonObjectReader& reader)
{
    const QString id = reader.requiredString(QLatin1StringView("id"));
    if (!reader.failed() && !idRule().match(id).hasMatch())
        reader.fail(QLatin1StringView("id"),
                    QStringLiteral("an id has 1 to 64 characters from A-Z, a-z, 0-9, '_' and '-'"));
    return id;
}

// Keys that look like credentials: the file is not the place for them.
bool holdsSecret(const QJsonObject& object)
{
    static const QRegularExpression secretish(QStringLiteral("secret|password|token|CTP_CLIENT"),
                                              QRegularExpression::CaseInsensitiveOption);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (secretish.match(it.key()).hasMatch())
            return true;
        if (it->isObject() && holdsSecret(it->toObject()))
            return true;
        if (it->isArray()) {
            for (const QJsonValue& element : it->toArray()) {
                if (element.isObject() && holdsSecret(element.toObject()))
                    return true;
            }
        }
    }
    return false;
}

qint64 readBounded(JsonObjectReader& reader, const char* name, qint64 low, qint64 high,
                   qint64 fallback)
{
    const QLatin1StringView field(name);
    const auto value = reader.optionalInteger(field);
    if (!value)
        return fallback;
    if (*value < low || *value > high) {
        reader.fail(field, QStringLiteral("must be between %1 and %2").arg(low).arg(high));
        return fallback;
    }
    return *value;
}

void readHttpTerminal(JsonObjectReader& reader, TerminalConfig& terminal)
{
    terminal.providerUrl =
        QUrl(reader.requiredString(QLatin1StringView("providerUrl")), QUrl::StrictMode);
    if (!reader.failed() &&
        (!terminal.providerUrl.isValid() || !isEncryptedOrLocal(terminal.providerUrl)))
        reader.fail(QLatin1StringView("providerUrl"),
                    QStringLiteral("expected an https URL, or http to this machine"));
    terminal.signingKeyEnv = reader.requiredString(QLatin1StringView("signingKeyEnv"));
    static const QRegularExpression variableRule(QStringLiteral("^[A-Z_][A-Z0-9_]{0,127}$"));
    if (!reader.failed() && !variableRule.match(terminal.signingKeyEnv).hasMatch())
        reader.fail(QLatin1StringView("signingKeyEnv"),
                    QStringLiteral("expected the name of an environment variable"));
}

// A list of reasons a colleague picks from: 1 to 20 distinct texts of 1 to 60 characters.
QStringList readReasons(JsonObjectReader& reader, const char* name, const QStringList& fallback)
{
    const QLatin1StringView field(name);
    if (!reader.has(field))
        return fallback;
    const QStringList reasons = reader.optionalStringList(field);
    if (reader.failed())
        return fallback;
    if (reasons.isEmpty() || reasons.size() > 20) {
        reader.fail(field, QStringLiteral("expected 1 to 20 reasons"));
        return fallback;
    }
    QSet<QString> seen;
    for (const QString& reason : reasons) {
        const QString trimmed = reason.trimmed();
        if (trimmed.isEmpty() || trimmed != reason || reason.size() > 60) {
            reader.fail(field, QStringLiteral("a reason has 1 to 60 characters, without "
                                              "spaces around it"));
            return fallback;
        }
        if (seen.contains(reason)) {
            reader.fail(field, QStringLiteral("the reason \"%1\" is listed twice").arg(reason));
            return fallback;
        }
        seen.insert(reason);
    }
    return reasons;
}

TillConfig readTill(JsonObjectReader& reader)
{
    TillConfig till;
    till.cardNeedsOpenTill =
        reader.optionalBool(QLatin1StringView("cardNeedsOpenTill"), till.cardNeedsOpenTill);
    till.payInReasons = readReasons(reader, "payInReasons", till.payInReasons);
    till.payOutReasons = readReasons(reader, "payOutReasons", till.payOutReasons);
    till.noSaleReasons = readReasons(reader, "noSaleReasons", till.noSaleReasons);
    till.payOutApprovalAbove =
        readBounded(reader, "payOutApprovalAbove", 0, Q_INT64_C(1) << 53, till.payOutApprovalAbove);
    till.noSaleApprovalAfter =
        int(readBounded(reader, "noSaleApprovalAfter", 0, 1000, till.noSaleApprovalAfter));
    till.closeApprovalAbove =
        readBounded(reader, "closeApprovalAbove", 0, Q_INT64_C(1) << 53, till.closeApprovalAbove);
    return till;
}

} // namespace

const WorkstationConfig* StoreConfig::workstation(const QString& id) const
{
    for (const LocationConfig& location : locations) {
        for (const WorkstationConfig& workstation : location.workstations) {
            if (workstation.id == id)
                return &workstation;
        }
    }
    return nullptr;
}

QStringList WorkstationConfig::tenders() const
{
    QStringList list;
    if (cashDrawer)
        list << QStringLiteral("cash");
    if (terminal)
        list << QStringLiteral("card");
    return list;
}

const StoreConfig* ServerConfig::store(const QString& key) const
{
    for (const StoreConfig& store : stores) {
        if (store.key == key)
            return &store;
    }
    return nullptr;
}

Expected<ServerConfig> ServerConfig::fromJson(const QByteArray& json)
{
    const Expected<QJsonObject> object = json::parseObject(json);
    if (!object)
        return object.error();
    if (holdsSecret(*object))
        return Error{Error::Kind::InvalidValue,
                     QStringLiteral(
                         "the configuration file must not hold credentials; put CTP_CLIENT_SECRET "
                         "and the other CTP_* values in the environment"),
                     QString()};

    JsonObjectReader reader(*object);
    ServerConfig config;
    config.listen = reader.optionalString(QLatin1StringView("listen"));
    config.database = reader.optionalString(QLatin1StringView("database"));
    if (const auto hours = reader.optionalInteger(QLatin1StringView("sessionHours"))) {
        if (*hours < 1 || *hours > 24 * 7)
            reader.fail(QLatin1StringView("sessionHours"),
                        QStringLiteral("must be between 1 and 168"));
        config.sessionHours = int(*hours);
    }
    if (const QString url = reader.optionalString(QLatin1StringView("publicUrl")); !url.isEmpty()) {
        config.publicUrl = QUrl(url, QUrl::StrictMode);
        if (!config.publicUrl.isValid() || !isEncryptedOrLocal(config.publicUrl))
            reader.fail(QLatin1StringView("publicUrl"),
                        QStringLiteral("expected an https URL, or http to this machine"));
    }
    config.paymentStatusAfterSeconds =
        readBounded(reader, "paymentStatusAfterSeconds", 1, 3600, config.paymentStatusAfterSeconds);
    config.recoveryIntervalSeconds =
        readBounded(reader, "recoveryIntervalSeconds", 1, 3600, config.recoveryIntervalSeconds);
    config.simulatedTerminalDelayMs =
        readBounded(reader, "simulatedTerminalDelayMs", 0, 600000, config.simulatedTerminalDelayMs);
    config.databaseBusyTimeoutMs =
        readBounded(reader, "databaseBusyTimeoutMs", 0, 60000, config.databaseBusyTimeoutMs);
    config.databaseStatementTimeoutMs = readBounded(reader, "databaseStatementTimeoutMs", 100,
                                                    600000, config.databaseStatementTimeoutMs);
    config.databaseLockTimeoutMs =
        readBounded(reader, "databaseLockTimeoutMs", 100, 600000, config.databaseLockTimeoutMs);
    config.commercetoolsConnections =
        readBounded(reader, "commercetoolsConnections", 1, 1024, config.commercetoolsConnections);
    QSet<QString> workstationIds;
    reader.forEachObject(QLatin1StringView("stores"), [&](JsonObjectReader& storeReader) {
        StoreConfig store;
        store.key = storeReader.requiredString(QLatin1StringView("key"));
        if (!storeReader.failed() && !StoreKey::isValid(store.key))
            storeReader.fail(QLatin1StringView("key"), StoreKey::parse(store.key).error().message);
        if (!storeReader.failed() && config.store(store.key))
            storeReader.fail(QLatin1StringView("key"),
                             QStringLiteral("the store %1 is listed twice").arg(store.key));
        if (const QString currency = storeReader.optionalString(QLatin1StringView("currency"));
            !currency.isEmpty()) {
            if (!Currency::fromCode(currency))
                storeReader.fail(QLatin1StringView("currency"),
                                 QStringLiteral("not an ISO 4217 currency code"));
            store.currency = currency;
        }
        store.country = storeReader.optionalString(QLatin1StringView("country"));
        store.refundApprovalAbove = readBounded(storeReader, "refundApprovalAbove", 0,
                                                Q_INT64_C(1) << 53, store.refundApprovalAbove);
        store.refundApprovalAfterDays = int(readBounded(storeReader, "refundApprovalAfterDays", 0,
                                                        3650, store.refundApprovalAfterDays));
        if (auto till = storeReader.optionalObject(QLatin1StringView("till")))
            store.till = readTill(*till);
        static const QRegularExpression countryRule(QStringLiteral("^[A-Z]{2}$"));
        if (!store.country.isEmpty() && !countryRule.match(store.country).hasMatch())
            storeReader.fail(QLatin1StringView("country"),
                             QStringLiteral("expected a two-letter ISO 3166 code like DE"));
        storeReader.forEachObject(
            QLatin1StringView("locations"), [&](JsonObjectReader& locationReader) {
                LocationConfig location;
                location.id = readId(locationReader);
                location.name = locationReader.requiredString(QLatin1StringView("name"));
                locationReader.forEachObject(
                    QLatin1StringView("workstations"), [&](JsonObjectReader& workstationReader) {
                        WorkstationConfig workstation;
                        workstation.id = readId(workstationReader);
                        workstation.name =
                            workstationReader.requiredString(QLatin1StringView("name"));
                        if (!workstationReader.failed() &&
                            workstationIds.contains(store.key + QLatin1Char('/') + workstation.id))
                            workstationReader.fail(
                                QLatin1StringView("id"),
                                QStringLiteral("the workstation id is used twice in this store"));
                        workstationIds.insert(store.key + QLatin1Char('/') + workstation.id);
                        workstation.cashDrawer = workstationReader.optionalBool(
                            QLatin1StringView("cashDrawer"), workstation.cashDrawer);
                        if (auto terminal =
                                workstationReader.optionalObject(QLatin1StringView("terminal"))) {
                            TerminalConfig terminalConfig;
                            terminalConfig.id = readId(*terminal);
                            terminalConfig.kind =
                                terminal->requiredString(QLatin1StringView("kind"));
                            if (!terminal->failed() &&
                                terminalConfig.kind != QLatin1StringView("simulated") &&
                                terminalConfig.kind != QLatin1StringView("http"))
                                terminal->fail(
                                    QLatin1StringView("kind"),
                                    QStringLiteral("expected \"simulated\" or \"http\""));
                            if (terminalConfig.kind == QLatin1StringView("http"))
                                readHttpTerminal(*terminal, terminalConfig);
                            workstation.terminal = terminalConfig;
                        }
                        location.workstations.append(workstation);
                    });
                store.locations.append(location);
            });
        config.stores.append(store);
    });
    if (reader.failed())
        return reader.error();
    return config;
}

Expected<ServerConfig> ServerConfig::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Kind::InvalidArgument,
                     QStringLiteral("cannot read the configuration file %1: %2")
                         .arg(path, file.errorString()),
                     QString()};
    Expected<ServerConfig> config = fromJson(file.readAll());
    if (!config)
        return Error{config.error().kind,
                     QStringLiteral("%1: %2").arg(path, config.error().toString()), QString()};
    return config;
}

} // namespace storedesk::server
