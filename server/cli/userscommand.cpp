#include "userscommand.h"

#include "storage/database.h"
#include "storage/sessionstore.h"
#include "storage/userdirectory.h"

#include <QCommandLineParser>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#endif

namespace storedesk::server {

namespace {

constexpr int exitOk = 0;
constexpr int exitFailure = 1;
constexpr int exitUsage = 2;

const QString usage = QStringLiteral(
    "usage: storedesk-server users add USERNAME --name \"Display Name\" --role colleague|manager "
    "[--role …] --store KEY [--store …]\n"
    "       storedesk-server users passwd USERNAME\n"
    "       storedesk-server users remove USERNAME\n"
    "       storedesk-server users list\n"
    "The secret (a password, or a PIN of at least 4 digits) is read as one line from standard "
    "input.\n"
    "Removing a user or setting a new secret ends the user's sessions.\n");

class UsersCommand {
public:
    UsersCommand(QTextStream& in, QTextStream& out, QTextStream& err, Database& database,
                 bool interactive)
        : m_in(in)
        , m_out(out)
        , m_err(err)
        , m_interactive(interactive)
        , m_users(database)
        , m_sessions(database, m_users)
    {
    }

    int run(const QStringList& args);

private:
    int add(const QStringList& args);
    int passwd(const QStringList& args);
    int remove(const QStringList& args);
    int list(const QStringList& args);

    int usageError(const QString& message)
    {
        m_err << "storedesk-server users: " << message << "\n" << usage;
        m_err.flush();
        return exitUsage;
    }
    int failure(const QString& message)
    {
        m_err << "storedesk-server users: " << message << "\n";
        m_err.flush();
        return exitFailure;
    }
    int failure(const StorageError& error) { return failure(error.message); }

    // Parses "<subcommand> args…" with options; an error text, or empty when it parsed.
    QString parse(QCommandLineParser& parser, const QString& subcommand, const QStringList& args,
                  int positionals);
    bool readSecret(QString& secret);

    QTextStream& m_in;
    QTextStream& m_out;
    QTextStream& m_err;
    bool m_interactive;
    UserDirectory m_users;
    SessionStore m_sessions;
};

int UsersCommand::run(const QStringList& args)
{
    if (args.isEmpty())
        return usageError(QStringLiteral("missing a command (add, passwd, remove, list)"));
    const QString command = args.constFirst();
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("help") || command == QLatin1String("--help") ||
        command == QLatin1String("-h")) {
        m_out << usage;
        m_out.flush();
        return exitOk;
    }
    for (const QString& arg : args) {
        if (arg.startsWith(QLatin1String("--secret")) ||
            arg.startsWith(QLatin1String("--password")) || arg.startsWith(QLatin1String("--pin")))
            return usageError(QStringLiteral(
                "the secret is read from standard input, never from the command line"));
    }
    if (command == QLatin1String("add"))
        return add(rest);
    if (command == QLatin1String("passwd"))
        return passwd(rest);
    if (command == QLatin1String("remove"))
        return remove(rest);
    if (command == QLatin1String("list"))
        return list(rest);
    return usageError(
        QStringLiteral("unknown command \"%1\" (add, passwd, remove, list)").arg(command.left(32)));
}

QString UsersCommand::parse(QCommandLineParser& parser, const QString& subcommand,
                            const QStringList& args, int positionals)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("users ") + subcommand} + args))
        return parser.errorText();
    const QStringList words = parser.positionalArguments();
    if (words.size() < positionals)
        return QStringLiteral("%1 needs a USERNAME").arg(subcommand);
    if (words.size() > positionals)
        return QStringLiteral("unexpected argument \"%1\"").arg(words.at(positionals).left(32));
    return {};
}

