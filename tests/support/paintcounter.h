#pragma once

#include <QEvent>
#include <QObject>
#include <QWidget>

namespace storedesk::test {

// Counts the paint events of the widget it watches (it lives as long as that widget).
class PaintCounter : public QObject {
public:
    explicit PaintCounter(QWidget* watched)
        : QObject(watched)
    {
        watched->installEventFilter(this);
    }

    int paints = 0;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

} // namespace storedesk::test
