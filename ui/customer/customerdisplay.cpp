#include "customer/customerdisplay.h"

#include "common/style.h"
#include "common/widgethelpers.h"
#include "flows/customerview.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QResizeEvent>
#include <QScreen>
#include <QStackedWidget>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcCustomerDisplay, "storedesk.ui.customerdisplay")

namespace storedesk::ui {

namespace {

QLabel* label(QWidget* parent, const QString& name, const QString& accessibleName,
              std::optional<style::Role> role, Qt::Alignment alignment = Qt::AlignCenter)
{
    QLabel* l = widgets::plainLabel(parent, name, accessibleName);
    if (role)
        style::setRole(l, *role);
    l->setAlignment(alignment);
    return l;
}

} // namespace

CustomerDisplay::CustomerDisplay(flows::CustomerView* view, QWidget* parent)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint)
    , m_view(view)
{
    setObjectName(QStringLiteral("customerDisplay"));
    setWindowTitle(tr("Customer display"));
    setAccessibleName(tr("Customer display"));
    setFocusPolicy(Qt::NoFocus);
    // The customer's window never takes the colleague's keyboard.
    setAttribute(Qt::WA_ShowWithoutActivating);

    m_store = label(this, QStringLiteral("customerStore"), tr("Store"), style::Role::Large);
    m_heading = label(this, QStringLiteral("customerHeading"), tr("Message"), style::Role::Display);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("customerPages"));

    m_idlePage = new QWidget(m_pages);
    m_idlePage->setObjectName(QStringLiteral("customerIdlePage"));

    // The cart: its last lines, then total, paid and what is still to pay.
    m_cartPage = new QWidget(m_pages);
    m_cartPage->setObjectName(QStringLiteral("customerCartPage"));
    m_linesBox = new QWidget(m_cartPage);
    m_linesBox->setObjectName(QStringLiteral("customerLines"));
    m_linesBox->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_linesBox->installEventFilter(this);
    m_linesLayout = new QVBoxLayout(m_linesBox);
    m_linesLayout->setContentsMargins(0, 0, 0, 0);
    m_linesLayout->setSpacing(style::spacing);
    m_earlier = label(m_linesBox, QStringLiteral("customerEarlierLines"), tr("Earlier lines"),
                      style::Role::Caption, Qt::AlignLeft | Qt::AlignVCenter);
    m_linesLayout->addWidget(m_earlier);
    m_linesLayout->addStretch();
    m_total = label(m_cartPage, QStringLiteral("customerTotal"), tr("Total"), style::Role::Display,
                    Qt::AlignRight | Qt::AlignVCenter);
    m_paid = label(m_cartPage, QStringLiteral("customerPaid"), tr("Paid"), style::Role::Large,
                   Qt::AlignRight | Qt::AlignVCenter);
    m_open = label(m_cartPage, QStringLiteral("customerOpenBalance"), tr("Still to pay"),
                   style::Role::Large, Qt::AlignRight | Qt::AlignVCenter);
    auto* cartLayout = new QVBoxLayout(m_cartPage);
    cartLayout->setContentsMargins(0, 0, 0, 0);
    cartLayout->setSpacing(style::spacing);
    cartLayout->addWidget(m_linesBox, 1);
    cartLayout->addWidget(m_paid);
    cartLayout->addWidget(m_open);
    cartLayout->addWidget(m_total);

    // After the payment: the change in the largest type, the order number, a refund.
    m_messagePage = new QWidget(m_pages);
    m_messagePage->setObjectName(QStringLiteral("customerMessagePage"));
    m_changeCaption = label(m_messagePage, QStringLiteral("customerChangeCaption"),
                            tr("Change due"), style::Role::Large);
    m_change = label(m_messagePage, QStringLiteral("customerChangeDue"), tr("Change due"),
                     style::Role::Display);
    m_orderNumber = label(m_messagePage, QStringLiteral("customerOrderNumber"), tr("Order number"),
                          style::Role::Large);
    m_refundAmount = label(m_messagePage, QStringLiteral("customerRefundAmount"),
                           tr("Amount refunded"), style::Role::Display);
    m_refundTenders = label(m_messagePage, QStringLiteral("customerRefundTenders"),
                            tr("Refunded to"), style::Role::Large);
    auto* messageLayout = new QVBoxLayout(m_messagePage);
    messageLayout->setSpacing(2 * style::spacing);
    messageLayout->addStretch();
    for (QLabel* l : {m_changeCaption, m_change, m_refundAmount, m_refundTenders, m_orderNumber})
        messageLayout->addWidget(l);
    messageLayout->addStretch();

    m_pages->addWidget(m_idlePage);
    m_pages->addWidget(m_cartPage);
    m_pages->addWidget(m_messagePage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(3 * style::margin, 2 * style::margin, 3 * style::margin,
                               2 * style::margin);
    layout->setSpacing(2 * style::spacing);
    layout->addWidget(m_store);
    layout->addWidget(m_heading);
    layout->addWidget(m_pages, 1);

    if (m_view)
        connect(m_view, &flows::CustomerView::changed, this, &CustomerDisplay::present);
    connect(qApp, &QGuiApplication::screenAdded, this, [this](QScreen* screen) {
        if (screen->name() == m_screenName)
            place();
    });
    connect(qApp, &QGuiApplication::screenRemoved, this, [this](QScreen* screen) {
        if (screen == m_target) {
            qCInfo(lcCustomerDisplay).noquote()
                << "customer display screen" << m_screenName << "removed; hiding the window";
            m_target = nullptr;
            hide();
        }
    });
    present();
}

