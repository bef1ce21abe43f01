#include "fakeescposprinter.h"
#include "hardware/testpage.h"

#include <QTest>

using namespace storedesk;
using hardware::TestPageInfo;
using testing::EscPosDocument;
using testing::FakeEscPosPrinter;

namespace {

TestPageInfo info(int columns)
{
    return {QStringLiteral("Berlin Mitte"), QStringLiteral("berlin-mitte-till-1"),
            QStringLiteral("escpos-tcp://10.0.0.5:9100"), columns};
}

// The line of digits that counts the columns ("1234567890…").
QString rulerLine(const EscPosDocument& document)
{
    for (const EscPosDocument::Line& line : document.lines) {
        if (line.text.startsWith(QStringLiteral("1234567890")))
            return line.text;
    }
    return {};
}

} // namespace

// The receipt printer's test page (core/hardware/testpage), read back by the fake printer's parser.
class TestTestPage : public QObject {
    Q_OBJECT

private slots:
    void rulerIsExactlyTheColumnsWide_data()
    {
        QTest::addColumn<int>("columns");
        QTest::newRow("42") << 42;
        QTest::newRow("48") << 48;
    }
    void rulerIsExactlyTheColumnsWide()
    {
        QFETCH(int, columns);
        const EscPosDocument document = FakeEscPosPrinter::parse(hardware::testPage(info(columns)));
        QVERIFY2(document.errors.isEmpty(), qPrintable(document.errors.join('\n')));
        const QString ruler = rulerLine(document);
        QCOMPARE(ruler.size(), columns);
        // Each digit is its column's last digit: the last one printed says how many fit.
        QCOMPARE(ruler, QStringLiteral("1234567890").repeated(5).left(columns));
        // Nothing else is wider than the roll (it would wrap and look like a wrong setting).
        for (const EscPosDocument::Line& line : document.lines)
            QVERIFY2(line.text.size() <= columns, qPrintable(line.text));
    }

    void namesTheStoreWorkstationAndAddress()
    {
        const EscPosDocument document = FakeEscPosPrinter::parse(hardware::testPage(info(48)));
        const QString text = document.text();
        QVERIFY(text.contains(QStringLiteral("Test page")));
        QVERIFY(text.contains(QStringLiteral("Berlin Mitte")));
        QVERIFY(text.contains(QStringLiteral("berlin-mitte-till-1")));
        QVERIFY(text.contains(QStringLiteral("escpos-tcp://10.0.0.5:9100")));
        QCOMPARE(document.code128, QStringList{hardware::testPageCodeText()});
        QCOMPARE(document.qrCodes, QStringList{hardware::testPageCodeText()});
        QCOMPARE(document.cuts, 1);
        // Trying the printer never opens the drawer.
        QVERIFY(document.pulses.isEmpty());
    }

    void euroAndUmlautsSurviveInPc858()
    {
        const QByteArray bytes = hardware::testPage(info(42));
        QVERIFY(bytes.contains("\x1bt\x13")); // ESC t 19: PC858
        QVERIFY(bytes.contains('\xd5'));      // € in PC858
        const EscPosDocument document = FakeEscPosPrinter::parse(bytes);
        QVERIFY(document.text().contains(QStringLiteral("€ äöü ÄÖÜ ß éèà ç")));
        QVERIFY(!document.text().contains(u'?'));
    }

    void noControlBytesFromTheStoreName()
    {
        TestPageInfo hostile = info(48);
        // ESC p 0 …: a drawer pulse, GS V: a cut, and a line feed, hidden in a name.
        hostile.store = QStringLiteral("Shop") + QChar(0x1b) + QStringLiteral("p") + QChar(0) +
                        QStringLiteral("22") + QChar(0x1d) + QStringLiteral("VB") + QChar(0) +
                        QStringLiteral("\nX");
        hostile.workstation = QStringLiteral("till") + QChar(0x10) + QChar(0x04) + QChar(0x01);
        const EscPosDocument document = FakeEscPosPrinter::parse(hardware::testPage(hostile));
        QVERIFY2(document.errors.isEmpty(), qPrintable(document.errors.join('\n')));
        QVERIFY(document.pulses.isEmpty());
        QCOMPARE(document.cuts, 1);
        QVERIFY(document.text().contains(QStringLiteral("Store: Shop p 22 VB  X")));
        QVERIFY(document.text().contains(QStringLiteral("Workstation: till")));
    }

    void longNamesAreCutToTheRoll()
    {
        TestPageInfo wide = info(42);
        wide.store = QString(100, u'W');
        const EscPosDocument document = FakeEscPosPrinter::parse(hardware::testPage(wide));
        for (const EscPosDocument::Line& line : document.lines)
            QVERIFY2(line.text.size() <= 42, qPrintable(line.text));
    }
};

QTEST_MAIN(TestTestPage)
#include "tst_testpage.moc"
