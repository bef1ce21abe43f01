#include "receipts/receiptdialog.h"

#include "common/style.h"
#include "common/widgethelpers.h"
#include "receipts/barcodeimage.h"
#include "receipts/receiptdocument.h"
#include "receipts/receiptprinter.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace storedesk::ui {

ReceiptDialog::ReceiptDialog(const Receipt& receipt, const QLocale& locale, QWidget* parent)
    : QDialog(parent)
    , m_receipt(receipt)
    , m_printer(new ReceiptPrinter(locale, this))
    , m_text(new QPlainTextEdit(this))
    , m_kind(widgets::plainLabel(this, QStringLiteral("receiptKind"), tr("Kind of receipt")))
    , m_number(widgets::plainLabel(this, QStringLiteral("receiptNumber"), tr("Order number")))
    , m_barcode(widgets::plainLabel(this, QStringLiteral("receiptBarcode"),
                                    tr("Order number as a barcode")))
    , m_message(widgets::plainLabel(this, QStringLiteral("receiptMessage"), tr("Receipt message")))
    , m_preview(widgets::button(this, QStringLiteral("receiptPreviewButton"), tr("Pre&view…"),
                                tr("Preview receipt")))
    , m_print(widgets::button(this, QStringLiteral("receiptPrintButton"), tr("&Print…"),
                              tr("Print receipt")))
    , m_pdf(widgets::button(this, QStringLiteral("receiptPdfButton"), tr("Save as P&DF…"),
                            tr("Save receipt as PDF")))
    , m_close(
          widgets::button(this, QStringLiteral("receiptCloseButton"), tr("&Close"), tr("Close")))
{
    setObjectName(QStringLiteral("receiptDialog"));
    const QString title = receipt.kind == Receipt::Kind::Sale
                              ? tr("Receipt %1").arg(receipt.orderNumber)
                              : tr("Refund receipt %1").arg(receipt.orderNumber);
    setWindowTitle(title);
    setAccessibleName(title);
    // The order number is what a colleague reads out or matches: the screen's one big figure.
    m_kind->setText(receipt.kind == Receipt::Kind::Sale ? tr("Receipt") : tr("Refund receipt"));
    m_number->setText(receipt.orderNumber);
    m_number->setWordWrap(false);
    m_number->setTextInteractionFlags(Qt::TextSelectableByMouse);
    style::setRole(m_kind, style::Role::Large);
    style::setRole(m_number, style::Role::Display);

    // The Code 128 the sale receipt carries, small: the colleague sees that it is there.
    m_barcode->setWordWrap(false);
    m_barcode->setVisible(false);
    if (receipt.kind == Receipt::Kind::Sale) {
        const QImage code = code128Image(receipt.orderNumber);
        if (!code.isNull()) {
            // One device pixel a module (sharp on any screen) and 32 pixels high: a glance, not
            // a second copy to scan from the screen.
            constexpr int shownHeight = 32;
            const qreal ratio = std::max<qreal>(1, std::round(devicePixelRatioF()));
            QImage shown = code.scaled(int(code.width() * ratio), int(shownHeight * ratio),
                                       Qt::IgnoreAspectRatio, Qt::FastTransformation);
            shown.setDevicePixelRatio(ratio);
            m_barcode->setPixmap(QPixmap::fromImage(shown));
            m_barcode->setAccessibleName(
                tr("Order number %1 as a barcode").arg(receipt.orderNumber));
            m_barcode->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            m_barcode->setVisible(true);
        }
    }

    // The very text that is printed, never interpreted as markup.
    const ReceiptDocument document(receipt, locale);
    m_text->setObjectName(QStringLiteral("receiptText"));
    m_text->setAccessibleName(tr("Receipt text"));
    m_text->setReadOnly(true);
    m_text->setTabChangesFocus(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    // The roll's monospace font at the screen's base size: the roll's 8 pt are small on a screen.
    QFont font = ReceiptDocument::font();
    font.setPixelSize(style::basePx);
    m_text->setFont(font);
    m_text->setPlainText(document.plainText());
    const QFontMetrics metrics(font);
    m_text->setMinimumWidth(
        metrics.horizontalAdvance(QString(ReceiptDocument::Columns + 4, QLatin1Char('0'))));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_preview);
    buttons->addWidget(m_print);
    buttons->addWidget(m_pdf);
    buttons->addStretch();
    buttons->addWidget(m_close);
    // Enter prints: what a colleague at the till wants from a receipt.
    m_print->setDefault(true);
    for (QPushButton* button : {m_preview, m_pdf, m_close})
        button->setAutoDefault(false);

    // Ctrl+P prints too, as in every other program.
    auto* printShortcut = new QShortcut(QKeySequence::Print, this);
    connect(printShortcut, &QShortcut::activated, m_print, &QPushButton::click);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(style::margin, style::margin, style::margin, style::margin);
    layout->setSpacing(style::spacing);
    layout->addWidget(m_kind);
    layout->addWidget(m_number);
    layout->addWidget(m_barcode);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_preview, &QPushButton::clicked, this, [this] {
        m_message->clear();
        m_printer->preview(m_receipt);
    });
    connect(m_print, &QPushButton::clicked, this, [this] {
        m_message->clear();
        m_printer->printWithDialog(m_receipt);
    });
    connect(m_pdf, &QPushButton::clicked, this, [this] {
        m_message->clear();
        m_printer->saveAsPdfWithDialog(m_receipt);
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_printer, &ReceiptPrinter::done, m_message, &QLabel::setText);
    connect(m_printer, &ReceiptPrinter::failed, m_message, &QLabel::setText);
    // Tall enough for a usual receipt without scrolling, within a 1024x768 till's screen.
    resize(sizeHint().width(), 680);
}

ReceiptDialog* ReceiptDialog::showReceipt(const Receipt& receipt, const QLocale& locale,
                                          QWidget* parent)
{
    auto* dialog = new ReceiptDialog(receipt, locale, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace storedesk::ui
