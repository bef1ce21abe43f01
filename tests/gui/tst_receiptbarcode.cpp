#include "api/orderjobs.h"
#include "commercestack.h"
#include "common/style.h"
#include "demousers.h"
#include "documentcases.h"
#include "guitesting.h"
#include "hardware/escpossink.h"
#include "hardware/escposwriter.h"
#include "mainwindow.h"
#include "receipts/barcodeimage.h"
#include "receipts/receiptdialog.h"
#include "receipts/receiptdocument.h"
#include "receipts/receiptprinter.h"
#include "refund/refunddialog.h"
#include "refund/refundlineseditor.h"
#include "secretservice.h"
#include "windowtesting.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QUuid>

using namespace storedesk;
using namespace storedesk::test;
using namespace storedesk::ui;
using namespace Qt::StringLiterals;

namespace {

const QString store = u"berlin-mitte"_s;
constexpr qint64 cupCents = 1234; // SD-1001, the espresso cup

QJsonObject eurJson(qint64 cents)
{
    return {{u"centAmount"_s, cents}, {u"currencyCode"_s, u"EUR"_s}, {u"fractionDigits"_s, 2}};
}

QByteArray newKey()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

} // namespace

// The "Done when": a sale receipt's PDF, rendered as a 203 dpi thermal printer would and
// read by a real decoder (zbarimg, Debian's zbar-tools), gives back exactly the order number from
// its Code 128 and from its QR code; that text, typed the way a keyboard-wedge scanner types it,
// brings the order up in the refund dialog. Against the real server and emulator. Also the
// pictures from libzint on their own (awkward data, refused data), and what the document and the
// ESC/POS printer get.
class TestReceiptBarcode : public QObject {
    Q_OBJECT

private:
    SecretService m_secrets;
    CommerceStack m_stack;
    TestConfig m_files;
    QTemporaryDir m_dir;
    QString m_pdftoppm;
    QString m_zbarimg;
    QByteArray m_apiToken;
    QString m_orderNumber;
    std::optional<api::OrderLookup> m_lookup;
    std::unique_ptr<MainWindow> m_window;

    // A cart of `units` cups, paid in cash and ordered through storedesk-server; its number.
    QString placeCashOrder(int units)
    {
        const QString cartId = m_stack.newCart(store, units);
        const auto paid =
            m_stack.call("POST", u"/stores/%1/carts/%2/payments"_s.arg(store, cartId),
                         QJsonDocument(QJsonObject{{u"tender"_s, u"cash"_s},
                                                   {u"amount"_s, eurJson(cupCents * units)}})
                             .toJson(QJsonDocument::Compact),
                         m_apiToken, {{"Idempotency-Key", newKey()}});
        if (paid.status != 201)
            return {};
        const qint64 version = m_stack.emulatorGet(u"in-store/key=%1/carts/%2"_s.arg(store, cartId))
                                   .value(u"version"_s)
                                   .toInteger();
        const auto placed = m_stack.call(
            "POST", u"/stores/%1/carts/%2/order"_s.arg(store, cartId),
            QJsonDocument(QJsonObject{{u"cartVersion"_s, version}}).toJson(QJsonDocument::Compact),
            m_apiToken, {{"Idempotency-Key", newKey()}});
        return placed.status == 201 ? placed.body.value(u"orderNumber"_s).toString() : QString();
    }

    // The sale receipt as the till makes it (ReceiptDesk::showSale: the order looked up with its
    // payments).
    Receipt saleReceipt() const
    {
        ReceiptContext context;
        context.storeName = u"StoreDesk Berlin Mitte"_s;
        context.storeKey = store;
        context.languages = {u"de"_s, u"en"_s};
        context.workstationId = u"berlin-mitte-till-2"_s;
        context.colleague = u"Anna Schmidt"_s;
        return Receipt::forSale(m_lookup->order, m_lookup->payments, context);
    }