void CustomerDisplay::setScreenName(const QString& name)
{
    m_screenName = name;
    place();
}

void CustomerDisplay::place()
{
    m_target = nullptr;
    const QList<QScreen*> screens = QGuiApplication::screens();
    for (QScreen* screen : screens) {
        if (!m_screenName.isEmpty() && screen->name() == m_screenName)
            m_target = screen;
    }
    if (!m_target) {
        if (!m_screenName.isEmpty())
            qCInfo(lcCustomerDisplay).noquote()
                << "no screen named" << m_screenName << "attached; no customer display";
        hide();
        return;
    }
    setScreen(m_target);
    setGeometry(m_target->geometry());
    showFullScreen();
}

bool CustomerDisplay::eventFilter(QObject* watched, QEvent* event)
{
    // The rows that fit depend on the lines' box's height.
    if (watched == m_linesBox && event->type() == QEvent::Resize)
        layOutLines();
    return QWidget::eventFilter(watched, event);
}

QString CustomerDisplay::tenderName(const QString& tender) const
{
    if (tender == QLatin1StringView("cash"))
        return tr("Cash");
    if (tender == QLatin1StringView("card"))
        return tr("Card");
    return tender;
}

void CustomerDisplay::present()
{
    using State = flows::CustomerView::State;
    const QLocale locale;
    const QString store = m_view ? m_view->storeName() : QString();
    m_store->setText(store);
    m_store->setVisible(!store.isEmpty());
    const State state = m_view ? m_view->state() : State::Idle;

    const auto money = [&locale](const std::optional<Money>& amount) {
        return amount ? amount->toString(locale) : QString();
    };
    for (QLabel* l : {m_changeCaption, m_change, m_orderNumber, m_refundAmount, m_refundTenders})
        l->hide();

    switch (state) {
    case State::Idle:
        m_heading->setText(store.isEmpty() ? tr("Welcome") : tr("Welcome to %1").arg(store));
        m_pages->setCurrentWidget(m_idlePage);
        break;
    case State::Cart:
    case State::CardPayment: {
        m_heading->setText(state == State::CardPayment
                               ? tr("Please follow the instructions on the terminal")
                               : tr("Your purchase"));
        m_total->setText(tr("Total %1").arg(money(m_view->total())));
        // Paid and still to pay once something is paid.
        const bool partly = m_view->paid() && !m_view->paid()->isZero();
        m_paid->setText(tr("Paid %1").arg(money(m_view->paid())));
        m_open->setText(tr("Still to pay %1").arg(money(m_view->openBalance())));
        m_paid->setVisible(partly);
        m_open->setVisible(partly && m_view->openBalance());
        m_pages->setCurrentWidget(m_cartPage);
        break;
    }
    case State::Change:
    case State::ThankYou:
        m_heading->setText(state == State::ThankYou ? tr("Thank you for your purchase!")
                                                    : tr("Thank you!"));
        if (m_view->changeDue()) {
            m_changeCaption->setText(tr("Change due"));
            m_changeCaption->show();
            m_change->setText(money(m_view->changeDue()));
            m_change->show();
        }
        if (!m_view->orderNumber().isEmpty()) {
            m_orderNumber->setText(tr("Order number %1").arg(m_view->orderNumber()));
            m_orderNumber->show();
        }
        m_pages->setCurrentWidget(m_messagePage);
        break;
    case State::Refund: {
        m_heading->setText(tr("Your refund"));
        m_refundAmount->setText(money(m_view->refundAmount()));
        m_refundAmount->show();
        QStringList tenders;
        for (const api::RefundTender& tender : m_view->refundTenders())
            tenders
                << tr("%1 to %2").arg(tender.amount.toString(locale), tenderName(tender.tender));
        m_refundTenders->setText(tenders.join(QLatin1Char('\n')));
        m_refundTenders->setVisible(!tenders.isEmpty());
        m_pages->setCurrentWidget(m_messagePage);
        break;
    }
    }
    layOutLines();
}

