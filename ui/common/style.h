#pragma once

#include <QColor>

class QApplication;
class QLabel;
class QWidget;

namespace storedesk::config {
class WorkstationConfig;
}

// The one visual language of the app (issue 14; sketch: shared/design/COUNTER-UI.md). Screens do
// not set fonts, colours or inline style sheets: they give a widget a role (its size in the type
// scale, or what kind of control it is) and, for status texts, a tone (what it means). The
// application's style sheet (resources/style/) turns roles and tones into the look, so the whole
// app changes in one place and the high-contrast theme needs no screen to know about it.
namespace storedesk::ui::style {

// Sizes at 96 dpi, on the 8 px grid of the sketch.
inline constexpr int spacing = 8;       // between controls
inline constexpr int margin = 16;       // around a page or dialog
inline constexpr int touchTarget = 44;  // minimum height of anything a colleague acts on
inline constexpr int tenderHeight = 56; // the tender buttons (Cash, Card)
inline constexpr int basePx = 15;       // type scale: lines, labels, fields
inline constexpr int largePx = 20;      // section heads, totals
inline constexpr int displayPx = 44;    // open balance, change due, order number

// What a widget is, for the style sheet (the dynamic property "role").
enum class Role {
    Large,   // a section head or total
    Display, // the one big figure of a screen
    Caption, // small secondary text (an SKU under a name)
    Primary, // the one primary action of a state
    Tender,  // a tender button
    Keypad,  // a key of the on-screen keypad
};

// What a status text means (the dynamic property "tone"). Colour never carries meaning alone:
// the text says it too.
enum class Tone {
    Neutral,
    Success, // done: paid, approved
    Warning, // waiting or needs attention: card pending, outcome unknown
    Error,   // failed or refused
};

// The standard theme, or the high-contrast one (white on black, a yellow accent) that a colleague
// chooses or IT's policy sets (WorkstationConfig's HighContrast) for accessibility. Both have the
// same sizes, so a screen that fits in one fits in the other.
enum class Theme { Standard, HighContrast };

// The colours of a theme. Text colours keep a contrast of at least 4.5:1 (WCAG AA; 7:1 in the
// high-contrast theme) against `background` and `surface`; tests/gui/tst_style checks it.
struct Colors {
    QColor background;   // windows and pages: one neutral colour
    QColor surface;      // fields, lists, buttons
    QColor text;         // everything written
    QColor mutedText;    // captions (the SKU under a name)
    QColor disabledText; // controls that cannot be used now
    QColor border;       // outlines of controls (3:1 at least: they must be seen)
    QColor accent;       // the one primary action of a state, the selection and keyboard focus
    QColor onAccent;     // text on the accent
    QColor success;      // done: paid, approved
    QColor warning;      // waiting or needs attention
    QColor error;        // failed or refused
};

const Colors& colorsOf(Theme theme);
// The theme the workstation's configuration asks for (the colleague's setting or IT's policy).
Theme themeFor(const config::WorkstationConfig& config);

// Installs the theme's palette and the style sheet (Fusion style, so the palette is honoured
// everywhere) on the application: the app at start, and every GUI test, so that what tests
// measure is what a colleague sees. May be called again to switch themes.
void install(QApplication* application, Theme theme = Theme::Standard);
// The theme installed last (Standard before any install), and its colours: for the few views that
// paint text themselves (item delegates), which a style sheet does not reach.
Theme installedTheme();
const Colors& colors();
QColor toneColor(Tone tone);

// The layout audit (tests/support/layoutaudit.h) reports a label or button whose text does not fit.
// A widget that elides its text on purpose (and shows the whole text as its tool tip) says so with
// this property, set by markElided().
inline constexpr char elidesTextProperty[] = "elidesText";
void markElided(QWidget* widget);

void setRole(QWidget* widget, Role role);
// Safe to call again on a shown label: it is re-polished so the new tone shows. Tones are for
// labels only, so that the sheet's tone rules are matched against labels alone.
void setTone(QLabel* label, Tone tone);

} // namespace storedesk::ui::style
