#pragma once

#include "config/workstationconfig.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QProgressBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

namespace storedesk::test {

// A workstation configuration in a temporary folder: the user's file and, when given, IT's policy
// file, exactly as WorkstationConfig reads them.
class TestConfig {
public:
    explicit TestConfig(const QByteArray& policyIni = {})
    {
        if (!policyIni.isEmpty()) {
            QFile file(policyPath());
            if (file.open(QIODevice::WriteOnly))
                file.write(policyIni);
        }
    }

    QString policyPath() const { return m_dir.filePath(QStringLiteral("policy.conf")); }
    QString userPath() const { return m_dir.filePath(QStringLiteral("user.conf")); }

    config::WorkstationConfig make() const
    {
        return config::WorkstationConfig(
            std::make_unique<QSettings>(policyPath(), QSettings::IniFormat),
            std::make_unique<QSettings>(userPath(), QSettings::IniFormat));
    }

    // A workstation already set up at berlin-mitte, till 1 of the test stack.
    config::WorkstationConfig berlinTill1(const QUrl& server, int idleMinutes = 5) const
    {
        config::WorkstationConfig config = make();
        config.setValue(config::Field::ServerUrl, server.toString());
        config.setValue(config::Field::StoreKey, QStringLiteral("berlin-mitte"));
        config.setValue(config::Field::LocationId, QStringLiteral("shop-floor"));
        config.setValue(config::Field::WorkstationId, QStringLiteral("berlin-mitte-till-1"));
        config.setValue(config::Field::IdleLockMinutes, idleMinutes);
        config.setStoreLanguages({QStringLiteral("de"), QStringLiteral("en")});
        config.setStoreName(QStringLiteral("Berlin Mitte"));
        config.sync();
        return config;
    }

private:
    QTemporaryDir m_dir;
};

// A scanner gap wide enough that a loaded test machine does not split a burst; what a person types
// (typeSlowly) stays well above it.
constexpr int testScannerGapMs = 100;

// Types into a field as a person would (the scanner filter lets slow keys through).
inline void typeSlowly(QWidget* widget, const QString& text)
{
    for (const QChar c : text)
        QTest::keyClick(widget, c.toLatin1(), Qt::NoModifier, 3 * testScannerGapMs);
    QTest::qWait(2 * testScannerGapMs);
}

// The controls under `root` (fields, buttons, lists, combo and spin boxes, progress bars) that
// have no accessible name, by object name and class; Qt's own inner widgets are not counted.
inline QStringList controlsWithoutAccessibleName(QWidget* root)
{
    QStringList missing;
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        const bool control =
            qobject_cast<QLineEdit*>(widget) || qobject_cast<QAbstractButton*>(widget) ||
            qobject_cast<QAbstractItemView*>(widget) || qobject_cast<QComboBox*>(widget) ||
            qobject_cast<QAbstractSpinBox*>(widget) || qobject_cast<QProgressBar*>(widget);
        if (!control || qobject_cast<QHeaderView*>(widget) ||
            widget->inherits("QTableCornerButton"))
            continue; // a header is part of its table, which has the name
        if (widget->objectName().startsWith(QLatin1StringView("qt_")) || !widget->parentWidget() ||
            widget->parentWidget()->objectName().startsWith(QLatin1StringView("qt_")) ||
            qobject_cast<QAbstractSpinBox*>(widget->parentWidget()) ||
            qobject_cast<QComboBox*>(widget->parentWidget()))
            continue; // inner parts of Qt's widgets (scroll bars, a spin box's line edit)
        if (widget->accessibleName().isEmpty())
            missing << widget->objectName() + QLatin1Char(' ') +
                           QString::fromLatin1(widget->metaObject()->className());
    }
    return missing;
}

} // namespace storedesk::test
