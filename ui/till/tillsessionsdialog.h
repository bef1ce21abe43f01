#pragma once

#include "receipt/receipt.h"

#include <QDate>
#include <QDialog>
#include <QPointer>

class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace storedesk::api {
class ApiClient;
struct TillSession;
} // namespace storedesk::api

namespace storedesk::ui {

class TillReportDialog;

// For managers: the till sessions of the store on one day (today by default, the store's calendar
// day in UTC as the server counts it): workstation, opened, closed, Z number, counted and
// over/short. A closed session's Z report is fetched from the server as it was written at close
// and opened in a TillReportDialog marked "COPY", to be shown, printed or saved again.
class TillSessionsDialog : public QDialog {
    Q_OBJECT

public:
    TillSessionsDialog(api::ApiClient* client, const QString& storeKey,
                       const ReceiptContext& context, QWidget* parent = nullptr);
    ~TillSessionsDialog() override;

    // Lists the sessions of `date` (also what changing the date field does).
    void showDate(const QDate& date);
    // Fetches and opens the Z report of the selected session (what Reprint Z report… does).
    void reprintSelected();

    bool isBusy() const { return m_busy; }
    int sessionCount() const;

    QDateEdit* dateEdit() const { return m_date; }
    QTableWidget* table() const { return m_table; }
    QLabel* message() const { return m_message; }
    QPushButton* refreshButton() const { return m_refresh; }
    QPushButton* reprintButton() const { return m_reprint; }
    QPushButton* closeButton() const { return m_close; }
    // The report dialog opened last, while it is open.
    TillReportDialog* reportDialog() const { return m_report; }

signals:
    // A day's list arrived (also when it is empty) or could not be read (message() says why).
    void listed();
    void listFailed(const QString& message);
    // A Z report copy is on screen.
    void reportShown(TillReportDialog* dialog);
    void reportFailed(const QString& message);

private:
    void setBusy(bool busy);
    void updateActions();
    void fill(const QList<api::TillSession>& sessions);

    QPointer<api::ApiClient> m_client;
    QString m_storeKey;
    ReceiptContext m_context;
    QList<QString> m_sessionIds; // by row
    QList<bool> m_closed;        // by row
    bool m_busy = false;
    int m_generation = 0; // answers for a date no longer asked for are dropped
    QDateEdit* m_date;
    QTableWidget* m_table;
    QLabel* m_message;
    QPushButton* m_refresh;
    QPushButton* m_reprint;
    QPushButton* m_close;
    QPointer<TillReportDialog> m_report;
};

} // namespace storedesk::ui
