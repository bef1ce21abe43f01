#include "sale/cartworkspace.h"

#include "api/apiclient.h"
#include "common/delayedbusy.h"
#include "common/style.h"
#include "common/widgethelpers.h"
#include "lookup/cartcode.h"
#include "sale/cartview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QProgressBar>
#include <QResizeEvent>
#include <QScroller>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace storedesk::ui {
// The cart and the money side under the lookup row: the cart lines get the width (60 %), the
// money side the rest, never either below its minimum. A box layout would give the money side
// its preferred width first (its tender buttons and texts) and the cart only what remains, about
// half at 1024 px. The side is whichever of the payment panel and the list of carts is shown.
class CounterBody : public QWidget {
public:
    static constexpr double cartShare = 0.6;

    CounterBody(QWidget* cart, QWidget* parent)
        : QWidget(parent)
        , m_cart(cart)
    {
        cart->setParent(this);
    }

    void addSide(QWidget* side)
    {
        side->setParent(this);
        m_sides.append(side);
        relayout();
    }

    // After a side was shown or hidden, or a child's size hints changed.
    void relayout()
    {
        updateGeometry();
        place();
    }

    QSize minimumSizeHint() const override
    {
        return combined([](const QWidget* w) { return minimumOf(w); });
    }
    QSize sizeHint() const override
    {
        return combined([](const QWidget* w) { return w->sizeHint().expandedTo(minimumOf(w)); });
    }

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QWidget::resizeEvent(event);
        place();
    }

    bool event(QEvent* event) override
    {
        // A child's hints changed (Qt posts this to a parent without a layout).
        if (event->type() == QEvent::LayoutRequest)
            relayout();
        return QWidget::event(event);
    }

private:
    static QSize minimumOf(const QWidget* widget)
    {
        return widget->minimumSizeHint().expandedTo(widget->minimumSize());
    }

    QWidget* side() const
    {
        for (QWidget* side : m_sides) {
            if (!side->isHidden())
                return side;
        }
        return nullptr;
    }

    template <typename Size>
    QSize combined(Size size) const
    {
        QSize total = size(m_cart);
        if (const QWidget* shown = side()) {
            const QSize other = size(shown);
            total = QSize(total.width() + style::margin + other.width(),
                          std::max(total.height(), other.height()));
        }
        return total;
    }

    void place()
    {
        const QRect area = rect();
        QWidget* shown = side();
        if (!shown) {
            m_cart->setGeometry(area);
            return;
        }
        const int cartMinimum = minimumOf(m_cart).width();
        const int sideMinimum = minimumOf(shown).width();
        const int cartWidth =
            std::max(cartMinimum, std::min(int(area.width() * cartShare),
                                           area.width() - style::margin - sideMinimum));
        m_cart->setGeometry(area.left(), area.top(), cartWidth, area.height());
        const int sideLeft = area.left() + cartWidth + style::margin;
        shown->setGeometry(sideLeft, area.top(), area.right() + 1 - sideLeft, area.height());
    }

    QWidget* m_cart;
    QList<QWidget*> m_sides;
};

