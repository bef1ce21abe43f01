#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace storedesk::api {
class ApiClient;
struct TillStatus;
} // namespace storedesk::api

// saved() carries a TillStatus: moc needs the whole type.
Q_MOC_INCLUDE("api/tilljobs.h")

namespace storedesk::ui {

// For managers: the float this workstation's till is expected to open with, typed as an amount
// in the locale ("150,00") in the till's currency and sent with SetExpectedFloatJob. The current
// expected float is shown; a bad amount says why and sends nothing. On success the dialog
// emits saved() with the server's new TillStatus (for TillDay) and closes.
class ExpectedFloatDialog : public QDialog {
    Q_OBJECT

public:
    // `status` is the workstation's current till status (store, workstation, currency, expected
    // float).
    ExpectedFloatDialog(api::ApiClient* client, const api::TillStatus& status,
                        QWidget* parent = nullptr);
    ~ExpectedFloatDialog() override;

    // What Save does: checks the amount and sends it.
    void save();

    bool isBusy() const { return m_busy; }

    QLabel* current() const { return m_current; }
    QLineEdit* amount() const { return m_amount; }
    QLabel* message() const { return m_message; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* cancelButton() const { return m_cancel; }

signals:
    void saved(const storedesk::api::TillStatus& status);

private:
    void setBusy(bool busy);

    QPointer<api::ApiClient> m_client;
    QString m_storeKey;
    QString m_workstationId;
    QString m_currency;
    bool m_busy = false;
    QByteArray m_key;      // the Idempotency-Key of the amount last sent
    qint64 m_keyUnits = 0; // that amount
    QLabel* m_current;
    QLineEdit* m_amount;
    QLabel* m_message;
    QPushButton* m_save;
    QPushButton* m_cancel;
};

} // namespace storedesk::ui
