#pragma once

class QApplication;
class QWidget;

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

// Installs the style sheet on the application: the app at start, and every GUI test, so that
// what tests measure is what a colleague sees.
void install(QApplication* application);

void setRole(QWidget* widget, Role role);
// Safe to call again on a shown widget: it is re-polished so the new tone shows.
void setTone(QWidget* widget, Tone tone);

} // namespace storedesk::ui::style
