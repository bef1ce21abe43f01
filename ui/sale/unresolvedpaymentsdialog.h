#pragma once

#include <QDialog>
#include <QLocale>

class QLabel;
class QPushButton;
class QTableWidget;

namespace storedesk::flows {
class UnresolvedPayments;
}

namespace storedesk::ui {

// Payment > Unresolved payments: the attempts of this workstation whose outcome StoreDesk cannot
// know (time, cart, amount, tender, colleague), for a manager to check on the terminal or in the
// drawer and then mark as checked.
class UnresolvedPaymentsDialog : public QDialog {
    Q_OBJECT

public:
    UnresolvedPaymentsDialog(flows::UnresolvedPayments* unresolved, bool manager,
                             const QLocale& locale, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QPushButton* checkedButton() const { return m_checked; }
    QLabel* message() const { return m_message; }

private:
    void reload();
    void markChecked();

    flows::UnresolvedPayments* m_unresolved;
    bool m_manager;
    QLocale m_locale;
    QTableWidget* m_table;
    QLabel* m_message;
    QPushButton* m_checked;
};

} // namespace storedesk::ui
