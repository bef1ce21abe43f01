#pragma once

#include <QMainWindow>

class QLabel;

namespace storedesk::ui {

class EmptyStateWidget;

// The colleague's one window. For now the shell: menus, shortcuts, the empty state and the status
// bar; cart lookup, payment and refunds plug into it.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    EmptyStateWidget* emptyState() const { return m_emptyState; }
    QLabel* connectionStatus() const { return m_connectionStatus; }

public slots:
    void showAbout();

private:
    void createMenus();

    EmptyStateWidget* m_emptyState;
    QLabel* m_connectionStatus;
};

} // namespace storedesk::ui