CartWorkspace::CartWorkspace(api::ApiClient* client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_lookup(widgets::lineEdit(this, QStringLiteral("cartLookup"), tr("Cart lookup"),
                                 tr("Scan or type a cart id, cart key or customer e-mail")))
    , m_find(widgets::button(this, QStringLiteral("findButton"), tr("&Find")))
    , m_recent(widgets::button(this, QStringLiteral("recentButton"), tr("Recent carts (F3)"),
                               tr("Recent carts")))
    , m_refresh(widgets::button(this, QStringLiteral("refreshButton"), tr("Refresh (F5)"),
                                tr("Refresh the cart")))
    , m_spinner(new QProgressBar(this))
    , m_cancel(widgets::button(this, QStringLiteral("cancelButton"), tr("Cancel")))
    , m_message(widgets::plainLabel(this, QStringLiteral("lookupMessage"), tr("Lookup message")))
    , m_listPanel(new QWidget(this))
    , m_listHeading(
          widgets::plainLabel(m_listPanel, QStringLiteral("cartListHeading"), tr("Carts found")))
    , m_hideList(widgets::button(m_listPanel, QStringLiteral("hideListButton"), tr("Close (Esc)"),
                                 tr("Close the list of carts")))
    , m_list(new QTreeWidget(m_listPanel))
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
    // The keys act from anywhere (F3, F5); the buttons are for touch and say their key.
    m_recent->setToolTip(tr("The store's most recently changed carts (F3)"));
    m_refresh->setToolTip(tr("Read the open cart again (F5)"));

    m_list->setObjectName(QStringLiteral("cartList"));
    m_list->setAccessibleName(tr("Carts found"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Cart"), tr("Customer"), tr("Items"), tr("Total"), tr("Changed")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QScroller::grabGesture(m_list->viewport(), QScroller::LeftMouseButtonGesture);
    style::setRole(m_listHeading, style::Role::Large);
    m_listHeading->setWordWrap(false);

    auto* listHead = new QHBoxLayout;
    listHead->addWidget(m_listHeading, 1);
    listHead->addWidget(m_hideList);
    auto* listLayout = new QVBoxLayout(m_listPanel);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(listHead);
    listLayout->addWidget(m_list, 1);
    m_message->hide(); // until there is something to say
    m_listPanel->setObjectName(QStringLiteral("cartListPanel"));
    m_listPanel->hide();

    // The row's buttons as high as the field beside them (a fixed-height button would hold the
    // whole row, field included, to its own height).
    for (QPushButton* button : {m_find, m_recent, m_refresh, m_cancel})
        button->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
    auto* lookupRow = new QHBoxLayout;
    lookupRow->addWidget(m_lookup, 1);
    lookupRow->addWidget(m_find);
    lookupRow->addWidget(m_recent);
    lookupRow->addWidget(m_refresh);
    lookupRow->addWidget(m_spinner);
    lookupRow->addWidget(m_cancel);

    // The cart lines get the width: cart 3 : money side 2. While a colleague picks a cart, the
    // list takes the money side's place (it drops down under "Recent carts", top right).
    m_body = new CounterBody(m_view, this);
    m_body->setObjectName(QStringLiteral("counterBody"));
    m_body->addSide(m_listPanel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(style::margin, style::spacing, style::margin, style::spacing);
    layout->setSpacing(style::spacing);
    layout->addLayout(lookupRow);
    layout->addWidget(m_message);
    layout->addWidget(m_body, 1);

    connect(m_find, &QPushButton::clicked, this, [this] { lookUp(m_lookup->text()); });
    connect(m_lookup, &QLineEdit::returnPressed, this, [this] { lookUp(m_lookup->text()); });
    connect(m_recent, &QPushButton::clicked, this, &CartWorkspace::showRecent);
    connect(m_refresh, &QPushButton::clicked, this, &CartWorkspace::refresh);
    connect(m_cancel, &QPushButton::clicked, this, &CartWorkspace::cancel);
    connect(m_hideList, &QPushButton::clicked, this, &CartWorkspace::hideList);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        // The key typed for an earlier lookup is not what this cart is: the field starts empty.
        m_lookup->clear();
        openCart(item->data(0, Qt::UserRole).toString());
    });
}

void CartWorkspace::say(const QString& message)
{
    m_message->setText(message);
    // Shown only with something to say: an empty line would be a gap above the cart.
    m_message->setVisible(!message.isEmpty());
}

void CartWorkspace::setSidePanel(QWidget* panel)
{
    m_side = panel;
    panel->setVisible(m_listPanel->isHidden());
    m_body->addSide(panel);
}

bool CartWorkspace::isListShown() const
{
    return !m_listPanel->isHidden();
}

void CartWorkspace::showList(const QString& heading)
{
    m_listHeading->setText(heading);
    if (m_side)
        m_side->hide();
    m_listPanel->show();
    m_body->relayout();
}

void CartWorkspace::hideList()
{
    const bool hadFocus = m_listPanel->isAncestorOf(focusWidget());
    m_listPanel->hide();
    if (m_side)
        m_side->show();
    m_body->relayout();
    if (hadFocus)
        focusLookup();
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
        say(tr("This is not a cart id, cart key or e-mail address."));
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
                say(tr("There is no cart with this key in this store."));
                return;
            }
            openCart(result->first().id);
        });
        say(tr("Looking up the cart…"));
        run(job);
        return;
    }
    case lookup::CartCode::Kind::CustomerEmail:
        listCarts({{}, code.value, 20}, tr("Looking up the customer's carts…"),
                  tr("Carts of %1").arg(code.value), true);
        return;
    }
}

void CartWorkspace::listCarts(const api::CartQuery& query, const QString& progress,
                              const QString& heading, bool openSingle)
{
    auto* job = m_client->findCarts(m_storeKey, query);
    connect(job, &api::ApiJob::finished, this, [this, job, heading, openSingle] {
        const auto result = job->result();
        done();
        if (!result)
            return fail(result.error());
        if (openSingle && result->size() == 1) {
            // Nothing to pick from: the one cart opens at once.
            m_list->clear();
            openCart(result->first().id);
            return;
        }
        showSummaries(*result, heading);
    });
    say(progress);
    run(job);
}

void CartWorkspace::openCart(const QString& cartId)
{
    if (cartId.isEmpty())
        return;
    if (!m_holdReason.isEmpty() && m_view->hasCart() && m_view->cart()->id != cartId) {
        say(m_holdReason);
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
        // The cart on screen says it was found; a message saying so would only outlive it.
        say({});
        hideList();
        emit balanceRead(*result);
        emit cartShown(result->cart->id);
    });
    say(tr("Opening the cart…"));
    run(job);
}

void CartWorkspace::refresh()
{
    if (m_view->hasCart())
        openCart(m_view->cart()->id);
}

void CartWorkspace::showRecent()
{
    // A payment in progress keeps its panel on screen: no list over it.
    if (!m_holdReason.isEmpty() && m_view->hasCart()) {
        say(m_holdReason);
        return;
    }
    listCarts({{}, {}, 20}, tr("Loading recent carts…"), tr("Recent carts"), false);
}

void CartWorkspace::cancel()
{
    if (m_job)
        m_job->abort();
    else if (isListShown())
        hideList();
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

void CartWorkspace::showSummaries(const QList<api::CartSummary>& carts, const QString& heading)
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
        // A row a finger can pick (the width still that of the text).
        item->setSizeHint(
            0, QSize(m_list->fontMetrics().horizontalAdvance(item->text(0)) + 2 * style::spacing,
                     style::touchTarget));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
    }
    say(carts.isEmpty() ? tr("No carts found.")
                        : tr("%n cart(s) found.", nullptr, int(carts.size())));
    showList(heading);
    if (!carts.isEmpty()) {
        m_list->setCurrentItem(m_list->topLevelItem(0));
        // Arrow keys and Enter pick a cart at once.
        m_list->setFocus();
    }
}

void CartWorkspace::fail(const api::ApiError& error)
{
    if (error.code == api::ApiError::Code::Cancelled) {
        say(tr("Cancelled."));
        return;
    }
    say(error.toDisplayString());
}

} // namespace storedesk::ui
