#pragma once

#include "storage/storageerror.h"

#include <QString>

#include <functional>

class QObject;

namespace storedesk::server {

class StorageExecutor;

// What a manager's inline approval (user name and secret typed at the colleague's workstation)
// came to.
struct ManagerApproval {
    bool approved = false;
    QString approver; // approved: the manager's user name as stored
    bool knownUser =
        false; // denied: the name and secret were right, but not a manager of the store
};

// Checks an approval on the storage's write lane (the secret is checked like a login, with its
// delays) and answers on context's thread: approved only for a manager who may work in storeKey.
// A storage failure is the error. The secret is dropped as soon as it has been checked.
void checkManagerApproval(StorageExecutor* storage, const QObject* context, const QString& username,
                          QString secret, const QString& storeKey,
                          std::function<void(const StorageResult<ManagerApproval>&)> done);

} // namespace storedesk::server
