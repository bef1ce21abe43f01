#include "session/setupdialog.h"

#include "api/apiclient.h"
#include "api/healthjob.h"
#include "api/serverurl.h"
#include "api/sessionjobs.h"
#include "common/style.h"
#include "common/widgethelpers.h"
#include "config/workstationconfig.h"
#include "session/setuphardwarepage.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace storedesk::ui {

using config::Field;

namespace {

// A step's result in the tone of what it means (the words say it too).
void showResult(QLabel* label, const QString& text, style::Tone tone)
{
    label->setText(text);
    // An empty result takes no room (nor a row's spacing) until there is something to read.
    label->setVisible(!text.isEmpty());
    style::setTone(label, tone);
}

void showError(QLabel* label, const QString& text)
{
    showResult(label, text, style::Tone::Error);
}

QIcon lockIcon()
{
    return QIcon(QStringLiteral(":/icons/lock.svg"));
}

} // namespace

QString SetupDialog::lockedToolTip()
{
    return tr("Your IT department manages this setting.");
}

SetupDialog::SetupDialog(config::WorkstationConfig& config, api::ApiClient* client, QWidget* parent)
    : QDialog(parent)
    , m_config(config)
    , m_client(client)
    , m_serverUrl(widgets::lineEdit(this, QStringLiteral("setupServerUrl"), tr("Server address"),
                                    QStringLiteral("https://pos.example.com/storedesk/v1")))
    , m_check(widgets::button(this, QStringLiteral("setupCheckButton"), tr("&Check connection")))
    , m_serverResult(widgets::plainLabel(this, QStringLiteral("setupServerResult"),
                                         tr("Connection check result")))
    , m_username(widgets::lineEdit(this, QStringLiteral("setupUsername"), tr("Manager user name")))
    , m_secret(
          widgets::secretEdit(this, QStringLiteral("setupSecret"), tr("Manager password or PIN")))
    , m_logIn(widgets::button(this, QStringLiteral("setupLogInButton"), tr("&Log in as manager")))
    , m_loginResult(
          widgets::plainLabel(this, QStringLiteral("setupLoginResult"), tr("Manager login result")))
    , m_store(new QComboBox(this))
    , m_location(new QComboBox(this))
    , m_workstation(new QComboBox(this))
    , m_idleMinutes(new QSpinBox(this))
    , m_language(new QComboBox(this))
    , m_hardware(new SetupHardwarePage(config, this))
    , m_tabs(new QTabWidget(this))
    , m_message(widgets::plainLabel(this, QStringLiteral("setupMessage"), tr("Setup message")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_managerSection(new QGroupBox(tr("2. Manager login"), this))
    , m_placeSection(new QGroupBox(tr("3. Store, location and workstation"), this))
{
    setObjectName(QStringLiteral("setupDialog"));
    setWindowTitle(tr("Workstation setup"));
    setAccessibleName(tr("Workstation setup"));

    const auto name = [](QWidget* widget, const QString& objectName, const QString& accessible) {
        widget->setObjectName(objectName);
        widget->setAccessibleName(accessible);
    };
    name(m_store, QStringLiteral("setupStore"), tr("Store"));
    name(m_location, QStringLiteral("setupLocation"), tr("Location"));
    name(m_workstation, QStringLiteral("setupWorkstation"), tr("Workstation"));
    name(m_idleMinutes, QStringLiteral("setupIdleMinutes"), tr("Lock after idle minutes"));
    name(m_language, QStringLiteral("setupLanguage"), tr("Language"));
    m_managerSection->setObjectName(QStringLiteral("setupManagerSection"));
    m_managerSection->setAccessibleName(tr("Manager login"));
    m_placeSection->setObjectName(QStringLiteral("setupPlaceSection"));
    m_placeSection->setAccessibleName(tr("Store, location and workstation"));

    m_idleMinutes->setRange(1, config::WorkstationConfig::MaxIdleLockMinutes);
    m_idleMinutes->setSuffix(tr(" min"));
    m_idleMinutes->setValue(m_config.idleLockMinutes());
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en_GB"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de_DE"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr_FR"));
    const int languageIndex = m_language->findData(m_config.locale());
    m_language->setCurrentIndex(languageIndex < 0 ? 0 : languageIndex);
    m_serverUrl->setText(m_config.serverUrl());

    // Results are whole sentences: they wrap at a readable width instead of widening the dialog
    // (measured in the font the style sheet gives, hence the polish).
    m_serverUrl->ensurePolished();
    // An address as long as a real one ("https://pos.berlin-mitte.example.com/storedesk/v1").
    const int fieldWidth = m_serverUrl->fontMetrics().averageCharWidth() * 48;
    for (QLabel* result : {m_serverResult, m_loginResult, m_message}) {
        result->setMinimumWidth(fieldWidth);
        result->hide();
    }
    m_serverUrl->setMinimumWidth(fieldWidth);
    // Names of stores and workstations are read whole; the box grows with its longest item.
    for (QComboBox* field : {m_store, m_location, m_workstation, m_language})
        field->setMinimumContentsLength(16);
    for (QPushButton* button : {m_check, m_logIn})
        button->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);

    auto* serverSection = new QGroupBox(tr("1. Integration server"), this);
    serverSection->setObjectName(QStringLiteral("setupServerSection"));
    serverSection->setAccessibleName(tr("Integration server"));
    auto* serverForm = new QFormLayout(serverSection);
    // Labels above their fields: long French and German labels do not widen the dialog.
    serverForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
    serverForm->addRow(tr("Server &address:"), m_serverUrl);
    serverForm->addRow(m_check);
    serverForm->addRow(m_serverResult);

    auto* managerForm = new QFormLayout(m_managerSection);
    managerForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
    managerForm->addRow(tr("&User name:"), m_username);
    managerForm->addRow(tr("&Password or PIN:"), m_secret);
    managerForm->addRow(QString(), m_logIn);
    managerForm->addRow(m_loginResult);

    auto* placeForm = new QFormLayout(m_placeSection);
    placeForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
    placeForm->addRow(tr("&Store:"), m_store);
    placeForm->addRow(tr("L&ocation:"), m_location);
    placeForm->addRow(tr("&Workstation:"), m_workstation);
    placeForm->addRow(tr("Lock after &idle:"), m_idleMinutes);
    placeForm->addRow(tr("Lan&guage:"), m_language);

    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("setupSaveButton"));
    m_buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    // Enter in a field runs that step, not Save.
    for (QPushButton* button : {m_check, m_logIn})
        button->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Save)->setAutoDefault(false);

    // The steps side by side: connect and log in on the left, the place on the right, so the
    // dialog fits a 1024x768 till without scrolling; the hardware on a tab of its own beside them.
    auto* steps = new QHBoxLayout;
    steps->setSpacing(2 * style::spacing);
    auto* left = new QVBoxLayout;
    left->setSpacing(style::spacing);
    left->addWidget(serverSection);
    left->addWidget(m_managerSection);
    left->addStretch();
    auto* right = new QVBoxLayout;
    right->addWidget(m_placeSection);
    right->addStretch();
    steps->addLayout(left, 1);
    steps->addLayout(right, 1);
    auto* stepsPage = new QWidget(m_tabs);
    stepsPage->setObjectName(QStringLiteral("setupStepsPage"));
    stepsPage->setAccessibleName(tr("Server and store"));
    stepsPage->setLayout(steps);
    m_tabs->setObjectName(QStringLiteral("setupTabs"));
    m_tabs->setAccessibleName(tr("Workstation setup"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(stepsPage, tr("Ser&ver and store"));
    m_tabs->addTab(m_hardware, tr("&Hardware"));
    for (QWidget* page : {stepsPage, static_cast<QWidget*>(m_hardware)})
        page->layout()->setContentsMargins(0, style::margin, 0, 0);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(style::margin, style::margin, style::margin, style::margin);
    layout->setSpacing(style::spacing);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_check, &QPushButton::clicked, this, &SetupDialog::checkServer);
    connect(m_serverUrl, &QLineEdit::returnPressed, this, &SetupDialog::checkServer);
    connect(m_logIn, &QPushButton::clicked, this, &SetupDialog::logIn);
    connect(m_secret, &QLineEdit::returnPressed, this, &SetupDialog::logIn);
    connect(m_store, &QComboBox::currentIndexChanged, this, &SetupDialog::fillLocations);
    connect(m_location, &QComboBox::currentIndexChanged, this, &SetupDialog::fillWorkstations);
    connect(m_workstation, &QComboBox::currentIndexChanged, this, &SetupDialog::updateSaveButton);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SetupDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_managerSection->setEnabled(false);
    m_placeSection->setEnabled(false);
    applyLocks();
    updateSaveButton();
}

