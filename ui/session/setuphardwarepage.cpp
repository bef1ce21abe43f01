#include "session/setuphardwarepage.h"

#include "common/style.h"
#include "common/widgethelpers.h"
#include "hardware/escposprinter.h"
#include "hardware/printeraddress.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QVBoxLayout>

namespace storedesk::ui {

using config::Field;

namespace {

const QString systemKind = QStringLiteral("system");
const QString tcpScheme = QStringLiteral("escpos-tcp://");
const QString usbScheme = QStringLiteral("escpos-usb://");

void showResult(QLabel* label, const QString& text, style::Tone tone)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    style::setTone(label, tone);
}

void name(QWidget* widget, const QString& objectName, const QString& accessible)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessible);
}

// Selects `value`; a saved value the list does not offer (a screen not attached now) is added, so
// that saving without touching the field keeps it.
void select(QComboBox* combo, const QVariant& value)
{
    int index = combo->findData(value);
    if (index < 0) {
        combo->addItem(value.toString(), value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

} // namespace

SetupHardwarePage::SetupHardwarePage(const config::WorkstationConfig& config, QWidget* parent)
    : QWidget(parent)
    , m_printerKind(new QComboBox(this))
    , m_printerAddress(widgets::lineEdit(this, QStringLiteral("setupPrinterAddress"),
                                         tr("Receipt printer address")))
    , m_printerResult(widgets::plainLabel(this, QStringLiteral("setupPrinterResult"),
                                          tr("Receipt printer address check")))
    , m_printerColumns(new QComboBox(this))
    , m_testPage(
          widgets::button(this, QStringLiteral("setupTestPageButton"), tr("Print t&est page")))
    , m_testResult(
          widgets::plainLabel(this, QStringLiteral("setupTestPageResult"), tr("Test page result")))
    , m_drawerPin(new QComboBox(this))
    , m_drawerPulse(new QSpinBox(this))
    , m_customerDisplay(new QComboBox(this))
{
    setObjectName(QStringLiteral("setupHardwarePage"));
    setAccessibleName(tr("Hardware"));
    name(m_printerKind, QStringLiteral("setupPrinterKind"), tr("Receipt printer type"));
    name(m_printerColumns, QStringLiteral("setupPrinterColumns"), tr("Characters per line"));
    name(m_drawerPin, QStringLiteral("setupDrawerPin"), tr("Cash drawer pin"));
    name(m_drawerPulse, QStringLiteral("setupDrawerPulse"), tr("Cash drawer pulse time"));
    name(m_customerDisplay, QStringLiteral("setupCustomerDisplay"), tr("Customer display"));

    m_printerKind->addItem(tr("System printer (print dialog)"), systemKind);
    m_printerKind->addItem(tr("ESC/POS on the network"), tcpScheme);
    m_printerKind->addItem(tr("ESC/POS on USB"), usbScheme);
    m_printerColumns->addItem(tr("48 (Font A on 80 mm)"), 48);
    m_printerColumns->addItem(QStringLiteral("42"), 42);
    m_drawerPin->addItem(tr("Pin 2"), 2);
    m_drawerPin->addItem(tr("Pin 5"), 5);
    m_drawerPulse->setRange(50, 500); // what WorkstationConfig accepts (docs/HARDWARE.md)
    m_drawerPulse->setSingleStep(10);
    m_drawerPulse->setSuffix(tr(" ms"));
    // Every attached screen by the name the setting keeps, with its size to tell them apart.
    m_customerDisplay->addItem(tr("None"), QString());
    for (const QScreen* screen : QGuiApplication::screens())
        m_customerDisplay->addItem(tr("%1 (%2 × %3)")
                                       .arg(screen->name())
                                       .arg(screen->size().width())
                                       .arg(screen->size().height()),
                                   screen->name());
    for (QComboBox* field : {m_printerKind, m_customerDisplay})
        field->setMinimumContentsLength(16);
    m_testPage->setAutoDefault(false);
    m_testPage->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);

    // The saved values.
    const QString printer = config.receiptPrinter();
    int kind = 0;
    if (const auto address = hardware::PrinterAddress::parse(printer); address) {
        if (address->kind == hardware::PrinterAddress::Kind::EscPosTcp) {
            kind = 1;
            m_printerAddress->setText(address->toString().mid(tcpScheme.size()));
        } else if (address->kind == hardware::PrinterAddress::Kind::EscPosUsb) {
            kind = 2;
            m_printerAddress->setText(address->device);
        }
    }
    m_printerKind->setCurrentIndex(kind);
    select(m_printerColumns, config.receiptPrinterColumns());
    select(m_drawerPin, config.cashDrawerPin());
    m_drawerPulse->setValue(config.cashDrawerPulseMs());
    if (config.customerDisplayScreen().isEmpty())
        m_customerDisplay->setCurrentIndex(0);
    else
        select(m_customerDisplay, config.customerDisplayScreen());
    setPlace(config.storeName(), config.workstationId());

    // Whole sentences (the address's error, the printer's problem) wrap instead of widening.
    m_printerAddress->ensurePolished();
    const int resultWidth = m_printerAddress->fontMetrics().averageCharWidth() * 36;
    for (QLabel* result : {m_printerResult, m_testResult}) {
        result->setMinimumWidth(resultWidth);
        result->hide();
    }

    auto* printerSection = new QGroupBox(tr("Receipt printer"), this);
    printerSection->setObjectName(QStringLiteral("setupPrinterSection"));
    printerSection->setAccessibleName(tr("Receipt printer"));
    auto* printerForm = new QFormLayout(printerSection);
    printerForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
    printerForm->addRow(tr("Printer &type:"), m_printerKind);
    printerForm->addRow(tr("Printer add&ress:"), m_printerAddress);
    printerForm->addRow(m_printerResult);
    printerForm->addRow(tr("Characters per li&ne:"), m_printerColumns);
    printerForm->addRow(m_testPage);
    printerForm->addRow(m_testResult);

    auto* drawerSection = new QGroupBox(tr("Cash drawer"), this);
    drawerSection->setObjectName(QStringLiteral("setupDrawerSection"));
    drawerSection->setAccessibleName(tr("Cash drawer"));
    auto* drawerForm = new QFormLayout(drawerSection);
    drawerForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
    drawerForm->addRow(tr("&Drawer pin:"), m_drawerPin);
    drawerForm->addRow(tr("Pulse ti&me:"), m_drawerPulse);
    drawerForm->addRow(widgets::plainLabel(
        drawerSection, QStringLiteral("setupDrawerNote"), tr("Cash drawer note"),
        tr("The drawer is opened through an ESC/POS receipt printer only.")));

    // The group's mnemonic focuses its only field.
    auto* displaySection = new QGroupBox(tr("Customer displa&y"), this);
    displaySection->setObjectName(QStringLiteral("setupDisplaySection"));
    displaySection->setAccessibleName(tr("Customer display"));
    auto* displayLayout = new QVBoxLayout(displaySection);
    displayLayout->addWidget(m_customerDisplay);
    displayLayout->addWidget(widgets::plainLabel(
        displaySection, QStringLiteral("setupDisplayNote"), tr("Customer display note"),
        tr("The screen that faces the customer; None: no customer display.")));

    auto* right = new QVBoxLayout;
    right->setSpacing(style::spacing);
    right->addWidget(drawerSection);
    right->addWidget(displaySection);
    right->addStretch();
    auto* left = new QVBoxLayout;
    left->addWidget(printerSection);
    left->addStretch();
    auto* layout = new QHBoxLayout(this);
    layout->setSpacing(2 * style::spacing);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);

    connect(m_printerKind, &QComboBox::currentIndexChanged, this,
            &SetupHardwarePage::showPrinterKind);
    // The error shows once the field is left (not at the first letter typed); the button follows
    // every keystroke, and a fixed address clears the error at once.
    connect(m_printerAddress, &QLineEdit::editingFinished, this,
            &SetupHardwarePage::checkPrinterAddress);
    connect(m_printerAddress, &QLineEdit::textChanged, this, [this] {
        if (receiptPrinterSetting())
            showResult(m_printerResult, QString(), style::Tone::Neutral);
        showResult(m_testResult, QString(), style::Tone::Neutral);
        updateTestButton();
    });
    connect(m_testPage, &QPushButton::clicked, this, &SetupHardwarePage::printTestPage);
    showPrinterKind();
}

