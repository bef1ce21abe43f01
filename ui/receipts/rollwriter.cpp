#include "receipts/rollwriter.h"

#include "base/logging.h"
#include "receipts/barcodeimage.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QScreen>
#include <QTextBlock>
#include <QTextBlockFormat>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QUrl>

#include <algorithm>

namespace storedesk::ui::roll {

QFont font()
{
    QFont font(QStringLiteral("monospace"));
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    font.setPointSizeF(8);
    return font;
}

std::unique_ptr<QTextDocument> newDocument(const QString& title)
{
    auto document = std::make_unique<QTextDocument>();
    document->setDefaultFont(font());
    document->setDocumentMargin(0);
    document->setUndoRedoEnabled(false);
    document->setMetaInformation(QTextDocument::DocumentTitle, title);
    return document;
}

namespace {

// Marks a block that holds a code's picture (and no text).
constexpr int CodeBlockProperty = QTextFormat::UserProperty + 1;

bool isCodeBlock(const QTextBlock& block)
{
    return block.blockFormat().boolProperty(CodeBlockProperty);
}

// Qt lays an image out in units of 1/qt_defaultDpi() inch (scaled to the paint device when
// printed): the primary screen's logical dpi, 96 with Qt::AA_Use96Dpi, 100 without a screen.
qreal layoutDpi()
{
    if (QCoreApplication::testAttribute(Qt::AA_Use96Dpi))
        return 96;
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        return qRound(screen->logicalDotsPerInchY());
    return 100;
}

} // namespace

QString plainText(const QTextDocument& document)
{
    QString text = document.toRawText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    bool hasCodes = false;
    for (QTextBlock block = document.begin(); block.isValid() && !hasCodes; block = block.next())
        hasCodes = isCodeBlock(block);
    if (!hasCodes)
        return text; // exactly as before codes were drawn
    QStringList lines;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (!isCodeBlock(block))
            lines << block.text();
    }
    return lines.join(QLatin1Char('\n'));
}

DocumentSink::DocumentSink(QTextDocument* document)
    : m_cursor(document)
{
    m_bold.setFontWeight(QFont::Bold);
    m_large.setFontWeight(QFont::Bold);
    m_large.setFontPointSize(font().pointSizeF() * 2);
}

void DocumentSink::insert(const QString& text, const QTextCharFormat& format)
{
    if (!m_first)
        m_cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    m_first = false;
    m_cursor.insertText(text, format);
}

void DocumentSink::line(const QString& text, storedesk::roll::Emphasis emphasis)
{
    switch (emphasis) {
    case storedesk::roll::Emphasis::Plain:
        insert(text, m_plain);
        return;
    case storedesk::roll::Emphasis::Bold:
        insert(text, m_bold);
        return;
    case storedesk::roll::Emphasis::Large:
        insert(text, m_large);
        return;
    }
}

void DocumentSink::insertCode(const QImage& image, int minDots, int maxDots, int heightDots,
                              const QString& name)
{
    if (image.isNull())
        return; // barcodeimage.cpp said why
    const int available = int(PrintWidthMm / 25.4 * PrinterDpi);
    const int dots = std::min(maxDots, available / image.width());
    if (dots < minDots) {
        qCWarning(lcUi).noquote() << name << "left off the receipt: at" << minDots
                                  << "dots a module it is wider than the roll";
        return;
    }
    const QImage scaled =
        image.scaled(image.width() * dots, heightDots > 0 ? heightDots : image.height() * dots,
                     Qt::IgnoreAspectRatio, Qt::FastTransformation);
    QTextDocument* document = m_cursor.document();
    // One resource a block: a name that no other code of this document has.
    const QUrl url(QStringLiteral("storedesk-code:block-%1").arg(document->blockCount()));
    document->addResource(QTextDocument::ImageResource, url, scaled);

    QTextBlockFormat block;
    block.setAlignment(Qt::AlignHCenter);
    block.setProperty(CodeBlockProperty, true);
    // Clear of the text above and below, as the printer's own feed would leave it.
    block.setTopMargin(font().pointSizeF());
    block.setBottomMargin(font().pointSizeF());
    if (m_first)
        m_cursor.setBlockFormat(block);
    else
        m_cursor.insertBlock(block, QTextCharFormat());
    m_first = false;

    QTextImageFormat format;
    format.setName(url.toString());
    const qreal toLayout = layoutDpi() / PrinterDpi;
    format.setWidth(scaled.width() * toLayout);
    format.setHeight(scaled.height() * toLayout);
    m_cursor.insertImage(format);
}

void DocumentSink::codes(const QString& data)
{
    // Code 128 at 0.25 to 0.375 mm a module and 10 mm high (the ESC/POS printer: 2 dots, 80
    // dots high); QR at 0.5 to 0.75 mm a module (the printer: module size 6).
    insertCode(code128Image(data), 2, 3, 80, QStringLiteral("Code 128"));
    insertCode(qrCodeImage(data), 4, 6, 0, QStringLiteral("QR code"));
}

} // namespace storedesk::ui::roll
