#pragma once

#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace storedesk::ui {

class Keypad;

// The idle lock: the same user unlocks with their secret, or another user takes over. Every field
// and button is a touch target, and a numeric keypad types a PIN into whichever field has focus.
class LockPage : public QWidget {
    Q_OBJECT

public:
    explicit LockPage(QWidget* parent = nullptr);

    void lockFor(const QString& displayName, const QString& username);
    void setBusy(bool busy);
    // Why an unlock or a takeover was refused: shown whole, in the error tone.
    void showMessage(const QString& message);

    QLineEdit* secret() const { return m_secret; }
    QPushButton* unlockButton() const { return m_unlock; }
    // Opens the "Another user" fields (closed at every lock, so the page stays short).
    QPushButton* anotherUserButton() const { return m_anotherUser; }
    QGroupBox* anotherUserSection() const { return m_other; }
    QLineEdit* otherUsername() const { return m_otherUsername; }
    QLineEdit* otherSecret() const { return m_otherSecret; }
    QPushButton* switchButton() const { return m_switch; }
    QLabel* message() const { return m_message; }
    Keypad* keypad() const { return m_keypad; }

signals:
    void unlockRequested(const QString& username, const QString& secret);
    void switchUserRequested(const QString& username, const QString& secret);

private:
    void unlock();
    void switchUser();
    void openAnotherUser();
    void showError(const QString& message);

    QString m_username;
    QLabel* m_who;
    QLineEdit* m_secret;
    QPushButton* m_unlock;
    QPushButton* m_anotherUser;
    QGroupBox* m_other;
    QLineEdit* m_otherUsername;
    QLineEdit* m_otherSecret;
    QPushButton* m_switch;
    QLabel* m_message;
    Keypad* m_keypad;
};

} // namespace storedesk::ui
