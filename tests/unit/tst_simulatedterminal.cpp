// The simulated terminal: its outcome table, asynchronous answers, cancel races, and the same
// answers from a fresh instance (a restarted server) that knows only the attempt.
#include "payments/simulatedterminal.h"

#include <QSignalSpy>
#include <QTest>

using namespace storedesk;
using namespace storedesk::server;
using namespace std::chrono_literals;
using State = ProviderStatus::State;

namespace {

constexpr auto fastDelay = 50ms;

PaymentAttempt card(qint64 cents, QDateTime startedAt = QDateTime::currentDateTimeUtc())
{
    PaymentAttempt attempt;
    attempt.paymentId = QStringLiteral("payment-%1").arg(cents);
    attempt.paymentKey = QStringLiteral("key-%1").arg(cents);
    attempt.amount = *Money::fromMinorUnits(cents, u"EUR");
    attempt.tender = QStringLiteral("card");
    attempt.terminalId = QStringLiteral("T1");
    attempt.startedAt = std::move(startedAt);
    return attempt;
}

SimulatedTerminal::Options fast()
{
    SimulatedTerminal::Options options;
    options.delay = fastDelay;
    return options;
}

// The callback's answer, waiting for it when it comes later.
ProviderStatus answerOf(const std::function<void(PaymentProvider::Callback)>& call)
{
    auto answer = std::make_shared<std::optional<ProviderStatus>>();
    call([answer](ProviderStatus status) { *answer = std::move(status); });
    if (!answer->has_value())
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(answer->has_value(), 5000);
        }();
    return answer->value_or(ProviderStatus{});
}

ProviderStatus outcomeIn(const QSignalSpy& spy, qsizetype index = 0)
{
    return spy.at(index).at(1).value<ProviderStatus>();
}

} // namespace

