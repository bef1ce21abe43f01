#pragma once

#include "api/tilljobs.h"
#include "common/style.h"
#include "flows/tillday.h"

#include <QDialog>
#include <QLocale>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace storedesk::ui {

class CountGrid;
class ManagerApprovalPanel;

// The blind close: the colleague counts the drawer by denomination without any expected figure
// on screen, and submits the count. When the difference is within the store's limit the till
// closes at once; above it, the dialog shows expected, counted and over/short (only now — the
// server named them after the count), asks for the reason and a manager's approval inline, and
// the same close goes on with the same key. Once closed, the dialog ends and emits closed() with
// the Z report for the report dialog (Print, Save as PDF).
class CloseTillDialog : public QDialog {
    Q_OBJECT

public:
    enum class Stage { Count, Approval };

    CloseTillDialog(flows::TillDay* till, const QLocale& locale = QLocale(),
                    QWidget* parent = nullptr);

    // What Submit count does.
    void submit();
    // Back to the count (the close waiting for a manager is dropped: nothing happened).
    void recount();

    Stage stage() const;
    CountGrid* grid() const { return m_grid; }
    QLabel* message() const { return m_message; }
    QPushButton* submitButton() const { return m_submit; }
    QPushButton* cancelButton() const { return m_cancel; }
    QLabel* expectedCash() const { return m_expected; }
    QLabel* counted() const { return m_counted; }
    QLabel* overShort() const { return m_overShort; }
    QLineEdit* reason() const { return m_reason; }
    ManagerApprovalPanel* approvalPanel() const { return m_approval; }
    QPushButton* recountButton() const { return m_recount; }

signals:
    void closed(const storedesk::api::TillReport& zReport);

private:
    void showApproval(const api::TillApprovalDemand& demand);
    void say(const QString& text, style::Tone tone);
    void setBusy(bool busy);

    QPointer<flows::TillDay> m_till;
    QLocale m_locale;
    QStackedWidget* m_pages;
    // count
    QLabel* m_intro;
    CountGrid* m_grid;
    QPushButton* m_submit;
    // approval
    QLabel* m_differenceIntro;
    QLabel* m_expected;
    QLabel* m_counted;
    QLabel* m_overShort;
    QLineEdit* m_reason;
    ManagerApprovalPanel* m_approval;
    QPushButton* m_recount;
    // both
    QLabel* m_message;
    QPushButton* m_cancel;
};

} // namespace storedesk::ui
