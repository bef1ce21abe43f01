#pragma once

#include "api/orderjobs.h"
#include "api/paymentjobs.h"
#include "receipt/receipt.h"
#include "receipts/receiptdialog.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace storedesk::api {
class ApiClient;
}

namespace storedesk::ui {

class RollPrinter;

// The receipt of a sale, a refund or a reprint: on the workstation's ESC/POS receipt printer when
// it has one (RollPrinter), else in a ReceiptDialog (preview, the system's print dialog, PDF). A
// sale's receipt is made from the order as the server returns it with its payments, plus the
// change the till handed back. Nothing here can block or undo a payment: a failure only shows a
// message.
class ReceiptDesk : public QObject {
    Q_OBJECT

public:
    ReceiptDesk(api::ApiClient* client, QWidget* window);

    // Where receipts are printed and by whom.
    void setContext(const ReceiptContext& context);
    const ReceiptContext& context() const { return m_context; }

    // The roll printer receipts go to; nullptr or one without a printer: dialogs only.
    void setRollPrinter(RollPrinter* printer);

    // The sale's receipt in a dialog (the colleague asked for it).
    void showSale(const Order& order, const QList<api::PaymentView>& tenders);
    // The sale's receipt on the roll printer, at once when the order is placed; nothing without
    // one.
    void printSale(const Order& order, const QList<api::PaymentView>& tenders);
    // A copy ("COPY") and a refund's receipt: on the roll printer if there is one, else a dialog.
    void showReprint(const api::OrderLookup& lookup);
    void showRefund(const api::RefundResult& refund, const api::OrderLookup& lookup);

    // The dialog opened last (for tests), if it is still open.
    ReceiptDialog* lastDialog() const { return m_last; }

signals:
    void failed(const QString& message);

private:
    void open(const Receipt& receipt);
    // Looks the placed order up with its payments and hands its receipt to `done`.
    void withSaleReceipt(const Order& order, const QList<api::PaymentView>& tenders,
                         std::function<void(const Receipt&)> done);

    QPointer<api::ApiClient> m_client;
    QWidget* m_window;
    ReceiptContext m_context;
    QPointer<ReceiptDialog> m_last;
    QPointer<RollPrinter> m_roll;
};

} // namespace storedesk::ui
