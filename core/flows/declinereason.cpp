#include "flows/declinereason.h"

#include <QRegularExpression>

namespace storedesk::flows {

DeclineReason DeclineReason::fromProvider(const QString& providerMessage)
{
    const QString raw = providerMessage.trimmed();
    QString text;
    // The providers' result texts, matched exactly: they are the codes the server passes on.
    if (raw == QLatin1StringView("Card declined by issuer."))
        text = tr("Card declined by issuer.");
    else if (raw == QLatin1StringView("Payment terminal unreachable."))
        text = tr("Payment terminal unreachable.");
    else if (raw == QLatin1StringView("Payment provider unreachable."))
        text = tr("Payment provider unreachable.");
    else if (raw == QLatin1StringView("Cancelled before the terminal was asked."))
        text = tr("Cancelled before the terminal was asked.");
    else if (raw == QLatin1StringView("No answer from the payment provider yet."))
        text = tr("No answer from the payment provider yet.");
    else if (raw == QLatin1StringView("The payment provider's answer could not be verified."))
        text = tr("The payment provider's answer could not be verified.");
    else if (raw == QLatin1StringView("The payment provider's answer could not be read."))
        text = tr("The payment provider's answer could not be read.");
    else {
        static const QRegularExpression refused(
            QStringLiteral("^The payment provider refused the request \\(HTTP (\\d{3})\\)\\.$"));
        static const QRegularExpression answered(
            QStringLiteral("^The payment provider answered HTTP (\\d{3})\\.$"));
        const QRegularExpressionMatch refusal = refused.match(raw);
        const QRegularExpressionMatch answer = answered.match(raw);
        if (refusal.hasMatch())
            text =
                tr("The payment provider refused the request (HTTP %1).").arg(refusal.captured(1));
        else if (answer.hasMatch())
            text = tr("The payment provider answered HTTP %1.").arg(answer.captured(1));
    }
    if (text.isEmpty())
        return DeclineReason{raw, QString()}; // unknown: the provider's words as they came
    return DeclineReason{text, text == raw ? QString() : raw};
}

} // namespace storedesk::flows
