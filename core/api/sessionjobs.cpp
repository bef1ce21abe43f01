#include "sessionjobs.h"

#include "domain/fields.h"
#include "domain/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace storedesk::api {

Expected<SessionInfo> SessionInfo::fromJson(const QByteArray& json)
{
    return json::read<SessionInfo>(json);
}

SessionInfo SessionInfo::read(JsonObjectReader reader)
{
    SessionInfo session;
    session.accessToken = reader.requiredString(QLatin1StringView("accessToken")).toUtf8();
    session.expiresAt = fields::dateTime(reader, QLatin1StringView("expiresAt"), true);
    JsonObjectReader user = reader.requiredObject(QLatin1StringView("user"));
    session.userId = user.requiredString(QLatin1StringView("id"));
    session.username = user.requiredString(QLatin1StringView("username"));
    session.displayName = user.optionalString(QLatin1StringView("name"));
    session.roles = user.optionalStringList(QLatin1StringView("roles"));
    session.storeKey = reader.optionalString(QLatin1StringView("storeKey"));
    session.workstationId = reader.optionalString(QLatin1StringView("workstationId"));
    if (std::optional<JsonObjectReader> workstation =
            reader.optionalObject(QLatin1StringView("workstation"))) {
        WorkstationInfo info;
        info.id = workstation->requiredString(QLatin1StringView("id"));
        info.name = workstation->optionalString(QLatin1StringView("name"));
        info.tenders = workstation->optionalStringList(QLatin1StringView("tenders"));
        if (std::optional<JsonObjectReader> terminal =
                workstation->optionalObject(QLatin1StringView("terminal")))
            info.terminalId = terminal->requiredString(QLatin1StringView("id"));
        session.workstation = info;
    }
    if (!reader.failed() && session.accessToken.isEmpty())
        reader.fail(QLatin1StringView("accessToken"), QStringLiteral("must not be empty"));
    return session;
}

QByteArray SessionInfo::toJson() const
{
    QJsonObject object{{QStringLiteral("accessToken"), QString::fromUtf8(accessToken)},
                       {QStringLiteral("expiresAt"), expiresAt.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("user"),
                        QJsonObject{{QStringLiteral("id"), userId},
                                    {QStringLiteral("username"), username},
                                    {QStringLiteral("name"), displayName},
                                    {QStringLiteral("roles"), QJsonArray::fromStringList(roles)}}},
                       {QStringLiteral("storeKey"), storeKey},
                       {QStringLiteral("workstationId"), workstationId}};
    if (workstation) {
        QJsonObject place{
            {QStringLiteral("id"), workstation->id},
            {QStringLiteral("name"), workstation->name},
            {QStringLiteral("tenders"), QJsonArray::fromStringList(workstation->tenders)}};
        if (!workstation->terminalId.isEmpty())
            place.insert(QStringLiteral("terminal"),
                         QJsonObject{{QStringLiteral("id"), workstation->terminalId}});
        object.insert(QStringLiteral("workstation"), place);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

namespace {

QJsonObject loginBody(const Credentials& credentials)
{
    QJsonObject body{{QStringLiteral("username"), credentials.username},
                     {QStringLiteral("secret"), credentials.secret}};
    if (!credentials.storeKey.isEmpty())
        body.insert(QStringLiteral("storeKey"), credentials.storeKey);
    if (!credentials.workstationId.isEmpty())
        body.insert(QStringLiteral("workstationId"), credentials.workstationId);
    return body;
}

} // namespace

LoginJob::LoginJob(ApiClient* client, const Credentials& credentials)
    : ValueJob(client, [&] {
        Request request = Request::send("POST", QStringLiteral("/session"), loginBody(credentials));
        request.authenticated = false;
        return request;
    }())
{
}

std::optional<ApiError> LoginJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(SessionInfo::fromJson(body));
}

void LoginJob::describeError(ApiError& error, const QJsonObject& details) const
{
    // After repeated failures the server delays logins for the name (or from this address),
    // answering 429 whatever the secret until the delay has passed.
    if (error.httpStatus == 429) {
        const int seconds = qMax(1, details.value(QLatin1StringView("retryAfterSeconds")).toInt());
        error.message = tr("Too many failed logins. Try again in %n second(s).", nullptr, seconds);
        return;
    }
    switch (error.code) {
    case ApiError::Code::Unauthenticated:
        error.message = tr("The user name or the password/PIN is wrong.");
        break;
    case ApiError::Code::Forbidden:
        error.message = tr("This user is not set up to work in this store.");
        break;
    case ApiError::Code::NotFound:
        error.message = tr("The server does not serve the store this workstation is set up "
                           "for. A manager must set the workstation up again.");
        break;
    case ApiError::Code::InvalidInput:
        error.message = tr("The server refused the login: the user name, the password/PIN or "
                           "the workstation is not valid.");
        break;
    default:
        break;
    }
}

LogoutJob::LogoutJob(ApiClient* client, const QByteArray& token)
    : ValueJob(client, [&] {
        Request request = Request::send("DELETE", QStringLiteral("/session"));
        request.token = token;
        return request;
    }())
{
}

std::optional<ApiError> LogoutJob::parseSuccess(int /*status*/, const QByteArray& /*body*/)
{
    return std::nullopt;
}

} // namespace storedesk::api
