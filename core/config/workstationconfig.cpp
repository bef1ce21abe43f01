#include "workstationconfig.h"

#include "base/logging.h"

namespace storedesk::config {
namespace {

const QString organization = QStringLiteral("StoreDesk");
const QString application = QStringLiteral("storedesk");
const QString lockKey = QStringLiteral("LockSettings");

bool isEmptyValue(const QVariant& value)
{
    return !value.isValid() || value.isNull() || value.toString().trimmed().isEmpty();
}

// QSettings gives strings from INI files and typed values from the registry or a plist.
bool toBool(const QVariant& value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    return text == QLatin1StringView("true") || text == QLatin1StringView("1") ||
           text == QLatin1StringView("yes");
}

} // namespace

WorkstationConfig WorkstationConfig::load()
{
    return WorkstationConfig(platformPolicySettings(), platformUserSettings());
}

std::unique_ptr<QSettings> WorkstationConfig::platformPolicySettings()
{
#if defined(Q_OS_WIN)
    return std::make_unique<QSettings>(
        QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\StoreDesk\\StoreDesk"),
        QSettings::NativeFormat);
#elif defined(Q_OS_MACOS)
    return std::make_unique<QSettings>(
        QStringLiteral("/Library/Preferences/org.storedesk.StoreDesk.plist"),
        QSettings::NativeFormat);
#else
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::SystemScope,
                                       organization, application);
#endif
}

std::unique_ptr<QSettings> WorkstationConfig::platformUserSettings()
{
    auto settings = std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                                organization, application);
    // User scope would otherwise read through to the system file, and a policy value would look
    // like the user's own.
    settings->setFallbacksEnabled(false);
    return settings;
}

WorkstationConfig::WorkstationConfig(std::unique_ptr<QSettings> policy,
                                     std::unique_ptr<QSettings> user)
    : m_policy(std::move(policy))
    , m_user(std::move(user))
{
    if (m_user)
        m_user->setFallbacksEnabled(false);
}

WorkstationConfig::~WorkstationConfig() = default;

QString WorkstationConfig::keyOf(Field field)
{
    switch (field) {
    case Field::ServerUrl:
        return QStringLiteral("ServerUrl");
    case Field::StoreKey:
        return QStringLiteral("StoreKey");
    case Field::LocationId:
        return QStringLiteral("LocationId");
    case Field::WorkstationId:
        return QStringLiteral("WorkstationId");
    case Field::IdleLockMinutes:
        return QStringLiteral("IdleLockMinutes");
    case Field::Locale:
        return QStringLiteral("Locale");
    case Field::FullScreen:
        return QStringLiteral("FullScreen");
    case Field::HighContrast:
        return QStringLiteral("HighContrast");
    case Field::ReceiptPrinter:
        return QStringLiteral("ReceiptPrinter");
    case Field::ReceiptPrinterColumns:
        return QStringLiteral("ReceiptPrinterColumns");
    case Field::CashDrawerPin:
        return QStringLiteral("CashDrawerPin");
    case Field::CashDrawerPulseMs:
        return QStringLiteral("CashDrawerPulseMs");
    case Field::CustomerDisplayScreen:
        break;
    }
    return QStringLiteral("CustomerDisplayScreen");
}

QString WorkstationConfig::labelOf(Field field)
{
    switch (field) {
    case Field::ServerUrl:
        return tr("Server address");
    case Field::StoreKey:
        return tr("Store");
    case Field::LocationId:
        return tr("Location");
    case Field::WorkstationId:
        return tr("Workstation");
    case Field::IdleLockMinutes:
        return tr("Lock after idle minutes");
    case Field::Locale:
        return tr("Language");
    case Field::FullScreen:
        return tr("Full screen");
    case Field::HighContrast:
        return tr("High contrast");
    case Field::ReceiptPrinter:
        return tr("Receipt printer");
    case Field::ReceiptPrinterColumns:
        return tr("Characters per line");
    case Field::CashDrawerPin:
        return tr("Cash drawer pin");
    case Field::CashDrawerPulseMs:
        return tr("Cash drawer pulse (ms)");
    case Field::CustomerDisplayScreen:
        break;
    }
    return tr("Customer display");
}

void WorkstationConfig::setFallback(Field field, const QVariant& value)
{
    m_fallbacks.insert(field, value);
}

bool WorkstationConfig::policyLocksSettings() const
{
    return m_policy && toBool(m_policy->value(lockKey));
}

bool WorkstationConfig::isLocked(Field field) const
{
    return policyLocksSettings() && !isEmptyValue(m_policy->value(keyOf(field)));
}

Source WorkstationConfig::source(Field field) const
{
    const QString key = keyOf(field);
    const bool inPolicy = m_policy && !isEmptyValue(normalized(field, m_policy->value(key)));
    if (inPolicy && isLocked(field))
        return Source::Policy;
    if (m_user && !isEmptyValue(normalized(field, m_user->value(key))))
        return Source::User;
    if (inPolicy)
        return Source::SystemDefault;
    return Source::Default;
}

QVariant WorkstationConfig::value(Field field) const
{
    const QString key = keyOf(field);
    switch (source(field)) {
    case Source::Policy:
    case Source::SystemDefault:
        return normalized(field, m_policy->value(key));
    case Source::User:
        return normalized(field, m_user->value(key));
    case Source::Default:
        break;
    }
    const QVariant fallback = normalized(field, m_fallbacks.value(field));
    if (!isEmptyValue(fallback))
        return fallback;
    switch (field) {
    case Field::IdleLockMinutes:
        return DefaultIdleLockMinutes;
    case Field::ReceiptPrinter:
        return QStringLiteral("system");
    case Field::ReceiptPrinterColumns:
        return DefaultReceiptPrinterColumns;
    case Field::CashDrawerPin:
        return DefaultCashDrawerPin;
    case Field::CashDrawerPulseMs:
        return DefaultCashDrawerPulseMs;
    default:
        break;
    }
    if (field == Field::HighContrast || field == Field::FullScreen)
        return false;
    return QString();
}

