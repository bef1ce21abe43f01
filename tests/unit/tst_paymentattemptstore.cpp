#include "postgresfixture.h"
#include "storage/database.h"
#include "storage/paymentattemptstore.h"
#include "storagetesting.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <limits>
#include <memory>
#include <vector>

using namespace storedesk;
using namespace storedesk::server;

using State = PaymentAttemptRecord::State;

namespace {

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Money eur(qint64 cents)
{
    return *Money::fromMinorUnits(cents, u"EUR");
}

// A Creating attempt as the payment route builds it: the payment key and the idempotency key are
// fresh, the commercetools Payment does not exist yet.
PaymentAttemptRecord attemptFor(const QString& cartId, const Money& amount,
                                const QString& tender = QStringLiteral("card"))
{
    PaymentAttemptRecord record;
    record.attempt.paymentKey = QStringLiteral("pay-") + newKey();
    record.attempt.amount = amount;
    record.attempt.tender = tender;
    record.attempt.storeKey = QStringLiteral("berlin-mitte");
    record.attempt.workstationId = QStringLiteral("till-1");
    record.attempt.terminalId = tender == QLatin1String("cash") ? QString() : QStringLiteral("t1");
    record.attempt.correlationId = newKey();
    record.idempotencyKey = newKey();
    record.cartId = cartId;
    record.provider =
        tender == QLatin1String("cash") ? QStringLiteral("cash") : QStringLiteral("simulated");
    record.username = QStringLiteral("anna");
    return record;
}

// An open till session at a workstation of berlin-mitte (or storeKey); its id.
QString openTill(Database& database, const QString& workstationId,
                 const QString& storeKey = QStringLiteral("berlin-mitte"))
{
    return test::openTillSession(database, storeKey, workstationId);
}

ProviderStatus status(ProviderStatus::State state, const QString& reference = QStringLiteral("r1"),
                      const QString& message = {})
{
    return ProviderStatus::make(state, reference, message);
}

} // namespace

class TestPaymentAttemptStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void insertWithinOpenBalance();
    void insertRefusedWithOpenBalance();
    void failedAndCancelledFreeTheirAmount();
    void balanceIsPerCart();
    void currencyMismatchIsInvalidInput();
    void concurrentInsertsTakeExactlyWhatFits();
    void markPendingOnlyOnceFromCreating();
    void finishOnlyFromPending();
    void finishFromCreatingForRecovery();
    void secondFinishChangesNothing();
    void finishNeedsAFinalState();
    void requestCancelKeepsTheFirstTime();
    void markSynced();
    void lookups();
    void unresolved();
    void keptStatementsReadCurrentRows();
    void moneyRoundTrips_data();
    void moneyRoundTrips();
    void cashWithoutAnOpenTillIsNotRecorded();
    void stampedWithTheWorkstationsOpenSession();
    void cardWithoutAnOpenTillIsRecordedUnstamped();

private:
    // Inserts against `total`; fails the test (returning an empty record) when not inserted.
    PaymentAttemptRecord inserted(const QString& cartId, const Money& amount, const Money& total,
                                  const QString& tender = QStringLiteral("card"));

    test::TestDatabases m_databases;
    QString m_url;
    QDateTime m_now;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PaymentAttemptStore> m_store;
};

void TestPaymentAttemptStore::initTestCase()
{
    QVERIFY(test::setUpEngine(m_databases));
}

void TestPaymentAttemptStore::init()
{
    m_now = test::storageTestStart();
    m_database = test::freshDatabase(m_databases, &m_url);
    QVERIFY(m_database);
    m_store = std::make_unique<PaymentAttemptStore>(*m_database, [this] { return m_now; });
}

void TestPaymentAttemptStore::cleanup()
{
    m_store.reset();
    m_database.reset();
}

void TestPaymentAttemptStore::cleanupTestCase()
{
    m_databases.tearDown();
}

PaymentAttemptRecord TestPaymentAttemptStore::inserted(const QString& cartId, const Money& amount,
                                                       const Money& total, const QString& tender)
{
    const PaymentAttemptRecord record = attemptFor(cartId, amount, tender);
    const auto insertion = m_store->insert(record, total);
    if (!insertion) {
        qWarning() << insertion.error().message;
        return {};
    }
    if (!insertion->inserted) {
        qWarning() << "not inserted; open balance" << insertion->openBalance.minorUnits();
        return {};
    }
    return record;
}

