#include "tilljobs.h"

#include "domain/fields.h"
#include "domain/jsonreader.h"

#include <QJsonArray>

#include <utility>

namespace storedesk::api {
namespace {

constexpr std::pair<QLatin1StringView, TillMovement::Kind> movementKinds[] = {
    {QLatin1StringView("pay_in"), TillMovement::Kind::PayIn},
    {QLatin1StringView("pay_out"), TillMovement::Kind::PayOut},
    {QLatin1StringView("safe_drop"), TillMovement::Kind::SafeDrop},
    {QLatin1StringView("no_sale"), TillMovement::Kind::NoSale},
};

constexpr std::pair<QLatin1StringView, TillSession::State> sessionStates[] = {
    {QLatin1StringView("open"), TillSession::State::Open},
    {QLatin1StringView("closed"), TillSession::State::Closed},
};

constexpr std::pair<QLatin1StringView, TillReport::Kind> reportKinds[] = {
    {QLatin1StringView("x"), TillReport::Kind::X},
    {QLatin1StringView("z"), TillReport::Kind::Z},
};

QString tillPath(const QString& storeKey, const QString& workstationId)
{
    return QStringLiteral("/stores/%1/workstations/%2/till")
        .arg(pathSegment(storeKey), pathSegment(workstationId));
}

std::optional<Money> optionalMoney(JsonObjectReader& reader, QLatin1StringView key)
{
    if (std::optional<JsonObjectReader> object = reader.optionalObject(key))
        return Money::read(*object);
    return std::nullopt;
}

// Every amount of a till document is in the till's currency: the report adds them up.
void inCurrency(JsonObjectReader& reader, QLatin1StringView key, const std::optional<Money>& amount,
                const QString& currency)
{
    if (reader.failed() || !amount || !amount->isValid() || currency.isEmpty())
        return;
    if (amount->currencyCode() == currency)
        return;
    reader.failAt(reader.childPath(key) + QStringLiteral(".currencyCode"),
                  QCoreApplication::translate("storedesk::fields",
                                              "expected %1 like the rest of the document, got %2")
                      .arg(currency, amount->currencyCode()),
                  Error::Kind::CurrencyMismatch);
}

Money requiredMoney(JsonObjectReader& reader, QLatin1StringView key, const QString& currency)
{
    const Money amount = Money::read(reader.requiredObject(key));
    inCurrency(reader, key, amount, currency);
    return amount;
}

qint64 pieces(JsonObjectReader& reader, QLatin1StringView key)
{
    return fields::quantity(reader, key);
}

// A count by denomination (TillCount's JSON), with the total the server adds beside it when there
// is one: that total must be the count's own.
TillCount readCount(JsonObjectReader& reader, QLatin1StringView key, Money* total = nullptr)
{
    JsonObjectReader object = reader.requiredObject(key);
    if (reader.failed())
        return {};
    const Expected<TillCount> count = TillCount::fromJson(object.object());
    if (!count) {
        reader.fail(key, count.error().message);
        return {};
    }
    const Expected<Money> computed = count->total();
    std::optional<Money> given = optionalMoney(object, QLatin1StringView("total"));
    if (reader.failed())
        return {};
    if (given && !(computed && *given == *computed)) {
        object.fail(QLatin1StringView("total"), TillReport::tr("is not the sum of the count"));
        return {};
    }
    if (total && computed)
        *total = *computed;
    return *count;
}

TillApprovalDemand approvalDemand(const QJsonObject& details)
{
    TillApprovalDemand demand;
    demand.denied = details.value(QLatin1StringView("approvalDenied")).toBool();
    for (const QJsonValue& reason : details.value(QLatin1StringView("reasons")).toArray())
        demand.reasons << reason.toString();
    const auto money = [&](QLatin1StringView key) -> std::optional<Money> {
        if (!details.value(key).isObject())
            return std::nullopt;
        const Expected<Money> amount = Money::fromJson(details.value(key).toObject());
        return amount ? std::optional<Money>(*amount) : std::nullopt;
    };
    demand.expectedCash = money(QLatin1StringView("expectedCash"));
    demand.counted = money(QLatin1StringView("counted"));
    demand.overShort = money(QLatin1StringView("overShort"));
    return demand;
}

bool asksForApproval(const ApiError& error, const QJsonObject& details)
{
    return error.code == ApiError::Code::Forbidden &&
           (details.value(QLatin1StringView("approvalRequired")).toBool() ||
            details.value(QLatin1StringView("approvalDenied")).toBool());
}

// What every till job says about the till's own codes and the common answers.
void describeTillError(ApiError& error)
{
    if (const QString message = ApiError::tillMessage(error); !message.isEmpty()) {
        error.message = message;
        return;
    }
    if (error.code == ApiError::Code::Forbidden)
        error.message = QCoreApplication::translate("storedesk::api::TillStatusJob",
                                                    "This session may not use the till of this "
                                                    "workstation. Log in at this workstation.");
    else if (error.code == ApiError::Code::NotFound)
        error.message = QCoreApplication::translate(
            "storedesk::api::TillStatusJob", "The server does not know this store or workstation.");
}

QJsonObject approvalJson(const TillApproval& approval)
{
    return QJsonObject{{QStringLiteral("username"), approval.username},
                       {QStringLiteral("secret"), approval.secret}};
}

} // namespace

TillSession TillSession::read(JsonObjectReader reader)
{
    TillSession session;
    session.id = reader.requiredString(QLatin1StringView("id"));
    session.storeKey = reader.requiredString(QLatin1StringView("storeKey"));
    session.workstationId = reader.requiredString(QLatin1StringView("workstationId"));
    if (const auto state = fields::enumeration(reader, QLatin1StringView("state"), sessionStates))
        session.state = *state;
    session.openedAt = fields::dateTime(reader, QLatin1StringView("openedAt"), true);
    session.openedBy = reader.requiredString(QLatin1StringView("openedBy"));
    session.floatCount = readCount(reader, QLatin1StringView("float"), &session.floatTotal);
    const QString currency = session.floatCount.currency;
    session.expectedFloat = optionalMoney(reader, QLatin1StringView("expectedFloat"));
    inCurrency(reader, QLatin1StringView("expectedFloat"), session.expectedFloat, currency);
    session.closedAt = fields::dateTime(reader, QLatin1StringView("closedAt"));
    session.closedBy = reader.optionalString(QLatin1StringView("closedBy"));
    session.zNumber = reader.optionalString(QLatin1StringView("zNumber"));
    session.counted = optionalMoney(reader, QLatin1StringView("counted"));
    inCurrency(reader, QLatin1StringView("counted"), session.counted, currency);
    session.overShort = optionalMoney(reader, QLatin1StringView("overShort"));
    inCurrency(reader, QLatin1StringView("overShort"), session.overShort, currency);
    return session;
}

Expected<TillSession> TillSession::fromJson(const QByteArray& json)
{
    return json::read<TillSession>(json);
}

TillStatus TillStatus::read(JsonObjectReader reader)
{
    TillStatus status;
    status.storeKey = reader.requiredString(QLatin1StringView("storeKey"));
    status.workstationId = reader.requiredString(QLatin1StringView("workstationId"));
    status.hasDrawer = reader.optionalBool(QLatin1StringView("hasDrawer"), false);
    status.currency = reader.requiredString(QLatin1StringView("currency"));
    if (std::optional<JsonObjectReader> session =
            reader.optionalObject(QLatin1StringView("session"))) {
        status.session = TillSession::read(*session);
        if (!reader.failed() && status.session->floatCount.currency != status.currency)
            session->fail(QLatin1StringView("float"),
                          QCoreApplication::translate("storedesk::fields",
                                                      "expected %1 like the rest of the document, "
                                                      "got %2")
                              .arg(status.currency, status.session->floatCount.currency),
                          Error::Kind::CurrencyMismatch);
    }
    status.expectedFloat = optionalMoney(reader, QLatin1StringView("expectedFloat"));
    inCurrency(reader, QLatin1StringView("expectedFloat"), status.expectedFloat, status.currency);
    if (std::optional<JsonObjectReader> reasons =
            reader.optionalObject(QLatin1StringView("reasons"))) {
        status.reasons.payIn = reasons->optionalStringList(QLatin1StringView("payIn"));
        status.reasons.payOut = reasons->optionalStringList(QLatin1StringView("payOut"));
        status.reasons.noSale = reasons->optionalStringList(QLatin1StringView("noSale"));
    }
    JsonObjectReader limits = reader.requiredObject(QLatin1StringView("limits"));
    if (!reader.failed()) {
        status.limits.payOutApprovalAbove =
            requiredMoney(limits, QLatin1StringView("payOutApprovalAbove"), status.currency);
        status.limits.noSaleApprovalAfter =
            fields::quantity(limits, QLatin1StringView("noSaleApprovalAfter"));
        status.limits.closeApprovalAbove =
            requiredMoney(limits, QLatin1StringView("closeApprovalAbove"), status.currency);
    }
    status.cardNeedsOpenTill = reader.optionalBool(QLatin1StringView("cardNeedsOpenTill"), false);
    return status;
}

Expected<TillStatus> TillStatus::fromJson(const QByteArray& json)
{
    return json::read<TillStatus>(json);
}

QString TillMovement::kindName(Kind kind)
{
    for (const auto& [name, value] : movementKinds) {
        if (value == kind)
            return name;
    }
    return {};
}

std::optional<TillMovement::Kind> TillMovement::kindNamed(QStringView name)
{
    for (const auto& [known, value] : movementKinds) {
        if (name == known)
            return value;
    }
    return std::nullopt;
}

TillMovement TillMovement::read(JsonObjectReader reader)
{
    TillMovement movement;
    movement.id = reader.requiredString(QLatin1StringView("id"));
    movement.sessionId = reader.requiredString(QLatin1StringView("sessionId"));
    if (const auto kind = fields::enumeration(reader, QLatin1StringView("kind"), movementKinds))
        movement.kind = *kind;
    movement.amount = optionalMoney(reader, QLatin1StringView("amount"));
    if (!reader.failed()) {
        // A no sale moves no money; every other movement moves a positive amount.
        if (movement.kind == Kind::NoSale && movement.amount)
            reader.fail(QLatin1StringView("amount"), TillReport::tr("a no sale has no amount"));
        else if (movement.kind != Kind::NoSale &&
                 (!movement.amount || movement.amount->minorUnits() <= 0))
            reader.fail(QLatin1StringView("amount"), TillReport::tr("expected a positive amount"),
                        movement.amount ? Error::Kind::InvalidValue : Error::Kind::MissingValue);
    }
    movement.reason = reader.requiredString(QLatin1StringView("reason"));
    movement.note = reader.optionalString(QLatin1StringView("note"));
    movement.bagNumber = reader.optionalString(QLatin1StringView("bagNumber"));
    movement.username = reader.requiredString(QLatin1StringView("username"));
    movement.approvedBy = reader.optionalString(QLatin1StringView("approvedBy"));
    movement.at = fields::dateTime(reader, QLatin1StringView("at"), true);
    return movement;
}

Expected<TillMovement> TillMovement::fromJson(const QByteArray& json)
{
    return json::read<TillMovement>(json);
}

bool TillMovementRequest::isSameMovement(const TillMovementRequest& other) const
{
    return kind == other.kind && amount == other.amount && reason == other.reason &&
           bagNumber == other.bagNumber;
}

QJsonObject TillMovementRequest::toJson() const
{
    QJsonObject body{{QStringLiteral("kind"), TillMovement::kindName(kind)}};
    if (amount)
        body.insert(QStringLiteral("amount"), amount->toJson());
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    else if (kind == Kind::SafeDrop)
        body.insert(QStringLiteral("reason"), QStringLiteral("safe_drop"));
    if (!note.isEmpty())
        body.insert(QStringLiteral("note"), note);
    if (!bagNumber.isEmpty())
        body.insert(QStringLiteral("bagNumber"), bagNumber);
    if (approval)
        body.insert(QStringLiteral("approval"), approvalJson(*approval));
    return body;
}

CardTotal CardTotal::read(JsonObjectReader reader)
{
    CardTotal total;
    total.terminalId = reader.requiredString(QLatin1StringView("terminalId"));
    total.amount = Money::read(reader.requiredObject(QLatin1StringView("amount")));
    total.count = pieces(reader, QLatin1StringView("count"));
    return total;
}

TillReport TillReport::read(JsonObjectReader reader)
{
    TillReport report;
    if (const auto kind = fields::enumeration(reader, QLatin1StringView("kind"), reportKinds))
        report.kind = *kind;
    report.number = report.isZ() ? reader.requiredString(QLatin1StringView("number"))
                                 : reader.optionalString(QLatin1StringView("number"));
    report.sessionId = reader.requiredString(QLatin1StringView("sessionId"));
    report.storeKey = reader.requiredString(QLatin1StringView("storeKey"));
    report.workstationId = reader.requiredString(QLatin1StringView("workstationId"));
    report.currency = reader.requiredString(QLatin1StringView("currency"));
    const QString& currency = report.currency;
    report.openedAt = fields::dateTime(reader, QLatin1StringView("openedAt"), true);
    report.openedBy = reader.requiredString(QLatin1StringView("openedBy"));
    report.generatedAt = fields::dateTime(reader, QLatin1StringView("generatedAt"), true);
    report.closedAt = fields::dateTime(reader, QLatin1StringView("closedAt"), report.isZ());
    report.closedBy = report.isZ() ? reader.requiredString(QLatin1StringView("closedBy"))
                                   : reader.optionalString(QLatin1StringView("closedBy"));
    report.floatTotal = requiredMoney(reader, QLatin1StringView("float"), currency);
    Money countedFloat;
    report.floatCount = readCount(reader, QLatin1StringView("floatCount"), &countedFloat);
    if (!reader.failed() && !(countedFloat == report.floatTotal))
        reader.fail(QLatin1StringView("float"), tr("is not the total of floatCount"));
    report.expectedFloat = optionalMoney(reader, QLatin1StringView("expectedFloat"));
    inCurrency(reader, QLatin1StringView("expectedFloat"), report.expectedFloat, currency);
    report.cashSales = requiredMoney(reader, QLatin1StringView("cashSales"), currency);
    report.cashSalesCount = pieces(reader, QLatin1StringView("cashSalesCount"));
    report.cashRefunds = requiredMoney(reader, QLatin1StringView("cashRefunds"), currency);
    report.cashRefundsCount = pieces(reader, QLatin1StringView("cashRefundsCount"));
    report.payIns = requiredMoney(reader, QLatin1StringView("payIns"), currency);
    report.payInsCount = pieces(reader, QLatin1StringView("payInsCount"));
    report.payOuts = requiredMoney(reader, QLatin1StringView("payOuts"), currency);
    report.payOutsCount = pieces(reader, QLatin1StringView("payOutsCount"));
    report.safeDrops = requiredMoney(reader, QLatin1StringView("safeDrops"), currency);
    report.safeDropsCount = pieces(reader, QLatin1StringView("safeDropsCount"));
    report.noSalesCount = pieces(reader, QLatin1StringView("noSalesCount"));
    report.expectedCash = requiredMoney(reader, QLatin1StringView("expectedCash"), currency);
    reader.forEachObject(
        QLatin1StringView("cardTotals"),
        [&](JsonObjectReader& element) {
            CardTotal total = CardTotal::read(element);
            inCurrency(element, QLatin1StringView("amount"), total.amount, currency);
            report.cardTotals.append(std::move(total));
        },
        true);
    report.salesCount = pieces(reader, QLatin1StringView("salesCount"));
    report.refundsCount = pieces(reader, QLatin1StringView("refundsCount"));
    report.firstOrderNumber = reader.optionalString(QLatin1StringView("firstOrderNumber"));
    report.lastOrderNumber = reader.optionalString(QLatin1StringView("lastOrderNumber"));
    reader.forEachObject(
        QLatin1StringView("movements"),
        [&](JsonObjectReader& element) {
            TillMovement movement = TillMovement::read(element);
            inCurrency(element, QLatin1StringView("amount"), movement.amount, currency);
            report.movements.append(std::move(movement));
        },
        true);
    if (report.isZ() && !reader.failed()) {
        report.counted = requiredMoney(reader, QLatin1StringView("counted"), currency);
        Money countTotal;
        report.count = readCount(reader, QLatin1StringView("count"), &countTotal);
        if (!reader.failed() && !(countTotal == *report.counted))
            reader.fail(QLatin1StringView("counted"), tr("is not the total of count"));
        report.overShort = requiredMoney(reader, QLatin1StringView("overShort"), currency);
        report.approvedBy = reader.optionalString(QLatin1StringView("approvedBy"));
        report.differenceReason = reader.optionalString(QLatin1StringView("differenceReason"));
    }
    // The report's own arithmetic (docs/TILL.md): a document that does not add up is not shown
    // as if it did.
    if (!reader.failed()) {
        Expected<Money> expected = report.floatTotal.plus(report.cashSales);
        for (const auto& [amount, sign] :
             {std::pair{report.cashRefunds, -1}, std::pair{report.payIns, 1},
              std::pair{report.payOuts, -1}, std::pair{report.safeDrops, -1}}) {
            if (expected)
                expected = sign > 0 ? expected->plus(amount) : expected->minus(amount);
        }
        if (!expected || !(*expected == report.expectedCash))
            reader.fail(QLatin1StringView("expectedCash"),
                        tr("is not float + cash sales − cash refunds + pay-ins − pay-outs − safe "
                           "drops"));
        else if (report.isZ()) {
            const Expected<Money> difference = report.counted->minus(report.expectedCash);
            if (!difference || !(*difference == *report.overShort))
                reader.fail(QLatin1StringView("overShort"), tr("is not counted − expected"));
        }
    }
    return report;
}

Expected<TillReport> TillReport::fromJson(const QByteArray& json)
{
    return json::read<TillReport>(json);
}

TillSessionList TillSessionList::read(JsonObjectReader reader)
{
    TillSessionList list;
    const QString date = reader.requiredString(QLatin1StringView("date"));
    if (!reader.failed()) {
        list.date = QDate::fromString(date, Qt::ISODate);
        if (!list.date.isValid())
            reader.fail(
                QLatin1StringView("date"),
                TillReport::tr("expected a date (YYYY-MM-DD), got %1").arg(fields::quoted(date)));
    }
    reader.forEachObject(
        QLatin1StringView("sessions"),
        [&](JsonObjectReader& element) { list.sessions.append(TillSession::read(element)); }, true);
    return list;
}

Expected<TillSessionList> TillSessionList::fromJson(const QByteArray& json)
{
    return json::read<TillSessionList>(json);
}

TillStatusJob::TillStatusJob(ApiClient* client, const QString& storeKey,
                             const QString& workstationId)
    : ValueJob(client, Request::get(tillPath(storeKey, workstationId)))
{
}

std::optional<ApiError> TillStatusJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(TillStatus::fromJson(body));
}

void TillStatusJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    describeTillError(error);
}

OpenTillJob::OpenTillJob(ApiClient* client, const QString& storeKey, const QString& workstationId,
                         const TillCount& floatCount, const QByteArray& idempotencyKey)
    : ValueJob(client, [&] {
        Request request =
            Request::send("POST", tillPath(storeKey, workstationId) + QStringLiteral("/open"),
                          QJsonObject{{QStringLiteral("float"), floatCount.toJson()}});
        request.idempotencyKey = idempotencyKey;
        return request;
    }())
{
}

std::optional<ApiError> OpenTillJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(TillSession::fromJson(body));
}

void OpenTillJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    describeTillError(error);
    if (error.code == ApiError::Code::InvalidInput)
        error.message = tr("The server refused the count of the float. Check the counts and try "
                           "again.");
    else if (error.serverCode == QLatin1StringView("idempotency_key_reused"))
        error.message = tr("This attempt to open the till was already used for another count.");
}

TillMovementJob::TillMovementJob(ApiClient* client, const QString& storeKey,
                                 const QString& workstationId, const TillMovementRequest& request,
                                 const QByteArray& idempotencyKey)
    : ValueJob(client, [&] {
        Request sent =
            Request::send("POST", tillPath(storeKey, workstationId) + QStringLiteral("/movements"),
                          request.toJson());
        sent.idempotencyKey = idempotencyKey;
        return sent;
    }())
{
}

