#include "sale/cartworkspace.h"

#include "api/apiclient.h"
#include "sale/cartview.h"
#include "common/delayedbusy.h"
#include "lookup/cartcode.h"
#include "common/widgethelpers.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QProgressBar>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace storedesk::ui {

CartWorkspace::CartWorkspace(api::ApiClient* client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_lookup(widgets::lineEdit(this, QStringLiteral("cartLookup"), tr("Cart lookup"),
                                 tr("Scan or type a cart id, cart key or customer e-mail")))
    , m_find(widgets::button(this, QStringLiteral("findButton"), tr("&Find")))
    , m_recent(widgets::button(this, QStringLiteral("recentButton"), tr("&Recent carts")))
    , m_refresh(widgets::button(this, QStringLiteral("refreshButton"), tr("Re&fresh")))
    , m_spinner(new QProgressBar(this))
    , m_cancel(widgets::button(this, QStringLiteral("cancelButton"), tr("Cancel")))
    , m_message(widgets::plainLabel(this, QStringLiteral("lookupMessage"), tr("Lookup message")))
    , m_list(new QTreeWidget(this))
    , m_view(new CartView(this))
    , m_busy(new DelayedBusy({m_spinner, m_cancel}, this))
{
    setObjectName(QStringLiteral("cartWorkspace"));
    setAccessibleName(tr("Carts"));
    m_spinner->setObjectName(QStringLiteral("busySpinner"));
    m_spinner->setAccessibleName(tr("Working"));
    m_spinner->setRange(0, 0); // indeterminate: a busy indicator
    m_spinner->setMaximumWidth(120);
    m_spinner->setTextVisible(false);
    m_refresh->setEnabled(false);

    m_list->setObjectName(QStringLiteral("cartList"));
    m_list->setAccessibleName(tr("Carts found"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Cart"), tr("Customer"), tr("Items"), tr("Total"), tr("Changed")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* lookupRow = new QHBoxLayout;
    lookupRow->addWidget(m_lookup, 1);
    lookupRow->addWidget(m_find);
    lookupRow->addWidget(m_recent);
    lookupRow->addWidget(m_refresh);
    lookupRow->addWidget(m_spinner);
    lookupRow->addWidget(m_cancel);

    m_splitter = new QSplitter(this);
    QSplitter* splitter = m_splitter;
    splitter->setObjectName(QStringLiteral("cartSplitter"));
    splitter->addWidget(m_list);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(1, 3);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(lookupRow);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_find, &QPushButton::clicked, this, [this] { lookUp(m_lookup->text()); });
    connect(m_lookup, &QLineEdit::returnPressed, this, [this] { lookUp(m_lookup->text()); });
    connect(m_recent, &QPushButton::clicked, this, &CartWorkspace::showRecent);
    connect(m_refresh, &QPushButton::clicked, this, &CartWorkspace::refresh);
    connect(m_cancel, &QPushButton::clicked, this, &CartWorkspace::cancel);
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { openCart(item->data(0, Qt::UserRole).toString()); });
}

void CartWorkspace::setSidePanel(QWidget* panel)
{
    m_splitter->addWidget(panel);
    m_splitter->setStretchFactor(m_splitter->indexOf(panel), 2);
}

void CartWorkspace::setStore(const QString& storeKey, const QStringList& storeLanguages)
{
    if (storeKey != m_storeKey) {
        m_view->clear();
        m_list->clear();
    }
    m_storeKey = storeKey;
    m_storeLanguages = storeLanguages;
}

void CartWorkspace::focusLookup()
{
    m_lookup->setFocus();
    m_lookup->selectAll();
}

void CartWorkspace::lookUp(const QString& text)
{
    const lookup::CartCode code = lookup::CartCode::parse(text);
    switch (code.kind) {
    case lookup::CartCode::Kind::Invalid:
        m_message->setText(tr("This is not a cart id, cart key or e-mail address."));
        return;
    case lookup::CartCode::Kind::CartId:
        openCart(code.value);
        return;
    case lookup::CartCode::Kind::CartKey: {
        auto* job = m_client->findCarts(m_storeKey, {code.value, {}, 1});
        connect(job, &api::ApiJob::finished, this, [this, job] {
            const auto result = job->result();
            done();
            if (!result)
                return fail(result.error());
            if (result->isEmpty()) {
                m_message->setText(tr("There is no cart with this key in this store."));
                return;
            }
            openCart(result->first().id);
        });
        m_message->setText(tr("Looking up the cart…"));
        run(job);
        return;
    }
    case lookup::CartCode::Kind::CustomerEmail:
        listCarts({{}, code.value, 20}, tr("Looking up the customer's carts…"), true);
        return;
    }
}

void CartWorkspace::listCarts(const api::CartQuery& query, const QString& progress, bool openSingle)
{
    auto* job = m_client->findCarts(m_storeKey, query);
    connect(job, &api::ApiJob::finished, this, [this, job, openSingle] {
        const auto result = job->result();
        done();
        if (!result)
            return fail(result.error());
        showSummaries(*result);
        if (openSingle && result->size() == 1)
            openCart(result->first().id);
    });
    m_message->setText(progress);
    run(job);
}

void CartWorkspace::openCart(const QString& cartId)
{
    if (cartId.isEmpty())
        return;
    if (!m_holdReason.isEmpty() && m_view->hasCart() && m_view->cart()->id != cartId) {
        m_message->setText(m_holdReason);
        return;
    }
    // One request: the balance route answers with the cart it read, and the payment panel takes
    // the balance from here (balanceRead) instead of asking again.
    auto* job = new api::CartBalanceJob(m_client, m_storeKey, cartId);
    connect(job, &api::ApiJob::finished, this, [this, job] {
        const auto result = job->result();
        done();
        if (!result)
            return fail(result.error());
        if (!result->cart)
            return fail(
                api::ApiError::make(api::ApiError::Code::InvalidResponse, job->correlationId()));
        m_view->setCart(*result->cart, m_storeLanguages, m_locale);
        m_refresh->setEnabled(true);
        m_message->setText(tr("Cart shown."));
        emit balanceRead(*result);
        emit cartShown(result->cart->id);
    });
    m_message->setText(tr("Opening the cart…"));
    run(job);
}

void CartWorkspace::refresh()
{
    if (m_view->hasCart())
        openCart(m_view->cart()->id);
}

void CartWorkspace::showRecent()
{
    listCarts({{}, {}, 20}, tr("Loading recent carts…"), false);
}

void CartWorkspace::cancel()
{
    if (m_job)
        m_job->abort();
}

// One request at a time: a new lookup replaces the one still running.
void CartWorkspace::run(api::ApiJob* job)
{
    if (m_job) {
        api::ApiJob* previous = m_job;
        m_job = nullptr;
        previous->disconnect(this);
        previous->abort();
    }
    m_job = job;
    m_busy->start();
    job->start();
}

void CartWorkspace::done()
{
    m_job = nullptr;
    m_busy->stop();
}

void CartWorkspace::showSummaries(const QList<api::CartSummary>& carts)
{
    m_list->clear();
    for (const api::CartSummary& cart : carts) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, cart.key.isEmpty() ? cart.id : cart.key);
        item->setText(1, cart.customerEmail);
        item->setText(2, m_locale.toString(cart.itemQuantity));
        item->setText(3, cart.totalPrice.toString(m_locale));
        item->setText(4,
                      m_locale.toString(cart.lastModifiedAt.toLocalTime(), QLocale::ShortFormat));
        item->setData(0, Qt::UserRole, cart.id);
        item->setTextAlignment(2, Qt::AlignRight);
        item->setTextAlignment(3, Qt::AlignRight);
    }
    m_message->setText(carts.isEmpty() ? tr("No carts found.")
                                       : tr("%n cart(s) found.", nullptr, int(carts.size())));
    if (!carts.isEmpty())
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

void CartWorkspace::fail(const api::ApiError& error)
{
    if (error.code == api::ApiError::Code::Cancelled) {
        m_message->setText(tr("Cancelled."));
        return;
    }
    m_message->setText(error.toDisplayString());
}

} // namespace storedesk::ui
