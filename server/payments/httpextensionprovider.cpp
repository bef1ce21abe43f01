#include "httpextensionprovider.h"

#include "base/logging.h"
#include "base/transportsecurity.h"
#include "signature.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace storedesk::server {

using State = ProviderStatus::State;

namespace {

// A provider's message is shown to a colleague; a hostile or broken one must not flood the UI.
constexpr qsizetype maxMessageLength = 200;

Error configError(const QString& message)
{
    return Error{Error::Kind::InvalidValue, message, QString()};
}

// {reference, state, message?} from a body whose signature was checked.
std::optional<ProviderStatus> parseStatus(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const QString reference = object.value(QStringLiteral("reference")).toString();
    const auto state =
        ProviderStatus::stateFromName(object.value(QStringLiteral("state")).toString());
    if (reference.isEmpty() || !state)
        return std::nullopt;
    return ProviderStatus::make(
        *state, reference,
        object.value(QStringLiteral("message")).toString().left(maxMessageLength));
}

} // namespace

Expected<void> HttpExtensionConfig::validate() const
{
    if (!providerUrl.isValid() || providerUrl.host().isEmpty())
        return configError(QStringLiteral("the payment provider URL is not an absolute URL"));
    if (!isEncryptedOrLocal(providerUrl))
        return configError(
            QStringLiteral("the payment provider URL must use https (http only on loopback)"));
    if (sharedSecret.isEmpty())
        return configError(QStringLiteral("the payment provider's shared secret is missing"));
    if (!callbackUrl.isValid() || callbackUrl.host().isEmpty() ||
        (callbackUrl.scheme() != QLatin1StringView("https") &&
         callbackUrl.scheme() != QLatin1StringView("http")))
        return configError(QStringLiteral("the payment callback URL is not an absolute URL"));
    if (timeout.count() <= 0)
        return configError(QStringLiteral("the payment provider timeout must be positive"));
    return {};
}

struct HttpExtensionProvider::Reply {
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QByteArray signature;
    bool neverSent = false; // the request provably did not reach the provider
    QString transportError; // safe to log
};

HttpExtensionProvider::HttpExtensionProvider(HttpExtensionConfig config,
                                             QNetworkAccessManager* network, QObject* parent)
    : PaymentProvider(parent)
    , m_config(std::move(config))
    , m_network(network)
{
}

QString HttpExtensionProvider::paymentPath(const QString& reference) const
{
    QString base = m_config.providerUrl.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QString path = base + QStringLiteral("/payments");
    if (!reference.isEmpty())
        path += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(reference));
    return path;
}

void HttpExtensionProvider::start(const PaymentAttempt& attempt, Callback done)
{
    QUrl statusUrl = m_config.providerUrl;
    statusUrl.setPath(paymentPath(attempt.paymentKey), QUrl::TolerantMode);
    const QJsonObject request{
        {QStringLiteral("reference"), attempt.paymentKey},
        {QStringLiteral("paymentId"), attempt.paymentId},
        {QStringLiteral("amount"), attempt.amount.toJson()},
        {QStringLiteral("terminalId"), attempt.terminalId},
        {QStringLiteral("storeKey"), attempt.storeKey},
        {QStringLiteral("workstationId"), attempt.workstationId},
        {QStringLiteral("callbackUrl"), m_config.callbackUrl.toString(QUrl::FullyEncoded)},
        {QStringLiteral("statusUrl"), statusUrl.toString(QUrl::FullyEncoded)},
    };
    const QString reference = attempt.paymentKey;
    send("POST", paymentPath({}), QJsonDocument(request).toJson(QJsonDocument::Compact),
         attempt.correlationId, [this, reference, done = std::move(done)](const Reply& reply) {
             done(interpret(reply, reference, true));
         });
}

void HttpExtensionProvider::status(const PaymentAttempt& attempt, Callback done)
{
    const QString reference = attempt.paymentKey;
    send("GET", paymentPath(reference), {}, attempt.correlationId,
         [this, reference, done = std::move(done)](const Reply& reply) {
             done(interpret(reply, reference, false));
         });
}

void HttpExtensionProvider::cancel(const PaymentAttempt& attempt, Callback done)
{
    const QString reference = attempt.paymentKey;
    const QJsonObject request{{QStringLiteral("reference"), reference}};
    send("POST", paymentPath(reference) + QStringLiteral("/cancel"),
         QJsonDocument(request).toJson(QJsonDocument::Compact), attempt.correlationId,
         [this, reference, done = std::move(done)](const Reply& reply) {
             done(interpret(reply, reference, false));
         });
}

