#include "signature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace storedesk::server::signature {

namespace {

constexpr qsizetype macBytes = 32; // SHA-256

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

QByteArray mac(const QByteArray& body, const QByteArray& secret)
{
    return QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256);
}

} // namespace

QByteArray sign(const QByteArray& body, const QByteArray& secret)
{
    return mac(body, secret).toHex();
}

bool verify(const QByteArray& body, const QByteArray& signatureHeader, const QByteArray& secret)
{
    if (secret.isEmpty() || signatureHeader.size() != 2 * macBytes)
        return false;
    // The header's shape says nothing about the secret, so checking it first leaks nothing.
    for (char c : signatureHeader) {
        if (!isHexDigit(c))
            return false;
    }
    const QByteArray given = QByteArray::fromHex(signatureHeader);
    const QByteArray expected = mac(body, secret);
    if (given.size() != macBytes || expected.size() != macBytes)
        return false;
    // Every byte is looked at, whatever differs: no early exit for a timing oracle to find.
    unsigned char difference = 0;
    for (qsizetype i = 0; i < macBytes; ++i)
        difference |= static_cast<unsigned char>(given[i] ^ expected[i]);
    return difference == 0;
}

} // namespace storedesk::server::signature
