#pragma once

#include "api/orderjobs.h"
#include "flows/refunddraft.h"
#include "flows/refundsession.h"

#include <QDialog>
#include <QLocale>
#include <QPointer>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;

namespace storedesk::api {
class ApiClient;
}

namespace storedesk::ui {

class DelayedBusy;
class EmptyStateWidget;
class Keypad;
class ManagerApprovalPanel;
class RefundLinesEditor;
class RefundResultView;

// Refunds at the till: look an order up by its number (typed, or scanned from the receipt through
// lookUp()), choose quantities per line and a reason, and refund to the original tenders. When
// the store wants a manager's approval, a manager approves inline — nobody logs out. The refund
// itself — order, draft, approval, open outcome, result — is a flows::RefundSession; this dialog
// only renders it and hands it the colleague's actions. Every open starts a fresh session, unless
// the last refund's outcome is still open (then it is followed to its end with the same key, so
// money never goes back twice). Non-modal: it stays beside the carts.
class RefundDialog : public QDialog {
    Q_OBJECT

public:
    RefundDialog(api::ApiClient* client, const QString& storeKey, const QStringList& storeLanguages,
                 const QLocale& locale, QWidget* parent = nullptr);
    ~RefundDialog() override;

    // Shows the dialog with the focus where work continues; a closed dialog starts a new refund.
    void present();

    flows::RefundSession* session() const { return m_session; }
    bool isBusy() const { return m_session->isBusy(); }
    bool isAwaitingApproval() const;
    bool isOutcomeUnknown() const;
    bool hasOrder() const { return m_session->hasOrder(); }
    const flows::RefundDraft& draft() const { return m_session->draft(); }
    const std::optional<api::RefundResult>& result() const { return m_session->result(); }

    QLineEdit* orderNumber() const { return m_orderNumber; }
    QPushButton* lookUpButton() const { return m_lookUpButton; }
    QPushButton* reprintButton() const { return m_reprint; }
    QLabel* orderSummary() const { return m_orderSummary; }
    RefundLinesEditor* lines() const { return m_lines; }
    QComboBox* reason() const { return m_reason; }
    QLabel* total() const { return m_total; }
    QPushButton* refundButton() const { return m_refund; }
    QProgressBar* spinner() const { return m_spinner; }
    QPushButton* cancelButton() const { return m_cancel; }
    ManagerApprovalPanel* approvalPanel() const { return m_approval; }
    RefundResultView* resultView() const { return m_resultView; }
    QLabel* message() const { return m_message; }
    Keypad* keypad() const { return m_keypad; }

public slots:
    // An order number, typed or scanned (surrounding whitespace is ignored).
    void lookUp(const QString& text);
    // Stops waiting: a lookup is dropped; a refund is then checked with the same key.
    void cancel();
    void refund();

signals:
    void refundCompleted(const storedesk::api::RefundResult& result,
                         const storedesk::api::OrderLookup& order);
    void reprintRequested(const storedesk::api::OrderLookup& order);
    void refundReceiptRequested(const storedesk::api::RefundResult& result,
                                const storedesk::api::OrderLookup& order);
    // A new, empty session replaced the last one (session() is it): who watches refunds follows.
    void sessionStarted(storedesk::flows::RefundSession* session);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void reject() override;

private:
    // Replaces the session with a new, empty one and empties every field.
    void startSession();
    void showOrder();
    void render();
    void moveFocus(flows::RefundSession::Stage from, flows::RefundSession::Stage to);
    void finish();
    QString paymentsText(const api::OrderLookup& lookup) const;

    QPointer<api::ApiClient> m_client;
    QString m_storeKey;
    QStringList m_storeLanguages;
    QLocale m_locale;
    flows::RefundSession* m_session = nullptr;
    flows::RefundSession::Stage m_shown = flows::RefundSession::Stage::Empty;
    bool m_busyShown = false;

    QLineEdit* m_orderNumber;
    QPushButton* m_lookUpButton;
    QPushButton* m_reprint;
    QLabel* m_orderSummary;
    QLabel* m_linesLabel;
    QScrollArea* m_scroll;
    RefundLinesEditor* m_lines;
    EmptyStateWidget* m_empty;
    Keypad* m_keypad;
    QLabel* m_reasonLabel;
    QComboBox* m_reason;
    QLabel* m_total;
    QPushButton* m_refund;
    QProgressBar* m_spinner;
    QPushButton* m_cancel;
    ManagerApprovalPanel* m_approval;
    RefundResultView* m_resultView;
    QLabel* m_message;
    QPushButton* m_close;
    DelayedBusy* m_busy;
};

} // namespace storedesk::ui
