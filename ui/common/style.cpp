#include "common/style.h"

#include "common/lazyiconstyle.h"
#include "config/workstationconfig.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QLabel>
#include <QPalette>
#include <QPointer>
#include <QStyle>
#include <QVariant>
#include <QWidget>

namespace storedesk::ui::style {

namespace {

const char* roleName(Role role)
{
    switch (role) {
    case Role::Large:
        return "large";
    case Role::Display:
        return "display";
    case Role::Caption:
        return "caption";
    case Role::Primary:
        return "primary";
    case Role::Tender:
        return "tender";
    case Role::Keypad:
        return "keypad";
    }
    return "";
}

const char* toneName(Tone tone)
{
    switch (tone) {
    case Tone::Neutral:
        return "neutral";
    case Tone::Success:
        return "success";
    case Tone::Warning:
        return "warning";
    case Tone::Error:
        return "error";
    }
    return "";
}

const Colors standardColors{
    .background = QColor(0xf4, 0xf5, 0xf7),
    .surface = QColor(0xff, 0xff, 0xff),
    .text = QColor(0x1c, 0x1f, 0x23),
    .mutedText = QColor(0x4f, 0x56, 0x60),
    .disabledText = QColor(0x62, 0x69, 0x73),
    .border = QColor(0x7a, 0x81, 0x8a),
    .accent = QColor(0x0a, 0x58, 0xb0),
    .onAccent = QColor(0xff, 0xff, 0xff),
    .success = QColor(0x1b, 0x6e, 0x2a),
    .warning = QColor(0x8a, 0x53, 0x00),
    .error = QColor(0xb3, 0x26, 0x1e),
};

const Colors highContrastColors{
    .background = QColor(0x00, 0x00, 0x00),
    .surface = QColor(0x00, 0x00, 0x00),
    .text = QColor(0xff, 0xff, 0xff),
    .mutedText = QColor(0xe6, 0xe6, 0xe6),
    .disabledText = QColor(0xb0, 0xb0, 0xb0),
    .border = QColor(0xff, 0xff, 0xff),
    .accent = QColor(0xff, 0xd6, 0x0a),
    .onAccent = QColor(0x00, 0x00, 0x00),
    .success = QColor(0x6e, 0xe7, 0x87),
    .warning = QColor(0xff, 0xb3, 0x47),
    .error = QColor(0xff, 0x80, 0x80),
};

Theme currentTheme = Theme::Standard;

QPalette paletteOf(const Colors& c)
{
    QPalette palette(c.text, c.background);
    palette.setColor(QPalette::Window, c.background);
    palette.setColor(QPalette::WindowText, c.text);
    palette.setColor(QPalette::Base, c.surface);
    palette.setColor(QPalette::AlternateBase, c.background);
    palette.setColor(QPalette::Text, c.text);
    palette.setColor(QPalette::Button, c.surface);
    palette.setColor(QPalette::ButtonText, c.text);
    palette.setColor(QPalette::BrightText, c.error);
    palette.setColor(QPalette::PlaceholderText, c.mutedText);
    palette.setColor(QPalette::Highlight, c.accent);
    palette.setColor(QPalette::HighlightedText, c.onAccent);
    palette.setColor(QPalette::Link, c.accent);
    palette.setColor(QPalette::LinkVisited, c.accent);
    palette.setColor(QPalette::ToolTipBase, c.surface);
    palette.setColor(QPalette::ToolTipText, c.text);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, c.disabledText);
    return palette;
}

// The sheet names colours as @name@, so both themes share one sheet and its sizes; @ink@ and
// @accentink@ pick the arrow and check-mark pictures (resources/style/) that read on the surface
// and on the accent.
QString sheetFor(Theme theme)
{
    QFile file(QStringLiteral(":/style/storedesk.qss"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString sheet = QString::fromUtf8(file.readAll());
    const Colors& c = colorsOf(theme);
    const bool dark = theme == Theme::HighContrast;
    const std::pair<const char*, QString> tokens[] = {
        {"@background@", c.background.name()},
        {"@surface@", c.surface.name()},
        {"@text@", c.text.name()},
        {"@muted@", c.mutedText.name()},
        {"@disabled@", c.disabledText.name()},
        {"@border@", c.border.name()},
        {"@accent@", c.accent.name()},
        {"@onaccent@", c.onAccent.name()},
        {"@success@", c.success.name()},
        {"@warning@", c.warning.name()},
        {"@error@", c.error.name()},
        {"@ink@", dark ? QStringLiteral("light") : QStringLiteral("dark")},
        {"@accentink@", dark ? QStringLiteral("black") : QStringLiteral("light")},
    };
    for (const auto& [token, value] : tokens)
        sheet.replace(QLatin1StringView(token), value);
    return sheet;
}

// A style sheet reads dynamic properties when it polishes; a change after that needs a re-polish.
// A widget not polished yet (most roles and tones are set while a screen is being built) reads
// them at its first polish anyway: polishing it here would match it against the sheet twice.
void repolish(QWidget* widget)
{
    if (!widget->testAttribute(Qt::WA_WState_Polished))
        return;
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

} // namespace

const Colors& colorsOf(Theme theme)
{
    return theme == Theme::HighContrast ? highContrastColors : standardColors;
}

Theme themeFor(const config::WorkstationConfig& config)
{
    return config.highContrast() ? Theme::HighContrast : Theme::Standard;
}

void install(QApplication* application, Theme theme)
{
    currentTheme = theme;
    const Colors& c = colorsOf(theme);
    // Fusion draws with the palette on every platform; a native style may ignore it. Once set,
    // it stays (the style sheet wraps it, so the application's style is then the sheet's).
    static QPointer<QStyle> fusion;
    if (!fusion) {
        fusion = new LazyIconStyle;
        QApplication::setStyle(fusion);
    }
    QApplication::setPalette(paletteOf(c));
    // The type scale's base size is the application's font, not a `*` rule in the sheet (see the
    // sheet's head): such a rule is matched against, and resolves a font for, every widget.
    QFont font = QApplication::font();
    font.setPixelSize(basePx);
    QApplication::setFont(font);
    application->setStyleSheet(sheetFor(theme));
}

Theme installedTheme()
{
    return currentTheme;
}

const Colors& colors()
{
    return colorsOf(currentTheme);
}

QColor toneColor(Tone tone)
{
    const Colors& c = colors();
    switch (tone) {
    case Tone::Neutral:
        break;
    case Tone::Success:
        return c.success;
    case Tone::Warning:
        return c.warning;
    case Tone::Error:
        return c.error;
    }
    return c.text;
}

void markElided(QWidget* widget)
{
    widget->setProperty(elidesTextProperty, true);
}

void setRole(QWidget* widget, Role role)
{
    widget->setProperty("role", QString::fromLatin1(roleName(role)));
    repolish(widget);
}

void setTone(QLabel* label, Tone tone)
{
    if (label->property("tone").toString() == QLatin1StringView(toneName(tone)))
        return;
    label->setProperty("tone", QString::fromLatin1(toneName(tone)));
    repolish(label);
}

} // namespace storedesk::ui::style