void TestPaymentAttemptStore::insertWithinOpenBalance()
{
    const Money total = eur(10000);
    auto first = m_store->insert(attemptFor(QStringLiteral("c1"), eur(6000)), total);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QVERIFY(first->inserted);
    QCOMPARE(first->openBalance, total);

    // Exactly the rest fits: the comparison is ≤, not <.
    const PaymentAttemptRecord rest = attemptFor(QStringLiteral("c1"), eur(4000), "cash");
    auto second = m_store->insert(rest, total);
    QVERIFY(second);
    QVERIFY(second->inserted);
    QCOMPARE(second->openBalance, eur(4000));

    const auto stored = m_store->find(rest.attempt.paymentKey);
    QVERIFY(stored);
    QCOMPARE(stored->state, State::Creating);
    QCOMPARE(stored->apiState(), QStringLiteral("pending"));
    QVERIFY(stored->attempt.paymentId.isEmpty());
    QVERIFY(!stored->synced);
    QCOMPARE(stored->createdAt, m_now);
    QCOMPARE(stored->updatedAt, m_now);

    // Nothing is left: not even one cent.
    auto third = m_store->insert(attemptFor(QStringLiteral("c1"), eur(1)), total);
    QVERIFY(third);
    QVERIFY(!third->inserted);
    QCOMPARE(third->openBalance, eur(0));
}

void TestPaymentAttemptStore::insertRefusedWithOpenBalance()
{
    const Money total = eur(5000);
    QVERIFY(!inserted(QStringLiteral("c1"), eur(3000), total).attempt.paymentKey.isEmpty());
    const PaymentAttemptRecord tooMuch = attemptFor(QStringLiteral("c1"), eur(2001));
    const auto refused = m_store->insert(tooMuch, total);
    QVERIFY(refused);
    QVERIFY(!refused->inserted);
    QCOMPARE(refused->openBalance, eur(2000));
    // A refused attempt leaves no trace.
    QCOMPARE(m_store->find(tooMuch.attempt.paymentKey).error().kind, StorageError::Kind::NotFound);
    QCOMPARE(m_store->findByIdempotencyKey(tooMuch.idempotencyKey).error().kind,
             StorageError::Kind::NotFound);
    QCOMPARE(m_store->forCart(QStringLiteral("c1"))->size(), 1);
}

void TestPaymentAttemptStore::failedAndCancelledFreeTheirAmount()
{
    const QString cart = QStringLiteral("c1");
    const Money total = eur(10000);
    const PaymentAttemptRecord declined = inserted(cart, eur(10000), total);
    QVERIFY(!declined.attempt.paymentKey.isEmpty());
    // Pending still takes its amount: the terminal may yet approve it.
    QVERIFY(*m_store->markPending(declined.attempt.paymentKey, "ct-1", m_now));
    QCOMPARE(m_store->insert(attemptFor(cart, eur(1)), total)->openBalance, eur(0));
    QVERIFY(*m_store->finish(declined.attempt.paymentKey, status(ProviderStatus::State::Failed)));

    const PaymentAttemptRecord aborted = inserted(cart, eur(7000), total);
    QVERIFY(!aborted.attempt.paymentKey.isEmpty());
    QVERIFY(*m_store->markPending(aborted.attempt.paymentKey, "ct-2", m_now));
    QVERIFY(*m_store->finish(aborted.attempt.paymentKey, status(ProviderStatus::State::Cancelled)));

    // A success keeps its amount; the failed and the cancelled one count for nothing.
    const PaymentAttemptRecord paid = inserted(cart, eur(2500), total);
    QVERIFY(!paid.attempt.paymentKey.isEmpty());
    QVERIFY(*m_store->markPending(paid.attempt.paymentKey, "ct-3", m_now));
    QVERIFY(*m_store->finish(paid.attempt.paymentKey, status(ProviderStatus::State::Succeeded)));
    const auto next = m_store->insert(attemptFor(cart, eur(7501)), total);
    QVERIFY(next);
    QVERIFY(!next->inserted);
    QCOMPARE(next->openBalance, eur(7500));
    QVERIFY(!inserted(cart, eur(7500), total).attempt.paymentKey.isEmpty());
    QCOMPARE(m_store->forCart(cart)->size(), 4);
}

void TestPaymentAttemptStore::balanceIsPerCart()
{
    const Money total = eur(1000);
    QVERIFY(!inserted(QStringLiteral("c1"), eur(1000), total).attempt.paymentKey.isEmpty());
    const auto other = m_store->insert(attemptFor(QStringLiteral("c2"), eur(1000)), total);
    QVERIFY(other);
    QVERIFY(other->inserted);
    QCOMPARE(other->openBalance, total);
}