std::optional<ProviderStatus> HttpExtensionProvider::acceptCallback(const QByteArray& body,
                                                                    const QByteArray& signature)
{
    if (!signature::verify(body, signature, m_config.sharedSecret)) {
        qCWarning(lcServer) << "payment callback refused: signature does not match";
        return std::nullopt;
    }
    std::optional<ProviderStatus> status = parseStatus(body);
    if (!status) {
        qCWarning(lcServer) << "payment callback refused: not {reference, state}";
        return std::nullopt;
    }
    qCInfo(lcServer).noquote() << "payment callback for" << status->reference << "→"
                               << ProviderStatus::stateName(status->state);
    if (status->isFinal())
        Q_EMIT outcome(status->reference, *status);
    return status;
}

void HttpExtensionProvider::send(const QByteArray& method, const QString& path,
                                 const QByteArray& body, const QString& correlationId,
                                 ReplyHandler handler)
{
    QUrl url = m_config.providerUrl;
    url.setPath(path, QUrl::TolerantMode);
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_config.timeout.count()));
    // A signed body goes to the configured provider and nowhere else.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("X-Correlation-ID", correlationId.toLatin1());
    // A GET has no body to sign, so it signs its path: that binds the signature to the reference.
    const QByteArray signedBytes = body.isEmpty() ? url.path(QUrl::FullyEncoded).toLatin1() : body;
    request.setRawHeader(signature::headerName,
                         signature::sign(signedBytes, m_config.sharedSecret));
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));

    QNetworkReply* reply = m_network->sendCustomRequest(request, method, body);
    connect(reply, &QNetworkReply::finished, this,
            [reply, method, path, correlationId, handler = std::move(handler)] {
                reply->deleteLater();
                Reply answer;
                answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (reply->isOpen())
                    answer.body = reply->readAll();
                answer.signature = reply->rawHeader(signature::headerName);
                if (answer.status == 0) {
                    const QNetworkReply::NetworkError error = reply->error();
                    answer.neverSent = error == QNetworkReply::ConnectionRefusedError ||
                                       error == QNetworkReply::HostNotFoundError;
                    answer.transportError = error == QNetworkReply::OperationCanceledError ||
                                                    error == QNetworkReply::TimeoutError
                                                ? QStringLiteral("timed out")
                                                : reply->errorString();
                }
                qCDebug(lcServer).noquote()
                    << "payment provider" << method << path << "→"
                    << (answer.status ? QString::number(answer.status) : answer.transportError)
                    << "correlation" << correlationId;
                handler(answer);
            });
}

ProviderStatus HttpExtensionProvider::interpret(const Reply& reply, const QString& reference,
                                                bool isStart) const
{
    const auto unclear = [&reference](const QString& message) {
        return ProviderStatus::make(State::Pending, reference, message);
    };
    if (reply.status == 0) {
        // Refused before anything was sent: no money can have moved, so a start may fail. For a
        // status or cancel it says nothing about the attempt.
        if (reply.neverSent && isStart)
            return ProviderStatus::make(State::Failed, reference,
                                        QStringLiteral("Payment provider unreachable."));
        qCWarning(lcServer).noquote()
            << "payment provider did not answer about" << reference << ":" << reply.transportError;
        return unclear(QStringLiteral("No answer from the payment provider yet."));
    }
    if (isStart && reply.status >= 400 && reply.status < 500 && reply.status != 408 &&
        reply.status != 409 && reply.status != 429) {
        // The provider refused the request itself (signed or not, e.g. a 401 for our signature):
        // it took no money. 408/409/429 may hide an attempt in progress, so they stay unclear.
        qCWarning(lcServer) << "payment provider refused a payment request with HTTP"
                            << reply.status << "(check its URL and shared secret)";
        return ProviderStatus::make(
            State::Failed, reference,
            QStringLiteral("The payment provider refused the request (HTTP %1).")
                .arg(reply.status));
    }
    if (!signature::verify(reply.body, reply.signature, m_config.sharedSecret)) {
        qCWarning(lcServer).noquote() << "payment provider's answer about" << reference
                                      << "has no valid signature; HTTP" << reply.status;
        return unclear(QStringLiteral("The payment provider's answer could not be verified."));
    }
    if (reply.status == 404 && !isStart)
        return ProviderStatus::make(State::Failed, reference,
                                    QStringLiteral("The payment provider has no record of this "
                                                   "payment."));
    if (reply.status < 200 || reply.status >= 300)
        return unclear(QStringLiteral("The payment provider answered HTTP %1.").arg(reply.status));
    const std::optional<ProviderStatus> parsed = parseStatus(reply.body);
    if (!parsed || parsed->reference != reference) {
        qCWarning(lcServer).noquote()
            << "payment provider's answer about" << reference << "is not {reference, state}";
        return unclear(QStringLiteral("The payment provider's answer could not be read."));
    }
    return *parsed;
}

} // namespace storedesk::server
