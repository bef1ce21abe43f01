#include "sale/unresolvedpaymentsdialog.h"

#include "common/style.h"
#include "common/widgethelpers.h"
#include "flows/unresolvedpayments.h"
#include "sale/paymentpanel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QScreen>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace storedesk::ui {

UnresolvedPaymentsDialog::UnresolvedPaymentsDialog(flows::UnresolvedPayments* unresolved,
                                                   bool manager, const QLocale& locale,
                                                   QWidget* parent)
    : QDialog(parent)
    , m_unresolved(unresolved)
    , m_manager(manager)
    , m_locale(locale)
{
    setObjectName(QStringLiteral("unresolvedPaymentsDialog"));
    setWindowTitle(tr("Unresolved payments"));
    auto* intro = widgets::plainLabel(
        this, QStringLiteral("unresolvedIntro"), tr("About unresolved payments"),
        tr("StoreDesk cannot know whether these payments went through. Check each on the payment "
           "terminal's journal or in the cash drawer, then mark it as checked."));
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("unresolvedTable"));
    m_table->setAccessibleName(tr("Unresolved payments"));
    m_table->setHorizontalHeaderLabels(
        {tr("Time"), tr("Amount"), tr("Tender"), tr("Colleague"), tr("Why"), tr("Cart")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle); // a cut cart id keeps its start and end
    m_message = widgets::plainLabel(this, QStringLiteral("unresolvedMessage"), tr("Message"));
    m_checked = widgets::button(this, QStringLiteral("markCheckedButton"), tr("&Mark as checked"));
    m_checked->setToolTip(manager ? QString()
                                  : tr("Only a manager can mark a payment as checked."));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_checked, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_checked, &QPushButton::clicked, this, &UnresolvedPaymentsDialog::markChecked);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_checked->setEnabled(m_manager && m_table->currentRow() >= 0); });
    connect(m_unresolved, &flows::UnresolvedPayments::changed, this,
            &UnresolvedPaymentsDialog::reload);
    connect(m_unresolved, &flows::UnresolvedPayments::checkFailed, m_message, &QLabel::setText);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    // Rows a finger can pick (touch targets of the counter screen).
    m_table->verticalHeader()->setDefaultSectionSize(style::touchTarget);
    reload();
    // Wide enough for every column whole (a cart id is long), within the screen.
    const QMargins margins = layout->contentsMargins();
    const QAbstractItemView* view = m_table; // sizeHintForColumn is public there
    int columns = 0;
    for (int column = 0; column < m_table->columnCount(); ++column)
        columns += std::max(view->sizeHintForColumn(column),
                            m_table->horizontalHeader()->sectionSizeHint(column));
    const int wanted = columns + 2 * m_table->frameWidth() +
                       m_table->verticalScrollBar()->sizeHint().width() + margins.left() +
                       margins.right();
    const int screenWidth = screen() ? screen()->availableGeometry().width() : 800;
    // At most 960: it opens over the counter screen, which starts at 1024x768.
    resize(std::clamp(wanted, 760, std::max(760, std::min(960, screenWidth * 9 / 10))), 400);
}

void UnresolvedPaymentsDialog::reload()
{
    const QList<flows::PendingPayment> entries = m_unresolved->list();
    m_table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const flows::PendingPayment& entry = entries.at(row);
        const QString why = entry.unresolvedReason == QLatin1StringView("other_server")
                                ? tr("made with another server")
                                : tr("the server no longer knows it");
        const QStringList cells{
            m_locale.toString(entry.startedAt.toLocalTime(), QLocale::ShortFormat),
            entry.request.amount.toString(m_locale),
            PaymentPanel::tenderName(entry.request.tender),
            entry.colleague,
            why,
            entry.cartId};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column)); // whole, should a narrow screen cut it
            item->setData(Qt::UserRole, QString::fromLatin1(entry.idempotencyKey));
            m_table->setItem(row, column, item);
        }
    }
    if (entries.isEmpty())
        m_message->setText(tr("No unresolved payments at this workstation."));
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
    m_checked->setEnabled(m_manager && m_table->currentRow() >= 0);
    m_table->setFocus();
}

void UnresolvedPaymentsDialog::markChecked()
{
    const QTableWidgetItem* item = m_table->item(m_table->currentRow(), 0);
    if (!m_manager || !item)
        return;
    m_message->clear();
    m_unresolved->markChecked(item->data(Qt::UserRole).toString().toLatin1());
}

} // namespace storedesk::ui