void TestPaymentAttemptStore::currencyMismatchIsInvalidInput()
{
    const Money total = eur(1000);
    const auto dollars = m_store->insert(
        attemptFor(QStringLiteral("c1"), *Money::fromMinorUnits(500, u"USD")), total);
    QVERIFY(!dollars);
    QCOMPARE(dollars.error().kind, StorageError::Kind::InvalidInput);
    const auto noAmount = m_store->insert(attemptFor(QStringLiteral("c1"), Money()), total);
    QVERIFY(!noAmount);
    QCOMPARE(noAmount.error().kind, StorageError::Kind::InvalidInput);
    QCOMPARE(m_store->forCart(QStringLiteral("c1"))->size(), 0);
}

void TestPaymentAttemptStore::concurrentInsertsTakeExactlyWhatFits()
{
    // Two server instances, each with its own connection on its own thread (a QSqlDatabase
    // belongs to the thread that opened it), pay the same carts at the same moment. Per cart each
    // instance tries `perInstance` attempts of 2.00 against a total of 10.00: together they ask
    // for 12.00, so exactly five may get in, however the calls interleave.
    constexpr int cartCount = 25;
    constexpr int instances = 2;
    constexpr int perInstance = 3;
    constexpr qint64 share = 200;
    const Money total = eur(1000);
    QStringList carts;
    for (int i = 0; i < cartCount; ++i)
        carts.append(QStringLiteral("cart-") + newKey());

    QSemaphore ready;
    QSemaphore go;
    std::atomic<int> failures{0};
    // Per instance, per cart: how many of its attempts got in. Each thread writes only its own.
    std::vector<std::vector<int>> insertedCounts(instances);
    for (auto& counts : insertedCounts)
        counts.assign(cartCount, 0);
    QList<QThread*> threads;
    for (int instance = 0; instance < instances; ++instance) {
        threads.append(QThread::create([&, instance] {
            std::unique_ptr<Database> database = test::openDatabase(m_url);
            if (!database) {
                ++failures;
                ready.release();
                return;
            }
            PaymentAttemptStore store(*database);
            ready.release();
            go.acquire();
            for (int c = 0; c < cartCount; ++c) {
                for (int i = 0; i < perInstance; ++i) {
                    const auto insertion = store.insert(attemptFor(carts.at(c), eur(share)), total);
                    if (!insertion) {
                        qWarning() << insertion.error().message;
                        ++failures;
                        continue;
                    }
                    // A refusal must report a balance the attempt really does not fit.
                    if (!insertion->inserted && insertion->openBalance.minorUnits() >= share)
                        ++failures;
                    if (insertion->inserted)
                        ++insertedCounts[instance][c];
                }
            }
        }));
        threads.constLast()->start();
    }
    ready.acquire(instances);
    go.release(instances);
    for (QThread* thread : std::as_const(threads)) {
        QVERIFY(thread->wait(120000));
        delete thread;
    }
    QCOMPARE(failures.load(), 0);
    for (int c = 0; c < cartCount; ++c) {
        QCOMPARE(insertedCounts[0][c] + insertedCounts[1][c], 5);
        const auto stored = m_store->forCart(carts.at(c));
        QVERIFY(stored);
        QCOMPARE(stored->size(), 5);
    }
}

void TestPaymentAttemptStore::markPendingOnlyOnceFromCreating()
{
    const PaymentAttemptRecord record = inserted(QStringLiteral("c1"), eur(500), eur(500));
    const QString key = record.attempt.paymentKey;
    QVERIFY(!key.isEmpty());
    const QDateTime started = m_now.addSecs(1);
    m_now = m_now.addSecs(2);
    const auto marked = m_store->markPending(key, QStringLiteral("ct-payment-1"), started);
    QVERIFY2(marked, qPrintable(marked ? QString() : marked.error().message));
    QVERIFY(*marked);

    auto stored = m_store->find(key);
    QCOMPARE(stored->state, State::Pending);
    QCOMPARE(stored->attempt.paymentId, QStringLiteral("ct-payment-1"));
    QCOMPARE(stored->attempt.startedAt, started);
    QCOMPARE(stored->updatedAt, m_now);
    QCOMPARE(stored->createdAt, m_now.addSecs(-2));

    // The loser of a race learns it lost and changes nothing.
    m_now = m_now.addSecs(5);
    QCOMPARE(*m_store->markPending(key, QStringLiteral("ct-payment-2"), m_now), false);
    stored = m_store->find(key);
    QCOMPARE(stored->attempt.paymentId, QStringLiteral("ct-payment-1"));
    QCOMPARE(stored->attempt.startedAt, started);
    QCOMPARE(stored->updatedAt, m_now.addSecs(-5));

    // Not from a final state either, nor for an unknown attempt.
    QVERIFY(*m_store->finish(key, status(ProviderStatus::State::Failed)));
    QCOMPARE(*m_store->markPending(key, QStringLiteral("ct-payment-1"), m_now), false);
    QCOMPARE(m_store->find(key)->state, State::Failed);
    QCOMPARE(*m_store->markPending(QStringLiteral("pay-unknown"), QStringLiteral("x"), m_now),
             false);
}