// An unusable value counts as absent, so the next source applies.
QVariant WorkstationConfig::normalized(Field field, const QVariant& raw) const
{
    if (isEmptyValue(raw))
        return {};
    if (field == Field::IdleLockMinutes) {
        bool ok = false;
        const int minutes = raw.toString().trimmed().toInt(&ok);
        if (!ok || minutes < 1 || minutes > MaxIdleLockMinutes)
            return {};
        return minutes;
    }
    if (field == Field::ReceiptPrinterColumns || field == Field::CashDrawerPin ||
        field == Field::CashDrawerPulseMs) {
        bool ok = false;
        const int number = raw.toString().trimmed().toInt(&ok);
        if (!ok)
            return {};
        if (field == Field::ReceiptPrinterColumns && number != 42 && number != 48)
            return {};
        if (field == Field::CashDrawerPin && number != 2 && number != 5)
            return {};
        if (field == Field::CashDrawerPulseMs && (number < 50 || number > 500))
            return {};
        return number;
    }
    if (field == Field::HighContrast || field == Field::FullScreen)
        return toBool(raw); // false is a value too: a user may turn off IT's default
    return raw.toString().trimmed();
}

QStringList WorkstationConfig::storeLanguages() const
{
    return m_user ? m_user->value(QStringLiteral("StoreLanguages")).toStringList() : QStringList();
}

void WorkstationConfig::setStoreLanguages(const QStringList& languages)
{
    if (m_user)
        m_user->setValue(QStringLiteral("StoreLanguages"), languages);
}

QString WorkstationConfig::storeName() const
{
    return m_user ? m_user->value(QStringLiteral("StoreName")).toString() : QString();
}

void WorkstationConfig::setStoreName(const QString& name)
{
    if (m_user)
        m_user->setValue(QStringLiteral("StoreName"), name);
}

namespace {

// "Names/LocationId/shop-floor": a name is only ever shown for the id it was saved with.
QString nameKey(Field field, const QString& id)
{
    return QStringLiteral("Names/%1/%2").arg(WorkstationConfig::keyOf(field), id);
}

} // namespace

QString WorkstationConfig::placeName(Field field) const
{
    const QString id = value(field).toString();
    if (!m_user || id.isEmpty())
        return {};
    return m_user->value(nameKey(field, id)).toString();
}

void WorkstationConfig::setPlaceName(Field field, const QString& id, const QString& name)
{
    if (!m_user || id.isEmpty())
        return;
    m_user->remove(QStringLiteral("Names/") + keyOf(field)); // names of earlier places
    if (!name.trimmed().isEmpty())
        m_user->setValue(nameKey(field, id), name.trimmed());
}

QByteArray WorkstationConfig::windowGeometry() const
{
    return m_user ? m_user->value(QStringLiteral("WindowGeometry")).toByteArray() : QByteArray();
}

void WorkstationConfig::setWindowGeometry(const QByteArray& geometry)
{
    if (m_user)
        m_user->setValue(QStringLiteral("WindowGeometry"), geometry);
}

bool WorkstationConfig::isComplete() const
{
    return !serverUrl().isEmpty() && !storeKey().isEmpty() && !locationId().isEmpty() &&
           !workstationId().isEmpty();
}

Expected<void> WorkstationConfig::setValue(Field field, const QVariant& value)
{
    if (isLocked(field))
        return Error{Error::Kind::InvalidArgument,
                     tr("%1 is managed by your IT department and cannot be changed here.")
                         .arg(labelOf(field)),
                     keyOf(field)};
    if (!m_user)
        return Error{Error::Kind::InvalidArgument, tr("The settings cannot be written."), {}};
    if (isEmptyValue(value)) {
        m_user->remove(keyOf(field));
        return {};
    }
    if (field == Field::IdleLockMinutes && isEmptyValue(normalized(field, value)))
        return Error{Error::Kind::InvalidValue,
                     tr("Lock after 1 to %1 idle minutes.").arg(MaxIdleLockMinutes), keyOf(field)};
    if (field == Field::ReceiptPrinterColumns && isEmptyValue(normalized(field, value)))
        return Error{Error::Kind::InvalidValue,
                     tr("A receipt printer prints 42 or 48 characters per line."), keyOf(field)};
    if (field == Field::CashDrawerPin && isEmptyValue(normalized(field, value)))
        return Error{Error::Kind::InvalidValue, tr("The cash drawer is on pin 2 or pin 5."),
                     keyOf(field)};
    if (field == Field::CashDrawerPulseMs && isEmptyValue(normalized(field, value)))
        return Error{Error::Kind::InvalidValue, tr("The cash drawer pulse lasts 50 to 500 ms."),
                     keyOf(field)};
    m_user->setValue(keyOf(field), normalized(field, value));
    return {};
}

Expected<void> WorkstationConfig::sync()
{
    if (!m_user)
        return {};
    m_user->sync();
    if (m_user->status() != QSettings::NoError) {
        qCWarning(lcCoreConfig) << "cannot write settings to" << m_user->fileName();
        return Error{Error::Kind::InvalidArgument,
                     tr("The settings could not be saved to %1.").arg(m_user->fileName()),
                     {}};
    }
    qCInfo(lcCoreConfig) << "settings saved to" << m_user->fileName();
    return {};
}

} // namespace storedesk::config