    QString run(const QString& program, const QStringList& arguments, int* exitCode = nullptr)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(30000)) {
            qWarning("%s did not finish", qPrintable(program));
            return {};
        }
        if (exitCode)
            *exitCode = process.exitCode();
        else if (process.exitCode() != 0)
            qWarning("%s: %s", qPrintable(program), process.readAllStandardError().constData());
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    // What zbarimg reads in a picture, one line a code; `symbology` "code128" or "qrcode" reads
    // only that one, empty reads every kind.
    QStringList decode(const QString& png, const QString& symbology = {})
    {
        QStringList arguments{u"--raw"_s, u"-q"_s};
        if (!symbology.isEmpty())
            arguments << u"-Sdisable"_s << u"-S%1.enable"_s.arg(symbology);
        int exitCode = 0;
        const QString out = run(m_zbarimg, arguments << png, &exitCode);
        // zbarimg exits 4 when it found no code at all.
        if (exitCode != 0 && exitCode != 4)
            qWarning("zbarimg exited with %d", exitCode);
        return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    QString savePng(const QImage& image, const QString& name)
    {
        const QString path = m_dir.filePath(name);
        return image.save(path) ? path : QString();
    }

    RefundDialog* dialog() const { return m_window->refundDialog(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_s);
        m_zbarimg = QStandardPaths::findExecutable(u"zbarimg"_s);
        if (m_pdftoppm.isEmpty() || m_zbarimg.isEmpty())
            QSKIP("pdftoppm or zbarimg missing: install Debian's poppler-utils and zbar-tools "
                  "(packaging/dev.sh does)");

        QVERIFY2(m_secrets.start(), qPrintable(m_secrets.errorString()));
        m_stack.setOpensTills(true); // the order is paid in cash
        QVERIFY2(startDemoStack(m_stack), qPrintable(m_stack.errorString()));
        m_apiToken =
            m_stack.logIn(QString::fromLatin1(anna.username), QString::fromLatin1(anna.secret),
                          store, u"berlin-mitte-till-2"_s);
        QVERIFY(!m_apiToken.isEmpty());
        m_orderNumber = placeCashOrder(2);
        QVERIFY(!m_orderNumber.isEmpty());

        const auto lookup = m_stack.call("GET", u"/stores/%1/orders/%2"_s.arg(store, m_orderNumber),
                                         {}, m_apiToken);
        QCOMPARE(lookup.status, 200);
        const Expected<api::OrderLookup> read = api::OrderLookup::fromJson(lookup.raw);
        QVERIFY2(read, qPrintable(describe(read)));
        m_lookup = *read;
        QCOMPARE(m_lookup->order.orderNumber, m_orderNumber);
    }

    void cleanupTestCase() { m_window.reset(); }

    // Straight from libzint: what zbarimg reads is exactly the data, for awkward data too.
    void imagesDecodeToTheirData_data()
    {
        QTest::addColumn<QString>("data");
        QTest::newRow("order number") << u"berlin-mitte-000123"_s;
        QTest::newRow("hyphens, lower case, 20 characters") << u"ab-cd-ef-gh-ij-kl-mn"_s;
        QTest::newRow("digits only") << u"00012345"_s;
        QTest::newRow("one character") << u"x"_s;
    }

    void imagesDecodeToTheirData()
    {
        QFETCH(QString, data);
        QCOMPARE(data.contains(u"ab-"_s), data.size() == 20);

        const QImage code128 = code128Image(data);
        QVERIFY(!code128.isNull());
        // Black on white only, with the quiet zone white at both ends.
        QCOMPARE(code128.colorCount(), 2);
        for (int x = 0; x < barcode::Code128QuietModules; ++x) {
            QCOMPARE(qGray(code128.pixel(x, code128.height() / 2)), 255);
            QCOMPARE(qGray(code128.pixel(code128.width() - 1 - x, code128.height() / 2)), 255);
        }
        QCOMPARE(qGray(code128.pixel(barcode::Code128QuietModules, code128.height() / 2)), 0);
        // Drawn as the receipt draws it: 2 dots a module.
        const QString code128Png = savePng(
            code128.scaled(code128.width() * 2, 80, Qt::IgnoreAspectRatio, Qt::FastTransformation),
            u"code128.png"_s);
        QCOMPARE(decode(code128Png, u"code128"_s), QStringList{data});

        const QImage qr = qrCodeImage(data);
        QVERIFY(!qr.isNull());
        QCOMPARE(qr.width(), qr.height());
        QCOMPARE(qGray(qr.pixel(barcode::QrQuietModules - 1, barcode::QrQuietModules)), 255);
        QCOMPARE(qGray(qr.pixel(barcode::QrQuietModules, barcode::QrQuietModules)), 0);
        const QString qrPng = savePng(
            qr.scaled(qr.size() * 4, Qt::IgnoreAspectRatio, Qt::FastTransformation), u"qr.png"_s);
        QCOMPARE(decode(qrPng, u"qrcode"_s), QStringList{data});
    }

    // Data libzint refuses: a null image and a line in the log saying so.
    void refusedDataGivesNullImage()
    {
        const QRegularExpression refused(u"not made"_s);
        QTest::ignoreMessage(QtWarningMsg, refused);
        QVERIFY(code128Image(QString()).isNull());
        QTest::ignoreMessage(QtWarningMsg, refused);
        QVERIFY(code128Image(u"Preis 5 €"_s).isNull()); // Code 128 holds Latin-1 only
        QTest::ignoreMessage(QtWarningMsg, refused);
        QVERIFY(qrCodeImage(QString()).isNull());
        QTest::ignoreMessage(QtWarningMsg, refused);
        QVERIFY(qrCodeImage(QString(8000, u'7')).isNull()); // a QR holds at most 7089 digits
    }

    // The codes are pictures in their own blocks; the receipt's text stays the text only.
    void documentCarriesCodesOutsideItsText()
    {
        const Receipt receipt = saleReceipt();
        const ReceiptDocument document(receipt, QLocale(QLocale::German, QLocale::Germany));
        int codeBlocks = 0;
        for (QTextBlock block = document.document()->begin(); block.isValid();
             block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                if (it.fragment().charFormat().isImageFormat()) {
                    ++codeBlocks;
                    QCOMPARE(block.blockFormat().alignment() & Qt::AlignHorizontal_Mask,
                             Qt::AlignHCenter);
                    QCOMPARE(block.text(), QString(QChar::ObjectReplacementCharacter));
                }
            }
        }
        QCOMPARE(codeBlocks, 2);
        const QString text = document.plainText();
        QVERIFY(!text.contains(QChar::ObjectReplacementCharacter));
        QVERIFY(!text.contains(u"\n\n\n"_s));
        // The codes come before the thank-you, after the tenders.
        const QStringList lines = text.split(QLatin1Char('\n'));
        QVERIFY2(lines.last().trimmed() == u"Thank you for your purchase!"_s, qPrintable(text));
        QVERIFY(lines.at(lines.size() - 2).startsWith(u"----"_s));

        // A reprint carries them too.
        Receipt reprint = receipt;
        reprint.reprint = true;
        const ReceiptDocument copy(reprint, QLocale());
        QCOMPARE(copy.document()->toRawText().count(QChar::ObjectReplacementCharacter), 2);
        QVERIFY(copy.plainText().contains(u"COPY"_s));

        // A refund slip carries none.
        api::RefundResult refund;
        refund.id = u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s;
        refund.state = u"succeeded"_s;
        refund.amount = *Money::fromMinorUnits(cupCents, u"EUR");
        refund.items = {{m_lookup->order.lineItems.at(0).id, false, 1,
                         *Money::fromMinorUnits(cupCents, u"EUR")}};
        refund.tenders = {
            {u"cash"_s, *Money::fromMinorUnits(cupCents, u"EUR"), QString(), u"succeeded"_s}};
        ReceiptContext context;
        context.storeKey = store;
        const ReceiptDocument slip(Receipt::forRefund(m_lookup->order, refund, context), QLocale());
        QVERIFY(!slip.document()->toRawText().contains(QChar::ObjectReplacementCharacter));
    }

    // The ESC/POS printer gets the same order number in its own Code 128 and QR commands.
    void escPosReceiptCarriesTheCodes()
    {
        hardware::EscPosWriter writer(48);
        hardware::EscPosSink sink(writer);
        storedesk::roll::Writer out(sink);
        ReceiptDocument::write(out, saleReceipt(), QLocale());
        const QByteArray bytes = writer.bytes();
        const QByteArray number = m_orderNumber.toLatin1();
        QVERIFY(bytes.contains(QByteArray("\x1dk\x49") + char(number.size() + 2) + "{B" + number));
        QVERIFY(bytes.contains(QByteArray("\x1d(k", 3)));
        QVERIFY(bytes.contains(QByteArray("1P0", 3) + number));
    }

    // The "Done when": the PDF at a thermal printer's 203 dpi, decoded by zbarimg.
    void pdfDecodesToTheOrderNumber()
    {
        const QString pdf = m_dir.filePath(u"receipt.pdf"_s);
        QString error;
        QVERIFY2(ReceiptPrinter(QLocale()).saveAsPdf(saleReceipt(), pdf, &error),
                 qPrintable(error));
        const QString stem = m_dir.filePath(u"receipt-page"_s);
        run(m_pdftoppm, {u"-r"_s, u"203"_s, u"-png"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s,
                         u"-singlefile"_s, pdf, stem});
        const QString png = stem + u".png"_s;
        const QImage page(png);
        QVERIFY2(!page.isNull(), "pdftoppm rendered no picture");
        // For a look by eye (build/dev/tests/screenshots/receipt-barcode-pdf-page1.png).
        const QString shots = qEnvironmentVariable("STOREDESK_SCREENSHOT_DIR");
        if (!shots.isEmpty() && QDir().mkpath(shots)) {
            QFile::remove(shots + u"/receipt-barcode-pdf-page1.png"_s);
            QFile::copy(png, shots + u"/receipt-barcode-pdf-page1.png"_s);
        }
        // 80 mm at 203 dpi.
        QVERIFY2(qAbs(page.width() - 639) <= 2, qPrintable(QString::number(page.width())));

        // The Code 128 as printed: the one band of identical rows 10 mm (80 dots) high, its bars
        // at least 0.25 mm (2 dots) a module.
        const QImage gray = page.convertToFormat(QImage::Format_Grayscale8);
        const auto darkOf = [&gray](int y) {
            QByteArray dark(gray.width(), '0');
            const uchar* line = gray.constScanLine(y);
            for (int x = 0; x < gray.width(); ++x)
                dark[x] = line[x] < 128 ? '1' : '0';
            return dark;
        };
        QByteArray bars;
        int bandHeight = 0;
        for (int y = 0, height = 0; y < gray.height(); ++y) {
            const QByteArray row = darkOf(y);
            height = y > 0 && row.contains('1') && row == darkOf(y - 1) ? height + 1 : 1;
            if (height > bandHeight) {
                bandHeight = height;
                bars = row;
            }
        }
        QVERIFY2(bandHeight >= 78, qPrintable(QString::number(bandHeight)));
        const int modules = code128Image(m_orderNumber).width() - 2 * barcode::Code128QuietModules;
        const int extent = int(bars.lastIndexOf('1') - bars.indexOf('1') + 1);
        QVERIFY2(extent >= 2 * modules - 1,
                 qPrintable(u"%1 dots for %2 modules"_s.arg(extent).arg(modules)));

        QCOMPARE(decode(png, u"code128"_s), QStringList{m_orderNumber});
        QCOMPARE(decode(png, u"qrcode"_s), QStringList{m_orderNumber});
        // Every code on the page: exactly these two.
        QCOMPARE(decode(png), (QStringList{m_orderNumber, m_orderNumber}));
    }

    // What the scanner reads from the receipt brings the order up in the refund dialog.
    void scannedNumberOpensTheOrderForRefund()
    {
        const QString pdf = m_dir.filePath(u"scan.pdf"_s);
        QString error;
        QVERIFY2(ReceiptPrinter(QLocale()).saveAsPdf(saleReceipt(), pdf, &error),
                 qPrintable(error));
        const QString stem = m_dir.filePath(u"scan-page"_s);
        run(m_pdftoppm, {u"-r"_s, u"203"_s, u"-png"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s,
                         u"-singlefile"_s, pdf, stem});
        const QStringList read = decode(stem + u".png"_s, u"code128"_s);
        QCOMPARE(read.size(), 1);
        const QString scanned = read.first();

        m_window = std::make_unique<MainWindow>(m_files.berlinTill1(m_stack.serverUrl()));
        QVERIFY(showAndStart(*m_window));
        QVERIFY(logInThroughThePage(*m_window, anna));
        QTest::keyClick(m_window.get(), Qt::Key_F6);
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(dialog()));
        QVERIFY(!dialog()->hasOrder());

        // A keyboard-wedge scanner: the keys at once, then Enter, wherever the focus is.
        dialog()->lookUpButton()->setFocus();
        QTRY_VERIFY(dialog()->lookUpButton()->hasFocus());
        for (const QChar c : scanned)
            QTest::keyClick(dialog()->lookUpButton(), c.toLatin1());
        QTest::keyClick(dialog()->lookUpButton(), Qt::Key_Return);

        QTRY_VERIFY_WITH_TIMEOUT(dialog()->hasOrder() && !dialog()->isBusy(), 20000);
        QCOMPARE(dialog()->orderNumber()->text(), m_orderNumber);
        QCOMPARE(dialog()->lines()->rowCount(), 1);
        QCOMPARE(dialog()->lines()->text(0, RefundLinesEditor::Bought), u"2"_s);
    }

    // The receipt dialog shows the Code 128 small under the order number, named for a screen
    // reader; a refund receipt's dialog has none.
    void dialogShowsTheBarcode()
    {
        const Receipt receipt = saleReceipt();
        ReceiptDialog dialog(receipt, QLocale());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.barcode()->isVisible());
        QVERIFY(!dialog.barcode()->pixmap().isNull());
        QVERIFY(dialog.barcode()->accessibleName().contains(m_orderNumber));
        QVERIFY(dialog.barcode()->geometry().top() >= dialog.orderNumber()->geometry().bottom());
        QVERIFY(dialog.barcode()->geometry().bottom() <= dialog.text()->geometry().top());
        // The shown barcode is the order number too.
        const QString png = savePng(dialog.barcode()->pixmap().toImage().scaled(
                                        dialog.barcode()->pixmap().width() * 2,
                                        dialog.barcode()->pixmap().height() * 2,
                                        Qt::IgnoreAspectRatio, Qt::FastTransformation),
                                    u"dialog-code.png"_s);
        QCOMPARE(decode(png, u"code128"_s), QStringList{m_orderNumber});

        // Drawn black on white in the high-contrast theme too (its palette is white on black):
        // the quiet zone white, the first bar black.
        ui::style::install(qApp, ui::style::Theme::HighContrast);
        const auto standard = qScopeGuard([] { ui::style::install(qApp); });
        ReceiptDialog dark(receipt, QLocale());
        dark.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dark));
        const QImage drawn = dark.barcode()->grab().toImage();
        const QRect code =
            QStyle::alignedRect(Qt::LeftToRight, dark.barcode()->alignment(),
                                dark.barcode()->pixmap().deviceIndependentSize().toSize(),
                                dark.barcode()->contentsRect());
        const int middle = code.center().y();
        QCOMPARE(qGray(drawn.pixel(code.left() + 1, middle)), 255);
        QCOMPARE(qGray(drawn.pixel(code.left() + barcode::Code128QuietModules, middle)), 0);
    }
};

QTEST_MAIN(TestReceiptBarcode)
#include "tst_receiptbarcode.moc"
