#include "api/orderjobs.h"
#include "common/style.h"
#include "common/translations.h"
#include "documentcases.h"
#include "domain/order.h"
#include "domain/payment.h"
#include "guitesting.h"
#include "layoutaudit.h"
#include "receipts/receiptdialog.h"
#include "receipts/receiptdocument.h"
#include "receipts/receiptprinter.h"

#include <QFileDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace storedesk;
using namespace storedesk::test;
using namespace storedesk::ui;
using namespace Qt::StringLiterals;

namespace {

const QString htmlName = u"<b>Bold</b> &amp; Mug"_s;

// pdftotext keeps the non-breaking spaces Money puts between amount and symbol; a reader sees
// spaces either way.
QString spaced(QString text)
{
    text.replace(QChar::Nbsp, QLatin1Char(' '));
    text.replace(QChar(0x202F), QLatin1Char(' '));
    return text;
}

} // namespace

// Receipts from commercetools orders: the document as plain text, the PDF read back with
// pdftotext (Debian's poppler-utils, which packaging/dev.sh installs), and the receipt dialog.
class TestReceiptPrinter : public QObject {
    Q_OBJECT

private:
    const QLocale m_german{QLocale::German, QLocale::Germany};
    QString m_pdftotext;
    Order m_order;
    Receipt m_sale;
    Receipt m_refund;
    QTemporaryDir m_dir;

    // The text of a PDF as pdftotext lays it out.
    QString pdfText(const QString& path)
    {
        QProcess process;
        process.start(m_pdftotext, {u"-layout"_s, u"-enc"_s, u"UTF-8"_s, path, u"-"_s});
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            qWarning("pdftotext: %s", process.readAllStandardError().constData());
            return {};
        }
        return spaced(QString::fromUtf8(process.readAllStandardOutput()));
    }

