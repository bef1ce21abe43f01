#include "apiresponder.h"

#include "base/logging.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QUuid>

namespace storedesk::server {

QString ApiResponder::correlationIdOf(const QHttpServerRequest& request)
{
    const QUuid given =
        QUuid::fromString(QString::fromLatin1(request.value("X-Correlation-ID").left(64)));
    return (given.isNull() ? QUuid::createUuid() : given).toString(QUuid::WithoutBraces);
}

ApiResponder::ApiResponder(QHttpServerResponder&& responder, const QHttpServerRequest& request)
    : m_responder(std::move(responder))
    , m_socket(m_responder.socket())
    , m_correlationId(correlationIdOf(request))
    , m_method(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method())))
    , m_path(request.url().path())
{
    m_elapsed.start();
}

ApiResponder::~ApiResponder()
{
    if (!m_answered) {
        qCCritical(lcServerHttp) << "no answer was given to" << m_method << m_path;
        error(ApiError::internal());
    }
}

void ApiResponder::json(int status, const QJsonObject& body)
{
    write(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void ApiResponder::json(int status, const QJsonArray& body)
{
    write(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void ApiResponder::error(const ApiError& error)
{
    write(error.status, QJsonDocument(error.toJson(m_correlationId)).toJson(QJsonDocument::Compact),
          error.retryAfterSeconds);
}

void ApiResponder::noContent()
{
    if (m_answered)
        return;
    m_answered = true;
    if (clientGone(204))
        return;
    m_responder.write({{"X-Correlation-ID", m_correlationId.toLatin1()}},
                      QHttpServerResponder::StatusCode::NoContent);
    qCInfo(lcServerHttp).noquote()
        << m_method << m_path << 204 << m_elapsed.elapsed() << "ms" << m_correlationId;
}

bool ApiResponder::clientGone(int status) const
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        return false;
    qCInfo(lcServerHttp).noquote()
        << m_method << m_path << status << "not sent: the client has gone; correlation"
        << m_correlationId;
    return true;
}

void ApiResponder::write(int status, const QByteArray& body, int retryAfterSeconds)
{
    if (m_answered) {
        qCWarning(lcServerHttp) << "a second answer to" << m_method << m_path << "was dropped";
        return;
    }
    m_answered = true;
    if (clientGone(status))
        return;
    const auto code = QHttpServerResponder::StatusCode(status);
    if (retryAfterSeconds > 0)
        m_responder.write(body,
                          {{"Content-Type", "application/json"},
                           {"X-Correlation-ID", m_correlationId.toLatin1()},
                           {"Retry-After", QByteArray::number(retryAfterSeconds)}},
                          code);
    else
        m_responder.write(body,
                          {{"Content-Type", "application/json"},
                           {"X-Correlation-ID", m_correlationId.toLatin1()}},
                          code);
    qCInfo(lcServerHttp).noquote()
        << m_method << m_path << status << m_elapsed.elapsed() << "ms" << m_correlationId;
}

} // namespace storedesk::server