void TestPaymentAttemptStore::finishOnlyFromPending()
{
    const PaymentAttemptRecord record = inserted(QStringLiteral("c1"), eur(500), eur(500));
    const QString key = record.attempt.paymentKey;
    QVERIFY(!key.isEmpty());
    // Creating means no provider was asked: an outcome cannot have arrived yet.
    QCOMPARE(*m_store->finish(key, status(ProviderStatus::State::Succeeded)), false);
    QCOMPARE(m_store->find(key)->state, State::Creating);

    QVERIFY(*m_store->markPending(key, QStringLiteral("ct-1"), m_now));
    m_now = m_now.addSecs(30);
    ProviderStatus approved = status(ProviderStatus::State::Succeeded, QStringLiteral("auth-77"),
                                     QStringLiteral("Approved"));
    QVERIFY(*m_store->finish(key, approved));
    const auto stored = m_store->find(key);
    QCOMPARE(stored->state, State::Succeeded);
    QCOMPARE(stored->apiState(), QStringLiteral("succeeded"));
    QVERIFY(stored->isFinal());
    QCOMPARE(stored->providerReference, QStringLiteral("auth-77"));
    QCOMPARE(stored->message, QStringLiteral("Approved"));
    QVERIFY(!stored->changeDue);
    QCOMPARE(stored->updatedAt, m_now);
    QCOMPARE(*m_store->finish(QStringLiteral("pay-unknown"), approved), false);
}

void TestPaymentAttemptStore::finishFromCreatingForRecovery()
{
    const PaymentAttemptRecord record = inserted(QStringLiteral("c1"), eur(500), eur(500));
    const QString key = record.attempt.paymentKey;
    QVERIFY(!key.isEmpty());
    QVERIFY(*m_store->finish(key, status(ProviderStatus::State::Failed, {}, "Interrupted"), true));
    const auto stored = m_store->find(key);
    QCOMPARE(stored->state, State::Failed);
    QCOMPARE(stored->message, QStringLiteral("Interrupted"));
    QVERIFY(stored->providerReference.isEmpty());
    QCOMPARE(*m_store->finish(key, status(ProviderStatus::State::Failed), true), false);

    // fromCreating still finishes a pending one (recovery may find either).
    const PaymentAttemptRecord pending = inserted(QStringLiteral("c1"), eur(500), eur(500));
    QVERIFY(!pending.attempt.paymentKey.isEmpty());
    QVERIFY(*m_store->markPending(pending.attempt.paymentKey, QStringLiteral("ct-2"), m_now));
    QVERIFY(*m_store->finish(pending.attempt.paymentKey, status(ProviderStatus::State::Cancelled),
                             true));
    QCOMPARE(m_store->find(pending.attempt.paymentKey)->state, State::Cancelled);
}

void TestPaymentAttemptStore::secondFinishChangesNothing()
{
    // A terminal's callback and a status poll both deliver an outcome: the first one stands.
    const PaymentAttemptRecord record = inserted(QStringLiteral("c1"), eur(500), eur(500));
    const QString key = record.attempt.paymentKey;
    QVERIFY(*m_store->markPending(key, QStringLiteral("ct-1"), m_now));
    ProviderStatus approved = status(ProviderStatus::State::Succeeded, QStringLiteral("auth-1"));
    approved.changeDue = eur(0);
    QVERIFY(*m_store->finish(key, approved));
    const QDateTime finishedAt = m_now;
    m_now = m_now.addSecs(10);
    ProviderStatus declined =
        status(ProviderStatus::State::Failed, QStringLiteral("auth-2"), QStringLiteral("Declined"));
    declined.changeDue = eur(100);
    QCOMPARE(*m_store->finish(key, declined), false);
    QCOMPARE(*m_store->finish(key, declined, true), false);
    QCOMPARE(*m_store->finish(key, approved), false);
    const auto stored = m_store->find(key);
    QCOMPARE(stored->state, State::Succeeded);
    QCOMPARE(stored->providerReference, QStringLiteral("auth-1"));
    QVERIFY(stored->message.isEmpty());
    QCOMPARE(stored->changeDue, std::optional<Money>(eur(0)));
    QCOMPARE(stored->updatedAt, finishedAt);
}

