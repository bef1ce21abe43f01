#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace storedesk::ui {

// Log in at this workstation: user name and password or PIN.
class LoginPage : public QWidget {
    Q_OBJECT

public:
    explicit LoginPage(QWidget* parent = nullptr);

    void setWorkstation(const QString& description);
    void setBusy(bool busy);
    void showMessage(const QString& message);
    void reset(); // empty fields, focus on the user name

    QLineEdit* username() const { return m_username; }
    QLineEdit* secret() const { return m_secret; }
    QPushButton* logInButton() const { return m_logIn; }
    QLabel* message() const { return m_message; }

signals:
    void logInRequested(const QString& username, const QString& secret);

private:
    void submit();

    QLabel* m_workstation;
    QLineEdit* m_username;
    QLineEdit* m_secret;
    QPushButton* m_logIn;
    QLabel* m_message;
};

} // namespace storedesk::ui