bool UsersCommand::readSecret(QString& secret)
{
    const auto readLine = [this](const QString& prompt) {
        if (m_interactive) {
            m_err << prompt;
            m_err.flush();
        }
        QString line = m_in.readLine();
        if (m_interactive) {
            // Echo is off: the Enter key did not move the cursor.
            m_err << "\n";
            m_err.flush();
        }
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        return line;
    };
    secret = readLine(QStringLiteral("Secret (password, or a PIN of at least 4 digits): "));
    if (secret.isNull()) {
        failure(QStringLiteral("no secret on standard input (one line is expected)"));
        return false;
    }
    if (auto ok = UserDirectory::checkSecret(secret); !ok) {
        failure(ok.error());
        return false;
    }
    if (m_interactive && readLine(QStringLiteral("The same again: ")) != secret) {
        failure(QStringLiteral("the two secrets differ"));
        return false;
    }
    return true;
}

int UsersCommand::add(const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption name(QStringLiteral("name"), QString(), QStringLiteral("name"));
    const QCommandLineOption role(QStringLiteral("role"), QString(), QStringLiteral("role"));
    const QCommandLineOption store(QStringLiteral("store"), QString(), QStringLiteral("key"));
    parser.addOptions({name, role, store});
    if (const QString error = parse(parser, QStringLiteral("add"), args, 1); !error.isEmpty())
        return usageError(error);
    if (!parser.isSet(name))
        return usageError(QStringLiteral("add needs --name \"Display Name\""));
    if (!parser.isSet(role))
        return usageError(QStringLiteral("add needs --role colleague or --role manager"));
    if (!parser.isSet(store))
        return usageError(QStringLiteral("add needs at least one --store KEY"));

    NewUser user;
    user.username = parser.positionalArguments().constFirst();
    user.displayName = parser.value(name);
    for (const QString& value : parser.values(role)) {
        const std::optional<Role> parsed = parseRole(value);
        if (!parsed)
            return usageError(
                QStringLiteral("unknown role \"%1\" (colleague, manager)").arg(value.left(32)));
        user.roles.append(*parsed);
    }
    user.stores = parser.values(store);

    // Everything the secret does not affect is checked before asking for it.
    if (!UserDirectory::isValidUsername(user.username))
        return failure(QStringLiteral("\"%1\" is not a valid username: 2 to %2 characters from "
                                      "A-Z, a-z, 0-9, '.', '_', '-', '@', starting with a letter "
                                      "or digit")
                           .arg(user.username.left(64))
                           .arg(UserDirectory::MaxUsernameLength));
    for (const QString& key : std::as_const(user.stores)) {
        if (const Expected<StoreKey> parsed = StoreKey::parse(key); !parsed)
            return failure(parsed.error().message);
    }
    if (m_users.find(user.username))
        return failure(QStringLiteral("the username \"%1\" is taken (case does not matter)")
                           .arg(user.username));

    QString secret;
    if (!readSecret(secret))
        return exitFailure;
    const StorageResult<User> added = m_users.add(user, secret);
    if (!added)
        return failure(added.error());
    m_out << "Added " << added->username << ".\n";
    m_out.flush();
    return exitOk;
}

int UsersCommand::passwd(const QStringList& args)
{
    QCommandLineParser parser;
    if (const QString error = parse(parser, QStringLiteral("passwd"), args, 1); !error.isEmpty())
        return usageError(error);
    const QString username = parser.positionalArguments().constFirst();
    const StorageResult<User> user = m_users.find(username);
    if (!user)
        return failure(user.error());
    QString secret;
    if (!readSecret(secret))
        return exitFailure;
    if (auto set = m_users.setSecret(user->username, secret); !set)
        return failure(set.error());
    // Whoever knew the old secret must not stay logged in.
    const StorageResult<int> ended = m_sessions.revokeAllForUser(user->username);
    if (!ended)
        return failure(ended.error());
    m_out << "Set a new secret for " << user->username << "; ended " << *ended << " session(s).\n";
    m_out.flush();
    return exitOk;
}