void SetupHardwarePage::setPlace(const QString& store, const QString& workstation)
{
    // A machine not set up yet says so on the page rather than leaving the line blank.
    m_place.store = store.isEmpty() ? tr("not set up yet") : store;
    m_place.workstation = workstation.isEmpty() ? tr("not set up yet") : workstation;
}

void SetupHardwarePage::showPrinterKind()
{
    const QString scheme = m_printerKind->currentData().toString();
    const bool escPos = scheme != systemKind;
    const auto enable = [](QWidget* field, bool enabled) {
        if (!field->property("lockedByPolicy").toBool())
            field->setEnabled(enabled);
    };
    enable(m_printerAddress, escPos);
    m_printerAddress->setPlaceholderText(scheme == usbScheme ? QStringLiteral("/dev/usb/lp0")
                                         : escPos            ? QStringLiteral("192.168.1.50:9100")
                                                             : QString());
    // Columns matter for ESC/POS only, and the drawer opens only through an ESC/POS printer.
    for (QWidget* field :
         std::initializer_list<QWidget*>{m_printerColumns, m_drawerPin, m_drawerPulse})
        enable(field, escPos);
    showResult(m_printerResult, QString(), style::Tone::Neutral);
    showResult(m_testResult, QString(), style::Tone::Neutral);
    updateTestButton();
}