void TestPaymentAttemptStore::finishNeedsAFinalState()
{
    const PaymentAttemptRecord record = inserted(QStringLiteral("c1"), eur(500), eur(500));
    QVERIFY(*m_store->markPending(record.attempt.paymentKey, QStringLiteral("ct-1"), m_now));
    const auto notFinal =
        m_store->finish(record.attempt.paymentKey, status(ProviderStatus::State::Pending));
    QVERIFY(!notFinal);
    QCOMPARE(notFinal.error().kind, StorageError::Kind::InvalidInput);
    QCOMPARE(m_store->find(record.attempt.paymentKey)->state, State::Pending);
}

void TestPaymentAttemptStore::requestCancelKeepsTheFirstTime()
{
    const PaymentAttemptRecord record = inserted(QStringLiteral("c1"), eur(500), eur(500));
    const QString key = record.attempt.paymentKey;
    QVERIFY(*m_store->markPending(key, QStringLiteral("ct-1"), m_now));
    QVERIFY(!m_store->find(key)->attempt.cancelRequested());
    const QDateTime first = m_now.addSecs(3);
    QVERIFY(m_store->requestCancel(key, first));
    // Whether a cancel beat an approval depends on the first request's time, not a later one's.
    QVERIFY(m_store->requestCancel(key, m_now.addSecs(9)));
    const auto stored = m_store->find(key);
    QVERIFY(stored->attempt.cancelRequested());
    QCOMPARE(stored->attempt.cancelRequestedAt, first);
    QCOMPARE(stored->state, State::Pending);
    QVERIFY(m_store->requestCancel(QStringLiteral("pay-unknown"), m_now));
}

void TestPaymentAttemptStore::markSynced()
{
    const PaymentAttemptRecord record = inserted(QStringLiteral("c1"), eur(500), eur(500));
    const QString key = record.attempt.paymentKey;
    QVERIFY(*m_store->markPending(key, QStringLiteral("ct-1"), m_now));
    QVERIFY(*m_store->finish(key, status(ProviderStatus::State::Succeeded)));
    QVERIFY(!m_store->find(key)->synced);
    m_now = m_now.addSecs(4);
    QVERIFY(m_store->markSynced(key));
    const auto stored = m_store->find(key);
    QVERIFY(stored->synced);
    QCOMPARE(stored->state, State::Succeeded);
    QCOMPARE(stored->updatedAt, m_now);
}

