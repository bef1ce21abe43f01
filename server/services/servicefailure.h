#pragma once

#include "commercetools/ctclient.h"
#include "storage/storageerror.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace storedesk::server {

// Why a service refused or could not do what it was asked, in the service's own words. Services
// know nothing of HTTP: the routes turn each kind into one answer of the integration API
// (routes/serviceanswer.h). `message` is safe to show a colleague; `details` are machine-readable.
struct ServiceFailure {
    enum class Kind {
        InvalidInput, // the request cannot be carried out as asked; nothing was changed
        NotFound,     // no such resource in this store
        Forbidden,    // e.g. a refund that needs a manager's approval, or a denied one
        Conflict,     // the resource's state does not allow it (changed, unpaid, …)
        InProgress,   // the same request is still under way: ask again after retryAfterSeconds
        Upstream,     // commercetools did not answer, or answered with an error (`upstream`)
        Storage,      // the server's own database failed (`storage`)
        Internal,     // a fault of the server itself; logged where it happened
    };

    Kind kind = Kind::Internal;
    // The API's code when the kind alone does not say enough (a Conflict such as
    // "till_not_open"); empty: the kind's usual code.
    QString code;
    QString message;
    QJsonObject details;
    CtResponse upstream;
    StorageError storage;
    int retryAfterSeconds = 0; // InProgress: when asking again makes sense

    static ServiceFailure invalidInput(const QString& message, const QJsonObject& details = {})
    {
        return of(Kind::InvalidInput, message, details);
    }
    static ServiceFailure notFound(const QString& message) { return of(Kind::NotFound, message); }
    static ServiceFailure forbidden(const QString& message, const QJsonObject& details = {})
    {
        return of(Kind::Forbidden, message, details);
    }
    static ServiceFailure conflict(const QString& message, const QJsonObject& details = {})
    {
        return of(Kind::Conflict, message, details);
    }
    // A conflict with its own code, for a state the app acts on (see the till ones below).
    static ServiceFailure conflictWithCode(const QString& code, const QString& message,
                                           const QJsonObject& details)
    {
        ServiceFailure failure = of(Kind::Conflict, message, details);
        failure.code = code;
        return failure;
    }
    // The till's conflicts (docs/TILL.md). The app offers to open the till on till_not_open.
    static ServiceFailure tillNotOpen()
    {
        return conflictWithCode(
            QStringLiteral("till_not_open"),
            QStringLiteral("The till of this workstation is not open: open it with a "
                           "counted float before taking or handing back cash."),
            {});
    }
    static ServiceFailure tillAlreadyOpen()
    {
        return conflictWithCode(QStringLiteral("till_already_open"),
                                QStringLiteral("The till of this workstation is already open."),
                                {});
    }
    static ServiceFailure tillBusy()
    {
        return conflictWithCode(
            QStringLiteral("till_busy"),
            QStringLiteral("A payment on this till is still under way: finish it "
                           "before closing the till."),
            {});
    }
    // details: {expectedCash: Money}
    static ServiceFailure insufficientCash(const QJsonObject& details)
    {
        return conflictWithCode(QStringLiteral("insufficient_cash"),
                                QStringLiteral("There is not that much cash in the drawer."),
                                details);
    }
    static ServiceFailure inProgress(const QString& message, int retryAfterSeconds)
    {
        ServiceFailure failure = of(Kind::InProgress, message);
        failure.retryAfterSeconds = retryAfterSeconds;
        return failure;
    }
    static ServiceFailure fromUpstream(const CtResponse& response)
    {
        ServiceFailure failure = of(Kind::Upstream, {});
        failure.upstream = response;
        return failure;
    }
    static ServiceFailure fromStorage(const StorageError& error)
    {
        ServiceFailure failure = of(Kind::Storage, error.message);
        failure.storage = error;
        return failure;
    }
    static ServiceFailure internal() { return of(Kind::Internal, {}); }

private:
    static ServiceFailure of(Kind kind, const QString& message, const QJsonObject& details = {})
    {
        ServiceFailure failure;
        failure.kind = kind;
        failure.message = message;
        failure.details = details;
        return failure;
    }
};

} // namespace storedesk::server
