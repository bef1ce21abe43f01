#pragma once

#include "api/orderjobs.h"
#include "api/paymentjobs.h"
#include "receipt/receipt.h"
#include "receipts/receiptdialog.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace storedesk::api {
class ApiClient;
}

namespace storedesk::ui {

// Opens the receipt of a sale, a refund or a reprint in a ReceiptDialog. A sale's receipt is made
// from the order as the server returns it with its payments, plus the change the till handed back.
// Nothing here can block or undo a payment: a failure only shows a message.
class ReceiptDesk : public QObject {
    Q_OBJECT

public:
    ReceiptDesk(api::ApiClient* client, QWidget* window);

    // Where receipts are printed and by whom.
    void setContext(const ReceiptContext& context);
    const ReceiptContext& context() const { return m_context; }

    void showSale(const Order& order, const QList<api::PaymentView>& tenders);
    void showReprint(const api::OrderLookup& lookup);
    void showRefund(const api::RefundResult& refund, const api::OrderLookup& lookup);

    // The dialog opened last (for tests), if it is still open.
    ReceiptDialog* lastDialog() const { return m_last; }

signals:
    void failed(const QString& message);

private:
    void open(const Receipt& receipt);

    QPointer<api::ApiClient> m_client;
    QWidget* m_window;
    ReceiptContext m_context;
    QPointer<ReceiptDialog> m_last;
};

} // namespace storedesk::ui
