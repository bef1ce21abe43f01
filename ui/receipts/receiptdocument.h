#pragma once

#include "receipt/receipt.h"
#include "receipts/rollwriter.h"

#include <QCoreApplication>
#include <QFont>
#include <QLocale>
#include <QTextDocument>

#include <memory>

namespace storedesk::ui {

// A receipt laid out as a till roll: one monospace column of Columns characters, amounts aligned
// at the right. Every piece of text goes in through QTextCursor::insertText, so a product name
// with markup in it is printed as the characters it is. Money and dates follow `locale`.
class ReceiptDocument {
    Q_DECLARE_TR_FUNCTIONS(storedesk::ui::ReceiptDocument)

public:
    static constexpr int Columns = roll::Columns;

    ReceiptDocument(const Receipt& receipt, const QLocale& locale);
    ReceiptDocument(const ReceiptDocument&) = delete;
    ReceiptDocument& operator=(const ReceiptDocument&) = delete;

    // Lays `receipt` out on any roll (the document here, or an ESC/POS printer's sink).
    static void write(roll::Writer& out, const Receipt& receipt, const QLocale& locale);

    QTextDocument* document() const { return m_document.get(); }
    // Exactly the printed text, one receipt line a line (non-breaking spaces kept, as in Money's
    // formatting).
    QString plainText() const;

    // The monospace font receipts are set in, at the size that fits Columns on an 80 mm roll.
    static QFont font();

private:
    std::unique_ptr<QTextDocument> m_document;
};

} // namespace storedesk::ui