std::optional<ApiError> TillMovementJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(TillMovement::fromJson(body));
}

void TillMovementJob::describeError(ApiError& error, const QJsonObject& details) const
{
    if (asksForApproval(error, details)) {
        m_approval = approvalDemand(details);
        error.message = m_approval->denied
                            ? tr("The approval was refused: the manager's user name or secret is "
                                 "wrong, or they may not approve this here.")
                            : tr("This needs a manager's approval.");
        return;
    }
    if (isInsufficientCash(error)) {
        const Expected<Money> expected =
            Money::fromJson(details.value(QLatin1StringView("expectedCash")).toObject());
        if (expected)
            m_expectedCash = *expected;
    }
    describeTillError(error);
    if (error.code == ApiError::Code::InvalidInput)
        error.message = tr("The server refused this movement as invalid: check the amount, the "
                           "reason and the bag number.");
    else if (error.serverCode == QLatin1StringView("idempotency_key_reused"))
        error.message = tr("This attempt was already used for another movement.");
}

XReportJob::XReportJob(ApiClient* client, const QString& storeKey, const QString& workstationId)
    : ValueJob(client,
               Request::get(tillPath(storeKey, workstationId) + QStringLiteral("/x-report")))
{
}

std::optional<ApiError> XReportJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    Expected<TillReport> report = TillReport::fromJson(body);
    if (report && report->isZ())
        return ApiError::fromParseError(Error{Error::Kind::InvalidValue,
                                              tr("expected an X report, got a Z report"),
                                              QStringLiteral("kind")},
                                        correlationId());
    return accept(std::move(report));
}

void XReportJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    describeTillError(error);
    if (isTillNotOpen(error))
        error.message = tr("The till is not open: there is no session to report on.");
}

CloseTillJob::CloseTillJob(ApiClient* client, const QString& storeKey, const QString& workstationId,
                           const TillCount& count, const QString& reason,
                           const std::optional<TillApproval>& approval,
                           const QByteArray& idempotencyKey)
    : ValueJob(client, [&] {
        QJsonObject body{{QStringLiteral("count"), count.toJson()}};
        if (!reason.isEmpty())
            body.insert(QStringLiteral("reason"), reason);
        if (approval)
            body.insert(QStringLiteral("approval"), approvalJson(*approval));
        Request request = Request::send(
            "POST", tillPath(storeKey, workstationId) + QStringLiteral("/close"), body);
        request.idempotencyKey = idempotencyKey;
        return request;
    }())
{
}

std::optional<ApiError> CloseTillJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    Expected<TillReport> report = TillReport::fromJson(body);
    if (report && !report->isZ())
        return ApiError::fromParseError(Error{Error::Kind::InvalidValue,
                                              tr("expected a Z report, got an X report"),
                                              QStringLiteral("kind")},
                                        correlationId());
    return accept(std::move(report));
}

void CloseTillJob::describeError(ApiError& error, const QJsonObject& details) const
{
    if (asksForApproval(error, details)) {
        m_approval = approvalDemand(details);
        error.message = m_approval->denied
                            ? tr("The approval was refused: the manager's user name or secret is "
                                 "wrong, or they may not approve this here.")
                            : tr("The difference between the count and the expected cash needs a "
                                 "manager's approval and a reason.");
        return;
    }
    describeTillError(error);
    if (isTillNotOpen(error))
        error.message = tr("The till is not open (it may have been closed already). Refresh.");
    else if (error.code == ApiError::Code::InvalidInput)
        error.message = tr("The server refused the count or the reason. Check them and try "
                           "again.");
    else if (error.serverCode == QLatin1StringView("idempotency_key_reused"))
        error.message = tr("This attempt to close the till was already used for another count.");
}

