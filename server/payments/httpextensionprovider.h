#pragma once

#include "base/expected.h"
#include "paymentprovider.h"

#include <QUrl>

#include <chrono>
#include <optional>

class QNetworkAccessManager;

namespace storedesk::server {

struct HttpExtensionConfig {
    // The provider's base URL; requests go to {providerUrl}/payments…. https, or http to a
    // loopback address only (tests, a PSP sidecar on the same host).
    QUrl providerUrl;
    QByteArray sharedSecret;                  // signs both directions; never logged
    QUrl callbackUrl;                         // ours, e.g. {publicBase}/callbacks/payments
    std::chrono::milliseconds timeout{10000}; // per request

    Expected<void> validate() const;
};

// The payment extension over HTTP: a PSP or terminal gateway that answers at once and reports the
// outcome later by POSTing to our callback. Every body in both directions carries X-Signature
// (signature.h); a request without a body (GET) signs its path instead, e.g. "/payments/K".
//
//   POST {providerUrl}/payments                 {reference, paymentId, amount, terminalId,
//   storeKey,
//                                                workstationId, callbackUrl, statusUrl}
//                                               → 200 {reference, state: "pending", message?}
//   GET  {providerUrl}/payments/{reference}     → 200 {reference, state, message?} | 404
//   POST {providerUrl}/payments/{reference}/cancel {reference} → 200 {reference, state, message?}
//   POST {callbackUrl}                          {reference, state, message?}  (at least once)
//
// The reference is the attempt's paymentKey, so the same attempt can be asked about after a
// restart. Answers the server cannot trust or did not get (timeout, 5xx, bad signature) are
// Pending: the money may have moved, so only a verified answer or a request that provably never
// left (connection refused) ends an attempt.
class HttpExtensionProvider : public PaymentProvider {
    Q_OBJECT

public:
    HttpExtensionProvider(HttpExtensionConfig config, QNetworkAccessManager* network,
                          QObject* parent = nullptr);

    void start(const PaymentAttempt& attempt, Callback done) override;
    void status(const PaymentAttempt& attempt, Callback done) override;
    void cancel(const PaymentAttempt& attempt, Callback done) override;

    // A POST to our callback URL: the status when the signature is genuine and the body well
    // formed, else nothing (the route answers 401). A final state is also emitted as outcome(),
    // so the route needs the return value only for its HTTP answer. Duplicates are passed on:
    // storage deduplicates by reference.
    std::optional<ProviderStatus> acceptCallback(const QByteArray& body,
                                                 const QByteArray& signature);

private:
    struct Reply;
    using ReplyHandler = std::function<void(const Reply&)>;

    void send(const QByteArray& method, const QString& path, const QByteArray& body,
              const QString& correlationId, ReplyHandler handler);
    // Reads a verified answer about `reference`; Pending with a message when it cannot be trusted.
    ProviderStatus interpret(const Reply& reply, const QString& reference, bool isStart) const;
    QString paymentPath(const QString& reference) const;

    HttpExtensionConfig m_config;
    QNetworkAccessManager* m_network;
};

} // namespace storedesk::server
