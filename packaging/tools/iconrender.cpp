// Renders the app's SVG icon into the raster forms each platform wants, at build time, so that no
// generated image is ever committed and every platform uses the same renderer (Qt Svg):
//   storedesk-iconrender png SVG DIR SIZE…   DIR/<SIZE>.png for each size (hicolor theme)
//   storedesk-iconrender ico SVG FILE         a Windows icon holding 16 to 256 pixels
//   storedesk-iconrender iconset SVG DIR      a macOS .iconset folder for iconutil
#include <QBuffer>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QSvgRenderer>

#include <cstdio>

namespace {

QImage render(QSvgRenderer& svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    return image;
}

bool writePngs(QSvgRenderer& svg, const QString& folder,
               const QList<std::pair<int, QString>>& sizesAndNames)
{
    QDir().mkpath(folder);
    for (const auto& [size, name] : sizesAndNames) {
        if (!render(svg, size).save(QDir(folder).filePath(name), "PNG"))
            return false;
    }
    return true;
}

// ICO with PNG-compressed entries (understood since Windows Vista): a directory of sizes, then
// the PNG data of each.
bool writeIco(QSvgRenderer& svg, const QString& path)
{
    const QList<int> sizes = {16, 24, 32, 48, 64, 128, 256};
    QList<QByteArray> pngs;
    for (int size : sizes) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        render(svg, size).save(&buffer, "PNG");
        pngs.append(png);
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QDataStream out(&file);
    out.setByteOrder(QDataStream::LittleEndian);
    out << quint16(0) << quint16(1) << quint16(sizes.size());
    quint32 offset = 6 + 16 * quint32(sizes.size());
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        const quint8 edge = sizes[i] >= 256 ? 0 : quint8(sizes[i]); // 0 means 256
        out << edge << edge << quint8(0) << quint8(0) << quint16(1) << quint16(32)
            << quint32(pngs[i].size()) << offset;
        offset += quint32(pngs[i].size());
    }
    for (const QByteArray& png : pngs)
        out.writeRawData(png.constData(), int(png.size()));
    return out.status() == QDataStream::Ok;
}

QList<std::pair<int, QString>> iconsetEntries()
{
    QList<std::pair<int, QString>> entries;
    for (int size : {16, 32, 128, 256, 512}) {
        entries.append({size, QStringLiteral("icon_%1x%1.png").arg(size)});
        entries.append({2 * size, QStringLiteral("icon_%1x%1@2x.png").arg(size)});
    }
    return entries;
}

} // namespace

int main(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (arguments.size() < 3) {
        std::fputs("usage: storedesk-iconrender png|ico|iconset SVG OUTPUT [SIZE…]\n", stderr);
        return 2;
    }
    QSvgRenderer svg(arguments[1]);
    if (!svg.isValid()) {
        std::fprintf(stderr, "storedesk-iconrender: cannot read %s\n", argv[2]);
        return 1;
    }
    bool written = false;
    if (arguments[0] == QLatin1StringView("png")) {
        QList<std::pair<int, QString>> entries;
        for (const QString& size : arguments.mid(3))
            entries.append({size.toInt(), size + QStringLiteral(".png")});
        written = !entries.isEmpty() && writePngs(svg, arguments[2], entries);
    } else if (arguments[0] == QLatin1StringView("ico")) {
        written = writeIco(svg, arguments[2]);
    } else if (arguments[0] == QLatin1StringView("iconset")) {
        written = writePngs(svg, arguments[2], iconsetEntries());
    }
    if (!written) {
        std::fprintf(stderr, "storedesk-iconrender: cannot write %s\n", argv[3]);
        return 1;
    }
    return 0;
}
