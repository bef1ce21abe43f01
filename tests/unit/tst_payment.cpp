#include "documentcases.h"
#include "domain/payment.h"
#include "fixtures.h"
#include "jsonpatch.h"

#include <QTest>

using namespace storedesk;
using namespace storedesk::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject cardPayment()
{
    return QJsonDocument::fromJson(readFixture(u"payments/card-payment.json"_s)).object();
}

} // namespace

class TestPayment : public QObject {
    Q_OBJECT

private slots:
    void fields();
    void transactionTypes_data();
    void transactionTypes();
    void transactionStates_data();
    void transactionStates();
    void sums_data();
    void sums();
    void sumsWithoutTransactions();
    void sumOverflowIsAnError();
    void malformed_data();
    void malformed();
};

void TestPayment::fields()
{
    const Expected<Payment> payment =
        Payment::fromJson(readFixture(u"payments/card-payment.json"_s));
    QVERIFY2(payment, qPrintable(describe(payment)));
    QCOMPARE(payment->id, u"b2000000-0000-4000-8000-000000000001"_s);
    QCOMPARE(payment->version, 7);
    QCOMPARE(payment->key, u"till-3-attempt-6a1f0c"_s);
    QCOMPARE(payment->amountPlanned, eur(9890));
    QCOMPARE(payment->paymentMethodInfo.paymentInterface, u"terminal"_s);
    QCOMPARE(payment->paymentMethodInfo.method, u"CARD"_s);
    QCOMPARE(payment->paymentMethodInfo.name.values().value(u"de"_s), u"Karte"_s);
    QCOMPARE(payment->interfaceId, u"psp-8842-2231"_s);
    QCOMPARE(payment->paymentStatus.interfaceCode, u"00"_s);
    QCOMPARE(payment->paymentStatus.interfaceText, u"Approved"_s);
    QCOMPARE(payment->createdAt, QDateTime(QDate(2026, 11, 22), QTime(9, 30, 39), Qt::UTC));

    QCOMPARE(payment->transactions.size(), 8);
    const Transaction& charge = payment->transactions.at(1);
    QCOMPARE(charge.id, u"t2"_s);
    QCOMPARE(charge.type, Transaction::Type::Charge);
    QCOMPARE(charge.state, Transaction::State::Success);
    QCOMPARE(charge.amount, eur(5000));
    QCOMPARE(charge.interactionId, u"cap-1"_s);
    QCOMPARE(charge.timestamp, QDateTime(QDate(2026, 11, 22), QTime(9, 30, 41, 200), Qt::UTC));
    QVERIFY(!payment->transactions.at(6).timestamp.isValid());
    QCOMPARE(payment->transactions.at(6).amount, eur(0));
}

void TestPayment::transactionTypes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Transaction::Type>("type");
    using T = Transaction::Type;
    QTest::newRow("Authorization") << u"Authorization"_s << T::Authorization;
    QTest::newRow("CancelAuthorization") << u"CancelAuthorization"_s << T::CancelAuthorization;
    QTest::newRow("Charge") << u"Charge"_s << T::Charge;
    QTest::newRow("Refund") << u"Refund"_s << T::Refund;
    QTest::newRow("Chargeback") << u"Chargeback"_s << T::Chargeback;
}

void TestPayment::transactionTypes()
{
    QFETCH(QString, name);
    QFETCH(Transaction::Type, type);
    // Row 3 is a failed charge, so changing its type never disturbs the other rows' meaning.
    const Expected<Payment> payment =
        Payment::fromJson(toBytes(withValue(cardPayment(), u"transactions[3].type"_s, name)));
    QVERIFY2(payment, qPrintable(describe(payment)));
    QCOMPARE(payment->transactions.at(3).type, type);
}

void TestPayment::transactionStates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Transaction::State>("state");
    using S = Transaction::State;
    QTest::newRow("Initial") << u"Initial"_s << S::Initial;
    QTest::newRow("Pending") << u"Pending"_s << S::Pending;
    QTest::newRow("Success") << u"Success"_s << S::Success;
    QTest::newRow("Failure") << u"Failure"_s << S::Failure;
}

void TestPayment::transactionStates()
{
    QFETCH(QString, name);
    QFETCH(Transaction::State, state);
    const Expected<Payment> payment =
        Payment::fromJson(toBytes(withValue(cardPayment(), u"transactions[0].state"_s, name)));
    QVERIFY2(payment, qPrintable(describe(payment)));
    QCOMPARE(payment->transactions.at(0).state, state);
}

void TestPayment::sums_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value"); // empty: the fixture as it is
    QTest::addColumn<qint64>("charged");
    QTest::addColumn<qint64>("refunded");

    // The fixture: charges 50.00 + 48.90 succeeded, 1.00 failed; refund 24.90 succeeded, 12.00
    // pending; a successful chargeback and authorization that are neither.
    QTest::newRow("as recorded") << QString() << QString() << qint64(9890) << qint64(2490);
    QTest::newRow("failed charge succeeds")
        << u"transactions[3].state"_s << u"Success"_s << qint64(9990) << qint64(2490);
    QTest::newRow("charge still pending")
        << u"transactions[2].state"_s << u"Pending"_s << qint64(5000) << qint64(2490);
    QTest::newRow("pending refund succeeds")
        << u"transactions[5].state"_s << u"Success"_s << qint64(9890) << qint64(3690);
    QTest::newRow("refund failed")
        << u"transactions[4].state"_s << u"Failure"_s << qint64(9890) << qint64(0);
    QTest::newRow("chargeback is not a refund")
        << u"transactions[7].type"_s << u"Refund"_s << qint64(9890) << qint64(2790);
}