SetupDialog::~SetupDialog()
{
    revokeSetupSession();
}

void SetupDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    fitToContent();
}

bool SetupDialog::event(QEvent* event)
{
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LayoutRequest)
        fitToContent();
    return handled;
}

void SetupDialog::fitToContent()
{
    // A window's layout neither widens the window to its hint nor grows it for text that wraps
    // onto more lines (a result arriving): both are done here, so nothing is squeezed or cut.
    if (!layout())
        return;
    const int width = std::max(this->width(), sizeHint().expandedTo(minimumSizeHint()).width());
    const int height = std::max(this->height(), layout()->totalHeightForWidth(width));
    if (width != this->width() || height != this->height())
        resize(width, height);
}

QPushButton* SetupDialog::saveButton() const
{
    return m_buttons->button(QDialogButtonBox::Save);
}

void SetupDialog::applyLocks()
{
    const auto lock = [this](QWidget* widget, Field field) {
        if (!m_config.isLocked(field))
            return;
        widget->setEnabled(false);
        widget->setToolTip(lockedToolTip());
        widget->setAccessibleDescription(lockedToolTip());
        widget->setProperty("lockedByPolicy", true);
        if (auto* edit = qobject_cast<QLineEdit*>(widget)) {
            edit->setEnabled(true);
            edit->setReadOnly(true);
            edit->addAction(lockIcon(), QLineEdit::TrailingPosition)->setToolTip(lockedToolTip());
            // The lock is a button inside the field: screen readers must hear what it means.
            for (QAbstractButton* button : edit->findChildren<QAbstractButton*>())
                button->setAccessibleName(lockedToolTip());
        } else if (auto* combo = qobject_cast<QComboBox*>(widget)) {
            combo->setItemIcon(combo->currentIndex(), lockIcon());
        }
    };
    lock(m_serverUrl, Field::ServerUrl);
    lock(m_store, Field::StoreKey);
    lock(m_location, Field::LocationId);
    lock(m_workstation, Field::WorkstationId);
    lock(m_idleMinutes, Field::IdleLockMinutes);
    lock(m_language, Field::Locale);
    lock(m_hardware->printerKind(), Field::ReceiptPrinter);
    lock(m_hardware->printerAddress(), Field::ReceiptPrinter);
    lock(m_hardware->printerColumns(), Field::ReceiptPrinterColumns);
    lock(m_hardware->drawerPin(), Field::CashDrawerPin);
    lock(m_hardware->drawerPulse(), Field::CashDrawerPulseMs);
    lock(m_hardware->customerDisplay(), Field::CustomerDisplayScreen);
    m_hardware->showPrinterKind();
}

