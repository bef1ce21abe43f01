#include "receipts/barcodeimage.h"

#include "base/logging.h"

#include <memory>
#include <zint.h>

namespace storedesk::ui {
namespace {

struct SymbolDeleter {
    void operator()(zint_symbol* symbol) const { ZBarcode_Delete(symbol); }
};
using Symbol = std::unique_ptr<zint_symbol, SymbolDeleter>;

// libzint's raster: symbol->bitmap is RGB, three bytes a pixel, rows without padding. Anything
// darker than mid-grey is a module (libzint draws pure black on pure white; the threshold only
// guards against a future anti-aliased edge).
QImage fromBitmap(const zint_symbol& symbol)
{
    QImage image(symbol.bitmap_width, symbol.bitmap_height, QImage::Format_Mono);
    image.setColor(0, qRgb(255, 255, 255));
    image.setColor(1, qRgb(0, 0, 0));
    const unsigned char* pixel = symbol.bitmap;
    for (int y = 0; y < symbol.bitmap_height; ++y) {
        for (int x = 0; x < symbol.bitmap_width; ++x, pixel += 3)
            image.setPixel(x, y, pixel[0] + pixel[1] + pixel[2] < 3 * 128 ? 1 : 0);
    }
    return image;
}

QImage encode(int symbology, const QString& data, const char* what)
{
    const QByteArray bytes = data.toUtf8();
    if (bytes.isEmpty()) {
        qCWarning(lcUi) << what << "not made: there is nothing to encode";
        return {};
    }
    Symbol symbol(ZBarcode_Create());
    if (!symbol) {
        qCWarning(lcUi) << what << "not made: libzint is out of memory";
        return {};
    }
    symbol->symbology = symbology;
    symbol->input_mode = UNICODE_MODE;
    symbol->show_hrt = 0; // the receipt prints the order number as text already
    // libzint's raster scale 0.5 is one pixel a module (its X-dimension is 2 pixels at 1).
    symbol->scale = 0.5f;
    symbol->output_options = BARCODE_QUIET_ZONES;
    if (symbology == BARCODE_CODE128)
        symbol->height = float(barcode::Code128HeightModules);
    else
        symbol->option_1 = 2; // QR error correction M, as the ESC/POS printer is told

    const int result = ZBarcode_Encode_and_Buffer(
        symbol.get(), reinterpret_cast<const unsigned char*>(bytes.constData()), int(bytes.size()),
        0);
    if (result >= ZINT_ERROR || !symbol->bitmap) {
        // libzint's message names the problem (e.g. "Invalid character in data"); the data itself
        // is an order number, nothing secret, but it is not needed to understand the refusal.
        qCWarning(lcUi).noquote() << what << "not made: libzint refused the data:"
                                  << QString::fromUtf8(symbol->errtxt);
        return {};
    }
    return fromBitmap(*symbol);
}

} // namespace

QImage code128Image(const QString& data)
{
    return encode(BARCODE_CODE128, data, "Code 128");
}

QImage qrCodeImage(const QString& data)
{
    return encode(BARCODE_QRCODE, data, "QR code");
}

} // namespace storedesk::ui
