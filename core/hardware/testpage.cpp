#include "testpage.h"

#include "escposwriter.h"

#include <QCoreApplication>

#include <algorithm>

namespace storedesk::hardware {

// The test page's words (its own translation context; the page is no class).
struct TestPage {
    Q_DECLARE_TR_FUNCTIONS(storedesk::hardware::TestPage)
};

namespace {

// "1234567890123…": the last digit printed is the column it stands in.
QString ruler(int columns)
{
    QString digits;
    digits.reserve(columns);
    for (int column = 1; column <= columns; ++column)
        digits.append(QChar(u'0' + column % 10));
    return digits;
}

} // namespace

QString testPageCodeText()
{
    return QStringLiteral("STOREDESK-TEST");
}

QByteArray testPage(const TestPageInfo& info)
{
    const int columns = std::max(info.columns, 1);
    EscPosWriter writer(columns);
    // A line longer than the roll would wrap and look like a wrong column setting: names are cut.
    const auto line = [&writer, columns](const QString& text) {
        writer.textLine(text.left(columns));
    };
    writer.initialize();
    writer.setEmphasis(roll::Emphasis::Large);
    line(TestPage::tr("Test page"));
    writer.setEmphasis(roll::Emphasis::Plain);
    line(QString());
    line(TestPage::tr("Store: %1").arg(info.store));
    line(TestPage::tr("Workstation: %1").arg(info.workstation));
    line(TestPage::tr("Printer: %1").arg(info.address));
    line(TestPage::tr("Characters per line: %1").arg(columns));
    line(QString());
    writer.setEmphasis(roll::Emphasis::Bold);
    line(ruler(columns));
    writer.setEmphasis(roll::Emphasis::Plain);
    // The code page (PC858): the euro sign and umlauts print as themselves, not as '?'.
    line(QStringLiteral("€ äöü ÄÖÜ ß éèà ç"));
    line(QString());
    writer.code128(testPageCodeText());
    writer.feed(1);
    writer.qrCode(testPageCodeText());
    writer.feed(3);
    writer.cut();
    return writer.bytes();
}

} // namespace storedesk::hardware
