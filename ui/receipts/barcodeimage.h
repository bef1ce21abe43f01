#pragma once

#include <QImage>
#include <QString>

// The order number as pictures for the PDF and the system's print path, made with libzint
// (Debian libzint-dev). An ESC/POS printer draws its own codes (core/hardware/escposwriter).
//
// Each image has one pixel per module, black on white, with the symbology's quiet zone around
// it, and nothing else (no human-readable text): the caller scales it by a whole number of
// printer dots per module (QImage::scaled with Qt::FastTransformation keeps the edges sharp).
// Data that libzint refuses (empty, or not encodable) gives a null image and a log line.
namespace storedesk::ui::barcode {

// Quiet zones in modules, on each side.
inline constexpr int Code128QuietModules = 10;
inline constexpr int QrQuietModules = 4;
// A Code 128's bars are this many modules high (10 mm at 0.25 mm a module).
inline constexpr int Code128HeightModules = 40;

} // namespace storedesk::ui::barcode

namespace storedesk::ui {

QImage code128Image(const QString& data);
QImage qrCodeImage(const QString& data);

} // namespace storedesk::ui