void CustomerDisplay::layOutLines()
{
    for (const QList<QLabel*>& row : std::as_const(m_rows)) {
        if (!row.isEmpty())
            delete row.first()->parentWidget();
    }
    m_rows.clear();
    const QList<flows::CustomerView::Line> lines =
        m_view ? m_view->lines() : QList<flows::CustomerView::Line>();
    if (lines.isEmpty() || m_pages->currentWidget() != m_cartPage) {
        m_earlier->hide();
        return;
    }
    const QLocale locale;
    // How many rows fit: the newest lines are what the customer watches being scanned.
    QLabel probe;
    style::setRole(&probe, style::Role::Large);
    probe.setText(QStringLiteral("Xg"));
    probe.ensurePolished();
    const int rowHeight = probe.sizeHint().height() + style::spacing;
    m_earlier->ensurePolished();
    const int earlierHeight = m_earlier->sizeHint().height() + style::spacing;
    const int height = m_linesBox->height();
    qsizetype fit = std::max(1, height / rowHeight);
    if (fit < lines.size())
        fit = std::max(1, (height - earlierHeight) / rowHeight);
    const qsizetype first = std::max<qsizetype>(0, lines.size() - fit);
    m_earlier->setText(tr("%n earlier line(s)", nullptr, int(first)));
    m_earlier->setVisible(first > 0);

    const int width = m_linesBox->width();
    for (qsizetype i = first; i < lines.size(); ++i) {
        const flows::CustomerView::Line& line = lines.at(i);
        auto* row = new QWidget(m_linesBox);
        row->setObjectName(QStringLiteral("customerLine%1").arg(i));
        auto* quantity = label(row, QStringLiteral("customerLineQuantity"), tr("Quantity"),
                               style::Role::Large, Qt::AlignRight | Qt::AlignVCenter);
        quantity->setWordWrap(false);
        quantity->setText(tr("%1 ×").arg(locale.toString(line.quantity)));
        auto* total = label(row, QStringLiteral("customerLineTotal"), tr("Line total"),
                            style::Role::Large, Qt::AlignRight | Qt::AlignVCenter);
        total->setWordWrap(false);
        total->setText(line.total.toString(locale));
        auto* name = label(row, QStringLiteral("customerLineName"), tr("Item"), style::Role::Large,
                           Qt::AlignLeft | Qt::AlignVCenter);
        name->setWordWrap(false);
        name->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        quantity->ensurePolished();
        total->ensurePolished();
        name->ensurePolished();
        // A quantity column wide enough for "999 ×", the name elided to what is left.
        const int quantityWidth =
            quantity->fontMetrics().horizontalAdvance(tr("%1 ×").arg(locale.toString(999))) + 4;
        quantity->setFixedWidth(std::max(quantityWidth, quantity->sizeHint().width()));
        const int nameWidth =
            width - quantity->width() - total->sizeHint().width() - 4 * style::spacing;
        const QString elided =
            name->fontMetrics().elidedText(line.name, Qt::ElideRight, std::max(0, nameWidth));
        name->setText(elided);
        if (elided != line.name) {
            style::markElided(name);
            name->setToolTip(line.name);
        }
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->setSpacing(2 * style::spacing);
        rowLayout->addWidget(quantity);
        rowLayout->addWidget(name, 1);
        rowLayout->addWidget(total);
        m_linesLayout->insertWidget(m_linesLayout->count() - 1, row);
        row->show();
        m_rows.append({quantity, name, total});
    }
}

} // namespace storedesk::ui
