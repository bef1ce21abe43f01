#pragma once

#include <QObject>
#include <QTimer>

class QWidget;

namespace storedesk::ui {

// Shows busy widgets (a spinner, a Cancel button) only when work takes longer than a moment, so
// that fast answers do not flicker.
class DelayedBusy : public QObject {
    Q_OBJECT

public:
    static constexpr int DefaultDelayMs = 300;

    DelayedBusy(QList<QWidget*> widgets, QObject* parent = nullptr);

    void start();
    void stop();
    bool isShown() const { return m_shown; }

private:
    void show(bool visible);

    QList<QWidget*> m_widgets;
    QTimer m_timer;
    bool m_shown = false;
};

} // namespace storedesk::ui
