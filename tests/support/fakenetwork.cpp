#include "fakenetwork.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace storedesk::test {

FakeAnswer FakeAnswer::json(int status, const QJsonObject& body, int delayMs)
{
    return FakeAnswer{
        status, QJsonDocument(body).toJson(QJsonDocument::Compact), delayMs, false, false, {}};
}

FakeAnswer FakeAnswer::error(int status, const QString& code, int delayMs)
{
    return json(
        status,
        {{QStringLiteral("code"), code}, {QStringLiteral("message"), QStringLiteral("fake")}},
        delayMs);
}

FakeReply::FakeReply(QNetworkAccessManager::Operation operation, const QNetworkRequest& request,
                     const QByteArray& method, FakeAnswer answer, QObject* parent)
    : QNetworkReply(parent)
    , m_answer(std::move(answer))
{
    setRequest(request);
    setUrl(request.url());
    setOperation(operation);
    setAttribute(QNetworkRequest::CustomVerbAttribute, method);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    if (m_answer.noAnswer)
        return;
    QTimer::singleShot(m_answer.delayMs, this, &FakeReply::respond);
}

void FakeReply::respond()
{
    if (isFinished())
        return;
    if (m_answer.networkError) {
        setError(QNetworkReply::RemoteHostClosedError, QStringLiteral("Connection closed"));
        setFinished(true);
        emit errorOccurred(QNetworkReply::RemoteHostClosedError);
        emit finished();
        return;
    }
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_answer.status);
    setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    setHeader(QNetworkRequest::ContentLengthHeader, m_answer.body.size());
    for (const auto& [name, value] : std::as_const(m_answer.headers))
        setRawHeader(name, value);
    m_body = m_answer.body;
    if (m_answer.status >= 400)
        setError(QNetworkReply::ProtocolInvalidOperationError, QStringLiteral("HTTP error"));
    setFinished(true);
    emit metaDataChanged();
    emit readyRead();
    emit finished();
}

void FakeReply::abort()
{
    if (isFinished())
        return;
    setError(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
    setFinished(true);
    emit errorOccurred(QNetworkReply::OperationCanceledError);
    emit finished();
    close();
}

qint64 FakeReply::bytesAvailable() const
{
    return m_body.size() - m_read + QIODevice::bytesAvailable();
}

qint64 FakeReply::readData(char* data, qint64 maxSize)
{
    const qint64 size = std::min<qint64>(maxSize, m_body.size() - m_read);
    if (size <= 0)
        return isFinished() ? -1 : 0;
    std::copy_n(m_body.constData() + m_read, size, data);
    m_read += size;
    return size;
}

FakeNetwork::FakeNetwork(QObject* parent)
    : QNetworkAccessManager(parent)
{
}

void FakeNetwork::script(const QByteArray& method, const QString& pathPattern,
                         QList<FakeAnswer> answers)
{
    m_routes.removeIf(
        [&](const Route& route) { return route.method == method && route.pattern == pathPattern; });
    m_routes.append(Route{method,
                          pathPattern,
                          QRegularExpression(QRegularExpression::anchoredPattern(pathPattern)),
                          std::move(answers),
                          {}});
}

void FakeNetwork::handle(const QByteArray& method, const QString& pathPattern, Handler handler)
{
    m_routes.removeIf(
        [&](const Route& route) { return route.method == method && route.pattern == pathPattern; });
    m_routes.append(Route{method,
                          pathPattern,
                          QRegularExpression(QRegularExpression::anchoredPattern(pathPattern)),
                          {},
                          std::move(handler)});
}

int FakeNetwork::count(const QByteArray& method, const QString& pathPattern) const
{
    const QRegularExpression path(QRegularExpression::anchoredPattern(pathPattern));
    return int(std::count_if(m_requests.begin(), m_requests.end(), [&](const FakeRequest& seen) {
        return seen.method == method && path.match(seen.path).hasMatch();
    }));
}

QNetworkReply* FakeNetwork::createRequest(Operation operation, const QNetworkRequest& request,
                                          QIODevice* outgoingData)
{
    FakeRequest seen;
    switch (operation) {
    case GetOperation:
        seen.method = "GET";
        break;
    case PostOperation:
        seen.method = "POST";
        break;
    case PutOperation:
        seen.method = "PUT";
        break;
    case DeleteOperation:
        seen.method = "DELETE";
        break;
    case HeadOperation:
        seen.method = "HEAD";
        break;
    default:
        seen.method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        break;
    }
    seen.path = request.url().path();
    seen.idempotencyKey = request.rawHeader("Idempotency-Key");
    if (outgoingData)
        seen.body = outgoingData->readAll();
    m_requests.append(seen);
    emit requested(seen);

    FakeAnswer answer = FakeAnswer::error(404, QStringLiteral("not_found"));
    for (Route& route : m_routes) {
        if (route.method != seen.method || !route.path.match(seen.path).hasMatch())
            continue;
        if (route.handler)
            answer = route.handler(seen);
        else if (!route.answers.isEmpty())
            answer = route.answers.size() > 1 ? route.answers.takeFirst() : route.answers.first();
        break;
    }
    return new FakeReply(operation, request, seen.method, answer, this);
}

namespace fake {

QJsonObject paymentView(const QString& id, const QString& state, const QString& tender,
                        qint64 cents)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("key"), QStringLiteral("storedesk-") + id},
            {QStringLiteral("state"), state},
            {QStringLiteral("tender"), tender},
            {QStringLiteral("amount"),
             QJsonObject{{QStringLiteral("centAmount"), cents},
                         {QStringLiteral("currencyCode"), QStringLiteral("EUR")}}}};
}

QJsonObject balance(const QString& cartId, qint64 total, qint64 paid, qint64 pending)
{
    const auto money = [](qint64 cents) {
        return QJsonObject{{QStringLiteral("centAmount"), cents},
                           {QStringLiteral("currencyCode"), QStringLiteral("EUR")}};
    };
    return {{QStringLiteral("cartId"), cartId},
            {QStringLiteral("total"), money(total)},
            {QStringLiteral("paid"), money(paid)},
            {QStringLiteral("pending"), money(pending)},
            {QStringLiteral("openBalance"), money(total - paid - pending)},
            {QStringLiteral("payments"), QJsonArray()}};
}

} // namespace fake
} // namespace storedesk::test
