#include "databaseurl.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace storedesk::server {

namespace {

const QString sqlitePrefix = QStringLiteral("sqlite://");
const QString sqliteMemory = QStringLiteral("sqlite::memory:");

Error invalid(const QString& message)
{
    return Error{Error::Kind::InvalidValue, message, QString()};
}

// What QPSQL passes on to libpq as "key=value" pairs: a value must not be able to smuggle in
// another option, so each one is checked against what the option accepts.
Expected<QString> postgresqlOption(const QString& key, const QString& value)
{
    static const QStringList sslModes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                      QStringLiteral("prefer"),    QStringLiteral("require"),
                                      QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,5}$"));
    static const QRegularExpression path(QStringLiteral("^/[^\\s;'\"\\\\]*$"));
    if (key == QLatin1String("sslmode")) {
        if (!sslModes.contains(value))
            return invalid(QStringLiteral("the database URL's sslmode must be one of %1")
                               .arg(sslModes.join(QStringLiteral(", "))));
    } else if (key == QLatin1String("connect_timeout")) {
        if (!digits.match(value).hasMatch() || value.toInt() == 0)
            return invalid(
                QStringLiteral("the database URL's connect_timeout must be a number of seconds"));
    } else if (key == QLatin1String("sslrootcert")) {
        if (!path.match(value).hasMatch())
            return invalid(QStringLiteral(
                "the database URL's sslrootcert must be an absolute path without spaces"));
    } else {
        return invalid(QStringLiteral("the database URL has an unknown option \"%1\" (known: "
                                      "sslmode, connect_timeout, sslrootcert)")
                           .arg(key.left(32)));
    }
    return key + QLatin1Char('=') + value;
}

} // namespace

Expected<DatabaseUrl> DatabaseUrl::parse(const QString& text)
{
    return parse(text, QProcessEnvironment::systemEnvironment());
}

Expected<DatabaseUrl> DatabaseUrl::parse(const QString& text,
                                         const QProcessEnvironment& environment)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error{Error::Kind::MissingValue, QStringLiteral("the database URL is empty"),
                     QString()};
    if (trimmed.startsWith(QLatin1String("sqlite:"), Qt::CaseInsensitive))
        return parseSqlite(trimmed);
    if (trimmed.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
        trimmed.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive))
        return parsePostgresql(trimmed, environment);
    // Not quoted: whatever was typed may contain a password.
    return invalid(QStringLiteral("the database URL must start with sqlite:// (e.g. "
                                  "sqlite:///var/lib/storedesk/server.db) or postgresql:// "
                                  "(e.g. postgresql://storedesk@db.example.com:5432/storedesk)"));
}

Expected<DatabaseUrl> DatabaseUrl::parseSqlite(const QString& text)
{
    DatabaseUrl url;
    url.m_driver = Driver::Sqlite;
    if (text.compare(sqliteMemory, Qt::CaseInsensitive) == 0)
        return url;
    if (!text.startsWith(sqlitePrefix, Qt::CaseInsensitive))
        return invalid(QStringLiteral("a SQLite database URL is sqlite:///absolute/path.db "
                                      "(three slashes) or sqlite::memory:"));
    const QString encodedPath = text.mid(sqlitePrefix.size());
    if (encodedPath.contains(QLatin1Char('?')) || encodedPath.contains(QLatin1Char('#')))
        return invalid(QStringLiteral("a SQLite database URL takes no options after '?' or '#'"));
    QString path = QUrl::fromPercentEncoding(encodedPath.toUtf8());
    if (!path.startsWith(QLatin1Char('/')))
        return invalid(QStringLiteral("a SQLite database URL needs an absolute path: "
                                      "sqlite:///absolute/path.db (three slashes)"));
    // sqlite:///C:/data/server.db names a Windows drive.
    static const QRegularExpression drive(QStringLiteral("^/[A-Za-z]:/"));
    if (drive.match(path).hasMatch())
        path = path.mid(1);
    if (path.endsWith(QLatin1Char('/')))
        return invalid(QStringLiteral("a SQLite database URL must name a file, not a folder"));
    path = QDir::cleanPath(path);
    if (QFileInfo(path).fileName().isEmpty())
        return invalid(QStringLiteral("a SQLite database URL must name a file, not a folder"));
    url.m_filePath = path;
    return url;
}

Expected<DatabaseUrl> DatabaseUrl::parsePostgresql(const QString& text,
                                                   const QProcessEnvironment& environment)
{
    const QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid())
        return invalid(QStringLiteral(
            "the PostgreSQL database URL is malformed; it reads "
            "postgresql://user[:password]@host[:port]/database, with characters such as '@', "
            "':' or '/' in the password written as %40, %3A, %2F"));

    DatabaseUrl url;
    url.m_driver = Driver::Postgresql;
    url.m_host = parsed.host(QUrl::FullyDecoded);
    if (url.m_host.isEmpty())
        return invalid(QStringLiteral("the PostgreSQL database URL names no host"));
    url.m_userName = parsed.userName(QUrl::FullyDecoded);
    if (url.m_userName.isEmpty())
        return invalid(QStringLiteral("the PostgreSQL database URL names no user "
                                      "(postgresql://user@host:port/database)"));
    url.m_password = parsed.password(QUrl::FullyDecoded);
    if (url.m_password.isEmpty())
        url.m_password = environment.value(QStringLiteral("PGPASSWORD"));
    const int port = parsed.port();
    if (port == 0)
        return invalid(QStringLiteral("the PostgreSQL database URL's port must be 1 to 65535"));
    url.m_port = port < 0 ? DefaultPostgresqlPort : quint16(port);

    const QString path = parsed.path(QUrl::FullyDecoded);
    url.m_databaseName = path.mid(1);
    if (!path.startsWith(QLatin1Char('/')) || url.m_databaseName.isEmpty())
        return invalid(QStringLiteral("the PostgreSQL database URL names no database "
                                      "(postgresql://user@host:port/database)"));
    if (url.m_databaseName.contains(QLatin1Char('/')))
        return invalid(
            QStringLiteral("the PostgreSQL database URL's path must be just the database name"));
    if (parsed.hasFragment())
        return invalid(QStringLiteral("the PostgreSQL database URL must not have a '#' part"));

    const auto items = QUrlQuery(parsed).queryItems(QUrl::FullyDecoded);
    for (const auto& [key, value] : items) {
        const Expected<QString> option = postgresqlOption(key, value);
        if (!option)
            return option.error();
        url.m_options.append(*option);
    }
    return url;
}

QString DatabaseUrl::toString() const
{
    if (m_driver == Driver::Sqlite)
        return m_filePath.isEmpty() ? sqliteMemory : sqlitePrefix + m_filePath;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(m_userName);
    if (!m_password.isEmpty())
        url.setPassword(QStringLiteral("***"));
    url.setHost(m_host);
    url.setPort(m_port);
    url.setPath(QLatin1Char('/') + m_databaseName);
    QString text = url.toString();
    if (!m_options.isEmpty())
        text += QLatin1Char('?') + m_options.join(QLatin1Char('&'));
    return text;
}

QString DatabaseUrl::connectOptions() const
{
    QStringList options = m_options;
    const bool hasTimeout = std::any_of(options.cbegin(), options.cend(), [](const QString& o) {
        return o.startsWith(QLatin1String("connect_timeout="));
    });
    if (!hasTimeout)
        options.append(QStringLiteral("connect_timeout=%1").arg(DefaultConnectTimeoutSeconds));
    return options.join(QLatin1Char(';'));
}

} // namespace storedesk::server
