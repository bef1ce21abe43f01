#include "pendingpayments.h"

#include "base/logging.h"
#include "domain/jsonreader.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace storedesk::flows {
namespace {

const QLatin1StringView suffix(".json");

std::optional<Money> optionalMoney(JsonObjectReader& reader, QLatin1StringView key)
{
    if (std::optional<JsonObjectReader> object = reader.optionalObject(key))
        return Money::read(*object);
    return std::nullopt;
}

} // namespace

PendingPayment PendingPayment::create(const QString& storeKey, const QString& workstationId,
                                      const QString& cartId, const api::PaymentRequest& request)
{
    PendingPayment payment;
    payment.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    payment.storeKey = storeKey;
    payment.workstationId = workstationId;
    payment.cartId = cartId;
    payment.request = request;
    payment.startedAt = QDateTime::currentDateTimeUtc();
    return payment;
}

QJsonObject PendingPayment::toJson() const
{
    QJsonObject object{{QStringLiteral("idempotencyKey"), QString::fromLatin1(idempotencyKey)},
                       {QStringLiteral("storeKey"), storeKey},
                       {QStringLiteral("workstationId"), workstationId},
                       {QStringLiteral("cartId"), cartId},
                       {QStringLiteral("request"), request.toJson()},
                       {QStringLiteral("startedAt"), startedAt.toString(Qt::ISODateWithMs)}};
    if (!paymentId.isEmpty())
        object.insert(QStringLiteral("paymentId"), paymentId);
    if (!serverUrl.isEmpty())
        object.insert(QStringLiteral("serverUrl"), serverUrl);
    if (!colleague.isEmpty())
        object.insert(QStringLiteral("colleague"), colleague);
    if (isUnresolved()) {
        object.insert(QStringLiteral("unresolvedReason"), unresolvedReason);
        object.insert(QStringLiteral("unresolvedAt"), unresolvedAt.toString(Qt::ISODateWithMs));
        object.insert(QStringLiteral("reported"), reported);
    }
    return object;
}

Expected<PendingPayment> PendingPayment::fromJson(const QByteArray& json)
{
    Expected<QJsonObject> object = json::parseObject(json);
    if (!object)
        return object.error();
    JsonObjectReader reader(*object);
    PendingPayment payment;
    payment.idempotencyKey = reader.requiredString(QLatin1StringView("idempotencyKey")).toLatin1();
    if (!reader.failed() && QUuid::fromString(QString::fromLatin1(payment.idempotencyKey)).isNull())
        reader.fail(QLatin1StringView("idempotencyKey"), QStringLiteral("not a UUID"));
    payment.storeKey = reader.requiredString(QLatin1StringView("storeKey"));
    payment.workstationId = reader.requiredString(QLatin1StringView("workstationId"));
    payment.cartId = reader.requiredString(QLatin1StringView("cartId"));
    JsonObjectReader request = reader.requiredObject(QLatin1StringView("request"));
    payment.request.tender = request.requiredString(QLatin1StringView("tender"));
    payment.request.amount = Money::read(request.requiredObject(QLatin1StringView("amount")));
    payment.request.cashTendered = optionalMoney(request, QLatin1StringView("cashTendered"));
    payment.paymentId = reader.optionalString(QLatin1StringView("paymentId"));
    payment.startedAt = QDateTime::fromString(reader.optionalString(QLatin1StringView("startedAt")),
                                              Qt::ISODateWithMs);
    payment.serverUrl = reader.optionalString(QLatin1StringView("serverUrl"));
    payment.colleague = reader.optionalString(QLatin1StringView("colleague"));
    payment.unresolvedReason = reader.optionalString(QLatin1StringView("unresolvedReason"));
    payment.unresolvedAt = QDateTime::fromString(
        reader.optionalString(QLatin1StringView("unresolvedAt")), Qt::ISODateWithMs);
    payment.reported = reader.optionalBool(QLatin1StringView("reported"), false);
    if (reader.failed())
        return reader.error();
    return payment;
}

PendingPayments::PendingPayments(QString directory)
    : m_directory(std::move(directory))
{
}

QString PendingPayments::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/pending-payments");
}

QString PendingPayments::pathOf(const QByteArray& idempotencyKey) const
{
    return m_directory + QLatin1Char('/') + QString::fromLatin1(idempotencyKey) + suffix;
}

bool PendingPayments::save(const PendingPayment& payment, QString* error) const
{
    const auto failed = [&](const QString& why) {
        qCWarning(lcCoreFlows).noquote()
            << "cannot record the payment attempt" << payment.idempotencyKey << "in" << m_directory
            << ":" << why;
        if (error)
            *error = why;
        return false;
    };
    if (!QDir().mkpath(m_directory))
        return failed(QStringLiteral("cannot create the folder"));
    QSaveFile file(pathOf(payment.idempotencyKey));
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    file.write(QJsonDocument(payment.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return failed(file.errorString());
    return true;
}

void PendingPayments::remove(const QByteArray& idempotencyKey) const
{
    QFile::remove(pathOf(idempotencyKey));
}

QList<PendingPayment> PendingPayments::at(const QString& storeKey,
                                          const QString& workstationId) const
{
    QList<PendingPayment> found = all(storeKey, workstationId);
    found.removeIf([](const PendingPayment& payment) { return payment.isUnresolved(); });
    return found;
}

QList<PendingPayment> PendingPayments::unresolvedAt(const QString& storeKey,
                                                    const QString& workstationId) const
{
    QList<PendingPayment> found = all(storeKey, workstationId);
    found.removeIf([](const PendingPayment& payment) { return !payment.isUnresolved(); });
    return found;
}

QList<PendingPayment> PendingPayments::all(const QString& storeKey,
                                           const QString& workstationId) const
{
    QList<PendingPayment> found;
    const QDir folder(m_directory);
    for (const QString& name :
         folder.entryList({QStringLiteral("*") + suffix}, QDir::Files, QDir::Name)) {
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        Expected<PendingPayment> payment = PendingPayment::fromJson(file.read(64 * 1024));
        if (!payment) {
            qCWarning(lcCoreFlows).noquote() << "skipping an unreadable pending payment" << name
                                             << ":" << payment.error().message;
            continue;
        }
        if (payment->storeKey == storeKey && payment->workstationId == workstationId)
            found.append(*payment);
    }
    std::sort(found.begin(), found.end(), [](const PendingPayment& a, const PendingPayment& b) {
        return a.startedAt < b.startedAt;
    });
    return found;
}

} // namespace storedesk::flows
