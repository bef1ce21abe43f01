#include "documentcases.h"
#include "flows/refunddraft.h"
#include "payments/refundplan.h"

#include <QTest>
#include <QUuid>

using namespace storedesk;
using namespace storedesk::flows;
using namespace storedesk::test;
using namespace Qt::StringLiterals;

namespace {

const QString coffee = u"d1000000-0000-4000-8000-000000000001"_s; // 3 × 24.90, 2 returned
const QString mug = u"d1000000-0000-4000-8000-000000000002"_s;    // 2 × 12.00, both returned
const QString bag = u"e1000000-0000-4000-8000-000000000001"_s;    // custom, 2 × 0.10, 1 returned

// The fixture order as the lookup shows it; the refundable amounts as the server computes them.
api::OrderLookup fixtureLookup()
{
    api::OrderLookup lookup;
    lookup.order = *Order::fromJson(readFixture(u"orders/returned-order.json"_s));
    lookup.refundable = {{coffee, 1, eur(2490)}, {mug, 0, eur(0)}, {bag, 1, eur(10)}};
    return lookup;
}

} // namespace

// The refund being put together: quantities within what is refundable, the preview the server
// will refund to the cent, and one Idempotency-Key per attempt.
class TestRefundDraft : public QObject {
    Q_OBJECT

private slots:
    // The preview takes the server's refundable amount apart exactly as the server's own
    // lineRefundAmount does from the whole line, for every split of awkward totals.
    void previewIsWhatTheServerRefunds_data()
    {
        QTest::addColumn<qint64>("lineTotal");
        for (const qint64 total : {0, 1, 7, 1000, 1001, 2999, 3702, -5, -1001})
            QTest::addRow("%lld", static_cast<long long>(total)) << total;
    }

    void previewIsWhatTheServerRefunds()
    {
        QFETCH(qint64, lineTotal);
        const Money total = eur(lineTotal);
        for (qint64 units = 1; units <= 7; ++units) {
            for (qint64 refundable = 0; refundable <= units; ++refundable) {
                const api::RefundableLine line{u"l"_s, refundable,
                                               *total.lastShares(units, refundable)};
                for (qint64 quantity = 0; quantity <= refundable; ++quantity) {
                    const Expected<Money> server =
                        server::lineRefundAmount(total, units, refundable, quantity);
                    const Expected<Money> preview = RefundDraft::amountFor(line, quantity);
                    QVERIFY(server && preview);
                    QVERIFY2(*preview == *server,
                             qPrintable(u"%1 units, %2 refundable, %3 now: preview %4, server %5"_s
                                            .arg(units)
                                            .arg(refundable)
                                            .arg(quantity)
                                            .arg(preview->minorUnits())
                                            .arg(server->minorUnits())));
                }
            }
        }
    }

    void amountForRefusesMoreThanRefundable()
    {
        const api::RefundableLine line{coffee, 1, eur(2490)};
        QVERIFY(!RefundDraft::amountFor(line, 2));
        QVERIFY(!RefundDraft::amountFor(line, -1));
        QCOMPARE(*RefundDraft::amountFor(line, 1), eur(2490));
    }

    void quantitiesStayWithinWhatIsRefundable()
    {
        RefundDraft draft(fixtureLookup());
        QCOMPARE(draft.refundable(coffee), 1);
        QVERIFY(!draft.setQuantity(coffee, 2));
        QVERIFY(!draft.setQuantity(coffee, -1));
        QVERIFY(!draft.setQuantity(mug, 1)); // both mugs came back already
        QVERIFY(!draft.setQuantity(u"not-a-line"_s, 1));
        QCOMPARE(draft.chosenUnits(), 0);
        QVERIFY(draft.setQuantity(coffee, 1));
        QVERIFY(draft.setQuantity(bag, 1));
        QCOMPARE(draft.chosenUnits(), 2);
        QCOMPARE(*draft.total(), eur(2500));
        QVERIFY(draft.setQuantity(coffee, 0));
        QCOMPARE(*draft.total(), eur(10));
    }

    void problemSaysWhatIsMissing()
    {
        QVERIFY(!RefundDraft().problem().isEmpty());
        QCOMPARE(*RefundDraft(fixtureLookup()).total(), eur(0));
        RefundDraft draft(fixtureLookup());
        QVERIFY(draft.problem().contains(u"how many"_s));
        draft.setQuantity(coffee, 1);
        QVERIFY(draft.problem().contains(u"reason"_s));
        draft.setReason(u"no-such-reason"_s);
        QVERIFY(draft.reason().isEmpty());
        draft.setReason(u"damaged"_s);
        QVERIFY2(draft.problem().isEmpty(), qPrintable(draft.problem()));
        const api::RefundRequest request = draft.request();
        QCOMPARE(request.orderId, fixtureLookup().order.id);
        QCOMPARE(request.reason, u"damaged"_s);
        QCOMPARE(request.items, (QList<api::RefundRequest::Item>{{coffee, 1}}));
        QVERIFY(!request.approval);
    }

    void oneKeyPerAttempt()
    {
        RefundDraft draft(fixtureLookup());
        draft.setQuantity(coffee, 1);
        draft.setReason(u"damaged"_s);
        const QByteArray first = draft.request().idempotencyKey;
        QVERIFY(!QUuid::fromString(QString::fromLatin1(first)).isNull());
        // A retry, or the same refund with a manager's approval: the same key.
        QCOMPARE(draft.request().idempotencyKey, first);

        draft.setReason(u"changed-mind"_s);
        const QByteArray otherReason = draft.request().idempotencyKey;
        QVERIFY(otherReason != first);
        draft.setQuantity(bag, 1);
        const QByteArray otherLines = draft.request().idempotencyKey;
        QVERIFY(otherLines != otherReason);
        QCOMPARE(draft.request().idempotencyKey, otherLines);

        // Refunded: the same units again are another refund.
        draft.finishAttempt();
        QVERIFY(draft.request().idempotencyKey != otherLines);
    }

    void reasonsAreAFixedTranslatedList()
    {
        QStringList codes;
        for (const RefundReason& reason : RefundDraft::reasons()) {
            codes << reason.code;
            QVERIFY(!reason.label.isEmpty());
        }
        QCOMPARE(codes, (QStringList{u"damaged"_s, u"wrong-size-or-colour"_s, u"changed-mind"_s,
                                     u"not-as-described"_s, u"other"_s}));
        QCOMPARE(RefundDraft::reasonLabel(u"damaged"_s), u"Damaged or faulty"_s);
        QCOMPARE(RefundDraft::reasonLabel(u"legacy-code"_s), u"legacy-code"_s);
    }
};

QTEST_GUILESS_MAIN(TestRefundDraft)
#include "tst_refunddraft.moc"
