#include "fakeescposprinter.h"
#include "hardware/escpossink.h"
#include "hardware/escposwriter.h"

#include <QTest>

using namespace storedesk;
using hardware::EscPosWriter;
using testing::FakeEscPosPrinter;

namespace {

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    for (int v : values)
        out.append(char(v));
    return out;
}

} // namespace

class TestEscPosWriter : public QObject {
    Q_OBJECT

private slots:
    void initialize()
    {
        EscPosWriter writer;
        writer.initialize();
        QCOMPARE(writer.bytes(), bytes({0x1B, '@', 0x1B, 't', 19}));
    }

    void emphasis()
    {
        EscPosWriter writer;
        writer.setEmphasis(roll::Emphasis::Plain);
        writer.setEmphasis(roll::Emphasis::Bold);
        writer.setEmphasis(roll::Emphasis::Large);
        QCOMPARE(writer.bytes(), bytes({0x1B, 'E', 0, 0x1D, '!', 0x00, 0x1B, 'E', 1, 0x1D, '!',
                                        0x00, 0x1B, 'E', 1, 0x1D, '!', 0x11}));
    }

    void cutFeedAndStatus()
    {
        EscPosWriter writer;
        writer.feed(3);
        writer.cut();
        QCOMPARE(writer.bytes(), bytes({0x1B, 'd', 3, 0x1D, 'V', 66, 0}));
        QCOMPARE(EscPosWriter::statusRequest(4), bytes({0x10, 0x04, 4}));
    }

    void drawerPulse()
    {
        EscPosWriter writer;
        writer.drawerPulse({5, 200});
        writer.drawerPulse({2, 100});
        QCOMPARE(writer.bytes(), bytes({0x1B, 'p', 1, 100, 100, 0x1B, 'p', 0, 50, 50}));
    }

    void code128Framing()
    {
        EscPosWriter writer;
        writer.code128(QStringLiteral("SD-1042"));
        QByteArray expected =
            bytes({0x1B, 'a', 1, 0x1D, 'h', 80, 0x1D, 'w', 2, 0x1D, 'H', 2, 0x1D, 'k', 73, 9});
        expected.append("{BSD-1042");
        expected.append(bytes({0x1B, 'a', 0}));
        QCOMPARE(writer.bytes(), expected);
    }

