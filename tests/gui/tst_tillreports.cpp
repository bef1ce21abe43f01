#include "api/apiclient.h"
#include "api/tilljobs.h"
#include "common/style.h"
#include "common/translations.h"
#include "demousers.h"
#include "documentcases.h"
#include "fakenetwork.h"
#include "guitesting.h"
#include "receipts/receiptdocument.h"
#include "receipts/receiptprinter.h"
#include "receipts/tillreportdocument.h"
#include "till/expectedfloatdialog.h"
#include "till/tillreportdialog.h"
#include "till/tillreportview.h"
#include "till/tillsessionsdialog.h"

#include <QDateEdit>
#include <QFileDialog>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTranslator>
#include <QUuid>

using namespace storedesk;
using namespace storedesk::test;
using namespace storedesk::ui;
using namespace Qt::StringLiterals;

namespace {

// pdftotext and QTextEdit hand non-breaking spaces back as plain ones; a reader sees spaces.
QString spaced(QString text)
{
    text.replace(QChar::Nbsp, QLatin1Char(' '));
    text.replace(QChar(0x202F), QLatin1Char(' '));
    return text;
}

// The app's language for `locale` (English: no translator), as the app installs it.
void useLanguage(const QLocale& locale)
{
    for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(locale);
    if (locale.language() != QLocale::English)
        QVERIFY(ui::installTranslations(qApp, locale));
}

const QLocale english(QLocale::English, QLocale::UnitedKingdom);
const QLocale german(QLocale::German, QLocale::Germany);

ReceiptContext berlin()
{
    ReceiptContext context;
    context.storeName = u"StoreDesk Berlin Mitte"_s;
    context.storeKey = u"berlin-mitte"_s;
    context.workstationId = u"till-1"_s;
    context.colleague = u"Max Manager"_s;
    return context;
}

} // namespace

// The till's X and Z reports (issue 15): the roll document with every figure of a Z report of
// known figures (tests/fixtures/till/z-report.json) in English and German formats, COPY only on
// a reprint, the PDF read back with poppler (pdftotext for its text, pdftoppm for its picture),
// and the report dialog.
class TestTillReports : public QObject {
    Q_OBJECT

private:
    api::TillReport m_z;
    QTemporaryDir m_dir;

    // The report the server wrote at a close, as the app parses it.
    static api::TillReport zReport()
    {
        const Expected<api::TillReport> report =
            api::TillReport::fromJson(readFixture(u"till/z-report.json"_s));
        if (!report)
            qFatal("till/z-report.json: %s", qPrintable(describe(report)));
        return *report;
    }

    static QString tool(const QString& name) { return QStandardPaths::findExecutable(name); }

    static QString run(const QString& program, const QStringList& arguments)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            qWarning("%s: %s", qPrintable(program), process.readAllStandardError().constData());
            return {};
        }
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    // Opens and closes a till of berlin-mitte-till-1 through the real server as anna; the count
    // at the close is the float less `shortCents` (a manager approves when the server asks).
    // The Z number, or empty with a warning.
    QString runSession(CommerceStack& stack, const QByteArray& token, qint64 shortCents)
    {
        const QString till = u"/stores/berlin-mitte/workstations/berlin-mitte-till-1/till"_s;
        const auto send = [&](const QString& path, const QJsonObject& body, const QByteArray& key) {
            return stack.call("POST", till + path,
                              QJsonDocument(body).toJson(QJsonDocument::Compact), token,
                              {{"Idempotency-Key", key}, {"Content-Type", "application/json"}});
        };
        const auto key = [] {
            return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        };
        const QJsonObject floatCount{
            {u"currency"_s, u"EUR"_s},
            {u"lines"_s, QJsonArray{QJsonObject{{u"value"_s, 5000}, {u"count"_s, 2}},
                                    QJsonObject{{u"value"_s, 1000}, {u"count"_s, 5}}}}};
        const CommerceStack::HttpReply opened = send(u"/open"_s, {{u"float"_s, floatCount}}, key());
        if (opened.status != 201) {
            qWarning("open: %d %s", opened.status, opened.raw.constData());
            return {};
        }
        // 150.00 less the shortage, counted as 2 × 50 plus 10-euro notes and 1-cent coins.
        QJsonArray lines{QJsonObject{{u"value"_s, 5000}, {u"count"_s, 2}},
                         QJsonObject{{u"value"_s, 1000}, {u"count"_s, 4}}};
        if (1000 - shortCents > 0)
            lines.append(QJsonObject{{u"value"_s, 1}, {u"count"_s, 1000 - shortCents}});
        QJsonObject close{
            {u"count"_s, QJsonObject{{u"currency"_s, u"EUR"_s}, {u"lines"_s, lines}}}};
        const QByteArray closeKey = key();
        CommerceStack::HttpReply closed = send(u"/close"_s, close, closeKey);
        if (closed.status == 403) { // above the store's threshold: a manager approves, same key
            close.insert(u"reason"_s, u"Coin roll miscounted"_s);
            close.insert(u"approval"_s,
                         QJsonObject{{u"username"_s, QString::fromLatin1(max.username)},
                                     {u"secret"_s, QString::fromLatin1(max.secret)}});
            closed = send(u"/close"_s, close, closeKey);
        }
        if (closed.status != 201) {
            qWarning("close: %d %s", closed.status, closed.raw.constData());
            return {};
        }
        return closed.body.value(u"number"_s).toString();
    }

