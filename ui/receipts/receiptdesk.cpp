#include "receipts/receiptdesk.h"

#include "api/apiclient.h"
#include "receipts/receiptdialog.h"
#include "receipts/rollprinter.h"

#include <QLocale>
#include <QWidget>

namespace storedesk::ui {

ReceiptDesk::ReceiptDesk(api::ApiClient* client, QWidget* window)
    : QObject(window)
    , m_client(client)
    , m_window(window)
{
}

void ReceiptDesk::setContext(const ReceiptContext& context)
{
    m_context = context;
}

void ReceiptDesk::setRollPrinter(RollPrinter* printer)
{
    m_roll = printer;
}

void ReceiptDesk::open(const Receipt& receipt)
{
    if (m_roll && m_roll->isAvailable()) {
        m_roll->print(receipt);
        return;
    }
    m_last = ReceiptDialog::showReceipt(receipt, QLocale(), m_window);
}

void ReceiptDesk::withSaleReceipt(const Order& order, const QList<api::PaymentView>& tenders,
                                  std::function<void(const Receipt&)> done)
{
    if (!m_client)
        return;
    QList<ChangeGiven> change;
    for (const api::PaymentView& view : tenders) {
        if (view.changeDue && !view.changeDue->isZero())
            change.append(ChangeGiven{view.id, *view.changeDue, view.cashTendered});
    }
    // The placed order holds references to its payments; the lookup brings them expanded.
    api::OrderLookupJob* job = m_client->orderLookup(m_context.storeKey, order.orderNumber);
    connect(job, &api::ApiJob::finished, this, [this, job, change, done] {
        const auto lookup = job->result();
        if (!lookup) {
            emit failed(tr("The receipt cannot be made: %1").arg(lookup.error().toDisplayString()));
            return;
        }
        done(Receipt::forSale(lookup->order, lookup->payments, m_context, change));
    });
    job->start();
}

void ReceiptDesk::showSale(const Order& order, const QList<api::PaymentView>& tenders)
{
    withSaleReceipt(order, tenders, [this](const Receipt& receipt) {
        m_last = ReceiptDialog::showReceipt(receipt, QLocale(), m_window);
    });
}

void ReceiptDesk::printSale(const Order& order, const QList<api::PaymentView>& tenders)
{
    if (!m_roll || !m_roll->isAvailable())
        return;
    withSaleReceipt(order, tenders, [this](const Receipt& receipt) {
        if (m_roll)
            m_roll->print(receipt);
    });
}

void ReceiptDesk::showReprint(const api::OrderLookup& lookup)
{
    ReceiptContext context = m_context;
    context.reprint = true;
    open(Receipt::forSale(lookup.order, lookup.payments, context));
}

void ReceiptDesk::showRefund(const api::RefundResult& refund, const api::OrderLookup& lookup)
{
    open(Receipt::forRefund(lookup.order, refund, m_context));
}

} // namespace storedesk::ui
