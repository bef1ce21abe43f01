#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace storedesk::ui {

// Says when nobody has used keyboard or mouse in the application for a while (the idle lock).
class IdleWatcher : public QObject {
    Q_OBJECT

public:
    explicit IdleWatcher(QObject* parent = nullptr);
    ~IdleWatcher() override;

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
    std::chrono::milliseconds m_timeout{std::chrono::minutes(5)};
    bool m_installed = false;
};

} // namespace storedesk::ui
