#pragma once

#include <QWidget>

class QLabel;

namespace storedesk::ui {

// A centred icon, heading and hint for a screen that has nothing to show yet.
class EmptyStateWidget : public QWidget {
    Q_OBJECT

public:
    explicit EmptyStateWidget(QWidget* parent = nullptr);

    void setHeading(const QString& heading);
    void setHint(const QString& hint);
    QString heading() const;
    QString hint() const;

private:
    QLabel* m_heading;
    QLabel* m_hint;
};

} // namespace storedesk::ui
