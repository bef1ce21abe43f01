#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <optional>

namespace storedesk::server {

// One JSON object read from its bytes without building a Qt document: simdjson checks the whole
// text is well-formed (RFC 8259, UTF-8, nesting as deep as Qt's own parser allows, numbers within
// 64-bit integers and doubles), and the byte span of each top-level member's value is kept. For a
// route that needs three fields of a 200 KB resource and passes the rest through, this is a
// fraction of QJsonDocument::fromJson's cost (no UTF-16 strings, no allocation per value).
class JsonObjectScan {
public:
    // Null unless `json` is one well-formed JSON object (surrounding whitespace allowed). The
    // scan points into `json`: keep those bytes alive while using it.
    static std::optional<JsonObjectScan> scan(QByteArrayView json);
    // The same spans of a text scan() or readResourceHeader() has already accepted, without
    // validating it a second time (the costlier half). On any other text the members are
    // unspecified (never a read outside `json`).
    static std::optional<JsonObjectScan> scanValidated(QByteArrayView json);

    // The bytes of the value of the top-level member `key` (the last one, when a key repeats —
    // as QJsonDocument keeps it); empty when there is no such member. Keys are compared as
    // written, so a key spelled with escapes does not match.
    QByteArrayView member(QLatin1StringView key) const;

    // The value of member `key` when it is a JSON string / an integer that fits in 64 bits.
    std::optional<QString> string(QLatin1StringView key) const;
    std::optional<qint64> integer(QLatin1StringView key) const;

    // The text of a JSON string literal ("…", as member() returns it), escapes decoded.
    static std::optional<QString> decodeString(QByteArrayView literal);

    struct Member {
        QByteArrayView key; // as written, without the quotes
        QByteArrayView value;
    };
    // Every member, in the order written (a repeated key appears each time).
    const QList<Member>& members() const { return m_members; }

private:
    static std::optional<JsonObjectScan> read(QByteArrayView json, bool validate);

    QList<Member> m_members;
};

// The byte spans of the elements of a JSON array that scan() or readResourceHeader() has already
// accepted as part of a document (not validated again); null when `json` is not an array.
std::optional<QList<QByteArrayView>> scanArrayValidated(QByteArrayView json);

// What the server needs of a commercetools resource to fence it: its id, its version and the key
// of the store it belongs to.
struct ResourceHeader {
    QString id;
    qint64 version = 0;
    std::optional<QString> storeKey; // none when the resource has no store (or store is null)
};

// Reads the header of a resource from its bytes; null when the bytes are not a well-formed JSON
// object, or id is not a string, version not an integer, or store neither absent, null nor an
// object whose key is a string.
std::optional<ResourceHeader> readResourceHeader(QByteArrayView json);

} // namespace storedesk::server
