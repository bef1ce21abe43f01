#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace storedesk::api {

class ApiClient;

// Whether the server can be reached, for the status bar: GET /health now and then, more often
// (with exponential backoff from `initialRetry` up to `maxInterval`) while it cannot.
class HealthMonitor : public QObject {
    Q_OBJECT

public:
    enum class State { Unknown, Online, Offline, CommerceUnavailable };
    Q_ENUM(State)

    explicit HealthMonitor(ApiClient* client, QObject* parent = nullptr);

    void setIntervals(std::chrono::milliseconds healthy, std::chrono::milliseconds initialRetry,
                      std::chrono::milliseconds maxInterval);
    void start();
    void stop();
    void checkNow();

    State state() const { return m_state; }
    std::chrono::milliseconds nextInterval() const { return m_nextInterval; }

signals:
    void stateChanged(storedesk::api::HealthMonitor::State state);

private:
    void setState(State state);
    void schedule(bool healthy);

    QPointer<ApiClient> m_client;
    QTimer m_timer;
    State m_state = State::Unknown;
    bool m_checking = false;
    int m_failures = 0;
    std::chrono::milliseconds m_healthy{30000};
    std::chrono::milliseconds m_initialRetry{2000};
    std::chrono::milliseconds m_max{60000};
    std::chrono::milliseconds m_nextInterval{30000};
};

} // namespace storedesk::api
