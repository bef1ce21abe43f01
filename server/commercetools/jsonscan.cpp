#include "jsonscan.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <cstring>

namespace storedesk::server {
namespace {

// Qt's JSON parser refuses deeper documents (qjsonparser.cpp, nestingLimit).
constexpr int maxDepth = 1024;

// Bytes a string's fast loop stops at: the closing quote, an escape, a control character (not
// allowed raw) and the first byte of a multi-byte UTF-8 sequence (checked separately).
constexpr std::array<bool, 256> stringStops = [] {
    std::array<bool, 256> stops{};
    for (int c = 0; c < 0x20; ++c)
        stops[c] = true;
    stops['"'] = true;
    stops['\\'] = true;
    for (int c = 0x80; c < 0x100; ++c)
        stops[c] = true;
    return stops;
}();

class Scanner {
public:
    explicit Scanner(QByteArrayView json)
        : m_at(reinterpret_cast<const unsigned char*>(json.data()))
        , m_end(m_at + json.size())
        , m_begin(m_at)
    {
    }

    const unsigned char* m_at;
    const unsigned char* const m_end;
    const unsigned char* const m_begin;

    void skipSpace()
    {
        while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
            ++m_at;
    }

    bool literal(const char* word)
    {
        const size_t length = std::strlen(word);
        if (size_t(m_end - m_at) < length || std::memcmp(m_at, word, length) != 0)
            return false;
        m_at += length;
        return true;
    }

    static bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }
    static bool isHex(unsigned char c)
    {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    bool number()
    {
        if (m_at < m_end && *m_at == '-')
            ++m_at;
        if (m_at >= m_end)
            return false;
        if (*m_at == '0') {
            ++m_at;
        } else if (isDigit(*m_at)) {
            while (m_at < m_end && isDigit(*m_at))
                ++m_at;
        } else {
            return false;
        }
        if (m_at < m_end && *m_at == '.') {
            ++m_at;
            if (m_at >= m_end || !isDigit(*m_at))
                return false;
            while (m_at < m_end && isDigit(*m_at))
                ++m_at;
        }
        if (m_at < m_end && (*m_at == 'e' || *m_at == 'E')) {
            ++m_at;
            if (m_at < m_end && (*m_at == '+' || *m_at == '-'))
                ++m_at;
            if (m_at >= m_end || !isDigit(*m_at))
                return false;
            while (m_at < m_end && isDigit(*m_at))
                ++m_at;
        }
        return true;
    }

    // One UTF-8 sequence starting at a byte >= 0x80 (RFC 3629: no overlong forms, no surrogates,
    // nothing above U+10FFFF).
    bool utf8Sequence()
    {
        const unsigned char lead = *m_at;
        int continuation = 0;
        unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuation = 2;
            if (lead == 0xE0)
                low = 0xA0;
            else if (lead == 0xED)
                high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation = 3;
            if (lead == 0xF0)
                low = 0x90;
            else if (lead == 0xF4)
                high = 0x8F;
        } else {
            return false;
        }
        if (m_end - m_at <= continuation)
            return false;
        if (m_at[1] < low || m_at[1] > high)
            return false;
        for (int i = 2; i <= continuation; ++i)
            if (m_at[i] < 0x80 || m_at[i] > 0xBF)
                return false;
        m_at += continuation + 1;
        return true;
    }

    // Whether any of 8 bytes may be a string stop (quote, backslash, < 0x20, >= 0x80). The
    // bit tricks may also flag a byte above a true stop (a borrow), never miss one.
    static bool mayHoldStop(quint64 bytes)
    {
        constexpr quint64 ones = 0x0101010101010101ULL;
        constexpr quint64 highs = 0x8080808080808080ULL;
        const quint64 quote = bytes ^ (ones * '"');
        const quint64 backslash = bytes ^ (ones * '\\');
        const quint64 control = bytes - ones * 0x20;
        return ((bytes | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
                 (control & ~bytes)) &
                highs) != 0;
    }

    // At the opening quote; ends after the closing one.
    bool string()
    {
        ++m_at;
        while (true) {
            // Eight bytes at a time through plain text, the bulk of a commercetools document.
            while (m_end - m_at >= 8) {
                quint64 bytes;
                std::memcpy(&bytes, m_at, 8);
                if (mayHoldStop(bytes))
                    break;
                m_at += 8;
            }
            while (m_at < m_end && !stringStops[*m_at])
                ++m_at;
            if (m_at >= m_end)
                return false;
            const unsigned char c = *m_at;
            if (c == '"') {
                ++m_at;
                return true;
            }
            if (c == '\\') {
                if (m_end - m_at < 2)
                    return false;
                switch (m_at[1]) {
                case '"':
                case '\\':
                case '/':
                case 'b':
                case 'f':
                case 'n':
                case 'r':
                case 't':
                    m_at += 2;
                    break;
                case 'u':
                    if (m_end - m_at < 6 || !isHex(m_at[2]) || !isHex(m_at[3]) || !isHex(m_at[4]) ||
                        !isHex(m_at[5]))
                        return false;
                    m_at += 6;
                    break;
                default:
                    return false;
                }
            } else if (c < 0x20) {
                return false;
            } else if (!utf8Sequence()) {
                return false;
            }
        }
    }

