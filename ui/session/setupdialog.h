#pragma once

#include "api/storesjob.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QDialogButtonBox;
class QTabWidget;

namespace storedesk::config {
class WorkstationConfig;
}
namespace storedesk::api {
class ApiClient;
}

namespace storedesk::ui {

class SetupHardwarePage;

// Binds this machine to a store: the server's address (checked with GET /health), a manager's
// login, then the store, location and workstation from GET /stores, saved to the workstation
// configuration. Fields IT's policy locks are shown read-only with a lock. The manager's setup
// session lives only while the dialog is open and is revoked when it closes. Two tabs keep it
// within a 1024x768 till: the server, login and place, and the Hardware tab (SetupHardwarePage);
// Save stores both.
class SetupDialog : public QDialog {
    Q_OBJECT

public:
    // `client` is used for the setup session only and must outlive the dialog, so that the
    // session's revocation can finish after the dialog has closed.
    SetupDialog(config::WorkstationConfig& config, api::ApiClient* client,
                QWidget* parent = nullptr);
    ~SetupDialog() override;

    QLineEdit* serverUrl() const { return m_serverUrl; }
    QPushButton* checkButton() const { return m_check; }
    QLabel* serverResult() const { return m_serverResult; }
    QLineEdit* managerUsername() const { return m_username; }
    QLineEdit* managerSecret() const { return m_secret; }
    QPushButton* logInButton() const { return m_logIn; }
    QLabel* loginResult() const { return m_loginResult; }
    QComboBox* store() const { return m_store; }
    QComboBox* location() const { return m_location; }
    QComboBox* workstation() const { return m_workstation; }
    QSpinBox* idleMinutes() const { return m_idleMinutes; }
    QComboBox* language() const { return m_language; }
    QTabWidget* tabs() const { return m_tabs; }
    // The receipt printer, cash drawer and customer display (docs/HARDWARE.md).
    SetupHardwarePage* hardwarePage() const { return m_hardware; }
    QPushButton* saveButton() const;
    QLabel* message() const { return m_message; }

    static QString lockedToolTip();

protected:
    bool event(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void checkServer();
    void logIn();
    void loadStores();
    void fillLocations();
    void fillWorkstations();
    void save();
    void revokeSetupSession();
    void applyLocks();
    void updateSaveButton();
    void fitToContent();

    config::WorkstationConfig& m_config;
    QPointer<api::ApiClient> m_client;
    QList<api::SetupStore> m_stores;

    QLineEdit* m_serverUrl;
    QPushButton* m_check;
    QLabel* m_serverResult;
    QLineEdit* m_username;
    QLineEdit* m_secret;
    QPushButton* m_logIn;
    QLabel* m_loginResult;
    QComboBox* m_store;
    QComboBox* m_location;
    QComboBox* m_workstation;
    QSpinBox* m_idleMinutes;
    QComboBox* m_language;
    SetupHardwarePage* m_hardware;
    QTabWidget* m_tabs;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
    QWidget* m_managerSection;
    QWidget* m_placeSection;
};

} // namespace storedesk::ui
