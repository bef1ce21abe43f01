#include "common/lazyiconstyle.h"

#include <QApplication>
#include <QIconEngine>
#include <QPointer>
#include <QStyleFactory>

#include <functional>
#include <optional>

namespace storedesk::ui {

namespace {

// An icon that asks its source for the real one the first time anything wants to know about it
// (its sizes, a pixmap, a paint) and answers from that one from then on.
class LazyIconEngine : public QIconEngine {
public:
    explicit LazyIconEngine(std::function<QIcon()> source)
        : m_source(std::move(source))
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QSize actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        return icon().pixmap(size, scale, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    QString iconName() override { return icon().name(); }
    bool isNull() override { return icon().isNull(); }
    QString key() const override { return QStringLiteral("storedesk-lazy"); }
    QIconEngine* clone() const override { return new LazyIconEngine(*this); }

private:
    const QIcon& icon()
    {
        if (!m_icon)
            m_icon = m_source();
        return *m_icon;
    }

    std::function<QIcon()> m_source;
    std::optional<QIcon> m_icon;
};

} // namespace

LazyIconStyle::LazyIconStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{
}

bool LazyIconStyle::defers(StandardPixmap standardIcon)
{
    return standardIcon == SP_ToolBarHorizontalExtensionButton ||
           standardIcon == SP_ToolBarVerticalExtensionButton;
}

QIcon LazyIconStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption* option,
                                  const QWidget* widget) const
{
    if (!defers(standardIcon))
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    // Read later, when the option and the widget may be gone: the arrow's direction is then the
    // application's, which is what Fusion reads without them. Should this style have been
    // replaced by then, the application's style of the moment answers.
    const QPointer<QStyle> base = baseStyle();
    return QIcon(new LazyIconEngine([base, standardIcon] {
        const QStyle* style = base ? base.data() : QApplication::style();
        return style->standardIcon(standardIcon, nullptr, nullptr);
    }));
}

} // namespace storedesk::ui
