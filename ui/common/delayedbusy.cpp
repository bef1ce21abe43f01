#include "common/delayedbusy.h"

#include <QWidget>

namespace storedesk::ui {

DelayedBusy::DelayedBusy(QList<QWidget*> widgets, QObject* parent)
    : QObject(parent)
    , m_widgets(std::move(widgets))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultDelayMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { show(true); });
    show(false);
}

void DelayedBusy::start()
{
    m_timer.start();
}

void DelayedBusy::stop()
{
    m_timer.stop();
    show(false);
}

void DelayedBusy::show(bool visible)
{
    m_shown = visible;
    for (QWidget* widget : std::as_const(m_widgets))
        widget->setVisible(visible);
}

} // namespace storedesk::ui
