#include "tokenvault.h"

#include "base/logging.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace storedesk::session {
namespace {

class VaultText {
    Q_DECLARE_TR_FUNCTIONS(storedesk::session::TokenVault)

public:
    static VaultError error(QKeychain::Error error)
    {
        switch (error) {
        case QKeychain::EntryNotFound:
            return {VaultError::Code::NotFound, tr("No saved login was found in the keychain.")};
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
            return {VaultError::Code::NoBackend,
                    tr("The system keychain is not available (no Secret Service is running). "
                       "StoreDesk keeps your login only there; ask IT to enable the keychain, "
                       "then try again.")};
        case QKeychain::AccessDenied:
        case QKeychain::AccessDeniedByUser:
            return {VaultError::Code::AccessDenied,
                    tr("The system keychain is locked or refused access. Unlock it (or allow "
                       "StoreDesk access), then try again.")};
        default:
            break;
        }
        return {VaultError::Code::Failed,
                tr("The system keychain reported a problem. Try again; if it persists, tell IT.")};
    }
};

// QtKeychain sometimes reports a locked Secret Service collection as OtherError with a D-Bus
// message; the message is inspected so that the colleague is told to unlock rather than to
// call IT.
VaultError classify(const QKeychain::Job* job)
{
    const QString text = job->errorString();
    if (job->error() == QKeychain::OtherError &&
        (text.contains(QLatin1StringView("locked"), Qt::CaseInsensitive) ||
         text.contains(QLatin1StringView("AccessDenied"), Qt::CaseInsensitive) ||
         text.contains(QLatin1StringView("dismissed"), Qt::CaseInsensitive)))
        return VaultText::error(QKeychain::AccessDenied);
    if (job->error() == QKeychain::OtherError &&
        (text.contains(QLatin1StringView("ServiceUnknown")) ||
         text.contains(QLatin1StringView("org.freedesktop.secrets")) ||
         text.contains(QLatin1StringView("D-Bus"), Qt::CaseInsensitive)))
        return VaultText::error(QKeychain::NoBackendAvailable);
    return VaultText::error(job->error());
}

template <typename Job>
Job* makeJob(const QString& service, const QString& key)
{
    auto* job = new Job(service);
    job->setAutoDelete(true);
    job->setKey(key);
    // A plaintext file is never an acceptable place for the token.
    job->setInsecureFallback(false);
    return job;
}

} // namespace

TokenVault::TokenVault(QObject* parent)
    : TokenVault(QString::fromLatin1(DefaultService), parent)
{
}

TokenVault::TokenVault(const QString& service, QObject* parent)
    : QObject(parent)
    , m_service(service)
{
}

QString TokenVault::keyFor(const QUrl& serverUrl, const QString& storeKey,
                           const QString& workstationId)
{
    return serverUrl.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash) + QLatin1Char('|') +
           storeKey + QLatin1Char('|') + workstationId;
}

void TokenVault::write(const QString& key, const QByteArray& secret, QObject* context, Done done)
{
    auto* job = makeJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, context, [done, key](QKeychain::Job* finished) {
        if (finished->error() == QKeychain::NoError) {
            qCDebug(lcCoreVault) << "stored the session for" << key;
            done({});
            return;
        }
        qCWarning(lcCoreVault) << "cannot store the session for" << key << ":"
                               << finished->errorString();
        done(classify(finished));
    });
    job->start();
}

void TokenVault::read(const QString& key, QObject* context, Loaded done)
{
    auto* job = makeJob<QKeychain::ReadPasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, context, [done, key](QKeychain::Job* finished) {
        if (finished->error() == QKeychain::NoError) {
            done(static_cast<QKeychain::ReadPasswordJob*>(finished)->binaryData());
            return;
        }
        if (finished->error() != QKeychain::EntryNotFound)
            qCWarning(lcCoreVault)
                << "cannot read the session for" << key << ":" << finished->errorString();
        done(classify(finished));
    });
    job->start();
}

void TokenVault::remove(const QString& key, QObject* context, Done done)
{
    auto* job = makeJob<QKeychain::DeletePasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, context, [done, key](QKeychain::Job* finished) {
        if (finished->error() == QKeychain::NoError ||
            finished->error() == QKeychain::EntryNotFound) {
            qCDebug(lcCoreVault) << "removed the session for" << key;
            done({});
            return;
        }
        qCWarning(lcCoreVault) << "cannot remove the session for" << key << ":"
                               << finished->errorString();
        done(classify(finished));
    });
    job->start();
}

} // namespace storedesk::session