    void code128SkipsWhatItCannotEncode()
    {
        EscPosWriter writer;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("Code 128 skipped"));
        writer.code128(QStringLiteral("Bon ä"));
        QVERIFY(writer.bytes().isEmpty());
    }

    void code128TooWideForTheRollIsLeftOff()
    {
        // 2 dots a module on 576 dots: 11 × (n + 2) + 33 modules fit up to n = 21.
        EscPosWriter writer;
        writer.code128(QString(21, u'7'));
        QVERIFY(!writer.bytes().isEmpty());
        EscPosWriter tooWide;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("Code 128 skipped"));
        tooWide.code128(QStringLiteral("0f6c1f3e-8d52-4d7b-9a51-2f8e0c3b7d10")); // an order id
        QVERIFY(tooWide.bytes().isEmpty());
    }

    void qrFraming()
    {
        EscPosWriter writer;
        writer.qrCode(QStringLiteral("SD-1042"));
        QByteArray expected = bytes({0x1B, 'a', 1});
        expected.append(bytes({0x1D, '(', 'k', 4, 0, 49, 65, 50, 0}));
        expected.append(bytes({0x1D, '(', 'k', 3, 0, 49, 67, 6}));
        expected.append(bytes({0x1D, '(', 'k', 3, 0, 49, 69, 49}));
        expected.append(bytes({0x1D, '(', 'k', 10, 0, 49, 80, 48}));
        expected.append("SD-1042");
        expected.append(bytes({0x1D, '(', 'k', 3, 0, 49, 81, 48}));
        expected.append(bytes({0x1B, 'a', 0}));
        QCOMPARE(writer.bytes(), expected);
    }

    void qrLengthAbove255()
    {
        EscPosWriter writer;
        writer.qrCode(QString(300, QLatin1Char('A')));
        const QByteArray out = writer.bytes();
        const QByteArray store = bytes({0x1D, '(', 'k', (303 & 0xFF), (303 >> 8), 49, 80, 48});
        QVERIFY(out.contains(store));
        QCOMPARE(FakeEscPosPrinter::parse(out).qrCodes,
                 QStringList{QString(300, QLatin1Char('A'))});
    }

    void pc858()
    {
        QCOMPARE(EscPosWriter::encode(QStringLiteral("€")), bytes({0xD5}));
        QCOMPARE(EscPosWriter::encode(QStringLiteral("ä")), bytes({0x84}));
        QCOMPARE(EscPosWriter::encode(QStringLiteral("Größe")), bytes({'G', 'r', 0x94, 0xE1, 'e'}));
        QCOMPARE(EscPosWriter::encode(QStringLiteral("a→b")), QByteArray("a?b"));
        QCOMPARE(EscPosWriter::encode(QStringLiteral("漢")), QByteArray("?"));
        // Outside the basic plane: one '?' per character, not per UTF-16 unit.
        QCOMPARE(EscPosWriter::encode(QStringLiteral("x\U0001F600y")), QByteArray("x?y"));
    }

    void hostileTextHasNoControlBytes()
    {
        const QString hostile = QStringLiteral("Ann\x1B@\x1D"
                                               "V\x10\x04\x01\nBob\r\x7F") +
                                QChar(0x9B) + QStringLiteral("Ende");
        const QByteArray encoded = EscPosWriter::encode(hostile);
        for (char c : encoded)
            QVERIFY2(quint8(c) >= 0x20 && quint8(c) != 0x7F, qPrintable(encoded.toHex()));

        EscPosWriter writer;
        writer.initialize();
        writer.textLine(hostile);
        const auto document = FakeEscPosPrinter::parse(writer.bytes());
        QVERIFY2(document.errors.isEmpty(), qPrintable(document.errors.join('\n')));
        QCOMPARE(document.lines.size(), 1);
        QCOMPARE(document.text(), QStringLiteral("Ann @ V    Bob   Ende"));
        QCOMPARE(document.cuts, 0);
        QVERIFY(document.pulses.isEmpty());
    }

    void parserReportsWhatItDoesNotKnow()
    {
        // Text before the code page, a stray control byte and an unknown command.
        const auto document = FakeEscPosPrinter::parse(
            bytes({'A', 0x0A, 0x1B, 't', 19, 'B', 0x07, 0x0A, 0x1B, 'Z', 0x0A}));
        QCOMPARE(document.errors.size(), 3);
    }

    void roundTripThroughTheSink()
    {
        EscPosWriter writer(42);
        hardware::EscPosSink sink(writer);
        QCOMPARE(sink.columns(), 42);
        writer.initialize();
        sink.line(QStringLiteral("Müller & Söhne"), roll::Emphasis::Large);
        sink.line(QStringLiteral("Total            12,50 €"), roll::Emphasis::Bold);
        sink.line(QString(), roll::Emphasis::Plain);
        sink.line(QStringLiteral("Danke → bis bald"), roll::Emphasis::Plain);
        sink.codes(QStringLiteral("SD-000123"));
        writer.feed(4);
        writer.cut();
        writer.drawerPulse({2, 100});

        const auto document = FakeEscPosPrinter::parse(writer.bytes());
        QVERIFY2(document.errors.isEmpty(), qPrintable(document.errors.join('\n')));
        QCOMPARE(document.lines.size(), 4);
        QCOMPARE(document.lines[0].text, QStringLiteral("Müller & Söhne"));
        QVERIFY(document.lines[0].large);
        QVERIFY(document.lines[0].bold);
        QCOMPARE(document.lines[1].text, QStringLiteral("Total            12,50 €"));
        QVERIFY(document.lines[1].bold);
        QVERIFY(!document.lines[1].large);
        QCOMPARE(document.lines[2].text, QString());
        QCOMPARE(document.lines[3].text, QStringLiteral("Danke ? bis bald"));
        QVERIFY(!document.lines[3].bold);
        QCOMPARE(document.code128, QStringList{QStringLiteral("SD-000123")});
        QCOMPARE(document.qrCodes, QStringList{QStringLiteral("SD-000123")});
        QCOMPARE(document.cuts, 1);
        QCOMPARE(document.pulses.size(), 1);
        QCOMPARE(document.pulses[0].pin, 2);
        QCOMPARE(document.pulses[0].onMs, 100);
        QCOMPARE(document.raw, writer.bytes());
    }
};

QTEST_GUILESS_MAIN(TestEscPosWriter)
#include "tst_escposwriter.moc"
