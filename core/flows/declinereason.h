#pragma once

#include <QCoreApplication>
#include <QString>

namespace storedesk::flows {

// Why a payment failed, for the colleague: the payment provider's words (which the server passes
// through as the payment's message, in English) turned into the app's language where the app
// knows them, with the provider's own words kept as the detail. A text the app does not know is
// shown as it came.
struct DeclineReason {
    QString text;   // what to show; the provider's words when they are not known
    QString detail; // the provider's words when `text` differs from them, else empty

    // The reasons the server's payment providers give (server/payments: the simulated terminal,
    // the HTTP extension; tests/psp).
    static DeclineReason fromProvider(const QString& providerMessage);

private:
    Q_DECLARE_TR_FUNCTIONS(storedesk::flows::DeclineReason)
};

} // namespace storedesk::flows
