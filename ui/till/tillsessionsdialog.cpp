#include "till/tillsessionsdialog.h"

#include "api/apiclient.h"
#include "api/tilljobs.h"
#include "common/style.h"
#include "common/widgethelpers.h"
#include "receipts/tillreportdocument.h"
#include "till/tillreportdialog.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScreen>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace storedesk::ui {
namespace {

enum Column { Workstation, Opened, Closed, ZNumber, Counted, OverShort, Columns };

} // namespace

TillSessionsDialog::TillSessionsDialog(api::ApiClient* client, const QString& storeKey,
                                       const ReceiptContext& context, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_storeKey(storeKey)
    , m_context(context)
    , m_date(new QDateEdit(this))
    , m_table(new QTableWidget(0, Columns, this))
    , m_message(widgets::plainLabel(this, QStringLiteral("tillSessionsMessage"), tr("Message")))
    , m_refresh(widgets::button(this, QStringLiteral("tillSessionsRefreshButton"), tr("&Refresh"),
                                tr("Refresh the list")))
    , m_reprint(widgets::button(this, QStringLiteral("tillSessionsReprintButton"),
                                tr("Re&print Z report…"), tr("Reprint Z report")))
    , m_close(widgets::button(this, QStringLiteral("tillSessionsCloseButton"), tr("&Close"),
                              tr("Close")))
{
    setObjectName(QStringLiteral("tillSessionsDialog"));
    setWindowTitle(tr("Till sessions"));
    setAccessibleName(tr("Till sessions"));

    auto* dateLabel =
        widgets::plainLabel(this, QStringLiteral("tillSessionsDateLabel"), tr("Day"), tr("D&ay:"));
    dateLabel->setWordWrap(false);
    dateLabel->setBuddy(m_date);
    m_date->setObjectName(QStringLiteral("tillSessionsDate"));
    m_date->setAccessibleName(tr("Day"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_date->setMinimumHeight(style::touchTarget);
    // The server's day is the store's calendar day in UTC (docs/TILL.md).
    const QDate today = QDateTime::currentDateTimeUtc().date();
    m_date->setMaximumDate(today);
    m_date->setDate(today);

    m_table->setObjectName(QStringLiteral("tillSessionsTable"));
    m_table->setAccessibleName(tr("Till sessions of the day"));
    m_table->setHorizontalHeaderLabels({tr("Workstation"), tr("Opened"), tr("Closed"),
                                        tr("Z number"), tr("Counted"), tr("Over/short")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(style::touchTarget);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);

    for (QPushButton* button : {m_refresh, m_reprint, m_close})
        button->setAutoDefault(false);
    m_reprint->setDefault(true);

    auto* top = new QHBoxLayout;
    top->setSpacing(style::spacing);
    top->addWidget(dateLabel);
    top->addWidget(m_date);
    top->addWidget(m_refresh);
    top->addStretch();
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(style::spacing);
    buttons->addWidget(m_reprint);
    buttons->addStretch();
    buttons->addWidget(m_close);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(style::margin, style::margin, style::margin, style::margin);
    layout->setSpacing(style::spacing);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_date, &QDateEdit::dateChanged, this, &TillSessionsDialog::showDate);
    connect(m_refresh, &QPushButton::clicked, this, [this] { showDate(m_date->date()); });
    connect(m_reprint, &QPushButton::clicked, this, &TillSessionsDialog::reprintSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &TillSessionsDialog::updateActions);
    connect(m_table, &QTableWidget::cellActivated, this, [this] { reprintSelected(); });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    // Wide enough for a Z number and the amounts, within a 1024x768 screen.
    const int screenWidth = screen() ? screen()->availableGeometry().width() : 1024;
    resize(std::min(900, screenWidth - 2 * style::margin), 520);
    updateActions();
    showDate(today);
}

TillSessionsDialog::~TillSessionsDialog() = default;

int TillSessionsDialog::sessionCount() const
{
    return m_table->rowCount();
}

void TillSessionsDialog::showDate(const QDate& date)
{
    if (!date.isValid() || !m_client)
        return;
    if (m_date->date() != date) {
        m_date->setDate(date); // comes back here through dateChanged
        return;
    }
    const int generation = ++m_generation;
    m_message->setText(tr("Reading the sessions of %1…").arg(QLocale().toString(date)));
    style::setTone(m_message, style::Tone::Neutral);
    setBusy(true);
    auto* job = new api::TillSessionsJob(m_client, m_storeKey, date);
    connect(job, &api::ApiJob::finished, this, [this, job, generation] {
        if (generation != m_generation)
            return; // another day was asked for meanwhile
        setBusy(false);
        const auto result = job->result();
        if (!result) {
            fill({});
            const QString message = result.error().toDisplayString();
            m_message->setText(message);
            style::setTone(m_message, style::Tone::Error);
            emit listFailed(message);
            return;
        }
        fill(result->sessions);
        m_message->setText(result->sessions.isEmpty()
                               ? tr("No till was opened on this day.")
                               : tr("%n till session(s).", nullptr, int(result->sessions.size())));
        emit listed();
    });
    job->start();
}

void TillSessionsDialog::fill(const QList<api::TillSession>& sessions)
{
    const QLocale locale;
    const QDate day = m_date->date();
    const auto when = [&](const QDateTime& at) {
        if (!at.isValid())
            return QString();
        const QDateTime local = at.toLocalTime();
        return local.date() == day ? locale.toString(local.time(), QLocale::ShortFormat)
                                   : locale.toString(local, QLocale::ShortFormat);
    };
    m_table->clearContents();
    m_table->setRowCount(int(sessions.size()));
    m_sessionIds.clear();
    m_closed.clear();
    for (int row = 0; row < sessions.size(); ++row) {
        const api::TillSession& session = sessions.at(row);
        m_sessionIds << session.id;
        m_closed << !session.isOpen();
        const QString opened = tr("%1 by %2").arg(when(session.openedAt), session.openedBy);
        const QString closed = session.isOpen()
                                   ? tr("open")
                                   : tr("%1 by %2").arg(when(session.closedAt), session.closedBy);
        const QStringList cells = {
            session.workstationId,
            opened,
            closed,
            session.zNumber,
            session.counted ? session.counted->toString(locale) : QString(),
            session.overShort ? TillReportDocument::overShortText(*session.overShort, locale)
                              : QString(),
        };
        for (int column = 0; column < Columns; ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (column == Counted || column == OverShort)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
    }
    // The latest closed session is what a manager reprints most often.
    for (int row = int(sessions.size()) - 1; row >= 0; --row) {
        if (m_closed.at(row)) {
            m_table->selectRow(row);
            break;
        }
    }
    updateActions();
}

void TillSessionsDialog::reprintSelected()
{
    const int row = m_table->currentRow();
    if (m_busy || !m_client || row < 0 || row >= m_sessionIds.size() || !m_closed.at(row))
        return;
    m_message->setText(tr("Fetching the Z report…"));
    style::setTone(m_message, style::Tone::Neutral);
    setBusy(true);
    auto* job = new api::ZReportJob(m_client, m_storeKey, m_sessionIds.at(row));
    connect(job, &api::ApiJob::finished, this, [this, job] {
        setBusy(false);
        const auto result = job->result();
        if (!result) {
            const QString message = result.error().toDisplayString();
            m_message->setText(message);
            style::setTone(m_message, style::Tone::Error);
            emit reportFailed(message);
            return;
        }
        m_message->clear();
        // A reprint: the report as written at the close, marked COPY.
        m_report = TillReportDialog::showReport(*result, m_context, true, this);
        emit reportShown(m_report);
    });
    job->start();
}

void TillSessionsDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_date->setEnabled(!busy);
    m_refresh->setEnabled(!busy);
    updateActions();
}

void TillSessionsDialog::updateActions()
{
    const int row = m_table->currentRow();
    const bool closed = row >= 0 && row < m_closed.size() && m_closed.at(row);
    m_reprint->setEnabled(!m_busy && closed);
    m_reprint->setToolTip(closed || row < 0 ? QString()
                                            : tr("This till is still open: it has no Z report."));
}

} // namespace storedesk::ui
