#pragma once

#include "base/expected.h"
#include "paymentprovider.h"
#include "serverconfig.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace storedesk::server {

class CashProvider;
class HttpExtensionProvider;

// The providers of this server, made from its configuration: the cash drawer, and one provider
// per configured terminal (a terminal id is unique within its store only). Every provider's
// outcome() arrives here as one signal.
class ProviderRegistry : public QObject {
    Q_OBJECT

public:
    // Provider kinds as stored with each attempt.
    static inline const QString cashKind = QStringLiteral("cash");

    ProviderRegistry(const ServerConfig& config, QNetworkAccessManager* network,
                     QObject* parent = nullptr);
    ~ProviderRegistry() override;

    // Makes the providers. publicUrl is where providers call back; signingKeys maps each http
    // terminal's signingKeyEnv to its secret (from the environment). Fails naming a terminal
    // whose secret is missing or too short.
    Expected<void> setUp(const QUrl& publicUrl, const QHash<QString, QByteArray>& signingKeys);

    // "cash", "simulated" or "http" for this tender at this workstation; empty when it cannot
    // take it (a tender the workstation does not offer: cash without a drawer, card without a
    // terminal).
    QString kindFor(const QString& storeKey, const WorkstationConfig& workstation,
                    const QString& tender) const;
    // The provider of an attempt's kind and terminal; nullptr when the configuration has
    // changed since and no longer has it.
    PaymentProvider* provider(const QString& kind, const QString& storeKey,
                              const QString& terminalId) const;
    HttpExtensionProvider* httpProvider(const QString& storeKey, const QString& terminalId) const;

    static QString callbackPath(const QString& storeKey, const QString& terminalId);
    // Names a provider: what outcome() says it came from, and what an attempt expects.
    static QString sourceOf(const QString& kind, const QString& storeKey,
                            const QString& terminalId);

signals:
    // source: sourceOf() the provider that reported it; an outcome for an attempt of another
    // provider (a PSP of one store naming another store's attempt) must be ignored.
    void outcome(const QString& source, const QString& paymentKey,
                 const storedesk::server::ProviderStatus& status);

private:
    void adopt(const QString& kind, const QString& storeKey, const QString& terminalId,
               PaymentProvider* provider);

    const ServerConfig& m_config;
    QNetworkAccessManager* m_network;
    CashProvider* m_cash = nullptr;
    QHash<QString, PaymentProvider*> m_terminals; // "kind/store/terminal" → provider (children)
};

} // namespace storedesk::server