Expected<QString> SetupHardwarePage::receiptPrinterSetting() const
{
    const QString scheme = m_printerKind->currentData().toString();
    if (scheme == systemKind)
        return systemKind;
    const QString typed = m_printerAddress->text().trimmed();
    // The same check the app makes when it reads the setting; the message speaks of the field.
    const Expected<hardware::PrinterAddress> address = hardware::PrinterAddress::parse(
        typed.startsWith(scheme, Qt::CaseInsensitive) ? typed : scheme + typed);
    if (address && address->isEscPos() && address->toString().startsWith(scheme))
        return address->toString();
    if (scheme == usbScheme)
        return Error{Error::Kind::InvalidValue,
                     tr("Enter the printer's device as a full path, e.g. /dev/usb/lp0."),
                     {}};
    return Error{Error::Kind::InvalidValue,
                 tr("Enter the printer's network address as host or host:port (port 1 to 65535; "
                    "9100 when none is given), e.g. 192.168.1.50:9100."),
                 {}};
}

bool SetupHardwarePage::checkPrinterAddress()
{
    const Expected<QString> setting = receiptPrinterSetting();
    if (!setting)
        showResult(m_printerResult, setting.error().message, style::Tone::Error);
    else
        showResult(m_printerResult, QString(), style::Tone::Neutral);
    return setting.hasValue();
}

QList<std::pair<Field, QVariant>> SetupHardwarePage::values() const
{
    const Expected<QString> printer = receiptPrinterSetting();
    QList<std::pair<Field, QVariant>> values{
        {Field::ReceiptPrinterColumns, m_printerColumns->currentData()},
        {Field::CashDrawerPin, m_drawerPin->currentData()},
        {Field::CashDrawerPulseMs, m_drawerPulse->value()},
        {Field::CustomerDisplayScreen, m_customerDisplay->currentData()}};
    if (printer)
        values.prepend({Field::ReceiptPrinter, *printer});
    return values;
}

void SetupHardwarePage::updateTestButton()
{
    m_testPage->setEnabled(!m_testPrinter &&
                           m_printerKind->currentData().toString() != systemKind &&
                           receiptPrinterSetting().hasValue());
}

void SetupHardwarePage::printTestPage()
{
    const Expected<QString> setting = receiptPrinterSetting();
    if (m_testPrinter || !setting)
        return;
    const Expected<hardware::PrinterAddress> address = hardware::PrinterAddress::parse(*setting);
    if (!address)
        return;
    hardware::TestPageInfo info = m_place;
    info.address = *setting;
    info.columns = m_printerColumns->currentData().toInt();

    // A printer of its own for the address typed: nothing is saved, and the app's printer (with
    // its queue of receipts) is not involved.
    m_testPrinter = new hardware::EscPosPrinter(*address, this);
    const auto finished = [this](const QString& text, style::Tone tone) {
        showResult(m_testResult, text, tone);
        m_testPrinter->deleteLater();
        m_testPrinter = nullptr;
        updateTestButton();
    };
    connect(m_testPrinter, &hardware::EscPosPrinter::jobDone, this,
            [finished] { finished(tr("Test page printed."), style::Tone::Success); });
    connect(m_testPrinter, &hardware::EscPosPrinter::jobFailed, this,
            [finished](quint64, hardware::PrinterProblem problem) {
                finished(hardware::EscPosPrinter::describe(problem), style::Tone::Error);
            });
    showResult(m_testResult, tr("Printing a test page…"), style::Tone::Neutral);
    m_testPrinter->print(hardware::testPage(info));
    updateTestButton();
}

} // namespace storedesk::ui