void TestPaymentAttemptStore::lookups()
{
    const PaymentAttemptRecord first = inserted(QStringLiteral("c1"), eur(300), eur(1000));
    m_now = m_now.addSecs(1);
    const PaymentAttemptRecord second = inserted(QStringLiteral("c1"), eur(700), eur(1000), "cash");
    const PaymentAttemptRecord elsewhere = inserted(QStringLiteral("c2"), eur(100), eur(1000));
    QVERIFY(!first.attempt.paymentKey.isEmpty());
    QVERIFY(!second.attempt.paymentKey.isEmpty());
    QVERIFY(!elsewhere.attempt.paymentKey.isEmpty());
    QVERIFY(*m_store->markPending(second.attempt.paymentKey, QStringLiteral("ct-2"), m_now));

    const auto byKey = m_store->find(first.attempt.paymentKey);
    QVERIFY(byKey);
    QCOMPARE(byKey->idempotencyKey, first.idempotencyKey);
    QCOMPARE(byKey->cartId, QStringLiteral("c1"));
    QCOMPARE(byKey->provider, QStringLiteral("simulated"));
    QCOMPARE(byKey->username, QStringLiteral("anna"));
    QCOMPARE(byKey->attempt.tender, QStringLiteral("card"));
    QCOMPARE(byKey->attempt.storeKey, QStringLiteral("berlin-mitte"));
    QCOMPARE(byKey->attempt.workstationId, QStringLiteral("till-1"));
    QCOMPARE(byKey->attempt.terminalId, QStringLiteral("t1"));
    QCOMPARE(byKey->attempt.correlationId, first.attempt.correlationId);
    QVERIFY(!byKey->attempt.startedAt.isValid());
    QVERIFY(!byKey->attempt.cancelRequestedAt.isValid());

    const auto byPaymentId = m_store->findByPaymentId(QStringLiteral("ct-2"));
    QVERIFY(byPaymentId);
    QCOMPARE(byPaymentId->attempt.paymentKey, second.attempt.paymentKey);
    QVERIFY(byPaymentId->attempt.terminalId.isEmpty());
    QCOMPARE(m_store->findByPaymentId(QStringLiteral("ct-9")).error().kind,
             StorageError::Kind::NotFound);

    // Idempotency keys are UUIDs, and their case does not matter.
    const auto byIdempotencyKey = m_store->findByIdempotencyKey(second.idempotencyKey.toUpper());
    QVERIFY(byIdempotencyKey);
    QCOMPARE(byIdempotencyKey->attempt.paymentKey, second.attempt.paymentKey);
    QCOMPARE(m_store->findByIdempotencyKey(newKey()).error().kind, StorageError::Kind::NotFound);
    QCOMPARE(m_store->find(QStringLiteral("pay-unknown")).error().kind,
             StorageError::Kind::NotFound);

    // forCart: only that cart's attempts, oldest first.
    const auto cart = m_store->forCart(QStringLiteral("c1"));
    QVERIFY(cart);
    QCOMPARE(cart->size(), 2);
    QCOMPARE(cart->at(0).attempt.paymentKey, first.attempt.paymentKey);
    QCOMPARE(cart->at(1).attempt.paymentKey, second.attempt.paymentKey);
    QCOMPARE(m_store->forCart(QStringLiteral("c2"))->size(), 1);
    QCOMPARE(m_store->forCart(QStringLiteral("c3"))->size(), 0);
}

void TestPaymentAttemptStore::keptStatementsReadCurrentRows()
{
    // The attempts' reads stay prepared between calls (Database::runPrepared): each call binds its
    // own cart, sees what was written since on this connection or another, and works again after
    // the connection was closed and opened.
    const Money total = eur(10000);
    const auto count = [this](const QString& cart) -> qsizetype {
        const auto attempts = m_store->forCart(cart);
        return attempts ? attempts->size() : -1;
    };
    QVERIFY(!inserted(QStringLiteral("c1"), eur(1000), total).attempt.paymentKey.isEmpty());
    QVERIFY(!inserted(QStringLiteral("c2"), eur(1000), total).attempt.paymentKey.isEmpty());
    QVERIFY(!inserted(QStringLiteral("c2"), eur(2000), total).attempt.paymentKey.isEmpty());
    QCOMPARE(count(QStringLiteral("c1")), 1);
    QCOMPARE(count(QStringLiteral("c2")), 2);
    QCOMPARE(count(QStringLiteral("c1")), 1);

    std::unique_ptr<Database> other = test::openDatabase(m_url);
    QVERIFY(other);
    PaymentAttemptStore otherStore(*other, [this] { return m_now; });
    const auto written = otherStore.insert(attemptFor(QStringLiteral("c1"), eur(500)), total);
    QVERIFY(written && written->inserted);
    QCOMPARE(count(QStringLiteral("c1")), 2);

    QVERIFY(m_database->reconnect());
    QCOMPARE(count(QStringLiteral("c1")), 2);
    QCOMPARE(count(QStringLiteral("c2")), 2);
}

