#include "common/style.h"

#include <QApplication>
#include <QFile>
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

// A style sheet reads dynamic properties when it polishes; a change after that needs a re-polish.
void repolish(QWidget* widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

} // namespace

void install(QApplication* application)
{
    QFile sheet(QStringLiteral(":/style/storedesk.qss"));
    if (sheet.open(QIODevice::ReadOnly))
        application->setStyleSheet(QString::fromUtf8(sheet.readAll()));
}

void setRole(QWidget* widget, Role role)
{
    widget->setProperty("role", QString::fromLatin1(roleName(role)));
    repolish(widget);
}

void setTone(QWidget* widget, Tone tone)
{
    if (widget->property("tone").toString() == QLatin1StringView(toneName(tone)))
        return;
    widget->setProperty("tone", QString::fromLatin1(toneName(tone)));
    repolish(widget);
}

} // namespace storedesk::ui::style
