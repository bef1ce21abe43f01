#include "cartcode.h"

#include "domain/storekey.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace storedesk::lookup {
namespace {

const QRegularExpression& uuidPattern()
{
    static const QRegularExpression pattern(QStringLiteral(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"));
    return pattern;
}

bool isUuid(const QString& text)
{
    const QRegularExpressionMatch match = uuidPattern().match(text);
    return match.hasMatch() && match.capturedLength() == text.size();
}

// A cart id carried by a URL or a QR payload: a "cart"/"cartId" query item, or the segment after
// "carts" in the path, or any single UUID in the text.
QString cartIdInPayload(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (url.isValid() && !url.scheme().isEmpty()) {
        const QUrlQuery query(url);
        for (const char* name : {"cart", "cartId", "cart_id"}) {
            const QString value = query.queryItemValue(QString::fromLatin1(name));
            if (isUuid(value))
                return value.toLower();
        }
        const QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
            if (segments.at(i) == QLatin1StringView("carts") && isUuid(segments.at(i + 1)))
                return segments.at(i + 1).toLower();
        }
    }
    QRegularExpressionMatchIterator matches = uuidPattern().globalMatch(text);
    QString found;
    while (matches.hasNext()) {
        const QString id = matches.next().captured(0).toLower();
        if (!found.isEmpty() && found != id)
            return {}; // two different ids: ambiguous, so none
        found = id;
    }
    return found;
}

} // namespace

CartCode CartCode::parse(const QString& text)
{
    QString cleaned;
    for (const QChar c : text) {
        if (c.isPrint())
            cleaned += c;
    }
    cleaned = cleaned.trimmed();
    if (cleaned.isEmpty() || cleaned.size() > 2048)
        return {};
    if (isUuid(cleaned))
        return {Kind::CartId, cleaned.toLower()};
    if (StoreKey::isValid(cleaned))
        return {Kind::CartKey, cleaned};
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (cleaned.size() <= 254 && email.match(cleaned).hasMatch())
        return {Kind::CustomerEmail, cleaned};
    const QString id = cartIdInPayload(cleaned);
    if (!id.isEmpty())
        return {Kind::CartId, id};
    return {};
}

} // namespace storedesk::lookup
