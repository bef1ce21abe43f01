#include "providerregistry.h"

#include "base/logging.h"
#include "cashprovider.h"
#include "httpextensionprovider.h"
#include "serversecrets.h"
#include "simulatedterminal.h"

namespace storedesk::server {

namespace {

QString slot(const QString& kind, const QString& storeKey, const QString& terminalId)
{
    return kind + QLatin1Char('/') + storeKey + QLatin1Char('/') + terminalId;
}

} // namespace

ProviderRegistry::ProviderRegistry(const ServerConfig& config, QNetworkAccessManager* network,
                                   QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_network(network)
{
}

ProviderRegistry::~ProviderRegistry() = default;

QString ProviderRegistry::callbackPath(const QString& storeKey, const QString& terminalId)
{
    return QStringLiteral("/callbacks/payments/%1/%2").arg(storeKey, terminalId);
}

QString ProviderRegistry::sourceOf(const QString& kind, const QString& storeKey,
                                   const QString& terminalId)
{
    return kind == cashKind ? cashKind : slot(kind, storeKey, terminalId);
}

void ProviderRegistry::adopt(const QString& kind, const QString& storeKey,
                             const QString& terminalId, PaymentProvider* provider)
{
    provider->setParent(this);
    const QString source = sourceOf(kind, storeKey, terminalId);
    connect(provider, &PaymentProvider::outcome, this,
            [this, source](const QString& paymentKey, const ProviderStatus& status) {
                emit outcome(source, paymentKey, status);
            });
    if (kind == cashKind)
        m_cash = static_cast<CashProvider*>(provider);
    else
        m_terminals.insert(slot(kind, storeKey, terminalId), provider);
}

Expected<void> ProviderRegistry::setUp(const QUrl& publicUrl,
                                       const QHash<QString, QByteArray>& signingKeys)
{
    adopt(cashKind, {}, {}, new CashProvider());
    for (const StoreConfig& store : m_config.stores) {
        for (const LocationConfig& location : store.locations) {
            for (const WorkstationConfig& workstation : location.workstations) {
                if (!workstation.terminal)
                    continue;
                const TerminalConfig& terminal = *workstation.terminal;
                const QString key = slot(terminal.kind, store.key, terminal.id);
                if (m_terminals.contains(key))
                    continue; // two workstations may share one terminal
                if (terminal.kind == QLatin1StringView("simulated")) {
                    SimulatedTerminal::Options options;
                    options.delay = std::chrono::milliseconds(m_config.simulatedTerminalDelayMs);
                    adopt(terminal.kind, store.key, terminal.id,
                          new SimulatedTerminal(terminal.id, options));
                    continue;
                }
                HttpExtensionConfig http;
                http.providerUrl = terminal.providerUrl;
                http.sharedSecret = signingKeys.value(terminal.signingKeyEnv);
                if (http.sharedSecret.size() < ServerSecrets::MinimumBytes)
                    return Error{Error::Kind::InvalidArgument,
                                 QStringLiteral("terminal %1 of store %2: set %3 in the "
                                                "environment to the provider's shared secret "
                                                "(at least %4 characters)")
                                     .arg(terminal.id, store.key, terminal.signingKeyEnv)
                                     .arg(ServerSecrets::MinimumBytes),
                                 QString()};
                http.callbackUrl = publicUrl;
                http.callbackUrl.setPath(callbackPath(store.key, terminal.id));
                if (Expected<void> valid = http.validate(); !valid)
                    return Error{valid.error().kind,
                                 QStringLiteral("terminal %1 of store %2: %3")
                                     .arg(terminal.id, store.key, valid.error().message),
                                 QString()};
                adopt(terminal.kind, store.key, terminal.id,
                      new HttpExtensionProvider(http, m_network));
            }
        }
    }
    return {};
}

QString ProviderRegistry::kindFor(const QString& storeKey, const WorkstationConfig& workstation,
                                  const QString& tender) const
{
    Q_UNUSED(storeKey)
    // Only what the workstation offers: no cash without a drawer.
    if (!workstation.tenders().contains(tender))
        return {};
    if (tender == QLatin1StringView("cash"))
        return cashKind;
    if (tender == QLatin1StringView("card") && workstation.terminal)
        return workstation.terminal->kind;
    return {};
}

PaymentProvider* ProviderRegistry::provider(const QString& kind, const QString& storeKey,
                                            const QString& terminalId) const
{
    if (kind == cashKind)
        return m_cash;
    return m_terminals.value(slot(kind, storeKey, terminalId));
}

HttpExtensionProvider* ProviderRegistry::httpProvider(const QString& storeKey,
                                                      const QString& terminalId) const
{
    return static_cast<HttpExtensionProvider*>(
        m_terminals.value(slot(QStringLiteral("http"), storeKey, terminalId)));
}

} // namespace storedesk::server
