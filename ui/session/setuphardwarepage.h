#pragma once

#include "base/expected.h"
#include "config/workstationconfig.h"
#include "hardware/testpage.h"

#include <QList>
#include <QPointer>
#include <QVariant>
#include <QWidget>

#include <utility>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace storedesk::hardware {
class EscPosPrinter;
}

namespace storedesk::ui {

// The set-up dialog's Hardware tab (docs/HARDWARE.md, "Settings"): the receipt printer (system or
// ESC/POS on TCP or USB, its address checked as typed, 42 or 48 columns), the cash drawer's pin and
// pulse, and the screen of the customer display. "Print test page" tries the address typed,
// before anything is saved, on a printer of its own; it never opens the drawer. Saving and IT's
// locks are the dialog's: it reads values() and locks the fields through the accessors.
class SetupHardwarePage : public QWidget {
    Q_OBJECT

public:
    explicit SetupHardwarePage(const config::WorkstationConfig& config, QWidget* parent = nullptr);

    QComboBox* printerKind() const { return m_printerKind; }
    QLineEdit* printerAddress() const { return m_printerAddress; }
    QLabel* printerResult() const { return m_printerResult; }
    QComboBox* printerColumns() const { return m_printerColumns; }
    QPushButton* testPageButton() const { return m_testPage; }
    QLabel* testPageResult() const { return m_testResult; }
    QComboBox* drawerPin() const { return m_drawerPin; }
    QSpinBox* drawerPulse() const { return m_drawerPulse; }
    QComboBox* customerDisplay() const { return m_customerDisplay; }

    // The ReceiptPrinter setting the printer fields say ("system", "escpos-tcp://host:port", …,
    // canonical), or an error in words for an address that cannot be right.
    Expected<QString> receiptPrinterSetting() const;
    // Checks the address and shows the error under the field (or clears it); false if invalid.
    bool checkPrinterAddress();
    // Every hardware setting as the fields say; the printer's only once receiptPrinterSetting()
    // holds a value (the caller checks that first).
    QList<std::pair<config::Field, QVariant>> values() const;
    // Where the test page says it comes from (the store and workstation chosen so far).
    void setPlace(const QString& store, const QString& workstation);
    // Enables the printer fields for the kind chosen, respecting IT's locks; call after locking.
    void showPrinterKind();

private:
    void printTestPage();
    void updateTestButton();

    QComboBox* m_printerKind;
    QLineEdit* m_printerAddress;
    QLabel* m_printerResult;
    QComboBox* m_printerColumns;
    QPushButton* m_testPage;
    QLabel* m_testResult;
    QComboBox* m_drawerPin;
    QSpinBox* m_drawerPulse;
    QComboBox* m_customerDisplay;
    hardware::TestPageInfo m_place;
    // The test page's own printer while it prints; the app's printer is not touched.
    QPointer<hardware::EscPosPrinter> m_testPrinter;
};

} // namespace storedesk::ui
