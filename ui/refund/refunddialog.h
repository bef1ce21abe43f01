#pragma once

#include "api/orderjobs.h"
#include "flows/refunddraft.h"

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
class ManagerApprovalPanel;
class RefundLinesEditor;
class RefundResultView;

// Refunds at the till: look an order up by its number (typed, or scanned from the receipt through
// lookUp()), choose quantities per line and a reason, and refund to the original tenders. When
// the store wants a manager's approval, a manager approves inline — nobody logs out. One
// Idempotency-Key per refund attempt (RefundDraft): a retry, the approved try and the check after
// Cancel are the same refund, so money never goes back twice. Non-modal: it stays open beside the
// carts and keeps its state while hidden.
class RefundDialog : public QDialog {
    Q_OBJECT

public:
    RefundDialog(api::ApiClient* client, const QString& storeKey, const QStringList& storeLanguages,
                 const QLocale& locale, QWidget* parent = nullptr);
    ~RefundDialog() override;

    // Shows the dialog with the focus where work continues.
    void present();

    bool isBusy() const { return !m_job.isNull(); }
    bool isAwaitingApproval() const { return m_awaitingApproval; }
    bool isOutcomeUnknown() const { return m_outcomeUnknown; }
    bool hasOrder() const { return !m_draft.order().id.isEmpty(); }
    const flows::RefundDraft& draft() const { return m_draft; }
    const std::optional<api::RefundResult>& result() const { return m_result; }

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

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void reject() override;

private:
    enum class Work { None, Lookup, Refund, Check };

    void run(api::ApiJob* job, Work work);
    void submit(std::optional<api::RefundRequest::Approval> approval, Work work);
    void showOrder(const api::OrderLookup& lookup);
    void clearOrder();
    void onRefundFinished(const Expected<api::RefundResult, api::ApiError>& result,
                          const std::optional<api::ApprovalDemand>& demand, Work work);
    void closeApproval();
    void finish();
    void updatePreview();
    void updateControls();
    QString paymentsText(const api::OrderLookup& lookup) const;

    QPointer<api::ApiClient> m_client;
    QString m_storeKey;
    QStringList m_storeLanguages;
    QLocale m_locale;
    flows::RefundDraft m_draft;
    std::optional<api::RefundResult> m_result;
    QPointer<api::ApiJob> m_job;
    Work m_work = Work::None;
    bool m_awaitingApproval = false;
    bool m_outcomeUnknown = false;

    QLineEdit* m_orderNumber;
    QPushButton* m_lookUpButton;
    QPushButton* m_reprint;
    QLabel* m_orderSummary;
    QLabel* m_linesLabel;
    QScrollArea* m_scroll;
    RefundLinesEditor* m_lines;
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