void SetupDialog::checkServer()
{
    const Expected<QUrl> url = api::ServerUrl::parse(m_serverUrl->text());
    if (!url) {
        showResult(m_serverResult, url.error().message, style::Tone::Error);
        return;
    }
    m_client->setServerUrl(*url);
    m_check->setEnabled(false);
    showResult(m_serverResult, tr("Checking the connection…"), style::Tone::Neutral);
    auto* job = m_client->health();
    connect(job, &api::ApiJob::finished, this, [this, job] {
        m_check->setEnabled(true);
        const auto result = job->result();
        if (!result) {
            showResult(m_serverResult,
                       tr("No connection: %1").arg(result.error().toDisplayString()),
                       style::Tone::Error);
            m_managerSection->setEnabled(false);
            return;
        }
        showResult(
            m_serverResult,
            result->commercetoolsReachable
                ? tr("Connected to StoreDesk server %1. The commerce system answers.")
                      .arg(result->version)
                : tr("Connected to StoreDesk server %1, but the commerce system does not answer "
                     "right now; carts cannot be looked up until it does.")
                      .arg(result->version),
            result->commercetoolsReachable ? style::Tone::Success : style::Tone::Warning);
        m_managerSection->setEnabled(true);
        m_username->setFocus();
    });
    job->start();
}