private slots:
    void initTestCase()
    {
        ui::style::install(qApp); // what a colleague sees is what is measured
        m_pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        QVERIFY2(!m_pdftotext.isEmpty(),
                 "pdftotext is missing: install Debian's poppler-utils (packaging/dev.sh does)");
        QVERIFY(m_dir.isValid());

        QJsonObject json = fixtureObject(u"orders/returned-order.json"_s);
        json = withValue(json, u"lineItems[1].name"_s, QJsonObject{{u"en"_s, htmlName}});
        const Expected<Order> order = Order::fromJson(toBytes(json));
        QVERIFY2(order, qPrintable(describe(order)));
        m_order = *order;
        const Expected<Payment> card =
            Payment::fromJson(readFixture(u"payments/card-payment.json"_s));
        QVERIFY2(card, qPrintable(describe(card)));

        ReceiptContext context;
        context.storeName = u"StoreDesk Berlin Mitte"_s;
        context.storeKey = u"berlin-mitte"_s;
        context.languages = {u"de"_s, u"en"_s};
        context.workstationId = u"berlin-mitte-till-1"_s;
        context.colleague = u"Anna Schmidt"_s;
        m_sale = Receipt::forSale(m_order, {*card}, context, {{card->id, eur(1110), eur(11000)}});

        api::RefundResult refund;
        refund.id = u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s;
        refund.state = u"succeeded"_s;
        refund.amount = eur(2490);
        refund.reason = u"damaged <script>"_s; // no known code: printed as it is, literally
        refund.approvedBy = u"max"_s;
        refund.items = {{m_order.lineItems.at(0).id, false, 1, eur(2490)}};
        refund.tenders = {{u"card"_s, eur(2490), QString(), u"succeeded"_s}};
        m_refund = Receipt::forRefund(m_order, refund, context);
    }

    void documentIsPlainTextInNarrowColumns()
    {
        const ReceiptDocument document(m_sale, m_german);
        const QString text = document.plainText();
        QVERIFY2(text.contains(htmlName), qPrintable(text));
        // Inserted as text: the markup is escaped in the document's HTML, never interpreted.
        QVERIFY(document.document()->toHtml().contains(u"&lt;b&gt;Bold&lt;/b&gt;"_s));
        QVERIFY(!document.document()->toHtml().contains(u"<b>Bold"_s));
        for (const QString& line : text.split(QLatin1Char('\n')))
            QVERIFY2(line.size() <= ReceiptDocument::Columns, qPrintable(line));
        QVERIFY(text.contains(u"Espressobohnen 1 kg"_s));
        QVERIFY(text.contains(u"B-2026-000123"_s));
        QVERIFY(text.contains(u"Anna Schmidt"_s));
        QVERIFY(text.contains(u"berlin-mitte-till-1"_s));
        QVERIFY(text.contains(u"7% MwSt"_s));
        // Amounts end their line, formatted by the locale.
        const QString total = eur(9890).toString(m_german);
        QVERIFY(total.startsWith(u"98,90"_s));
        bool totalAtTheEnd = false;
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            if (line.startsWith(u"Total"_s))
                totalAtTheEnd = line.endsWith(total) && line.size() == ReceiptDocument::Columns;
        }
        QVERIFY2(totalAtTheEnd, qPrintable(text));
        QVERIFY(text.contains(eur(386).toString(m_german)));
        QVERIFY(text.contains(eur(1110).toString(m_german)));  // change
        QVERIFY(text.contains(eur(11000).toString(m_german))); // handed over
        QVERIFY(text.contains(u"Card"_s));
        QVERIFY(
            text.contains(m_german.toString(m_sale.dateTime.toLocalTime(), QLocale::ShortFormat)));
    }

    void documentSaysWhenTaxesWereNotCalculated()
    {
        Receipt receipt = m_sale;
        receipt.taxesCalculated = false;
        receipt.taxes.clear();
        const QString text = ReceiptDocument(receipt, m_german).plainText();
        QVERIFY2(text.contains(u"Taxes not calculated"_s), qPrintable(text));
        QVERIFY(!text.contains(u"MwSt"_s));
    }

    void savedPdfHoldsOrderNumberLinesAndTotal()
    {
        const QString path = m_dir.filePath(u"sale.pdf"_s);
        ReceiptPrinter printer(m_german);
        QString error;
        QVERIFY2(printer.saveAsPdf(m_sale, path, &error), qPrintable(error));
        QVERIFY(error.isEmpty());

        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"B-2026-000123"_s), qPrintable(text));
        for (const Receipt::Line& line : m_sale.lines)
            QVERIFY2(text.contains(line.name), qPrintable(line.name + u" not in:\n"_s + text));
        QVERIFY(text.contains(htmlName)); // literally, as typed into commercetools
        // On the Total line (the card tender shows the same amount).
        const QString total = spaced(eur(9890).toString(m_german));
        bool totalShown = false;
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            if (line.trimmed().startsWith(u"Total"_s))
                totalShown = line.trimmed().endsWith(total);
        }
        QVERIFY2(totalShown, qPrintable(total + u" not the total in:\n"_s + text));
        QVERIFY(text.contains(u"StoreDesk Berlin Mitte"_s));
    }

    void pdfIsOneRollWidePage()
    {
        const QString path = m_dir.filePath(u"roll.pdf"_s);
        QString error;
        QVERIFY2(ReceiptPrinter(m_german).saveAsPdf(m_sale, path, &error), qPrintable(error));
        QProcess pdfinfo;
        pdfinfo.start(u"pdfinfo"_s, {path});
        QVERIFY(pdfinfo.waitForFinished(30000));
        const QString info = QString::fromUtf8(pdfinfo.readAllStandardOutput());
        QVERIFY2(info.contains(QRegularExpression(u"Pages:\\s+1\\n"_s)), qPrintable(info));
        // 80 mm = 226.77 pt (Qt writes whole points).
        QVERIFY2(info.contains(QRegularExpression(u"Page size:\\s+22[67](\\.\\d+)? x "_s)),
                 qPrintable(info));
    }

    void refundPdf()
    {
        const QString path = m_dir.filePath(u"refund.pdf"_s);
        QString error;
        QVERIFY2(ReceiptPrinter(m_german).saveAsPdf(m_refund, path, &error), qPrintable(error));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"REFUND"_s), qPrintable(text));
        QVERIFY(text.contains(u"B-2026-000123"_s));
        QVERIFY(text.contains(u"Espressobohnen 1 kg"_s));
        QVERIFY(text.contains(u"damaged <script>"_s));
        QVERIFY(text.contains(u"max"_s));
        QVERIFY(text.contains(spaced(eur(2490).toString(m_german))));
        QVERIFY(!text.contains(u"Paper bag"_s)); // not refunded
    }

    void unwritablePathIsAnErrorWithAMessage()
    {
        const QString path = m_dir.filePath(u"no/such/folder/receipt.pdf"_s);
        QString error;
        QVERIFY(!ReceiptPrinter(m_german).saveAsPdf(m_sale, path, &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(!QFile::exists(path));

        QVERIFY(!ReceiptPrinter(m_german).saveAsPdf(m_sale, QString(), &error));
        QVERIFY(!error.isEmpty());
        // A folder where the file should be.
        QVERIFY(!ReceiptPrinter(m_german).saveAsPdf(m_sale, m_dir.path(), &error));
        QVERIFY(!error.isEmpty());
    }

    void dialogControlsHaveNamesAndMnemonics()
    {
        ReceiptDialog dialog(m_sale, m_german);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(controlsWithoutAccessibleName(&dialog), QStringList());
        QVERIFY(!dialog.text()->accessibleName().isEmpty());
        QVERIFY(!dialog.message()->accessibleName().isEmpty());
        QCOMPARE(dialog.message()->textFormat(), Qt::PlainText);
        for (QPushButton* button : {dialog.previewButton(), dialog.printButton(),
                                    dialog.pdfButton(), dialog.closeButton()}) {
            QVERIFY2(!button->objectName().isEmpty(), qPrintable(button->text()));
            QVERIFY2(button->text().contains(QLatin1Char('&')), qPrintable(button->text()));
            QVERIFY(!button->accessibleName().contains(QLatin1Char('&')));
        }
        QVERIFY(dialog.text()->isReadOnly());
        // (QPlainTextEdit hands non-breaking spaces back as plain ones.)
        QCOMPARE(spaced(dialog.text()->toPlainText()),
                 spaced(ReceiptDocument(m_sale, m_german).plainText()));
        QVERIFY(dialog.windowTitle().contains(u"B-2026-000123"_s));
    }

    void dialogClosesOnEscape()
    {
        ReceiptDialog dialog(m_sale, m_german);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog.isVisible());
    }

    void dialogSavesPdfThroughTheFileDialog()
    {
        ReceiptDialog dialog(m_sale, m_german);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(dialog.pdfButton(), Qt::LeftButton);
        // The button returns at once; the file dialog is open over the receipt.
        QFileDialog* files = nullptr;
        QTRY_VERIFY((files = dialog.findChild<QFileDialog*>()) && files->isVisible());
        QVERIFY(dialog.isVisible());
        const QString path = m_dir.filePath(u"chosen.pdf"_s);
        files->selectFile(path);
        static_cast<QDialog*>(files)->accept(); // QFileDialog::accept, as the Save button does
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 20000);
        QTRY_VERIFY(dialog.message()->text().contains(QDir::toNativeSeparators(path)));
        QVERIFY(pdfText(path).contains(u"B-2026-000123"_s));
    }

    void dialogShowsAFailureAndStaysUsable()
    {
        ReceiptDialog dialog(m_sale, m_german);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy failed(dialog.printer(), &ReceiptPrinter::failed);
        QTest::mouseClick(dialog.pdfButton(), Qt::LeftButton);
        QFileDialog* files = nullptr;
        QTRY_VERIFY((files = dialog.findChild<QFileDialog*>()) && files->isVisible());
        // Chosen, then taken away before saving (a USB stick pulled out, a share gone).
        QTemporaryDir gone;
        const QString path = gone.filePath(u"receipt.pdf"_s);
        files->selectFile(path);
        gone.remove();
        static_cast<QDialog*>(files)->accept(); // QFileDialog::accept, as the Save button does
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY2(dialog.message()->text().contains(QDir::toNativeSeparators(path)),
                 qPrintable(dialog.message()->text()));
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.pdfButton()->isEnabled());
    }

    // Issue 14: the preview showed an A4 sheet while the PDF is an 80 mm roll.
    void previewShowsTheRollPage()
    {
        ReceiptDialog dialog(m_sale, m_german);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
        QPrintPreviewDialog* preview = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (preview = dialog.findChild<QPrintPreviewDialog*>()) && preview->isVisible(), 20000);
        const QSizeF page = preview->printer()->pageLayout().pageSize().size(QPageSize::Millimeter);
        QVERIFY2(qAbs(page.width() - 80) < 0.5, qPrintable(QString::number(page.width())));
        // As long as the receipt, as the PDF is (not an A4 sheet's 297 mm).
        QVERIFY2(page.height() > 80 && page.height() < 297,
                 qPrintable(QString::number(page.height())));
        preview->reject();
        QTRY_VERIFY(!dialog.findChild<QPrintPreviewDialog*>());
    }

    // Issue 14: the order number in display type, actions a finger can hit, every action on a key
    // (one letter each, in every language).
    void dialogShowsTheNumberLargeAndTakesKeys_data()
    {
        QTest::addColumn<QString>("language");
        for (const char* language : {"en_GB", "de_DE", "fr_FR"})
            QTest::newRow(language) << QString::fromLatin1(language);
    }
    void dialogShowsTheNumberLargeAndTakesKeys()
    {
        QFETCH(QString, language);
        const QLocale locale(language);
        ui::installTranslations(qApp, locale);
        const auto restore = qScopeGuard([] {
            for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
                QCoreApplication::removeTranslator(translator);
                delete translator;
            }
        });
        ReceiptDialog dialog(m_refund, locale);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.orderNumber()->text(), m_refund.orderNumber);
        QCOMPARE(dialog.orderNumber()->property("role").toString(), QStringLiteral("display"));
        QVERIFY(dialog.orderNumber()->font().pixelSize() >= ui::style::displayPx);
        QTRY_COMPARE(layoutProblems(&dialog), QStringList()); // mnemonics distinct, nothing cut
        for (QPushButton* button : {dialog.previewButton(), dialog.printButton(),
                                    dialog.pdfButton(), dialog.closeButton()})
            QVERIFY2(button->height() >= ui::style::touchTarget, qPrintable(button->text()));
        // Enter prints, Alt+the letter previews, Esc closes.
        QVERIFY(dialog.printButton()->isDefault());
        dialog.activateWindow();
        QTest::keyClick(&dialog, mnemonicOf(dialog.previewButton()->text()).toLatin1(),
                        Qt::AltModifier);
        QPrintPreviewDialog* preview = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (preview = dialog.findChild<QPrintPreviewDialog*>()) && preview->isVisible(), 20000);
        preview->reject();
        QTRY_VERIFY(!dialog.findChild<QPrintPreviewDialog*>());
    }

    void previewOpensWithoutBlocking()
    {
        ReceiptDialog dialog(m_sale, m_german);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
        QPrintPreviewDialog* preview = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (preview = dialog.findChild<QPrintPreviewDialog*>()) && preview->isVisible(), 20000);
        QVERIFY(!preview->accessibleName().isEmpty());
        preview->reject();
        QTRY_VERIFY(!dialog.findChild<QPrintPreviewDialog*>());
    }
};

QTEST_MAIN(TestReceiptPrinter)
#include "tst_receiptprinter.moc"
