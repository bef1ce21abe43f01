// The API's answer to each ServiceFailure (server/routes/serviceanswer): the services report in
// their own words, and every kind must come out as the same status, code, message, details and
// Retry-After the routes answered with when they built the ApiError themselves — the integration
// tests and stored idempotent answers depend on it.
#include "commercetools/ctclient.h"
#include "routes/serviceanswer.h"

#include <QTest>

using namespace storedesk::server;

namespace {

void compareAnswers(const ApiError& actual, const ApiError& expected)
{
    QCOMPARE(actual.status, expected.status);
    QCOMPARE(actual.code, expected.code);
    QCOMPARE(actual.message, expected.message);
    QCOMPARE(actual.details, expected.details);
    QCOMPARE(actual.retryAfterSeconds, expected.retryAfterSeconds);
    QCOMPARE(actual.toJson(QStringLiteral("c")), expected.toJson(QStringLiteral("c")));
}

StorageError storageError(StorageError::Kind kind)
{
    return StorageError{kind, QStringLiteral("disk on fire"), {}};
}

} // namespace

class TestServiceAnswer : public QObject {
    Q_OBJECT

private slots:
    void refusalsKeepTheirMessageAndDetails()
    {
        const QJsonObject open{{QStringLiteral("openBalance"),
                                QJsonObject{{QStringLiteral("centAmount"), 500},
                                            {QStringLiteral("currencyCode"), QStringLiteral("EUR")},
                                            {QStringLiteral("fractionDigits"), 2}}}};
        const QString more = QStringLiteral("The amount is more than the open balance.");
        compareAnswers(answerFor(ServiceFailure::invalidInput(more, open)),
                       ApiError::invalidInput(more, open));
        QCOMPARE(answerFor(ServiceFailure::invalidInput(more, open)).status, 400);

        const QString gone = QStringLiteral("There is no such cart in this store.");
        compareAnswers(answerFor(ServiceFailure::notFound(gone)), ApiError::notFound(gone));

        const QString taken = QStringLiteral("The payment's key is already used.");
        compareAnswers(answerFor(ServiceFailure::conflict(taken)), ApiError::conflict(taken));

        ApiError forbidden = ApiError::forbidden(QStringLiteral("A manager must approve it."));
        forbidden.details = {{QStringLiteral("approvalRequired"), true}};
        compareAnswers(answerFor(ServiceFailure::forbidden(forbidden.message, forbidden.details)),
                       forbidden);
    }

    // The till's conflicts carry their own code (docs/TILL.md), still 409 with message and details.
    void conflictsWithTheirOwnCode()
    {
        const ApiError notOpen = answerFor(ServiceFailure::tillNotOpen());
        QCOMPARE(notOpen.status, 409);
        QCOMPARE(notOpen.code, QStringLiteral("till_not_open"));
        QVERIFY(notOpen.message.contains(QStringLiteral("not open")));
        QCOMPARE(answerFor(ServiceFailure::tillAlreadyOpen()).code,
                 QStringLiteral("till_already_open"));
        QCOMPARE(answerFor(ServiceFailure::tillBusy()).code, QStringLiteral("till_busy"));
        const QJsonObject expected{{QStringLiteral("expectedCash"), 1200}};
        const ApiError cash = answerFor(ServiceFailure::insufficientCash(expected));
        QCOMPARE(cash.status, 409);
        QCOMPARE(cash.code, QStringLiteral("insufficient_cash"));
        QCOMPARE(cash.details, expected);
        // Without a code of its own a conflict stays "conflict".
        QCOMPARE(answerFor(ServiceFailure::conflict(QStringLiteral("x"))).code,
                 QStringLiteral("conflict"));
    }

    // A repeat of a key whose first request is still setting the attempt up.
    void inProgressAsksAgainAfterItsSeconds()
    {
        const QString message =
            QStringLiteral("This payment is still being set up; ask again in a moment.");
        const ApiError answer = answerFor(ServiceFailure::inProgress(message, 1));
        ApiError expected{409, QStringLiteral("attempt_in_progress"), message, {}};
        expected.retryAfterSeconds = 1;
        compareAnswers(answer, expected);
    }

    void upstreamFailuresAnswerAsCommercetoolsFailed()
    {
        compareAnswers(answerFor(ServiceFailure::fromUpstream(CtResponse{})),
                       ApiError::upstream(CtResponse{}));
        QCOMPARE(answerFor(ServiceFailure::fromUpstream(CtResponse{})).status, 502);
        CtResponse timedOut;
        timedOut.timedOut = true;
        QCOMPARE(answerFor(ServiceFailure::fromUpstream(timedOut)).status, 504);
        CtResponse unavailable;
        unavailable.status = 503;
        compareAnswers(answerFor(ServiceFailure::fromUpstream(unavailable)),
                       ApiError::upstream(unavailable));
        QCOMPARE(answerFor(ServiceFailure::fromUpstream(unavailable)).status, 503);
    }

    void storageFailuresNeverShowTheirMessage()
    {
        const ApiError down =
            answerFor(ServiceFailure::fromStorage(storageError(StorageError::Kind::Unavailable)));
        compareAnswers(down, ApiError::databaseUnavailable());
        QCOMPARE(down.status, 503);
        QCOMPARE(down.retryAfterSeconds, 2);
        compareAnswers(down, storageFailure(storageError(StorageError::Kind::Unavailable)));

        const ApiError other =
            answerFor(ServiceFailure::fromStorage(storageError(StorageError::Kind::Conflict)));
        compareAnswers(other, ApiError::internal());
        QVERIFY(!other.message.contains(QStringLiteral("disk")));
    }

    void internalIsInternal()
    {
        compareAnswers(answerFor(ServiceFailure::internal()), ApiError::internal());
    }
};

QTEST_GUILESS_MAIN(TestServiceAnswer)
#include "tst_serviceanswer.moc"
