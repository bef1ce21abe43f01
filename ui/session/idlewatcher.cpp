#include "session/idlewatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace storedesk::ui {

IdleWatcher::IdleWatcher(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::idle);
}

IdleWatcher::~IdleWatcher()
{
    stop();
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    if (m_timer.isActive())
        m_timer.start(m_timeout);
}

void IdleWatcher::start()
{
    if (!m_installed && QCoreApplication::instance()) {
        QCoreApplication::instance()->installEventFilter(this);
        m_installed = true;
    }
    m_timer.start(m_timeout);
}

void IdleWatcher::stop()
{
    m_timer.stop();
    if (m_installed && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_installed = false;
}

bool IdleWatcher::eventFilter(QObject* /*watched*/, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        m_timer.start(m_timeout);
        break;
    default:
        break;
    }
    return false;
}

} // namespace storedesk::ui