private slots:
    void initTestCase()
    {
        style::install(qApp); // what a colleague sees is what is measured
        useLanguage(english);
        QVERIFY(m_dir.isValid());
        m_z = zReport();
        QVERIFY(m_z.isZ());
    }

    void zReportHasEveryFigure_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("en") << english;
        QTest::newRow("de") << german;
    }

    void zReportHasEveryFigure()
    {
        QFETCH(QLocale, locale);
        useLanguage(locale); // the app's language is the locale's
        const auto restore = qScopeGuard([] { useLanguage(english); });
        const TillReportDocument document(m_z, berlin(), false, locale);
        const QString text = document.plainText();
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (const QString& line : lines)
            QVERIFY2(line.size() <= ReceiptDocument::Columns, qPrintable(line));

        // Every figure, formatted by the locale (150,00 € in German, €150.00 in English).
        const QList<qint64> amounts = {
            15000,             // float (and the expected float)
            5000,  2000, 1000, // the float's notes: 2 × 50, 2 × 20, 1 × 10
            12345,             // cash sales
            990,               // cash refunds
            2000,              // pay-ins
            1500,              // pay-outs
            10000,             // safe drops
            16855,             // expected cash = 150 + 123.45 − 9.90 + 20 − 15 − 100
            4590,  1299,       // card totals per terminal
            16605,             // counted
            500,   100,  5,    // counted by denomination
            250,               // short
        };
        for (qint64 amount : amounts) {
            const QString shown = eur(amount).toString(locale);
            QVERIFY2(text.contains(shown), qPrintable(shown + u" not in:\n"_s + text));
        }
        // "label ….. value": a row of the report with its value at the right edge.
        const auto hasRow = [&](const QString& label, const QString& value) {
            for (const QString& line : lines) {
                if (line.startsWith(label) && line.endsWith(value) &&
                    line.size() == ReceiptDocument::Columns)
                    return true;
            }
            return false;
        };
        const auto money = [&](qint64 cents) {
            return eur(cents).toString(locale);
        };
        const bool german = locale.language() == QLocale::German;
        QVERIFY2(hasRow(german ? u"Erwarteter Bargeldbestand"_s : u"Expected cash"_s, money(16855)),
                 qPrintable(text));
        QVERIFY2(hasRow(german ? u"Gezählt"_s : u"Counted"_s, money(16605)), qPrintable(text));
        QVERIFY(hasRow(german ? u"Wechselgeld"_s : u"Float"_s, money(15000)));
        QVERIFY(hasRow(german ? u"Barverkäufe (3)"_s : u"Cash sales (3)"_s, money(12345)));
        QVERIFY(hasRow(german ? u"Barerstattungen (1)"_s : u"Cash refunds (1)"_s, money(990)));
        QVERIFY(hasRow(german ? u"Einzahlungen (1)"_s : u"Pay-ins (1)"_s, money(2000)));
        QVERIFY(hasRow(german ? u"Auszahlungen (1)"_s : u"Pay-outs (1)"_s, money(1500)));
        QVERIFY(hasRow(german ? u"Abschöpfungen (1)"_s : u"Safe drops (1)"_s, money(10000)));
        QVERIFY(hasRow(u"  terminal-1 (2)"_s, money(4590)));
        QVERIFY(hasRow(u"  terminal-2 (1)"_s, money(1299)));
        QVERIFY(hasRow(u"  "_s + eur(5000).toString(locale) + u" × 2"_s, money(10000)));
        // Over/short in words: a negative difference is short, shown without its sign.
        QVERIFY2(hasRow(german ? u"Fehlbetrag"_s : u"Short"_s, money(250)), qPrintable(text));
        QVERIFY(!text.contains(eur(-250).toString(locale)));
        QVERIFY(!hasRow(german ? u"Überschuss"_s : u"Over"_s, money(250)));
        // Counts: 6 sales, 1 refund, 2 no sales.
        QVERIFY(hasRow(german ? u"Verkäufe"_s : u"Sales"_s, u" 6"_s));
        QVERIFY(hasRow(german ? u"Erstattungen"_s : u"Refunds"_s, u" 1"_s));
        QVERIFY(hasRow(german ? u"Öffnungen ohne Verkauf"_s : u"No sales"_s, u" 2"_s));
        QVERIFY(hasRow(german ? u"Z-Nummer"_s : u"Z number"_s, u"berlin-mitte-till-1-Z000007"_s));
        QVERIFY(text.contains(u"berlin-mitte-till-1-Z000007"_s));
        QVERIFY(text.contains(u"StoreDesk Berlin Mitte"_s));
        QVERIFY(text.contains(u"till-1"_s));
        QVERIFY(text.contains(u"B-2026-000101"_s));
        QVERIFY(text.contains(u"B-2026-000106"_s));
        QVERIFY(text.contains(u"terminal-1"_s));
        QVERIFY(text.contains(u"terminal-2"_s));
        QVERIFY(text.contains(u"Change delivery"_s));
        QVERIFY(text.contains(u"Supplier paid"_s));
        QVERIFY(text.contains(u"Milk for the café"_s));
        QVERIFY(text.contains(u"B-42"_s));
        QVERIFY(text.contains(u"Coin roll miscounted"_s));
        QVERIFY(text.contains(u"max"_s));
        // Opened and closed, in the locale's format and the till's time zone.
        QVERIFY2(text.contains(locale.toString(m_z.openedAt.toLocalTime(), QLocale::ShortFormat)),
                 qPrintable(text));
        QVERIFY(text.contains(locale.toString(m_z.closedAt.toLocalTime(), QLocale::ShortFormat)));
        // The movements one by one, by kind.
        QVERIFY(text.contains(german ? u"Auszahlung"_s : u"Pay-out"_s));
        QVERIFY(text.contains(german ? u"Abschöpfung"_s : u"Safe drop"_s));
        QVERIFY(!text.contains(german ? u"KOPIE"_s : u"COPY"_s));
    }

    void xReportIsNoClose()
    {
        api::TillReport x = m_z;
        x.kind = api::TillReport::Kind::X;
        x.number.clear();
        x.closedAt = {};
        x.closedBy.clear();
        x.counted.reset();
        x.count.reset();
        x.overShort.reset();
        x.approvedBy.clear();
        x.differenceReason.clear();
        const QString text = TillReportDocument(x, berlin(), false, english).plainText();
        QVERIFY2(text.contains(u"X report — not a close"_s), qPrintable(text));
        QVERIFY(!text.contains(u"Z0000"_s));
        QVERIFY(!text.contains(u"Counted"_s));
        QVERIFY(!text.contains(u"Short"_s));
        QVERIFY(text.contains(eur(16855).toString(english)));
    }

    void copyOnlyOnReprint()
    {
        const TillReportDocument original(m_z, berlin(), false, english);
        const TillReportDocument copy(m_z, berlin(), true, english);
        QVERIFY(!original.plainText().contains(u"COPY"_s));
        QVERIFY2(copy.plainText().contains(u"COPY"_s), qPrintable(copy.plainText()));
        QVERIFY(copy.title().contains(u"copy"_s));
        // In large type: a character format larger than the roll's font.
        bool large = false;
        for (QTextBlock block = copy.document()->begin(); block.isValid(); block = block.next()) {
            if (block.text().trimmed() == u"COPY"_s)
                large = block.begin().fragment().charFormat().fontPointSize() >
                        ReceiptDocument::font().pointSizeF();
        }
        QVERIFY(large);
    }

    void zReportPdfReadBack()
    {
        const QString pdftotext = tool(u"pdftotext"_s);
        const QString pdftoppm = tool(u"pdftoppm"_s);
        if (pdftotext.isEmpty() || pdftoppm.isEmpty())
            QSKIP("pdftotext/pdftoppm missing: install Debian's poppler-utils (packaging/dev.sh "
                  "does)");
        useLanguage(german);
        const auto restore = qScopeGuard([] { useLanguage(english); });
        TillReportDialog dialog(m_z, berlin(), true, nullptr);
        const QString path = m_dir.filePath(dialog.document().pdfFileName());
        QVERIFY(path.endsWith(u"z-report-berlin-mitte-till-1-Z000007.pdf"_s));
        QString error;
        QVERIFY2(dialog.saveAsPdf(path, &error), qPrintable(error));

        const QString text =
            spaced(run(pdftotext, {u"-layout"_s, u"-enc"_s, u"UTF-8"_s, path, u"-"_s}));
        QVERIFY2(text.contains(u"berlin-mitte-till-1-Z000007"_s), qPrintable(text));
        bool shortLine = false;
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            if (line.trimmed().startsWith(u"Fehlbetrag"_s))
                shortLine = line.trimmed().endsWith(spaced(eur(250).toString(german)));
        }
        QVERIFY2(shortLine, qPrintable(text));
        QVERIFY(text.contains(u"KOPIE"_s));

        // The first page as a picture: a roll 80 mm wide (at 100 dpi: 315 px) with print on it.
        const QString stem = m_dir.filePath(u"z-report-page"_s);
        run(pdftoppm, {u"-png"_s, u"-r"_s, u"100"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s,
                       u"-singlefile"_s, path, stem});
        const QImage page(stem + u".png"_s);
        // For the closing note and a look by eye: the page as poppler rendered it.
        const QString shots = qEnvironmentVariable("STOREDESK_SCREENSHOT_DIR");
        if (!shots.isEmpty() && QDir().mkpath(shots)) {
            QFile::remove(shots + u"/z-report-pdf-page1.png"_s);
            QFile::copy(stem + u".png"_s, shots + u"/z-report-pdf-page1.png"_s);
        }
        QVERIFY2(!page.isNull(), "pdftoppm rendered no picture");
        QVERIFY2(qAbs(page.width() - 315) <= 2, qPrintable(QString::number(page.width())));
        QVERIFY(page.height() > page.width()); // a long strip, as a roll
        int dark = 0;
        for (int y = 0; y < page.height(); ++y) {
            for (int x = 0; x < page.width(); ++x)
                dark += qGray(page.pixel(x, y)) < 128;
        }
        QVERIFY2(dark > 2000, qPrintable(QString::number(dark)));
    }

    void dialogShowsThePrintedText()
    {
        useLanguage(german);
        const auto restore = qScopeGuard([] { useLanguage(english); });
        TillReportDialog dialog(m_z, berlin(), false, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(controlsWithoutAccessibleName(&dialog), QStringList());
        QCOMPARE(spaced(dialog.view()->text()->toPlainText()),
                 spaced(dialog.document().plainText()));
        QVERIFY(dialog.view()->text()->isReadOnly());
        QCOMPARE(dialog.view()->number()->text(), u"berlin-mitte-till-1-Z000007"_s);
        QVERIFY2(
            spaced(dialog.view()->overShort()->text()).contains(spaced(eur(250).toString(german))),
            qPrintable(dialog.view()->overShort()->text()));
        QVERIFY(!dialog.view()->kind()->text().contains(u"COPY"_s));
        for (QPushButton* button : {dialog.printButton(), dialog.pdfButton(), dialog.closeButton()})
            QVERIFY2(button->text().contains(QLatin1Char('&')), qPrintable(button->text()));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog.isVisible());
    }

    void dialogSavesPdfThroughTheFileDialog()
    {
        TillReportDialog dialog(m_z, berlin(), true, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.view()->isCopy());
        QTest::mouseClick(dialog.pdfButton(), Qt::LeftButton);
        QFileDialog* files = nullptr;
        QTRY_VERIFY((files = dialog.findChild<QFileDialog*>()) && files->isVisible());
        const QString path = m_dir.filePath(u"chosen-z.pdf"_s);
        files->selectFile(path);
        static_cast<QDialog*>(files)->accept(); // QFileDialog::accept, as the Save button does
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 20000);
        QTRY_VERIFY(dialog.message()->text().contains(QDir::toNativeSeparators(path)));
    }

    // A manager types the expected float in the locale; what cannot be read is refused in words
    // and nothing is sent; a good amount goes out once, as minor units, and the dialog closes.
    void expectedFloatIsTypedInTheLocale()
    {
        useLanguage(german);
        const auto restore = qScopeGuard([] { useLanguage(english); });
        auto* network = new FakeNetwork;
        api::ApiClient client;
        client.setNetwork(network);
        network->setParent(&client);
        client.setServerUrl(QUrl(u"http://127.0.0.1:9"_s));
        client.setAccessToken("token");
        const QString route = u"/stores/berlin-mitte/workstations/till-1/till/expected-float"_s;
        QJsonObject status{{u"storeKey"_s, u"berlin-mitte"_s},
                           {u"workstationId"_s, u"till-1"_s},
                           {u"hasDrawer"_s, true},
                           {u"currency"_s, u"EUR"_s},
                           {u"session"_s, QJsonValue::Null},
                           {u"expectedFloat"_s, eur(12550).toJson()},
                           {u"reasons"_s, QJsonObject{{u"payIn"_s, QJsonArray()},
                                                      {u"payOut"_s, QJsonArray()},
                                                      {u"noSale"_s, QJsonArray()}}},
                           {u"limits"_s, QJsonObject{{u"payOutApprovalAbove"_s, eur(5000).toJson()},
                                                     {u"noSaleApprovalAfter"_s, 3},
                                                     {u"closeApprovalAbove"_s, eur(500).toJson()}}},
                           {u"cardNeedsOpenTill"_s, false}};
        network->script("PUT", route, {FakeAnswer::json(200, status)});

        api::TillStatus current;
        current.storeKey = u"berlin-mitte"_s;
        current.workstationId = u"till-1"_s;
        current.hasDrawer = true;
        current.currency = u"EUR"_s;
        ExpectedFloatDialog dialog(&client, current, nullptr);
        QSignalSpy saved(&dialog, &ExpectedFloatDialog::saved);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(controlsWithoutAccessibleName(&dialog), QStringList());

        for (const QString& bad : {u"zwölf"_s, u"-5,00"_s, u"1,234"_s, QString()}) {
            dialog.amount()->setText(bad);
            QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
            QVERIFY2(!dialog.message()->text().isEmpty(), qPrintable(bad));
            QVERIFY(dialog.isVisible());
        }
        QCOMPARE(network->count("PUT", route), 0);

        dialog.amount()->setText(u"125,50"_s);
        QTest::keyClick(dialog.amount(), Qt::Key_Return);
        QVERIFY(saved.wait(5000));
        QCOMPARE(network->count("PUT", route), 1);
        const QJsonObject sent = QJsonDocument::fromJson(network->requests().last().body).object();
        QCOMPARE(sent.value(u"amount"_s).toObject().value(u"centAmount"_s).toInteger(), 12550);
        QVERIFY(!network->requests().last().idempotencyKey.isEmpty());
        const auto result = saved.first().first().value<api::TillStatus>();
        QVERIFY(result.expectedFloat && *result.expectedFloat == eur(12550));
        QTRY_VERIFY(!dialog.isVisible());

        // The current expected float stands in the field as the locale writes it, and saving it
        // unchanged sends that very amount.
        current.expectedFloat = eur(12550);
        ExpectedFloatDialog again(&client, current, nullptr);
        QSignalSpy savedAgain(&again, &ExpectedFloatDialog::saved);
        QCOMPARE(again.amount()->text(), eur(12550).toString(german));
        again.save();
        QVERIFY(savedAgain.wait(5000));
        QCOMPARE(QJsonDocument::fromJson(network->requests().last().body)
                     .object()
                     .value(u"amount"_s)
                     .toObject()
                     .value(u"centAmount"_s)
                     .toInteger(),
                 12550);
    }

    // A manager lists today's sessions of the store (the real server and emulator) and reprints
    // a Z report: the one written at the close, marked COPY.
    void managerListsTheDayAndReprintsAZReport()
    {
        CommerceStack stack;
        QVERIFY2(startDemoStack(stack), qPrintable(stack.errorString()));
        const QByteArray annasToken =
            stack.logIn(QString::fromLatin1(anna.username), QString::fromLatin1(anna.secret),
                        u"berlin-mitte"_s, u"berlin-mitte-till-1"_s);
        QVERIFY(!annasToken.isEmpty());
        const QString first = runSession(stack, annasToken, 0);
        const QString second = runSession(stack, annasToken, 750); // above 5.00: a manager approves
        QCOMPARE(first, u"berlin-mitte-berlin-mitte-till-1-Z000001"_s);
        QCOMPARE(second, u"berlin-mitte-berlin-mitte-till-1-Z000002"_s);

        const QByteArray maxsToken =
            stack.logIn(QString::fromLatin1(max.username), QString::fromLatin1(max.secret),
                        u"berlin-mitte"_s, u"berlin-mitte-till-2"_s);
        QVERIFY(!maxsToken.isEmpty());
        api::ApiClient client;
        client.setServerUrl(stack.serverUrl());
        client.setAccessToken(maxsToken);
        ReceiptContext context = berlin();
        context.workstationId = u"berlin-mitte-till-2"_s;

        TillSessionsDialog dialog(&client, u"berlin-mitte"_s, context, nullptr);
        QSignalSpy listed(&dialog, &TillSessionsDialog::listed);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.dateEdit()->date(), QDateTime::currentDateTimeUtc().date());
        QVERIFY2(listed.count() || listed.wait(20000), qPrintable(dialog.message()->text()));
        QCOMPARE(dialog.sessionCount(), 2);
        QStringList numbers;
        for (int row = 0; row < 2; ++row) {
            numbers << dialog.table()->item(row, 3)->text();
            QCOMPARE(dialog.table()->item(row, 0)->text(), u"berlin-mitte-till-1"_s);
            QVERIFY(dialog.table()->item(row, 1)->text().contains(u"anna"_s));
            QCOMPARE(dialog.table()->item(row, 4)->text(),
                     eur(row ? 14250 : 15000).toString(QLocale()));
        }
        QCOMPARE(numbers, QStringList({first, second}));
        // The latest closed session is selected, ready to be reprinted.
        QCOMPARE(dialog.table()->currentRow(), 1);
        QVERIFY(dialog.table()->item(1, 5)->text().contains(u"Short"_s));
        QVERIFY(dialog.reprintButton()->isEnabled());
        QSignalSpy shown(&dialog, &TillSessionsDialog::reportShown);
        QTest::mouseClick(dialog.reprintButton(), Qt::LeftButton);
        QVERIFY2(shown.wait(20000), qPrintable(dialog.message()->text()));
        TillReportDialog* report = dialog.reportDialog();
        QVERIFY(report);
        QVERIFY(report->view()->isCopy());
        QVERIFY(report->view()->kind()->text().contains(u"COPY"_s));
        const QString text = report->document().plainText();
        QVERIFY2(text.contains(u"COPY"_s), qPrintable(text));
        QVERIFY(text.contains(second));
        QVERIFY(text.contains(u"Short"_s));
        QVERIFY(text.contains(u"Coin roll miscounted"_s));
        QVERIFY(text.contains(eur(750).toString(QLocale())));
        QVERIFY(text.contains(u"Approved by"_s));
        QVERIFY(text.contains(u"Max Manager"_s)); // reprinted by
        report->close();

        // Another day: nothing opened then.
        dialog.showDate(QDateTime::currentDateTimeUtc().date().addDays(-1));
        QVERIFY(listed.wait(20000));
        QCOMPARE(dialog.sessionCount(), 0);
        QVERIFY(!dialog.reprintButton()->isEnabled());
    }
};

QTEST_MAIN(TestTillReports)
#include "tst_tillreports.moc"