void SetupDialog::logIn()
{
    const QString username = m_username->text().trimmed();
    if (username.isEmpty() || m_secret->text().isEmpty()) {
        showResult(m_loginResult, tr("Enter a manager's user name and password or PIN."),
                   style::Tone::Error);
        return;
    }
    // The server's own limits, checked here so that a refusal below can only mean "no manager".
    if (username.size() < 2 || m_secret->text().size() < 4) {
        showResult(m_loginResult,
                   tr("The user name has at least 2 characters and the password or PIN at "
                      "least 4."),
                   style::Tone::Error);
        return;
    }
    revokeSetupSession();
    const QString secret = m_secret->text();
    widgets::clearSecret(m_secret);
    m_logIn->setEnabled(false);
    showResult(m_loginResult, tr("Logging in…"), style::Tone::Neutral);
    auto* job = m_client->logIn({username, secret, {}, {}});
    connect(job, &api::ApiJob::finished, this, [this, job] {
        m_logIn->setEnabled(true);
        auto result = job->result();
        // A login without store and workstation is a setup session, which the server grants
        // managers only: it refuses a colleague's as invalid input.
        if (!result && result.error().code == api::ApiError::Code::InvalidInput) {
            showResult(m_loginResult, tr("Only a manager can set a workstation up."),
                       style::Tone::Error);
            return;
        }
        if (!result) {
            showResult(m_loginResult, result.error().toDisplayString(), style::Tone::Error);
            return;
        }
        if (!result->isManager()) {
            // A colleague's token is of no use here: it ends at once.
            m_client->logOut(result->accessToken)->start();
            showResult(m_loginResult, tr("Only a manager can set a workstation up."),
                       style::Tone::Error);
            return;
        }
        m_client->setAccessToken(result->accessToken);
        showResult(m_loginResult, tr("Logged in as %1.").arg(result->displayName),
                   style::Tone::Success);
        loadStores();
    });
    job->start();
}

void SetupDialog::loadStores()
{
    auto* job = m_client->stores();
    connect(job, &api::ApiJob::finished, this, [this, job] {
        const auto result = job->result();
        if (!result) {
            showError(m_message, result.error().toDisplayString());
            return;
        }
        m_stores = *result;
        m_store->blockSignals(true);
        m_store->clear();
        const QLocale locale;
        for (const api::SetupStore& store : std::as_const(m_stores)) {
            const QString name = store.name.value(locale, store.languages);
            m_store->addItem(name.isEmpty() ? store.key.toString()
                                            : tr("%1 (%2)").arg(name, store.key.toString()),
                             store.key.toString());
        }
        const int current = m_store->findData(m_config.storeKey());
        m_store->setCurrentIndex(current < 0 ? 0 : current);
        m_store->blockSignals(false);
        if (m_config.isLocked(Field::StoreKey) && current < 0) {
            showError(m_message, tr("The store IT set for this machine (%1) is not among the "
                                    "stores this manager may set up.")
                                     .arg(m_config.storeKey()));
            m_store->clear();
        }
        m_placeSection->setEnabled(true);
        fillLocations();
        applyLocks();
        m_store->setFocus();
    });
    job->start();
}

