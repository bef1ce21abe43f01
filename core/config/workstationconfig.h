#pragma once

#include "base/expected.h"

#include <QCoreApplication>
#include <QSettings>
#include <QVariant>

#include <memory>

namespace storedesk::config {

// One setting of a workstation. Each has a key in the [General] group of the user's settings and
// of IT's policy (see WorkstationConfig).
enum class Field {
    ServerUrl,
    StoreKey,
    LocationId,
    WorkstationId,
    IdleLockMinutes,
    Locale,
    FullScreen,   // the window fills the screen, without frame (a kiosk till); IT sets it
    HighContrast, // the high-contrast theme (ui/common/style.h), for accessibility
    // Store hardware (docs/HARDWARE.md):
    ReceiptPrinter, // "system" (default), "escpos-tcp://host:9100", "escpos-usb:///dev/usb/lp0"
    ReceiptPrinterColumns, // characters per line of an ESC/POS printer: 42 or 48 (default)
    CashDrawerPin,         // the drawer kick-out connector pin: 2 (default) or 5
    CashDrawerPulseMs,     // how long the pulse is on, 50 to 500 ms (default 100)
    CustomerDisplayScreen, // the screen of the customer display by name; empty: no display
};

// Where the value in use comes from.
enum class Source { Default, SystemDefault, User, Policy };

// The workstation's configuration: what the user (a manager, at setup) chose, on top of
// system-wide values that IT sets, which may lock fields.
//
// IT's values live, per platform, in
//   Linux:   /etc/xdg/StoreDesk/storedesk.conf (QSettings SystemScope, honours XDG_CONFIG_DIRS)
//   Windows: HKEY_LOCAL_MACHINE\Software\Policies\StoreDesk\StoreDesk
//   macOS:   /Library/Preferences/org.storedesk.StoreDesk.plist
// with the keys ServerUrl, StoreKey, LocationId, WorkstationId, IdleLockMinutes, Locale,
// FullScreen and HighContrast (true/false), ReceiptPrinter, ReceiptPrinterColumns, CashDrawerPin,
// CashDrawerPulseMs, CustomerDisplayScreen (docs/HARDWARE.md) and LockSettings. A value there is a
// default the user may override; with LockSettings=true every field it sets is locked to it. The
// user's own values are in the user-scope QSettings of organization "StoreDesk", application
// "storedesk".
class WorkstationConfig {
    Q_DECLARE_TR_FUNCTIONS(storedesk::config::WorkstationConfig)

public:
    static constexpr int DefaultIdleLockMinutes = 5;
    static constexpr int MaxIdleLockMinutes = 240;
    static constexpr int DefaultReceiptPrinterColumns = 48;
    static constexpr int DefaultCashDrawerPin = 2;
    static constexpr int DefaultCashDrawerPulseMs = 100;

    // The platform's policy and user sources.
    static WorkstationConfig load();
    static std::unique_ptr<QSettings> platformPolicySettings();
    static std::unique_ptr<QSettings> platformUserSettings();

    WorkstationConfig(std::unique_ptr<QSettings> policy, std::unique_ptr<QSettings> user);
    WorkstationConfig(WorkstationConfig&&) noexcept = default;
    WorkstationConfig& operator=(WorkstationConfig&&) noexcept = default;
    ~WorkstationConfig();

    static QString keyOf(Field field);
    // The translated name of a field, for labels and messages.
    static QString labelOf(Field field);

    // Below every other source: e.g. STOREDESK_SERVER_URL of the demo stack.
    void setFallback(Field field, const QVariant& value);
    QVariant fallback(Field field) const { return m_fallbacks.value(field); }

    QVariant value(Field field) const;
    Source source(Field field) const;
    bool isLocked(Field field) const;
    bool policyLocksSettings() const;

    QString serverUrl() const { return value(Field::ServerUrl).toString(); }
    QString storeKey() const { return value(Field::StoreKey).toString(); }
    QString locationId() const { return value(Field::LocationId).toString(); }
    QString workstationId() const { return value(Field::WorkstationId).toString(); }
    int idleLockMinutes() const { return value(Field::IdleLockMinutes).toInt(); }
    QString locale() const { return value(Field::Locale).toString(); }
    bool fullScreen() const { return value(Field::FullScreen).toBool(); }
    bool highContrast() const { return value(Field::HighContrast).toBool(); }
    // "system" unless an ESC/POS printer is set (hardware::PrinterAddress parses it).
    QString receiptPrinter() const { return value(Field::ReceiptPrinter).toString(); }
    int receiptPrinterColumns() const { return value(Field::ReceiptPrinterColumns).toInt(); }
    int cashDrawerPin() const { return value(Field::CashDrawerPin).toInt(); }
    int cashDrawerPulseMs() const { return value(Field::CashDrawerPulseMs).toInt(); }
    QString customerDisplayScreen() const { return value(Field::CustomerDisplayScreen).toString(); }

    // The languages of the configured store (from GET /stores at setup), for product names. Not a
    // policy setting: it follows the store.
    QStringList storeLanguages() const;
    void setStoreLanguages(const QStringList& languages);
    // The store's name for receipts (from GET /stores at setup, in the store's language).
    QString storeName() const;
    void setStoreName(const QString& name);

    // The names of the configured location and workstation (from GET /stores at setup), for the
    // status bar; empty when unknown or when they were saved for another location or workstation
    // (IT may have moved the till since).
    QString placeName(Field field) const;
    void setPlaceName(Field field, const QString& id, const QString& name);

    // The main window's geometry on this machine (QWidget::saveGeometry); empty before the first
    // run. Not a policy setting: it is where this till's window was left.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);

    // Server, store, location and workstation are known: the workstation is set up.
    bool isComplete() const;

    // Stores the user's value; refused for a locked field. An empty value removes the user's own
    // value, so the system default applies again.
    Expected<void> setValue(Field field, const QVariant& value);
    // Writes to disk; an error when the settings cannot be written.
    Expected<void> sync();

private:
    QVariant normalized(Field field, const QVariant& raw) const;

    std::unique_ptr<QSettings> m_policy;
    std::unique_ptr<QSettings> m_user;
    QMap<Field, QVariant> m_fallbacks;
};

} // namespace storedesk::config
