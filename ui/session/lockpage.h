#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace storedesk::ui {

// The idle lock: the same user unlocks with their secret, or another user takes over.
class LockPage : public QWidget {
    Q_OBJECT

public:
    explicit LockPage(QWidget* parent = nullptr);

    void lockFor(const QString& displayName, const QString& username);
    void setBusy(bool busy);
    void showMessage(const QString& message);

    QLineEdit* secret() const { return m_secret; }
    QPushButton* unlockButton() const { return m_unlock; }
    QLineEdit* otherUsername() const { return m_otherUsername; }
    QLineEdit* otherSecret() const { return m_otherSecret; }
    QPushButton* switchButton() const { return m_switch; }
    QLabel* message() const { return m_message; }

signals:
    void unlockRequested(const QString& username, const QString& secret);
    void switchUserRequested(const QString& username, const QString& secret);

private:
    void unlock();
    void switchUser();

    QString m_username;
    QLabel* m_who;
    QLineEdit* m_secret;
    QPushButton* m_unlock;
    QLineEdit* m_otherUsername;
    QLineEdit* m_otherSecret;
    QPushButton* m_switch;
    QLabel* m_message;
};

} // namespace storedesk::ui
