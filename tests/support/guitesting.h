#pragma once

#include "config/workstationconfig.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
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
        config.sync();
        return config;
    }

private:
    QTemporaryDir m_dir;
};

// Types into a field as a person would (the scanner filter lets slow keys through).
inline void typeSlowly(QWidget* widget, const QString& text)
{
    for (const QChar c : text)
        QTest::keyClick(widget, c.toLatin1(), Qt::NoModifier, 50);
    QTest::qWait(60);
}

} // namespace storedesk::test
