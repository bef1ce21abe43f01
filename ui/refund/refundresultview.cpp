#include "refund/refundresultview.h"

#include "common/style.h"
#include "common/widgethelpers.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace storedesk::ui {

RefundResultView::RefundResultView(QWidget* parent)
    : QWidget(parent)
    , m_summary(widgets::plainLabel(this, QStringLiteral("refundSummary"), tr("Refund result")))
    , m_tenders(new QTreeWidget(this))
    , m_print(widgets::button(this, QStringLiteral("printRefundReceiptButton"),
                              tr("&Print refund receipt")))
    , m_done(widgets::button(this, QStringLiteral("refundDoneButton"), tr("&Done")))
{
    setObjectName(QStringLiteral("refundResult"));
    setAccessibleName(tr("Refund result"));
    m_tenders->setObjectName(QStringLiteral("refundTenders"));
    m_tenders->setAccessibleName(tr("Refunded per tender"));
    m_tenders->setRootIsDecorated(false);
    m_tenders->setHeaderLabels({tr("Tender"), tr("Amount"), tr("State")});
    m_tenders->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tenders->setMaximumHeight(140);
    for (QPushButton* button : {m_print, m_done})
        button->setAutoDefault(false);
    // After a refund the customer gets its receipt: printing it is the primary action.
    style::setRole(m_print, style::Role::Primary);
    style::setRole(m_summary, style::Role::Large);
    style::setTone(m_summary, style::Tone::Success);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_print);
    buttons->addWidget(m_done);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_tenders);
    layout->addLayout(buttons);

    connect(m_print, &QPushButton::clicked, this, &RefundResultView::printRequested);
    connect(m_done, &QPushButton::clicked, this, &RefundResultView::doneRequested);
}

QString RefundResultView::tenderName(const QString& tender)
{
    if (tender.compare(QLatin1StringView("cash"), Qt::CaseInsensitive) == 0)
        return tr("Cash");
    if (tender.compare(QLatin1StringView("card"), Qt::CaseInsensitive) == 0)
        return tr("Card");
    return tender;
}

QString RefundResultView::stateName(const QString& state)
{
    if (state == QLatin1StringView("succeeded"))
        return tr("Refunded");
    if (state == QLatin1StringView("pending"))
        return tr("Pending");
    if (state == QLatin1StringView("failed"))
        return tr("Failed");
    return state;
}

void RefundResultView::setResult(const api::RefundResult& result, const QLocale& locale)
{
    QString summary =
        tr("Refunded %1 for order %2.").arg(result.amount.toString(locale), result.orderNumber);
    if (!result.approvedBy.isEmpty())
        summary += QLatin1Char(' ') + tr("Approved by %1.").arg(result.approvedBy);
    m_summary->setText(summary);
    m_tenders->clear();
    for (const api::RefundTender& tender : result.tenders) {
        auto* item = new QTreeWidgetItem(m_tenders);
        item->setText(0, tenderName(tender.tender));
        item->setText(1, tender.amount.toString(locale));
        item->setText(2, stateName(tender.state));
        item->setTextAlignment(1, Qt::AlignRight);
    }
    if (m_tenders->topLevelItemCount() > 0)
        m_tenders->setCurrentItem(m_tenders->topLevelItem(0));
}

void RefundResultView::clear()
{
    m_summary->clear();
    m_tenders->clear();
}

} // namespace storedesk::ui