void SetupDialog::fillLocations()
{
    m_location->blockSignals(true);
    m_location->clear();
    const int index = m_store->currentIndex();
    if (index >= 0 && index < m_stores.size()) {
        for (const api::SetupLocation& location : m_stores.at(index).locations)
            m_location->addItem(location.name, location.id);
    }
    const int current = m_location->findData(m_config.locationId());
    m_location->setCurrentIndex(current < 0 ? 0 : current);
    m_location->blockSignals(false);
    fillWorkstations();
}

void SetupDialog::fillWorkstations()
{
    m_workstation->blockSignals(true);
    m_workstation->clear();
    const int storeIndex = m_store->currentIndex();
    const int locationIndex = m_location->currentIndex();
    if (storeIndex >= 0 && storeIndex < m_stores.size() && locationIndex >= 0 &&
        locationIndex < m_stores.at(storeIndex).locations.size()) {
        for (const api::SetupWorkstation& workstation :
             m_stores.at(storeIndex).locations.at(locationIndex).workstations)
            m_workstation->addItem(workstation.terminalId.isEmpty()
                                       ? workstation.name
                                       : tr("%1 (with card terminal)").arg(workstation.name),
                                   workstation.id);
    }
    const int current = m_workstation->findData(m_config.workstationId());
    m_workstation->setCurrentIndex(current < 0 ? 0 : current);
    m_workstation->blockSignals(false);
    updateSaveButton();
}

void SetupDialog::updateSaveButton()
{
    const int storeIndex = m_store->currentIndex();
    if (storeIndex >= 0 && storeIndex < m_stores.size())
        m_hardware->setPlace(
            m_stores.at(storeIndex).name.value(QLocale(), m_stores.at(storeIndex).languages),
            m_workstation->currentData().toString());
    saveButton()->setEnabled(m_placeSection->isEnabled() && m_workstation->currentIndex() >= 0);
}

void SetupDialog::save()
{
    const int storeIndex = m_store->currentIndex();
    if (storeIndex < 0 || m_workstation->currentIndex() < 0)
        return;
    const Expected<QUrl> url = api::ServerUrl::parse(m_serverUrl->text());
    if (!url) {
        showError(m_message, url.error().message);
        return;
    }
    // A printer address that cannot be right is refused before anything is stored: bad input
    // changes nothing. IT's locked value is not the dialog's to check.
    if (!m_config.isLocked(Field::ReceiptPrinter) && !m_hardware->checkPrinterAddress()) {
        showError(m_message, m_hardware->receiptPrinterSetting().error().message);
        m_tabs->setCurrentWidget(m_hardware);
        m_hardware->printerAddress()->setFocus();
        return;
    }
    QList<std::pair<Field, QVariant>> values{{Field::ServerUrl, url->toString()},
                                             {Field::StoreKey, m_store->currentData()},
                                             {Field::LocationId, m_location->currentData()},
                                             {Field::WorkstationId, m_workstation->currentData()},
                                             {Field::IdleLockMinutes, m_idleMinutes->value()},
                                             {Field::Locale, m_language->currentData()}};
    values.append(m_hardware->values());
    for (auto [field, value] : values) {
        if (m_config.isLocked(field))
            continue; // IT's value stays in force
        // The demo stack's address (STOREDESK_SERVER_URL) changes port on every start: choosing
        // it stores nothing, so that the next start follows the variable again.
        if (field == Field::ServerUrl && value == m_config.fallback(Field::ServerUrl))
            value = QString();
        const Expected<void> stored = m_config.setValue(field, value);
        if (!stored) {
            showError(m_message, stored.error().message);
            return;
        }
    }
    m_config.setStoreLanguages(m_stores.at(storeIndex).languages);
    m_config.setStoreName(
        m_stores.at(storeIndex).name.value(QLocale(), m_stores.at(storeIndex).languages));
    const Expected<void> synced = m_config.sync();
    if (!synced) {
        showError(m_message, synced.error().message);
        return;
    }
    revokeSetupSession();
    accept();
}

void SetupDialog::revokeSetupSession()
{
    if (!m_client || !m_client->hasAccessToken())
        return;
    m_client->logOut(m_client->accessToken())->start();
    m_client->clearAccessToken();
}

} // namespace storedesk::ui
