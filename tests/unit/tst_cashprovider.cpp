// The cash drawer: final at once, change from checked Money arithmetic.
#include "payments/cashprovider.h"

#include <QTest>

using namespace storedesk;
using namespace storedesk::server;
using State = ProviderStatus::State;

namespace {

Money eur(qint64 cents, QStringView currency = u"EUR")
{
    return *Money::fromMinorUnits(cents, currency);
}

PaymentAttempt cash(const Money& amount, std::optional<Money> tendered)
{
    PaymentAttempt attempt;
    attempt.paymentId = QStringLiteral("p-1");
    attempt.paymentKey = QStringLiteral("key-1");
    attempt.amount = amount;
    attempt.tender = QStringLiteral("cash");
    attempt.startedAt = QDateTime::currentDateTimeUtc();
    attempt.cashTendered = std::move(tendered);
    return attempt;
}

ProviderStatus startAndWait(PaymentProvider& provider, const PaymentAttempt& attempt)
{
    std::optional<ProviderStatus> answer;
    provider.start(attempt, [&answer](ProviderStatus status) { answer = std::move(status); });
    return answer.value(); // synchronous: answered before start() returns
}

} // namespace

class TestCashProvider : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void givesChange()
    {
        CashProvider provider;
        const ProviderStatus status = startAndWait(provider, cash(eur(1234), eur(2000)));
        QCOMPARE(status.state, State::Succeeded);
        QVERIFY(status.isFinal());
        QCOMPARE(status.changeDue, std::optional<Money>(eur(766)));
        QCOMPARE(status.reference, QStringLiteral("key-1"));
    }

    void exactAmount()
    {
        CashProvider provider;
        QCOMPARE(startAndWait(provider, cash(eur(1234), eur(1234))).changeDue,
                 std::optional<Money>(eur(0)));
        // No cash tendered given: the colleague took the exact amount.
        QCOMPARE(startAndWait(provider, cash(eur(1234), std::nullopt)).changeDue,
                 std::optional<Money>(eur(0)));
    }

    void insufficientCash()
    {
        CashProvider provider;
        const ProviderStatus status = startAndWait(provider, cash(eur(1234), eur(1000)));
        QCOMPARE(status.state, State::Failed);
        QVERIFY(!status.changeDue);
        QVERIFY2(status.message.contains(QStringLiteral("less than")), qPrintable(status.message));
    }

    void currencyMismatch()
    {
        CashProvider provider;
        const ProviderStatus status = startAndWait(provider, cash(eur(1234), eur(5000, u"USD")));
        QCOMPARE(status.state, State::Failed);
        QVERIFY2(status.message.contains(QStringLiteral("EUR")), qPrintable(status.message));
    }

    void nothingToPay()
    {
        CashProvider provider;
        QCOMPARE(startAndWait(provider, cash(eur(0), eur(100))).state, State::Failed);
        QCOMPARE(startAndWait(provider, cash(eur(-5), eur(100))).state, State::Failed);
        QCOMPARE(startAndWait(provider, cash(Money(), std::nullopt)).state, State::Failed);
    }

    // A restarted server asking again gets the same answer, and cash in the drawer stays there.
    void statusAndCancelRepeatTheOutcome()
    {
        CashProvider provider;
        const PaymentAttempt attempt = cash(eur(1234), eur(2000));
        std::optional<ProviderStatus> status;
        std::optional<ProviderStatus> cancelled;
        provider.status(attempt, [&](ProviderStatus s) { status = s; });
        provider.cancel(attempt, [&](ProviderStatus s) { cancelled = s; });
        QCOMPARE(status->state, State::Succeeded);
        QCOMPARE(status->changeDue, std::optional<Money>(eur(766)));
        QCOMPARE(cancelled->state, State::Succeeded);
    }
};

QTEST_GUILESS_MAIN(TestCashProvider)
#include "tst_cashprovider.moc"