SetExpectedFloatJob::SetExpectedFloatJob(ApiClient* client, const QString& storeKey,
                                         const QString& workstationId, const Money& amount,
                                         const QByteArray& idempotencyKey)
    : ValueJob(client, [&] {
        Request request = Request::send(
            "PUT", tillPath(storeKey, workstationId) + QStringLiteral("/expected-float"),
            QJsonObject{{QStringLiteral("amount"), amount.toJson()}});
        request.idempotencyKey = idempotencyKey;
        return request;
    }())
{
}

std::optional<ApiError> SetExpectedFloatJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(TillStatus::fromJson(body));
}

void SetExpectedFloatJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    describeTillError(error);
    if (error.code == ApiError::Code::Forbidden)
        error.message = tr("Only a manager of this store may set the expected float.");
    else if (error.code == ApiError::Code::InvalidInput)
        error.message = tr("The server refused this amount as the expected float.");
}

TillSessionsJob::TillSessionsJob(ApiClient* client, const QString& storeKey, const QDate& date)
    : ValueJob(client, [&] {
        Request request =
            Request::get(QStringLiteral("/stores/%1/till-sessions").arg(pathSegment(storeKey)));
        request.query.addQueryItem(QStringLiteral("date"), date.toString(Qt::ISODate));
        return request;
    }())
{
}

