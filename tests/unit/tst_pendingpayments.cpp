// The pending payment records: what survives an app restart so that an attempt is resumed, not
// paid again.

#include "flows/pendingpayments.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace storedesk;
using namespace storedesk::flows;

class TestPendingPayments : public QObject {
    Q_OBJECT

private:
    static PendingPayment attempt(const QString& workstation, const QString& cart)
    {
        return PendingPayment::create(
            QStringLiteral("berlin-mitte"), workstation, cart,
            api::PaymentRequest{QStringLiteral("cash"), *Money::fromMinorUnits(1234, u"EUR"),
                                Money::fromMinorUnits(2000, u"EUR").value()});
    }

private slots:
    void savedAttemptsAreFoundAgainUntilRemoved()
    {
        QTemporaryDir folder;
        const PendingPayments records(folder.filePath(QStringLiteral("pending")));
        PendingPayment first = attempt(QStringLiteral("till-1"), QStringLiteral("cart-a"));
        QVERIFY(records.save(first));
        PendingPayment other = attempt(QStringLiteral("till-2"), QStringLiteral("cart-b"));
        QVERIFY(records.save(other));

        QList<PendingPayment> found =
            records.at(QStringLiteral("berlin-mitte"), QStringLiteral("till-1"));
        QCOMPARE(found.size(), 1); // another workstation's attempt is not this one's
        QCOMPARE(found.first().idempotencyKey, first.idempotencyKey);
        QCOMPARE(found.first().cartId, QStringLiteral("cart-a"));
        QCOMPARE(found.first().request.amount, first.request.amount);
        QCOMPARE(found.first().request.cashTendered, first.request.cashTendered);
        QVERIFY(found.first().paymentId.isEmpty());

        // The server's payment id is added once known; the key stays the same.
        first.paymentId = QStringLiteral("6937f373-aaca-4c19-bc2b-963b6cf587db");
        QVERIFY(records.save(first));
        found = records.at(QStringLiteral("berlin-mitte"), QStringLiteral("till-1"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().paymentId, first.paymentId);

        records.remove(first.idempotencyKey);
        QVERIFY(records.at(QStringLiteral("berlin-mitte"), QStringLiteral("till-1")).isEmpty());
        QCOMPARE(records.at(QStringLiteral("berlin-mitte"), QStringLiteral("till-2")).size(), 1);
    }

    void eachAttemptHasItsOwnKey()
    {
        const PendingPayment a = attempt(QStringLiteral("till-1"), QStringLiteral("cart-a"));
        const PendingPayment b = attempt(QStringLiteral("till-1"), QStringLiteral("cart-a"));
        QVERIFY(a.idempotencyKey != b.idempotencyKey);
        QCOMPARE(a.idempotencyKey.size(), 36); // a UUID without braces, as the server wants
    }

    void recordsHoldNothingSecret()
    {
        const QByteArray json =
            QJsonDocument(attempt(QStringLiteral("till-1"), QStringLiteral("c")).toJson()).toJson();
        for (const char* word : {"token", "secret", "password", "Bearer"})
            QVERIFY2(!json.contains(word), word);
    }

    void unreadableRecordsAreSkippedNotDeleted()
    {
        QTemporaryDir folder;
        const PendingPayments records(folder.path());
        QVERIFY(records.save(attempt(QStringLiteral("till-1"), QStringLiteral("cart-a"))));
        QFile broken(folder.filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"idempotencyKey\": 12");
        broken.close();
        QFile notAKey(folder.filePath(QStringLiteral("other.json")));
        QVERIFY(notAKey.open(QIODevice::WriteOnly));
        notAKey.write(QJsonDocument(QJsonObject{{QStringLiteral("idempotencyKey"),
                                                 QStringLiteral("../../x")}})
                          .toJson());
        notAKey.close();

        QCOMPARE(records.at(QStringLiteral("berlin-mitte"), QStringLiteral("till-1")).size(), 1);
        QVERIFY(QFile::exists(broken.fileName())); // kept for support
    }

    void aFolderThatCannotBeWrittenRefusesTheAttempt()
    {
        QTemporaryDir folder;
        QFile blocker(folder.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        // A path below a regular file can never be created.
        const PendingPayments records(folder.filePath(QStringLiteral("file/pending")));
        QString problem;
        QVERIFY(
            !records.save(attempt(QStringLiteral("till-1"), QStringLiteral("cart-a")), &problem));
        QVERIFY(!problem.isEmpty());
    }

    void unresolvedRecordsAreKeptApartFromThoseInProgress()
    {
        QTemporaryDir folder;
        const PendingPayments records(folder.filePath(QStringLiteral("pending")));
        PendingPayment running = attempt(QStringLiteral("till-1"), QStringLiteral("cart-a"));
        running.serverUrl = QStringLiteral("https://storedesk.example");
        running.colleague = QStringLiteral("Anna");
        QVERIFY(records.save(running));
        PendingPayment unknown = attempt(QStringLiteral("till-1"), QStringLiteral("cart-b"));
        unknown.unresolvedReason = QStringLiteral("unknown_to_server");
        unknown.unresolvedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(records.save(unknown));

        const QList<PendingPayment> inProgress =
            records.at(QStringLiteral("berlin-mitte"), QStringLiteral("till-1"));
        QCOMPARE(inProgress.size(), 1);
        QCOMPARE(inProgress.first().serverUrl, running.serverUrl);
        QCOMPARE(inProgress.first().colleague, running.colleague);
        const QList<PendingPayment> unresolved =
            records.unresolvedAt(QStringLiteral("berlin-mitte"), QStringLiteral("till-1"));
        QCOMPARE(unresolved.size(), 1);
        QCOMPARE(unresolved.first().idempotencyKey, unknown.idempotencyKey);
        QCOMPARE(unresolved.first().unresolvedReason, unknown.unresolvedReason);
        QVERIFY(!unresolved.first().reported);
    }
};

QTEST_GUILESS_MAIN(TestPendingPayments)
#include "tst_pendingpayments.moc"