class TestSimulatedTerminal : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<ProviderStatus>(); }

    void table_data()
    {
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<int>("firstAnswer");
        QTest::addColumn<int>("finalState"); // -1: never answers
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, qint64 cents, State first, int final,
                            const char* message) {
            QTest::newRow(name) << cents << int(first) << final << QString::fromUtf8(message);
        };
        row("00 approves", 1200, State::Pending, int(State::Succeeded), "");
        row("89 approves", 1289, State::Pending, int(State::Succeeded), "");
        row("90 approves", 90, State::Pending, int(State::Succeeded), "");
        row("91 declines", 1291, State::Pending, int(State::Failed), "Card declined by issuer.");
        row("92 never answers", 1292, State::Pending, -1, "");
        row("93 approves", 1293, State::Pending, int(State::Succeeded), "");
        row("94 unreachable", 1294, State::Failed, -1, "Payment terminal unreachable.");
        row("99 approves", 99999, State::Pending, int(State::Succeeded), "");
    }
    void table()
    {
        QFETCH(qint64, cents);
        QFETCH(int, firstAnswer);
        QFETCH(int, finalState);
        QFETCH(QString, message);
        SimulatedTerminal terminal(QStringLiteral("T1"), fast());
        QSignalSpy outcomes(&terminal, &PaymentProvider::outcome);
        const PaymentAttempt attempt = card(cents);

        const ProviderStatus first =
            answerOf([&](auto done) { terminal.start(attempt, std::move(done)); });
        QCOMPARE(int(first.state), firstAnswer);
        QCOMPARE(first.reference, QStringLiteral("T1:") + attempt.paymentKey);
        if (first.isFinal())
            QCOMPARE(first.message, message);

        if (finalState < 0) {
            QTest::qWait(4 * int(fastDelay.count()));
            QCOMPARE(outcomes.size(), 0);
            return;
        }
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 5000);
        QCOMPARE(outcomes.at(0).at(0).toString(), attempt.paymentKey);
        QCOMPARE(int(outcomeIn(outcomes).state), finalState);
        QCOMPARE(outcomeIn(outcomes).message, message);
        // status() agrees once the terminal has answered.
        QCOMPARE(int(answerOf([&](auto done) { terminal.status(attempt, std::move(done)); }).state),
                 finalState);
    }

    void behaviourUsesTheCentAmount()
    {
        using B = SimulatedTerminal::Behaviour;
        QCOMPARE(SimulatedTerminal::behaviourFor(*Money::fromMinorUnits(-1291, u"EUR")),
                 B::Decline);
        // 12.9149 EUR shows as 12.91 on the receipt.
        QCOMPARE(SimulatedTerminal::behaviourFor(*Money::fromPreciseUnits(129149, u"EUR", 4)),
                 B::Decline);
        QCOMPARE(SimulatedTerminal::behaviourFor(*Money::fromMinorUnits(1292, u"JPY")),
                 B::NeverAnswer);
        QCOMPARE(SimulatedTerminal::behaviourFor(Money()), B::Approve);
    }

    // A restarted server has a new instance and only the attempt; with the same configuration
    // and clock it gets the same answers, without any timer having run.
    void statusAfterRestart_data()
    {
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<int>("cancelAfterMs"); // -1: no cancel
        QTest::addColumn<int>("askAfterMs");
        QTest::addColumn<int>("expected");
        QTest::newRow("approve, early") << qint64(1200) << -1 << 10 << int(State::Pending);
        QTest::newRow("approve, late") << qint64(1200) << -1 << 60 << int(State::Succeeded);
        QTest::newRow("approve, cancel first") << qint64(1200) << 20 << 60 << int(State::Cancelled);
        QTest::newRow("approve, cancel too late")
            << qint64(1200) << 51 << 60 << int(State::Succeeded);
        QTest::newRow("decline, late") << qint64(1291) << -1 << 60 << int(State::Failed);
        QTest::newRow("decline, cancel first") << qint64(1291) << 20 << 60 << int(State::Cancelled);
        QTest::newRow("never, late") << qint64(1292) << -1 << 100000 << int(State::Pending);
        QTest::newRow("never, cancelled")
            << qint64(1292) << 5000 << 100000 << int(State::Cancelled);
        QTest::newRow("93, cancel first, early") << qint64(1293) << 20 << 30 << int(State::Pending);
        QTest::newRow("93, cancel first, late")
            << qint64(1293) << 20 << 60 << int(State::Succeeded);
        QTest::newRow("unreachable") << qint64(1294) << -1 << 0 << int(State::Failed);
    }
    void statusAfterRestart()
    {
        QFETCH(qint64, cents);
        QFETCH(int, cancelAfterMs);
        QFETCH(int, askAfterMs);
        QFETCH(int, expected);
        const QDateTime started =
            QDateTime::fromString(QStringLiteral("2024-05-01T10:00:00Z"), Qt::ISODate);
        PaymentAttempt attempt = card(cents, started);
        if (cancelAfterMs >= 0)
            attempt.cancelRequestedAt = started.addMSecs(cancelAfterMs);
        const QDateTime asked = started.addMSecs(askAfterMs);

        SimulatedTerminal::Options options = fast();
        options.clock = [asked] {
            return asked;
        };
        SimulatedTerminal fresh(QStringLiteral("T1"), options);
        QCOMPARE(int(fresh.statusAt(attempt, asked).state), expected);
        QCOMPARE(int(answerOf([&](auto done) { fresh.status(attempt, std::move(done)); }).state),
                 expected);
        // A second fresh instance says exactly the same.
        SimulatedTerminal another(QStringLiteral("T1"), options);
        QCOMPARE(another.statusAt(attempt, asked).reference,
                 fresh.statusAt(attempt, asked).reference);
    }

    void cancelBeforeApproval()
    {
        SimulatedTerminal terminal(QStringLiteral("T1"), fast());
        QSignalSpy outcomes(&terminal, &PaymentProvider::outcome);
        const PaymentAttempt attempt = card(1200);
        answerOf([&](auto done) { terminal.start(attempt, std::move(done)); });
        const ProviderStatus cancelled =
            answerOf([&](auto done) { terminal.cancel(attempt, std::move(done)); });
        QCOMPARE(cancelled.state, State::Cancelled);
        // The timer that would have approved stays quiet.
        QTest::qWait(4 * int(fastDelay.count()));
        QCOMPARE(outcomes.size(), 0);
    }

    void cancelAfterApproval()
    {
        SimulatedTerminal terminal(QStringLiteral("T1"), fast());
        QSignalSpy outcomes(&terminal, &PaymentProvider::outcome);
        const PaymentAttempt attempt = card(1200);
        answerOf([&](auto done) { terminal.start(attempt, std::move(done)); });
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 5000);
        QCOMPARE(answerOf([&](auto done) { terminal.cancel(attempt, std::move(done)); }).state,
                 State::Succeeded);
    }

    void cancelWhenTheTerminalNeverAnswers()
    {
        SimulatedTerminal terminal(QStringLiteral("T1"), fast());
        const PaymentAttempt attempt = card(1292);
        QCOMPARE(answerOf([&](auto done) { terminal.start(attempt, std::move(done)); }).state,
                 State::Pending);
        QCOMPARE(answerOf([&](auto done) { terminal.cancel(attempt, std::move(done)); }).state,
                 State::Cancelled);
    }

    // 93: the cancel is sent first, but the approval wins; the cancel's answer says so.
    void approvalWinsTheRace()
    {
        SimulatedTerminal terminal(QStringLiteral("T1"), fast());
        QSignalSpy outcomes(&terminal, &PaymentProvider::outcome);
        const PaymentAttempt attempt = card(1293);
        answerOf([&](auto done) { terminal.start(attempt, std::move(done)); });
        std::optional<ProviderStatus> cancelAnswer;
        terminal.cancel(attempt, [&](ProviderStatus status) { cancelAnswer = status; });
        QVERIFY(!cancelAnswer); // not before the terminal has decided
        QTRY_VERIFY_WITH_TIMEOUT(cancelAnswer.has_value(), 5000);
        QCOMPARE(cancelAnswer->state, State::Succeeded);
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 5000);
        QCOMPARE(outcomeIn(outcomes).state, State::Succeeded);
    }
};

QTEST_GUILESS_MAIN(TestSimulatedTerminal)
#include "tst_simulatedterminal.moc"