void TestPaymentAttemptStore::unresolved()
{
    const Money total = eur(100000);
    const QString cart = QStringLiteral("c1");
    const QDateTime start = m_now;

    const PaymentAttemptRecord oldCreating = inserted(cart, eur(100), total);
    const PaymentAttemptRecord oldPending = inserted(cart, eur(100), total);
    QVERIFY(*m_store->markPending(oldPending.attempt.paymentKey, QStringLiteral("ct-1"), m_now));
    const PaymentAttemptRecord unsynced = inserted(cart, eur(100), total);
    QVERIFY(*m_store->markPending(unsynced.attempt.paymentKey, QStringLiteral("ct-2"), m_now));
    QVERIFY(*m_store->finish(unsynced.attempt.paymentKey, status(ProviderStatus::State::Failed)));
    const PaymentAttemptRecord synced = inserted(cart, eur(100), total);
    QVERIFY(*m_store->markPending(synced.attempt.paymentKey, QStringLiteral("ct-3"), m_now));
    QVERIFY(*m_store->finish(synced.attempt.paymentKey, status(ProviderStatus::State::Succeeded)));
    QVERIFY(m_store->markSynced(synced.attempt.paymentKey));

    const PaymentAttemptRecord movedOn = inserted(cart, eur(100), total);

    m_now = start.addSecs(120);
    const PaymentAttemptRecord freshCreating = inserted(cart, eur(100), total);
    QVERIFY(!freshCreating.attempt.paymentKey.isEmpty());
    const PaymentAttemptRecord freshPending = inserted(cart, eur(100), total);
    QVERIFY(*m_store->markPending(freshPending.attempt.paymentKey, QStringLiteral("ct-4"), m_now));
    // Created long ago but moved on recently: the last change counts, so it is not stuck.
    QVERIFY(*m_store->markPending(movedOn.attempt.paymentKey, QStringLiteral("ct-6"), m_now));
    const PaymentAttemptRecord freshUnsynced = inserted(cart, eur(100), total);
    QVERIFY(*m_store->markPending(freshUnsynced.attempt.paymentKey, QStringLiteral("ct-5"), m_now));
    QVERIFY(*m_store->finish(freshUnsynced.attempt.paymentKey,
                             status(ProviderStatus::State::Cancelled)));

    const auto found = m_store->unresolved(start.addSecs(60));
    QVERIFY2(found, qPrintable(found ? QString() : found.error().message));
    QStringList keys;
    for (const PaymentAttemptRecord& record : *found)
        keys.append(record.attempt.paymentKey);
    keys.sort();
    // A final state that has not reached commercetools needs recovery however young it is.
    QStringList expected{oldCreating.attempt.paymentKey, oldPending.attempt.paymentKey,
                         unsynced.attempt.paymentKey, freshUnsynced.attempt.paymentKey};
    expected.sort();
    QCOMPARE(keys, expected);

    // Before anything was written, only the unsynced final ones.
    const auto early = m_store->unresolved(start);
    QVERIFY(early);
    QCOMPARE(early->size(), 2);
    // Once synced, a final attempt is done.
    QVERIFY(m_store->markSynced(unsynced.attempt.paymentKey));
    QVERIFY(m_store->markSynced(freshUnsynced.attempt.paymentKey));
    QCOMPARE(m_store->unresolved(start)->size(), 0);
}

void TestPaymentAttemptStore::moneyRoundTrips_data()
{
    QTest::addColumn<qint64>("units");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("digits");
    QTest::addColumn<qint64>("tendered");
    QTest::addColumn<qint64>("change");
    QTest::newRow("EUR") << qint64(1999) << "EUR" << 2 << qint64(2000) << qint64(1);
    QTest::newRow("JPY, no fraction digits")
        << qint64(1500) << "JPY" << 0 << qint64(2000) << qint64(500);
    QTest::newRow("KWD, three digits")
        << qint64(12345) << "KWD" << 3 << qint64(20000) << qint64(7655);
    QTest::newRow("EUR high precision")
        << qint64(123456789) << "EUR" << 7 << qint64(130000000) << qint64(6543211);
    // Beyond a double's 53 bits: a driver that goes through floating point would round these.
    QTest::newRow("beyond 2^53") << qint64(9007199254740993) << "EUR" << 2
                                 << qint64(9007199254740995) << qint64(2);
    QTest::newRow("int64 max") << std::numeric_limits<qint64>::max() << "EUR" << 2
                               << std::numeric_limits<qint64>::max() << qint64(0);
}

void TestPaymentAttemptStore::moneyRoundTrips()
{
    QFETCH(qint64, units);
    QFETCH(QString, currency);
    QFETCH(int, digits);
    QFETCH(qint64, tendered);
    QFETCH(qint64, change);
    const Money amount = *Money::fromPreciseUnits(units, currency, digits);
    PaymentAttemptRecord record = attemptFor(QStringLiteral("c1"), amount, "cash");
    record.attempt.cashTendered = *Money::fromPreciseUnits(tendered, currency, digits);
    const auto insertion = m_store->insert(record, amount);
    QVERIFY2(insertion, qPrintable(insertion ? QString() : insertion.error().message));
    QVERIFY(insertion->inserted);
    QVERIFY(*m_store->markPending(record.attempt.paymentKey, QStringLiteral("ct-1"), m_now));
    ProviderStatus paid = status(ProviderStatus::State::Succeeded);
    paid.changeDue = *Money::fromPreciseUnits(change, currency, digits);
    QVERIFY(*m_store->finish(record.attempt.paymentKey, paid));

    const auto stored = m_store->find(record.attempt.paymentKey);
    QVERIFY(stored);
    QCOMPARE(stored->attempt.amount.minorUnits(), units);
    QCOMPARE(stored->attempt.amount.currencyCode(), currency);
    QCOMPARE(stored->attempt.amount.fractionDigits(), digits);
    QCOMPARE(stored->attempt.amount, amount);
    QCOMPARE(stored->attempt.cashTendered, record.attempt.cashTendered);
    QCOMPARE(stored->changeDue, paid.changeDue);

    // A card payment has neither: absent stays absent rather than becoming zero.
    const PaymentAttemptRecord card = attemptFor(QStringLiteral("c2"), amount);
    QVERIFY(m_store->insert(card, amount)->inserted);
    QVERIFY(!m_store->find(card.attempt.paymentKey)->attempt.cashTendered);
    QVERIFY(!m_store->find(card.attempt.paymentKey)->changeDue);
}

