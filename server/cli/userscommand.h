#pragma once

#include <QStringList>
#include <QTextStream>

namespace storedesk::server {

class Database;

// `storedesk-server users add|list|remove|passwd …`, for the operator:
//   users add USERNAME --name "Display Name" --role colleague|manager [--role …]
//             --store KEY [--store …]
//   users passwd USERNAME
//   users remove USERNAME
//   users list
// args are the words after "users". A secret is read as one line from in, never from args (they
// show in `ps` and shell history); removing a user or setting a new secret ends their sessions.
// With interactive set (in is a terminal), the secret is prompted for on err and asked twice.
// Returns the exit code: 0 done, 1 failed (a rule broken, no such user, database error),
// 2 usage error.
int runUsersCommand(const QStringList& args, QTextStream& in, QTextStream& out, QTextStream& err,
                    Database& database, bool interactive = false);

// runUsersCommand on the process's standard streams; when standard input is a terminal the secret
// is prompted for and not echoed.
int runUsersCommandOnConsole(const QStringList& args, Database& database);

} // namespace storedesk::server
