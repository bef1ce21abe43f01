#include "firstframe.h"

#include <QEvent>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace storedesk::app {
namespace {

// The top-level widget is painted and flushed in one go when its window is first exposed; a call
// queued from its first paint therefore runs once that frame is out.
class FirstFrameWatcher : public QObject {
public:
    FirstFrameWatcher(QWidget* window, std::function<void()> then, int fallbackMs)
        : QObject(window)
        , m_then(std::move(then))
    {
        window->installEventFilter(this);
        QTimer::singleShot(fallbackMs, this, [this] { fire(); });
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, [this] { fire(); });
        }
        return false;
    }

private:
    void fire()
    {
        if (!m_then)
            return;
        const std::function<void()> then = std::move(m_then);
        m_then = nullptr;
        deleteLater();
        then();
    }

    std::function<void()> m_then;
};

} // namespace

void afterFirstFrame(QWidget* window, std::function<void()> then, int fallbackMs)
{
    new FirstFrameWatcher(window, std::move(then), fallbackMs);
}

} // namespace storedesk::app