    bool value(int depth)
    {
        if (m_at >= m_end)
            return false;
        switch (*m_at) {
        case '{':
            return object(depth + 1, nullptr);
        case '[':
            return array(depth + 1);
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool array(int depth)
    {
        if (depth > maxDepth)
            return false;
        ++m_at;
        skipSpace();
        if (m_at < m_end && *m_at == ']') {
            ++m_at;
            return true;
        }
        while (true) {
            skipSpace();
            if (!value(depth))
                return false;
            skipSpace();
            if (m_at >= m_end)
                return false;
            if (*m_at == ']') {
                ++m_at;
                return true;
            }
            if (*m_at != ',')
                return false;
            ++m_at;
        }
    }

    using Visit = void (*)(void* sink, QByteArrayView key, QByteArrayView value);
    struct Sink {
        Visit visit;
        void* target;
    };

    // At the opening brace; ends after the closing one. `sink` hears of each member.
    bool object(int depth, const Sink* sink)
    {
        if (depth > maxDepth)
            return false;
        ++m_at;
        skipSpace();
        if (m_at < m_end && *m_at == '}') {
            ++m_at;
            return true;
        }
        while (true) {
            skipSpace();
            if (m_at >= m_end || *m_at != '"')
                return false;
            const unsigned char* keyStart = m_at + 1;
            if (!string())
                return false;
            const unsigned char* keyEnd = m_at - 1;
            skipSpace();
            if (m_at >= m_end || *m_at != ':')
                return false;
            ++m_at;
            skipSpace();
            const unsigned char* valueStart = m_at;
            if (!value(depth))
                return false;
            if (sink)
                sink->visit(sink->target, view(keyStart, keyEnd), view(valueStart, m_at));
            skipSpace();
            if (m_at >= m_end)
                return false;
            if (*m_at == '}') {
                ++m_at;
                return true;
            }
            if (*m_at != ',')
                return false;
            ++m_at;
        }
    }

    static QByteArrayView view(const unsigned char* from, const unsigned char* to)
    {
        return QByteArrayView(reinterpret_cast<const char*>(from), to - from);
    }
};

} // namespace

std::optional<JsonObjectScan> JsonObjectScan::scan(QByteArrayView json)
{
    JsonObjectScan result;
    Scanner scanner(json);
    scanner.skipSpace();
    if (scanner.m_at >= scanner.m_end || *scanner.m_at != '{')
        return std::nullopt;
    const Scanner::Sink sink{[](void* target, QByteArrayView key, QByteArrayView value) {
                                 static_cast<QList<Member>*>(target)->append({key, value});
                             },
                             &result.m_members};
    if (!scanner.object(1, &sink))
        return std::nullopt;
    scanner.skipSpace();
    if (scanner.m_at != scanner.m_end)
        return std::nullopt;
    return result;
}

QByteArrayView JsonObjectScan::member(QLatin1StringView key) const
{
    for (auto it = m_members.crbegin(); it != m_members.crend(); ++it)
        if (it->key == QByteArrayView(key.data(), key.size()))
            return it->value;
    return {};
}

std::optional<QString> JsonObjectScan::decodeString(QByteArrayView literal)
{
    if (literal.size() < 2 || literal.front() != '"' || literal.back() != '"')
        return std::nullopt;
    const QByteArrayView text = literal.sliced(1, literal.size() - 2);
    if (!text.contains('\\'))
        return QString::fromUtf8(text);
    // Rare (commercetools' ids and keys have no escapes): let Qt's parser decode it.
    const QJsonDocument wrapped =
        QJsonDocument::fromJson(QByteArray("[") + literal.toByteArray() + QByteArray("]"));
    if (!wrapped.isArray() || !wrapped.array().at(0).isString())
        return std::nullopt;
    return wrapped.array().at(0).toString();
}

std::optional<QString> JsonObjectScan::string(QLatin1StringView key) const
{
    return decodeString(member(key));
}

std::optional<qint64> JsonObjectScan::integer(QLatin1StringView key) const
{
    const QByteArrayView text = member(key);
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    // toLongLong also takes "+1", " 1" or "0x1"; the scan let through JSON numbers only, and
    // this takes those without fraction or exponent.
    if (!ok || text.contains('.') || text.contains('e') || text.contains('E'))
        return std::nullopt;
    return value;
}

std::optional<ResourceHeader> readResourceHeader(QByteArrayView json)
{
    const std::optional<JsonObjectScan> resource = JsonObjectScan::scan(json);
    if (!resource)
        return std::nullopt;
    ResourceHeader header;
    std::optional<QString> id = resource->string(QLatin1StringView("id"));
    const std::optional<qint64> version = resource->integer(QLatin1StringView("version"));
    if (!id || !version)
        return std::nullopt;
    header.id = std::move(*id);
    header.version = *version;
    const QByteArrayView store = resource->member(QLatin1StringView("store"));
    if (store.isEmpty() || store == QByteArrayView("null"))
        return header;
    const std::optional<JsonObjectScan> storeReference = JsonObjectScan::scan(store);
    if (!storeReference)
        return std::nullopt;
    header.storeKey = storeReference->string(QLatin1StringView("key"));
    if (!header.storeKey)
        return std::nullopt;
    return header;
}

} // namespace storedesk::server