void TestPaymentAttemptStore::cashWithoutAnOpenTillIsNotRecorded()
{
    // Another workstation's open till, and this one's closed session, do not count.
    QVERIFY(!openTill(*m_database, QStringLiteral("till-2")).isEmpty());
    const QString closed = openTill(*m_database, QStringLiteral("till-1"));
    QVERIFY(
        m_database->run(QStringLiteral("UPDATE till_sessions SET state = 'closed' WHERE id = ?"),
                        {closed}, QStringLiteral("closing")));

    const PaymentAttemptRecord cash = attemptFor(QStringLiteral("c1"), eur(500), "cash");
    const auto refused = m_store->insert(cash, eur(1000), true);
    QVERIFY2(refused, qPrintable(refused ? QString() : refused.error().message));
    QVERIFY(refused->tillNotOpen);
    QVERIFY(!refused->inserted);
    // Nothing is left behind: no attempt, so no amount is held on the cart.
    QCOMPARE(m_store->find(cash.attempt.paymentKey).error().kind, StorageError::Kind::NotFound);
    QCOMPARE(m_store->findByIdempotencyKey(cash.idempotencyKey).error().kind,
             StorageError::Kind::NotFound);
    QVERIFY(m_store->forCart(QStringLiteral("c1"))->isEmpty());
}

void TestPaymentAttemptStore::stampedWithTheWorkstationsOpenSession()
{
    QVERIFY(!openTill(*m_database, QStringLiteral("till-2")).isEmpty());
    QVERIFY(!openTill(*m_database, QStringLiteral("till-1"), QStringLiteral("hamburg-hafen"))
                 .isEmpty());
    const QString session = openTill(*m_database, QStringLiteral("till-1"));
    QVERIFY(!session.isEmpty());

    const PaymentAttemptRecord cash = attemptFor(QStringLiteral("c1"), eur(500), "cash");
    const auto recorded = m_store->insert(cash, eur(1000), true);
    QVERIFY(recorded);
    QVERIFY(recorded->inserted);
    QVERIFY(!recorded->tillNotOpen);
    QCOMPARE(m_store->find(cash.attempt.paymentKey)->tillSessionId, session);

    // A card payment is stamped too when the till is open, needed or not.
    const PaymentAttemptRecord card = attemptFor(QStringLiteral("c1"), eur(500));
    QVERIFY(m_store->insert(card, eur(1000))->inserted);
    QCOMPARE(m_store->findByIdempotencyKey(card.idempotencyKey)->tillSessionId, session);
}

void TestPaymentAttemptStore::cardWithoutAnOpenTillIsRecordedUnstamped()
{
    const PaymentAttemptRecord card = attemptFor(QStringLiteral("c1"), eur(500));
    const auto recorded = m_store->insert(card, eur(1000));
    QVERIFY(recorded);
    QVERIFY(recorded->inserted);
    QVERIFY(!recorded->tillNotOpen);
    const auto stored = m_store->find(card.attempt.paymentKey);
    QVERIFY(stored);
    QVERIFY(stored->tillSessionId.isEmpty());

    // Where the store needs an open till for card too (cardNeedsOpenTill), it is refused.
    const PaymentAttemptRecord needing = attemptFor(QStringLiteral("c2"), eur(500));
    const auto refused = m_store->insert(needing, eur(1000), true);
    QVERIFY(refused);
    QVERIFY(refused->tillNotOpen);
    QVERIFY(m_store->forCart(QStringLiteral("c2"))->isEmpty());
}

QTEST_GUILESS_MAIN(TestPaymentAttemptStore)
#include "tst_paymentattemptstore.moc"
