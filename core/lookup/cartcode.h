#pragma once

#include <QString>

namespace storedesk::lookup {

// What a scanned or typed text names: a cart id (a UUID, alone or inside a URL or QR payload), a
// cart key, a customer's e-mail address, or nothing usable.
struct CartCode {
    enum class Kind { Invalid, CartId, CartKey, CustomerEmail };

    Kind kind = Kind::Invalid;
    QString value;

    // Accepts "3f2a…-…" (UUID), "https://shop.example.com/pos?cart=<uuid>",
    // "…/carts/<uuid>", "storedesk:cart:<uuid>", "cart=<uuid>", a key (2–256 of [A-Za-z0-9_-]) and
    // an e-mail address. Surrounding whitespace and control characters from scanners are ignored.
    static CartCode parse(const QString& text);
};

} // namespace storedesk::lookup
