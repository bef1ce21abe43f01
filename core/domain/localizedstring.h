#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace storedesk {

class JsonObjectReader;

// A commercetools LocalizedString: IETF language tag → text. Looking a value up walks a fallback
// chain so that a colleague always sees a name: the requested tag (de-CH), its language (de),
// the store's languages in order, English, then any value (the alphabetically first tag, so the
// choice is the same every time).
class LocalizedString {
public:
    LocalizedString() = default;
    explicit LocalizedString(QMap<QString, QString> values)
        : m_values(std::move(values))
    {
    }

    static LocalizedString read(JsonObjectReader reader); // every value must be a string
    QJsonObject toJson() const;

    bool isEmpty() const { return m_values.isEmpty(); }
    const QMap<QString, QString>& values() const { return m_values; }

    // The tags tried, in order, for `locale` (e.g. "de-CH" or "de_CH") in a store with
    // `storeLanguages`; duplicates removed.
    static QStringList fallbackChain(const QString& locale, const QStringList& storeLanguages = {});

    // Tag comparison ignores case and treats '_' like '-'. Empty when there are no values at all.
    QString value(const QString& locale, const QStringList& storeLanguages = {}) const;
    QString value(const QLocale& locale, const QStringList& storeLanguages = {}) const;
    // The same lookup along a chain from fallbackChain(), for callers that look up many strings
    // for one locale (a cart's lines) and work the chain out once.
    QString valueIn(const QStringList& chain) const;

    friend bool operator==(const LocalizedString&, const LocalizedString&) = default;

private:
    QMap<QString, QString> m_values;
};

} // namespace storedesk