std::optional<ApiError> TillSessionsJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(TillSessionList::fromJson(body));
}

void TillSessionsJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    if (error.code == ApiError::Code::Forbidden)
        error.message = tr("Only a manager of this store may list its till sessions.");
    else if (error.code == ApiError::Code::NotFound)
        error.message = tr("The server does not know this store.");
    else if (error.code == ApiError::Code::InvalidInput)
        error.message = tr("The server refused this day.");
}

ZReportJob::ZReportJob(ApiClient* client, const QString& storeKey, const QString& sessionId)
    : ValueJob(client, Request::get(QStringLiteral("/stores/%1/till-sessions/%2/z-report")
                                        .arg(pathSegment(storeKey), pathSegment(sessionId))))
{
}

std::optional<ApiError> ZReportJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    Expected<TillReport> report = TillReport::fromJson(body);
    if (report && !report->isZ())
        return ApiError::fromParseError(Error{Error::Kind::InvalidValue,
                                              tr("expected a Z report, got an X report"),
                                              QStringLiteral("kind")},
                                        correlationId());
    return accept(std::move(report));
}

void ZReportJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    if (error.code == ApiError::Code::NotFound)
        error.message = tr("There is no Z report for this session: it may still be open.");
    else if (error.code == ApiError::Code::Forbidden)
        error.message = tr("Only a manager, or a colleague at that workstation, may reprint this "
                           "Z report.");
}

} // namespace storedesk::api
