#pragma once

#include "api/tilljobs.h"
#include "common/style.h"
#include "flows/tillday.h"

#include <QDialog>
#include <QLocale>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace storedesk::ui {

class Keypad;
class ManagerApprovalPanel;

// One movement of cash without a sale, by kind: a pay-in or pay-out (an amount typed in the
// locale and a reason from the store's list), a safe drop (an amount and the bag's number) or a
// no sale (a reason only); each with an optional note. When the store wants a manager (a large
// pay-out, too many no sales) the approval panel opens inline and the same movement goes on with
// the same key. The dialog closes when the server has recorded the movement.
class TillMovementDialog : public QDialog {
    Q_OBJECT

public:
    using Kind = api::TillMovement::Kind;

    TillMovementDialog(flows::TillDay* till, Kind kind, const QLocale& locale = QLocale(),
                       QWidget* parent = nullptr);

    // What Record does: checks the fields and hands the movement to the flow.
    void record();

    Kind kind() const { return m_kind; }
    bool isAwaitingApproval() const;
    static QString title(Kind kind);

    QLineEdit* amount() const { return m_amount; } // null for a no sale
    QComboBox* reason() const { return m_reason; } // null for a safe drop
    QLineEdit* bagNumber() const { return m_bag; } // safe drops only
    QLineEdit* note() const { return m_note; }
    QLabel* message() const { return m_message; }
    QPushButton* recordButton() const { return m_record; }
    QPushButton* cancelButton() const { return m_cancel; }
    ManagerApprovalPanel* approvalPanel() const { return m_approval; }
    Keypad* keypad() const { return m_keypad; }

signals:
    void recorded(const storedesk::api::TillMovement& movement);

private:
    void say(const QString& text, style::Tone tone);
    void setBusy(bool busy);
    void showApproval(const api::TillApprovalDemand& demand);
    void hideApproval();

    QPointer<flows::TillDay> m_till;
    Kind m_kind;
    QLocale m_locale;
    QString m_currency;
    QLabel* m_intro = nullptr;
    QLineEdit* m_amount = nullptr;
    QComboBox* m_reason = nullptr;
    QLineEdit* m_bag = nullptr;
    QLineEdit* m_note = nullptr;
    Keypad* m_keypad = nullptr;
    ManagerApprovalPanel* m_approval = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_record = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace storedesk::ui
