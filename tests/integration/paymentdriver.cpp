// A tiny app for the restart tests: starts one payment through the real Checkout and runs until it
// is killed. Usage: paymentdriver <serverUrl> <storeKey> <workstationId> <cartId> <tender>
// <cents> <tenderedCents> <recordsFolder>; the access token comes in $STOREDESK_DRIVER_TOKEN.

#include "api/apiclient.h"
#include "flows/checkout.h"

#include <QCoreApplication>
#include <QUrl>

using namespace storedesk;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 9)
        return 2;
    api::ApiClient client;
    client.setServerUrl(QUrl(args.at(1)));
    client.setAccessToken(qgetenv("STOREDESK_DRIVER_TOKEN"));
    flows::Checkout checkout(&client, flows::PendingPayments(args.at(8)));
    checkout.setPlace(args.at(2), args.at(3));
    checkout.open(args.at(4));
    api::PaymentRequest request{
        args.at(5), *Money::fromMinorUnits(args.at(6).toLongLong(), u"EUR"), {}};
    if (args.at(7).toLongLong() > 0)
        request.cashTendered = *Money::fromMinorUnits(args.at(7).toLongLong(), u"EUR");
    if (!checkout.pay(request))
        return 3;
    return app.exec();
}
