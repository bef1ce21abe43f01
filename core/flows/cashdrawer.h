#pragma once

#include "hardware/escposprinter.h"
#include "hardware/escposwriter.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace storedesk::api {
class ApiClient;
struct ApiError;
} // namespace storedesk::api

namespace storedesk::flows {

class Checkout;
class RefundSession;
class TillDay;

// When the cash drawer opens, and the audit of every opening (docs/HARDWARE.md, "What prints when,
// and when the drawer opens"). The drawer hangs off the ESC/POS receipt printer: open() queues a
// pulse there and, once the printer has written it, records the opening at the server. The
// decisions which events open it (cash yes, card never) live here, not in the widgets. Nothing
// here can undo or hold up a sale: the payment is complete before the drawer opens, and a failed
// audit is logged and retried once, never reported as a failed sale.
class CashDrawer : public QObject {
    Q_OBJECT

public:
    enum class Reason { CashSale, CashRefund, PayIn, PayOut, SafeDrop, NoSale, Test };
    Q_ENUM(Reason)

    explicit CashDrawer(api::ApiClient* client, QObject* parent = nullptr);

    // Where the audits are recorded: the session's store and workstation.
    void setPlace(const QString& storeKey, const QString& workstationId);
    // The printer the drawer is wired to and its pulse (pin, on time). nullptr: no drawer (the
    // `system` printer); then nothing opens and nothing is audited. Not owned.
    void setPrinter(hardware::EscPosPrinter* printer, hardware::DrawerPulse pulse);
    bool hasDrawer() const { return !m_printer.isNull(); }

    // Queues a pulse; opened() or failed() follows. `reference`: the payment id, refund id or
    // movement id the audit names.
    void open(Reason reason, const QString& reference);

    // The decisions: a succeeded cash payment opens the drawer (CashSale, the payment id); so does
    // a refund with a succeeded cash tender (CashRefund, the refund id) and every recorded till
    // movement (PayIn, PayOut, SafeDrop, NoSale, the movement id). A card never does.
    void watch(Checkout* checkout);
    void watch(RefundSession* session);
    void watch(TillDay* till);

    // The printer's last status said the drawer is open.
    bool isDrawerOpen() const { return m_drawerOpen; }

    // Openings whose audit could not be recorded yet because the server could not be reached
    // (kept with their Idempotency-Key while the app runs); retryUnrecorded() sends each again,
    // e.g. when the server is reachable again. A refused audit (4xx) is not kept.
    qsizetype unrecordedCount() const { return m_unrecorded.size(); }
    void retryUnrecorded();

    // The audit's reason: "cash-sale", "cash-refund", "pay-in", "pay-out", "safe-drop",
    // "no-sale", "test".
    static QString reasonName(Reason reason);

signals:
    // The pulse was written to the printer.
    void opened(storedesk::flows::CashDrawer::Reason reason, const QString& reference);
    // The pulse could not be sent; `message` says why in words (EscPosPrinter::describe).
    void failed(storedesk::flows::CashDrawer::Reason reason, const QString& message);
    void drawerOpenChanged(bool open);
    // The audit of an opening is over: recorded at the server, or given up (logged). For the
    // status line's diagnostics and for tests; a colleague is never interrupted by it.
    void auditFinished(storedesk::flows::CashDrawer::Reason reason, const QString& reference,
                       bool recorded);

private:
    struct Opening {
        Reason reason = Reason::Test;
        QString reference;
        QByteArray key; // the audit's Idempotency-Key, the same on the retry
    };

    void onJobDone(quint64 id, const hardware::PrinterStatus& status);
    void onJobFailed(quint64 id, hardware::PrinterProblem problem,
                     const hardware::PrinterStatus& status);
    void onStatus(const hardware::PrinterStatus& status);
    void audit(const Opening& opening, int retriesLeft);

    QPointer<api::ApiClient> m_client;
    QPointer<hardware::EscPosPrinter> m_printer;
    hardware::DrawerPulse m_pulse;
    QString m_storeKey;
    QString m_workstationId;
    QHash<quint64, Opening> m_jobs; // pulse jobs queued on m_printer
    QList<Opening> m_unrecorded;    // audits the server could not be asked about yet
    bool m_drawerOpen = false;
};

} // namespace storedesk::flows