int UsersCommand::remove(const QStringList& args)
{
    QCommandLineParser parser;
    if (const QString error = parse(parser, QStringLiteral("remove"), args, 1); !error.isEmpty())
        return usageError(error);
    const QString username = parser.positionalArguments().constFirst();
    const StorageResult<int> ended = m_sessions.revokeAllForUser(username);
    if (!ended)
        return failure(ended.error());
    if (auto removed = m_users.remove(username); !removed)
        return failure(removed.error());
    m_out << "Removed " << username << "; ended " << *ended << " session(s).\n";
    m_out.flush();
    return exitOk;
}

int UsersCommand::list(const QStringList& args)
{
    QCommandLineParser parser;
    if (const QString error = parse(parser, QStringLiteral("list"), args, 0); !error.isEmpty())
        return usageError(error);
    const StorageResult<QList<User>> users = m_users.list();
    if (!users)
        return failure(users.error());
    if (users->isEmpty()) {
        m_out << "No users.\n";
        m_out.flush();
        return exitOk;
    }

    QList<QStringList> rows{{QStringLiteral("USERNAME"), QStringLiteral("NAME"),
                             QStringLiteral("ROLES"), QStringLiteral("STORES"),
                             QStringLiteral("STATUS")}};
    for (const User& user : *users) {
        QStringList roles;
        for (Role role : user.roles)
            roles.append(roleName(role));
        QStringList stores;
        for (const StoreKey& store : user.stores)
            stores.append(store.toString());
        const QString status = user.delayedUntil.isValid()
                                   ? QStringLiteral("logins delayed until %1")
                                         .arg(user.delayedUntil.toString(Qt::ISODate))
                                   : QStringLiteral("active");
        rows.append({user.username, user.displayName, roles.join(QLatin1Char(',')),
                     stores.join(QLatin1Char(',')), status});
    }
    QList<qsizetype> widths(rows.constFirst().size(), 0);
    for (const QStringList& row : std::as_const(rows)) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], row[column].size());
    }
    for (const QStringList& row : std::as_const(rows)) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column) {
            const bool last = column + 1 == row.size();
            line += last ? row[column] : row[column].leftJustified(widths[column] + 2);
        }
        m_out << line << "\n";
    }
    m_out.flush();
    return exitOk;
}

// Turns terminal echo off while a secret is typed, and back on however the command ends.
class EchoOff {
public:
    EchoOff()
    {
#ifdef Q_OS_UNIX
        if (tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
#elif defined(Q_OS_WIN)
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        if (GetConsoleMode(m_handle, &m_saved))
            m_active = SetConsoleMode(m_handle, m_saved & ~DWORD(ENABLE_ECHO_INPUT));
#endif
    }
    ~EchoOff()
    {
#ifdef Q_OS_UNIX
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#elif defined(Q_OS_WIN)
        if (m_active)
            SetConsoleMode(m_handle, m_saved);
#endif
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    bool m_active = false;
#ifdef Q_OS_UNIX
    termios m_saved{};
#elif defined(Q_OS_WIN)
    HANDLE m_handle = nullptr;
    DWORD m_saved = 0;
#endif
};

bool standardInputIsTerminal()
{
#ifdef Q_OS_UNIX
    return isatty(STDIN_FILENO) == 1;
#elif defined(Q_OS_WIN)
    return _isatty(_fileno(stdin)) != 0;
#else
    return false;
#endif
}

} // namespace

int runUsersCommand(const QStringList& args, QTextStream& in, QTextStream& out, QTextStream& err,
                    Database& database, bool interactive)
{
    UsersCommand command(in, out, err, database, interactive);
    return command.run(args);
}

int runUsersCommandOnConsole(const QStringList& args, Database& database)
{
    QTextStream in(stdin);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const bool interactive = standardInputIsTerminal();
    if (!interactive)
        return runUsersCommand(args, in, out, err, database, false);
    EchoOff echoOff;
    return runUsersCommand(args, in, out, err, database, true);
}

} // namespace storedesk::server
