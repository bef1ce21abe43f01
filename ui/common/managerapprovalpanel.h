#pragma once

#include "api/orderjobs.h"

#include <QGroupBox>
#include <QLocale>

class QLabel;
class QLineEdit;
class QPushButton;

namespace storedesk::ui {

// A manager approves something at a colleague's workstation without anyone logging out: their
// user name and secret, sent once with the request. The secret is wiped from the field as soon
// as it is handed over.
class ManagerApprovalPanel : public QGroupBox {
    Q_OBJECT

public:
    explicit ManagerApprovalPanel(QWidget* parent = nullptr);

    // Asks for an approval, saying why (the server's reasons).
    void ask(const api::ApprovalDemand& demand, const QLocale& locale);
    // The approval was refused: says so and asks for the secret again.
    void refuse(const QString& message);
    void setBusy(bool busy);
    // Empties both fields.
    void reset();

    QLabel* explanation() const { return m_explanation; }
    QLineEdit* username() const { return m_username; }
    QLineEdit* secret() const { return m_secret; }
    QPushButton* approveButton() const { return m_approve; }
    QPushButton* cancelButton() const { return m_cancel; }

public slots:
    void approve();

signals:
    // The receiver must not keep the secret beyond sending it.
    void approved(const QString& username, const QString& secret);
    void cancelled();

private:
    QLabel* m_explanation;
    QLineEdit* m_username;
    QLineEdit* m_secret;
    QPushButton* m_approve;
    QPushButton* m_cancel;
    QLabel* m_problem;
};

} // namespace storedesk::ui
