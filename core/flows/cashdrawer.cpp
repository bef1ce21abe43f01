#include "cashdrawer.h"

#include "api/apiclient.h"
#include "api/drawerjobs.h"
#include "api/tilljobs.h"
#include "base/logging.h"
#include "checkout.h"
#include "paymentflow.h"
#include "refundsession.h"
#include "tillday.h"

#include <QUuid>

#include <utility>

namespace storedesk::flows {

CashDrawer::CashDrawer(api::ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
}

void CashDrawer::setPlace(const QString& storeKey, const QString& workstationId)
{
    m_storeKey = storeKey;
    m_workstationId = workstationId;
}

void CashDrawer::setPrinter(hardware::EscPosPrinter* printer, hardware::DrawerPulse pulse)
{
    if (m_printer)
        disconnect(m_printer, nullptr, this, nullptr);
    m_jobs.clear();
    m_printer = printer;
    m_pulse = pulse;
    if (!printer)
        return;
    connect(printer, &hardware::EscPosPrinter::jobDone, this, &CashDrawer::onJobDone);
    connect(printer, &hardware::EscPosPrinter::jobFailed, this, &CashDrawer::onJobFailed);
    connect(printer, &hardware::EscPosPrinter::statusRead, this, &CashDrawer::onStatus);
}

QString CashDrawer::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::CashSale:
        return QStringLiteral("cash-sale");
    case Reason::CashRefund:
        return QStringLiteral("cash-refund");
    case Reason::PayIn:
        return QStringLiteral("pay-in");
    case Reason::PayOut:
        return QStringLiteral("pay-out");
    case Reason::SafeDrop:
        return QStringLiteral("safe-drop");
    case Reason::NoSale:
        return QStringLiteral("no-sale");
    case Reason::Test:
        return QStringLiteral("test");
    }
    return QStringLiteral("test");
}

void CashDrawer::open(Reason reason, const QString& reference)
{
    if (!m_printer)
        return; // the system printer: there is no drawer to open
    const quint64 id = m_printer->openDrawer(m_pulse);
    m_jobs.insert(id, Opening{reason, reference,
                              QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()});
}

void CashDrawer::watch(Checkout* checkout)
{
    connect(checkout, &Checkout::paymentFinished, this, [this](PaymentFlow* flow) {
        if (!flow || flow->stage() != PaymentFlow::Stage::Succeeded || !flow->view())
            return;
        const api::PaymentView& view = *flow->view();
        if (view.state == api::PaymentView::State::Succeeded &&
            view.tender == QLatin1StringView("cash"))
            open(Reason::CashSale, view.id);
    });
}

void CashDrawer::watch(RefundSession* session)
{
    connect(session, &RefundSession::refunded, this,
            [this](const api::RefundResult& result, const api::OrderLookup& /*order*/) {
                for (const api::RefundTender& tender : result.tenders) {
                    if (tender.tender == QLatin1StringView("cash") &&
                        tender.state == QLatin1StringView("succeeded")) {
                        open(Reason::CashRefund, result.id);
                        return; // one pulse per refund, however many cash tenders
                    }
                }
            });
}

void CashDrawer::watch(TillDay* till)
{
    connect(till, &TillDay::recorded, this, [this](const api::TillMovement& movement) {
        using Kind = api::TillMovement::Kind;
        switch (movement.kind) {
        case Kind::PayIn:
            open(Reason::PayIn, movement.id);
            return;
        case Kind::PayOut:
            open(Reason::PayOut, movement.id);
            return;
        case Kind::SafeDrop:
            open(Reason::SafeDrop, movement.id);
            return;
        case Kind::NoSale:
            open(Reason::NoSale, movement.id);
            return;
        }
    });
}

void CashDrawer::onJobDone(quint64 id, const hardware::PrinterStatus& /*status*/)
{
    const auto found = m_jobs.constFind(id);
    if (found == m_jobs.constEnd())
        return; // a print job, not ours
    const Opening opening = *found;
    m_jobs.erase(found);
    emit opened(opening.reason, opening.reference);
    audit(opening, 1);
}

void CashDrawer::onJobFailed(quint64 id, hardware::PrinterProblem problem,
                             const hardware::PrinterStatus& /*status*/)
{
    const auto found = m_jobs.constFind(id);
    if (found == m_jobs.constEnd())
        return;
    const Opening opening = *found;
    m_jobs.erase(found);
    qCWarning(lcCoreFlows) << "the cash drawer did not open:" << reasonName(opening.reason)
                           << hardware::EscPosPrinter::describe(problem);
    emit failed(opening.reason, hardware::EscPosPrinter::describe(problem));
}

void CashDrawer::onStatus(const hardware::PrinterStatus& status)
{
    if (status.drawerOpen == m_drawerOpen)
        return;
    m_drawerOpen = status.drawerOpen;
    emit drawerOpenChanged(m_drawerOpen);
}

void CashDrawer::retryUnrecorded()
{
    // Those in flight are out of the list, so a second call meanwhile does not send them twice;
    // one that fails again goes back in for the next round.
    const QList<Opening> openings = std::exchange(m_unrecorded, {});
    for (const Opening& opening : openings)
        audit(opening, 0);
}

void CashDrawer::audit(const Opening& opening, int retriesLeft)
{
    if (!m_client) {
        emit auditFinished(opening.reason, opening.reference, false);
        return;
    }
    api::DrawerOpeningJob* job = m_client->drawerOpening(
        m_storeKey, m_workstationId, reasonName(opening.reason), opening.reference, opening.key);
    connect(job, &api::ApiJob::finished, this, [this, job, opening, retriesLeft] {
        const auto result = job->result();
        if (result) {
            emit auditFinished(opening.reason, opening.reference, true);
            return;
        }
        const bool unclear = api::isOutcomeUnknown(result.error());
        if (unclear && retriesLeft > 0) {
            qCInfo(lcCoreFlows) << "asking again whether the drawer opening was recorded"
                                << result.error().correlationId;
            audit(opening, retriesLeft - 1);
            return;
        }
        // The drawer is open and the sale done: a missing audit row is for the log, not for the
        // colleague. One the server could not be asked about is kept (same key) for later.
        qCWarning(lcCoreFlows).noquote()
            << "cannot record the drawer opening" << reasonName(opening.reason) << opening.reference
            << ":" << result.error().message << "correlation id:" << result.error().correlationId
            << (unclear ? "(kept to send again)" : "");
        if (unclear)
            m_unrecorded.append(opening);
        emit auditFinished(opening.reason, opening.reference, false);
    });
    job->start();
}

} // namespace storedesk::flows
