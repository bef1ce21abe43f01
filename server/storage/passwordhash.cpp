#include "passwordhash.h"

#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <openssl/evp.h>

namespace storedesk::server {

namespace {

const QString scheme = QStringLiteral("pbkdf2-sha256");
constexpr auto base64Options = QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals;

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes;
}

Error malformed(const QString& what)
{
    return Error{Error::Kind::InvalidValue,
                 QStringLiteral("the stored secret hash is malformed: %1").arg(what), QString()};
}

} // namespace

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    // volatile keeps the compiler from turning the loop into an early-exit memcmp.
    volatile unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference =
            difference | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]));
    return difference == 0;
}

QByteArray PasswordHash::secretBytes(const QString& secret)
{
    return secret.normalized(QString::NormalizationForm_C).toUtf8();
}

QByteArray PasswordHash::derive(const QByteArray& secret, const QByteArray& salt, int iterations,
                                int keyBytes)
{
    // OpenSSL's PBKDF2 computes the same key as QPasswordDigestor::deriveKeyPbkdf2 (the hashes
    // stored before the switch keep verifying) in a fraction of the time: it keeps the HMAC's
    // inner and outer states instead of re-hashing the password on every iteration.
    if (iterations < 1 || keyBytes < 1)
        return {};
    QByteArray key(keyBytes, Qt::Uninitialized);
    const int done = PKCS5_PBKDF2_HMAC(secret.constData(), int(secret.size()),
                                       reinterpret_cast<const unsigned char*>(salt.constData()),
                                       int(salt.size()), iterations, EVP_sha256(), keyBytes,
                                       reinterpret_cast<unsigned char*>(key.data()));
    if (done != 1)
        return {}; // never equal to a stored key, so verify() fails closed
    return key;
}

QString PasswordHash::create(const QString& secret, int iterations)
{
    Parsed parsed;
    parsed.iterations = std::clamp(iterations, MinimumIterations, MaximumIterations);
    parsed.salt = randomBytes(SaltBytes);
    parsed.key = derive(secretBytes(secret), parsed.salt, parsed.iterations);
    return encode(parsed);
}

QString PasswordHash::decoy(int iterations)
{
    Parsed parsed;
    parsed.iterations = std::clamp(iterations, MinimumIterations, MaximumIterations);
    parsed.salt = randomBytes(SaltBytes);
    // A random key that no secret derives to (short of a SHA-256 preimage).
    parsed.key = randomBytes(KeyBytes);
    return encode(parsed);
}

bool PasswordHash::verify(const QString& secret, const QString& encoded)
{
    const Expected<Parsed> parsed = parse(encoded);
    if (!parsed)
        return false;
    const QByteArray key =
        derive(secretBytes(secret), parsed->salt, parsed->iterations, int(parsed->key.size()));
    return constantTimeEquals(key, parsed->key);
}

Expected<PasswordHash::Parsed> PasswordHash::parse(const QString& encoded)
{
    const QStringList parts = encoded.split(QLatin1Char('$'));
    if (parts.size() != 4)
        return malformed(QStringLiteral("expected four '$'-separated parts"));
    if (parts[0] != scheme)
        return malformed(QStringLiteral("unknown scheme; expected %1").arg(scheme));
    Parsed parsed;
    bool ok = false;
    parsed.iterations = parts[1].toInt(&ok);
    if (!ok || parsed.iterations < 1 || parsed.iterations > MaximumIterations)
        return malformed(
            QStringLiteral("the iteration count must be 1 to %1").arg(MaximumIterations));
    const auto decode = [](const QString& text) {
        return QByteArray::fromBase64Encoding(
            text.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    };
    const auto salt = decode(parts[2]);
    const auto key = decode(parts[3]);
    if (!salt || salt.decoded.size() < 8)
        return malformed(QStringLiteral("the salt must be base64 of at least 8 bytes"));
    if (!key || key.decoded.size() < 16 || key.decoded.size() > 64)
        return malformed(QStringLiteral("the key must be base64 of 16 to 64 bytes"));
    parsed.salt = salt.decoded;
    parsed.key = key.decoded;
    return parsed;
}

QString PasswordHash::encode(const Parsed& parsed)
{
    return scheme + QLatin1Char('$') + QString::number(parsed.iterations) + QLatin1Char('$') +
           QString::fromLatin1(parsed.salt.toBase64(base64Options)) + QLatin1Char('$') +
           QString::fromLatin1(parsed.key.toBase64(base64Options));
}

} // namespace storedesk::server
