#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace storedesk::ui {

class Keypad;

// Log in at this workstation: user name and password or PIN, with a numeric keypad for a PIN on
// a touch-only till. Enter in either field logs in once both are filled.
class LoginPage : public QWidget {
    Q_OBJECT

public:
    explicit LoginPage(QWidget* parent = nullptr);

    void setWorkstation(const QString& description);
    void setBusy(bool busy);
    // A notice; the answer to the colleague's own login attempt (why it failed) shows as an
    // error, since nothing else answers an attempt that left the colleague on this page.
    void showMessage(const QString& message);
    void showError(const QString& message);
    void reset(); // empty fields, focus on the user name

    QLineEdit* username() const { return m_username; }
    QLineEdit* secret() const { return m_secret; }
    QPushButton* logInButton() const { return m_logIn; }
    QLabel* message() const { return m_message; }
    Keypad* keypad() const { return m_keypad; }

signals:
    void logInRequested(const QString& username, const QString& secret);

private:
    void submit();

    QLabel* m_workstation;
    QLineEdit* m_username;
    QLineEdit* m_secret;
    QPushButton* m_logIn;
    QLabel* m_message;
    Keypad* m_keypad;
    bool m_attemptPending = false;
};

} // namespace storedesk::ui
