#pragma once

#include <QProxyStyle>

namespace storedesk::ui {

// Fusion, except that the icons Qt's own widgets ask for while they are being made, and show only
// in rare cases, are read from disk when first drawn. A menu bar asks for its overflow arrow (">>",
// shown only when the menus do not fit) in its constructor: the arrow is a PNG, and Qt's image
// reader loads every image format plugin (and with the SVG one, Qt SVG) to find out who reads it
// — about 5 % of the instructions to the app's first frame, for an arrow that is not in it.
class LazyIconStyle : public QProxyStyle {
    Q_OBJECT

public:
    LazyIconStyle();

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption* option = nullptr,
                       const QWidget* widget = nullptr) const override;

    // Whether standardIcon() hands this one out unread.
    static bool defers(StandardPixmap standardIcon);
};

} // namespace storedesk::ui
