#include "localizedstring.h"

#include "jsonreader.h"

#include <QLocale>

namespace storedesk {
namespace {

// The form tags are compared in: "de_CH", "DE-ch" and "de-CH" are one tag.
QString comparable(QStringView tag)
{
    QString key = tag.trimmed().toString().toLower();
    key.replace(QLatin1Char('_'), QLatin1Char('-'));
    return key;
}

// Appends `tag` and then each shorter prefix of it (RFC 4647 lookup: zh-Hant-TW, zh-Hant, zh),
// skipping tags already in the chain.
void appendWithPrefixes(QStringList& chain, QStringList& seen, QStringView rawTag)
{
    QString tag = rawTag.trimmed().toString();
    tag.replace(QLatin1Char('_'), QLatin1Char('-'));
    while (!tag.isEmpty()) {
        const QString key = tag.toLower();
        if (!seen.contains(key)) {
            seen.append(key);
            chain.append(tag);
        }
        qsizetype cut = tag.lastIndexOf(QLatin1Char('-'));
        // A single-letter subtag ("x" in "de-x-pos") only introduces what follows; it is never a
        // tag on its own end (RFC 4647, 3.4).
        if (cut >= 2 && tag.at(cut - 2) == QLatin1Char('-'))
            cut -= 2;
        tag.truncate(cut < 0 ? 0 : cut);
    }
}

// comparable(a) == comparable(b), without building either.
bool sameTag(QStringView a, QStringView b)
{
    a = a.trimmed();
    b = b.trimmed();
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        QChar x = a.at(i);
        QChar y = b.at(i);
        if (x == QLatin1Char('_'))
            x = QLatin1Char('-');
        if (y == QLatin1Char('_'))
            y = QLatin1Char('-');
        if (x != y && x.toLower() != y.toLower())
            return false;
    }
    return true;
}

bool hasText(const QString& value)
{
    return !value.trimmed().isEmpty();
}

} // namespace

LocalizedString LocalizedString::read(JsonObjectReader reader)
{
    if (reader.failed())
        return {};
    QMap<QString, QString> values = reader.stringMembers();
    if (reader.failed())
        return {};
    return LocalizedString(std::move(values));
}

QJsonObject LocalizedString::toJson() const
{
    QJsonObject object;
    for (auto it = m_values.constBegin(); it != m_values.constEnd(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QStringList LocalizedString::fallbackChain(const QString& locale, const QStringList& storeLanguages)
{
    QStringList chain;
    QStringList seen;
    // QLocale::c().name() is "C": no language was asked for.
    if (locale.trimmed().compare(QLatin1StringView("C"), Qt::CaseInsensitive) != 0)
        appendWithPrefixes(chain, seen, locale);
    for (const QString& language : storeLanguages)
        appendWithPrefixes(chain, seen, language);
    appendWithPrefixes(chain, seen, u"en");
    return chain;
}

QString LocalizedString::value(const QString& locale, const QStringList& storeLanguages) const
{
    return valueIn(fallbackChain(locale, storeLanguages));
}

QString LocalizedString::valueIn(const QStringList& chain) const
{
    // A blank value is treated like a missing one: the colleague should see some name rather than
    // an empty cell because a translation was left empty. Where two tags are one ("de_CH",
    // "de-ch"), the first in map order counts.
    for (const QString& tag : chain) {
        for (auto it = m_values.constBegin(); it != m_values.constEnd(); ++it) {
            if (sameTag(it.key(), tag) && hasText(it.value()))
                return it.value();
        }
    }
    // Any value, but the same one every time: the first tag in (case-folded) alphabetical order.
    QString firstKey;
    QString first;
    for (auto it = m_values.constBegin(); it != m_values.constEnd(); ++it) {
        if (!hasText(it.value()))
            continue;
        const QString key = comparable(it.key());
        if (first.isNull() || key < firstKey) {
            firstKey = key;
            first = it.value();
        }
    }
    return first;
}

QString LocalizedString::value(const QLocale& locale, const QStringList& storeLanguages) const
{
    // name() ("de_DE") rather than bcp47Name(): the latter drops a territory that is the
    // language's default ("de"), and a value stored under "de-DE" would then be missed.
    return value(locale.name(), storeLanguages);
}

} // namespace storedesk
