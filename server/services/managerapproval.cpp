#include "managerapproval.h"

#include "domain/storekey.h"
#include "storage/storageexecutor.h"

#include <QPointer>

namespace storedesk::server {

void checkManagerApproval(StorageExecutor* storage, const QObject* context, const QString& username,
                          QString secret, const QString& storeKey,
                          std::function<void(const StorageResult<ManagerApproval>&)> done)
{
    // authenticate() runs on the write lane (its future finishes there); continued on context.
    using Check = QFuture<StorageResult<User>>;
    QPointer<const QObject> guard(context);
    storage->run(
        StorageExecutor::Lane::Write, context,
        [username, secret = std::move(secret)](Stores& stores) -> StorageResult<Check> {
            return stores.users.authenticate(username, secret);
        },
        [guard, storeKey, done = std::move(done)](const StorageResult<Check>& check) {
            if (!check) {
                done(check.error());
                return;
            }
            if (!guard)
                return;
            Check(*check).then(const_cast<QObject*>(guard.data()),
                               [guard, storeKey, done](const StorageResult<User>& user) {
                                   if (!guard)
                                       return;
                                   const Expected<StoreKey> store = StoreKey::parse(storeKey);
                                   ManagerApproval approval;
                                   approval.knownUser = bool(user);
                                   approval.approved = user && store &&
                                                       user->hasRole(Role::Manager) &&
                                                       user->mayWorkIn(*store);
                                   if (approval.approved)
                                       approval.approver = user->username;
                                   done(approval);
                               });
        });
}

} // namespace storedesk::server
