#pragma once

#include "base/expected.h"

#include <QCoreApplication>
#include <QObject>
#include <QUrl>

#include <functional>

namespace storedesk::session {

// What went wrong with the OS keychain, as data with a message a colleague can act on.
struct VaultError {
    enum class Code {
        NotFound,     // no entry under this key
        NoBackend,    // no keychain service (e.g. no Secret Service on the session bus)
        AccessDenied, // locked keychain, or the user or system refused
        Failed,       // anything else the keychain reported
    };
    Code code = Code::Failed;
    QString message; // translated
};

// The access token's only home on this machine: the OS keychain, through QtKeychain (Secret
// Service, Windows Credential Manager, macOS Keychain). Entries belong to the service "StoreDesk"
// and are keyed by server and workstation, so that two servers or a moved workstation never mix
// tokens. Every operation is asynchronous and reports through a callback run in `context`'s
// thread; a failure is an error, never a fallback to a file.
class TokenVault : public QObject {
    Q_OBJECT

public:
    static constexpr const char* DefaultService = "StoreDesk";

    explicit TokenVault(QObject* parent = nullptr);
    TokenVault(const QString& service, QObject* parent);

    QString service() const { return m_service; }

    // "https://pos.example.com/storedesk/v1|berlin-mitte|till-1".
    static QString keyFor(const QUrl& serverUrl, const QString& storeKey,
                          const QString& workstationId);

    using Done = std::function<void(const Expected<void, VaultError>&)>;
    using Loaded = std::function<void(const Expected<QByteArray, VaultError>&)>;

    void write(const QString& key, const QByteArray& secret, QObject* context, Done done);
    void read(const QString& key, QObject* context, Loaded done);
    // Removing an entry that is not there succeeds.
    void remove(const QString& key, QObject* context, Done done);

private:
    QString m_service;
};

} // namespace storedesk::session
