#pragma once

#include "base/expected.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace storedesk::server {

// Compares two byte strings in time that depends only on their lengths, never on where they
// first differ: for digests, MACs and token hashes, where an early exit would leak a prefix.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// A user's secret (password or PIN) as stored: PBKDF2-HMAC-SHA256 with a per-user random salt and
// the iteration count kept with each hash, so the count can be raised later without invalidating
// existing secrets. Encoded as "pbkdf2-sha256$<iterations>$<salt base64>$<key base64>".
class PasswordHash {
public:
    // 100 000 is the floor for new hashes. Every login pays for it once, on a worker thread
    // (PBKDF2 over OpenSSL's SHA-256, the HMAC keyed once: about 40 ms of one core).
    static constexpr int MinimumIterations = 100'000;
    static constexpr int DefaultIterations = MinimumIterations;
    // Refuse to spend minutes on a tampered or hostile count.
    static constexpr int MaximumIterations = 10'000'000;
    static constexpr int SaltBytes = 16;
    static constexpr int KeyBytes = 32;

    struct Parsed {
        int iterations = 0;
        QByteArray salt;
        QByteArray key;
    };

    // A new encoded hash with a fresh salt from the system's random generator. iterations below
    // MinimumIterations are raised to it.
    static QString create(const QString& secret, int iterations = DefaultIterations);

    // Whether secret matches encoded; false for anything malformed. Takes as long as the stored
    // iteration count demands and compares the keys in constant time.
    static bool verify(const QString& secret, const QString& encoded);

    static Expected<Parsed> parse(const QString& encoded);
    static QString encode(const Parsed& parsed);

    // The hash of a user that does not exist: verifying against it costs what verifying a real
    // user's secret costs and never succeeds, so a login for an unknown name takes as long as
    // one with a wrong secret.
    static QString decoy(int iterations = DefaultIterations);

    // The raw PBKDF2-HMAC-SHA256 key through OpenSSL's libcrypto (exposed for known-answer
    // tests); empty if libcrypto fails.
    static QByteArray derive(const QByteArray& secret, const QByteArray& salt, int iterations,
                             int keyBytes = KeyBytes);

    // Secrets are compared as UTF-8 of their NFC form, so the same PIN or password typed on
    // keyboards that compose characters differently still matches.
    static QByteArray secretBytes(const QString& secret);
};

} // namespace storedesk::server
