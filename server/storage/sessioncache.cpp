#include "sessioncache.h"

#include <QCryptographicHash>

namespace storedesk::server {

QByteArray SessionCache::keyOf(const QByteArray& token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

std::optional<Caller> SessionCache::find(const QByteArray& token, const QDateTime& now) const
{
    const auto found = m_entries.constFind(keyOf(token));
    if (found == m_entries.cend() || found->validUntil <= now)
        return std::nullopt;
    return found->caller;
}

void SessionCache::insert(const QByteArray& token, const Caller& caller,
                          const QDateTime& sessionExpiry, const QDateTime& now,
                          quint64 removalsBeforeLookup)
{
    if (removalsBeforeLookup != m_removals)
        return;
    if (m_entries.size() >= MaxEntries) {
        // Expired entries go first; a cache still full of live ones starts over.
        m_entries.removeIf([&now](const auto& entry) { return entry.value().validUntil <= now; });
        if (m_entries.size() >= MaxEntries)
            m_entries.clear();
    }
    const QDateTime until = std::min(now.addSecs(TimeToLive.count()), sessionExpiry);
    if (until > now)
        m_entries.insert(keyOf(token), Entry{caller, until});
}

void SessionCache::remove(const QByteArray& token)
{
    m_entries.remove(keyOf(token));
    ++m_removals;
}

} // namespace storedesk::server