void TestPayment::sums()
{
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(qint64, charged);
    QFETCH(qint64, refunded);

    const QJsonObject json = path.isEmpty() ? cardPayment() : withValue(cardPayment(), path, value);
    const Expected<Payment> payment = Payment::fromJson(toBytes(json));
    QVERIFY2(payment, qPrintable(describe(payment)));
    QCOMPARE(payment->chargedAmount().value(), eur(charged));
    QCOMPARE(payment->refundedAmount().value(), eur(refunded));
}

void TestPayment::sumsWithoutTransactions()
{
    QJsonObject json = without(cardPayment(), u"transactions"_s);
    json = withValue(json, u"amountPlanned"_s,
                     QJsonObject{{u"currencyCode"_s, u"JPY"_s}, {u"centAmount"_s, 1500}});
    const Expected<Payment> payment = Payment::fromJson(toBytes(json));
    QVERIFY2(payment, qPrintable(describe(payment)));
    const Money zero = *Money::fromMinorUnits(0, u"JPY");
    QCOMPARE(payment->chargedAmount().value(), zero);
    QCOMPARE(payment->refundedAmount().value(), zero);
    QVERIFY(!Payment().chargedAmount()); // no currency at all
}

void TestPayment::sumOverflowIsAnError()
{
    const qint64 big = qint64(1) << 62;
    QJsonObject json = withValue(cardPayment(), u"transactions[1].amount.centAmount"_s, big);
    json = withValue(json, u"transactions[2].amount.centAmount"_s, big);
    const Expected<Payment> payment = Payment::fromJson(toBytes(json));
    QVERIFY2(payment, qPrintable(describe(payment)));
    const Expected<Money> charged = payment->chargedAmount();
    QVERIFY(!charged);
    QCOMPARE(charged.error().kind, Error::Kind::Overflow);
    QCOMPARE(payment->refundedAmount().value(), eur(2490));
}

void TestPayment::malformed_data()
{
    addDefectColumns();
    using K = Error::Kind;
    const auto row = addDefect;
    row("transaction in USD", u"transactions[2].amount.currencyCode"_s, u"USD"_s,
        u"transactions[2].amount.currencyCode"_s, K::CurrencyMismatch);
    row("unknown transaction type", u"transactions[1].type"_s, u"Capture"_s,
        u"transactions[1].type"_s, K::InvalidValue);
    row("unknown transaction state", u"transactions[1].state"_s, u"Succeeded"_s,
        u"transactions[1].state"_s, K::InvalidValue);
    row("no transaction type", u"transactions[4].type"_s, removed, u"transactions[4].type"_s,
        K::MissingValue);
    row("no transaction state", u"transactions[4].state"_s, removed, u"transactions[4].state"_s,
        K::MissingValue);
    row("no transaction id", u"transactions[0].id"_s, removed, u"transactions[0].id"_s,
        K::MissingValue);
    row("no transaction amount", u"transactions[5].amount"_s, removed, u"transactions[5].amount"_s,
        K::MissingValue);
    row("amount as a decimal", u"transactions[5].amount.centAmount"_s, 12.5,
        u"transactions[5].amount.centAmount"_s, K::InvalidValue);
    row("timestamp not a date", u"transactions[0].timestamp"_s, u"now"_s,
        u"transactions[0].timestamp"_s, K::InvalidValue);
    row("transactions an object", u"transactions"_s, QJsonObject(), u"transactions"_s,
        K::InvalidValue);
    row("no amountPlanned", u"amountPlanned"_s, removed, u"amountPlanned"_s, K::MissingValue);
    row("amountPlanned in lowercase currency", u"amountPlanned.currencyCode"_s, u"eur"_s,
        u"amountPlanned.currencyCode"_s, K::UnknownCurrency);
    row("no id", u"id"_s, removed, u"id"_s, K::MissingValue);
    row("no version", u"version"_s, removed, u"version"_s, K::MissingValue);
    row("method name value a number", u"paymentMethodInfo.name.en"_s, 1,
        u"paymentMethodInfo.name.en"_s, K::InvalidValue);
    row("paymentStatus an array", u"paymentStatus"_s, QJsonArray(), u"paymentStatus"_s,
        K::InvalidValue);
    row("interfaceCode a number", u"paymentStatus.interfaceCode"_s, 0,
        u"paymentStatus.interfaceCode"_s, K::InvalidValue);
}

void TestPayment::malformed()
{
    verifyDefect<Payment>(cardPayment());
}

QTEST_GUILESS_MAIN(TestPayment)
#include "tst_payment.moc"
