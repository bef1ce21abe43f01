#pragma once

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QStringList>
#include <QTabBar>
#include <QTextDocument>
#include <QWidget>
#include <QtMath>

#include <algorithm>

// For tests that link storedesk_ui: what a person would see wrong on a screen, found from the
// widgets' own geometry and font metrics (issue 14). Each problem is one line naming the widget by
// object name and class, so a failing test says where to look. tests/gui/tst_layoutauditchecks
// shows each check failing on a small hand-made widget.
//
// The checks, for every visible widget under a window:
//  - no widget smaller than its minimumSizeHint() (a 4 px high field);
//  - no label or button text cut off (font metrics), unless the widget elides on purpose
//    (property "elidesText", ui/common/style.h's markElided) and shows the whole text as tool tip;
//  - a word-wrapped label gets the height its text needs;
//  - touch targets: buttons, fields, combo and spin boxes a colleague acts on are >= 44 px high;
//  - no two visible siblings overlap, and no child reaches outside its parent (it is cut there);
//  - no two mnemonics (&-letters of buttons, buddy labels, group boxes, tabs, menus) alike in
//    one window;
// and windowProblems(): the window fits the screen.
namespace storedesk::test {

// Anything a colleague acts on is at least this high (COUNTER-UI.md; ui/common/style.h).
inline constexpr int minimumTouchTarget = 44;

inline QString widgetName(const QWidget* widget)
{
    return (widget->objectName().isEmpty() ? QStringLiteral("<unnamed>") : widget->objectName()) +
           QLatin1Char(' ') + QString::fromLatin1(widget->metaObject()->className());
}

// Qt's own parts of a composite widget (a spin box's line edit, a field's icon action, a scroll
// area's scroll bars, a table's header, a calendar's buttons) are sized by their owner and not
// audited on their own. What a scroll area or tab widget holds (inside Qt's viewport or page stack)
// is the screen's own content and is audited.
inline bool isInnerPartOfQtWidget(const QWidget* widget)
{
    for (const QWidget* w = widget; w; w = w->parentWidget()) {
        const QString name = w->objectName();
        if (name.startsWith(QLatin1StringView("qt_")) &&
            name != QLatin1StringView("qt_scrollarea_viewport") &&
            name != QLatin1StringView("qt_tabwidget_stackedwidget"))
            return true;
        if (w != widget &&
            (w->inherits("QAbstractSpinBox") || w->inherits("QComboBox") ||
             w->inherits("QTabBar") || w->inherits("QHeaderView") || w->inherits("QLineEdit")))
            return true;
    }
    return widget->inherits("QScrollBar") || widget->inherits("QHeaderView") ||
           widget->inherits("QTableCornerButton") || widget->inherits("QSizeGrip") ||
           widget->inherits("QFocusFrame") || widget->inherits("QRubberBand") ||
           widget->inherits("QSplitterHandle");
}

// The visible text of a button or label with its mnemonic marker removed.
inline QString shownText(QString text)
{
    text.replace(QLatin1StringView("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

// The mnemonic letter of a text ("Pay &cash" → 'C'), or a null char.
inline QChar mnemonicOf(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

// The code elides this widget's text on purpose; the whole text must then be its tool tip.
inline bool elidesOnPurpose(const QWidget* widget)
{
    return widget->property("elidesText").toBool();
}

inline QString cutTextProblem(const QWidget* widget, const QString& text, int needed, int available)
{
    if (elidesOnPurpose(widget)) {
        if (!widget->toolTip().isEmpty())
            return {};
        return QStringLiteral(
                   "%1 elides \"%2\" (%3 px in %4 px) without the whole text as tool tip")
            .arg(widgetName(widget), text)
            .arg(needed)
            .arg(available);
    }
    return QStringLiteral("%1 cuts its text \"%2\" (%3 px in %4 px)")
        .arg(widgetName(widget), text)
        .arg(needed)
        .arg(available);
}

// A control a colleague acts on (clicks, taps, types into); read-only fields are not.
inline bool isTouchTarget(const QWidget* widget)
{
    if (qobject_cast<const QAbstractButton*>(widget))
        return true;
    if (const auto* edit = qobject_cast<const QLineEdit*>(widget))
        return !edit->isReadOnly();
    if (const auto* spin = qobject_cast<const QAbstractSpinBox*>(widget))
        return !spin->isReadOnly();
    return qobject_cast<const QComboBox*>(widget) != nullptr;
}

// Problems of one visible widget on its own: smaller than it can be drawn, text cut off, too small
// to touch.
inline QStringList ownProblems(const QWidget* widget)
{
    QStringList problems;
    const QSize hint = widget->minimumSizeHint();
    const QSize size = widget->size();
    if (hint.isValid() && (size.width() < hint.width() || size.height() < hint.height()) &&
        !widget->inherits("QAbstractScrollArea") && !elidesOnPurpose(widget))
        problems << QStringLiteral("%1 is %2x%3, smaller than its minimum %4x%5")
                        .arg(widgetName(widget))
                        .arg(size.width())
                        .arg(size.height())
                        .arg(hint.width())
                        .arg(hint.height());

    if (const auto* label = qobject_cast<const QLabel*>(widget)) {
        const bool rich =
            label->textFormat() == Qt::RichText ||
            (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
        if (!label->wordWrap() && !label->text().isEmpty() && label->pixmap().isNull()) {
            QString problem;
            if (rich) {
                // Markup is not what is drawn: the label's own measure of its document is.
                QTextDocument document;
                document.setDefaultFont(label->font());
                document.setDocumentMargin(0);
                document.setHtml(label->text());
                const int needed = qCeil(document.idealWidth());
                if (needed > label->contentsRect().width())
                    problem = cutTextProblem(widget, document.toPlainText(), needed,
                                             label->contentsRect().width());
            } else {
                // A label with a buddy shows its mnemonic underlined, without the '&'.
                const QString text = label->buddy() ? shownText(label->text()) : label->text();
                int needed = 0;
                for (const QString& line : text.split(QLatin1Char('\n')))
                    needed = std::max(needed, label->fontMetrics().horizontalAdvance(line));
                // Qt indents by half an 'x' on a framed label when no indent is set.
                const int indent =
                    label->indent() >= 0 ? label->indent()
                    : label->frameWidth() > 0
                        ? label->fontMetrics().horizontalAdvance(QLatin1Char('x')) / 2
                        : 0;
                const int available = label->contentsRect().width() - 2 * label->margin() - indent;
                if (needed > available)
                    problem = cutTextProblem(widget, text, needed, available);
            }
            if (!problem.isEmpty())
                problems << problem;
        }
        if (label->wordWrap() && !label->text().isEmpty() &&
            label->heightForWidth(label->width()) > label->height() + 1)
            problems << QStringLiteral("%1 wraps \"%2\" to %3 px in a height of %4 px")
                            .arg(widgetName(widget), label->text())
                            .arg(label->heightForWidth(label->width()))
                            .arg(label->height());
    }
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget)) {
        const QString text = shownText(button->text());
        if (!text.isEmpty() && !widget->inherits("QToolButton")) {
            // The button's own hint is the width its style needs for text, icon and padding.
            const int needed = button->sizeHint().width();
            if (needed > button->width()) {
                const QString problem = cutTextProblem(widget, text, needed, button->width());
                if (!problem.isEmpty())
                    problems << problem;
            }
        }
    }
    if (isTouchTarget(widget) && size.height() < minimumTouchTarget)
        problems << QStringLiteral("%1 is %2 px high, less than a touch target (%3 px)")
                        .arg(widgetName(widget))
                        .arg(size.height())
                        .arg(minimumTouchTarget);
    return problems;
}

// The mnemonics a widget defines (a button's, a buddy label's, a group box's, a tab bar's), each
// with a name for the message.
inline QList<std::pair<QChar, QString>> mnemonicsOf(const QWidget* widget)
{
    QList<std::pair<QChar, QString>> found;
    auto add = [&found](const QString& text, const QString& name) {
        const QChar letter = mnemonicOf(text);
        if (!letter.isNull())
            found.append({letter, name});
    };
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
        add(button->text(), widgetName(widget));
    else if (const auto* label = qobject_cast<const QLabel*>(widget); label && label->buddy())
        add(label->text(), widgetName(widget));
    else if (const auto* group = qobject_cast<const QGroupBox*>(widget))
        add(group->title(), widgetName(widget));
    else if (const auto* tabs = qobject_cast<const QTabBar*>(widget)) {
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->isTabVisible(i))
                add(tabs->tabText(i),
                    widgetName(widget) + QStringLiteral(" tab ") + shownText(tabs->tabText(i)));
        }
    } else if (const auto* menus = qobject_cast<const QMenuBar*>(widget)) {
        for (const QAction* action : menus->actions()) {
            if (action->isVisible())
                add(action->text(), QStringLiteral("menu ") + shownText(action->text()));
        }
    }
    return found;
}

// Does Qt's layout (not the screen) decide where this child is? Pages of a stack lie on each
// other; a scroll area's content is larger than its viewport by design.
inline bool isPlacedChild(const QWidget* parent, const QWidget* child)
{
    return child->isVisible() && !child->isWindow() && !isInnerPartOfQtWidget(child) &&
           !parent->inherits("QStackedWidget") && !parent->inherits("QAbstractScrollArea") &&
           parent->objectName() != QLatin1StringView("qt_scrollarea_viewport") &&
           !child->property("auditOverlapAllowed").toBool();
}

// Every problem under `root` (itself included): widgets too small or cutting their text, visible
// siblings that overlap, children cut by their parent, and mnemonics of one window alike.
inline QStringList layoutProblems(QWidget* root)
{
    QStringList problems;
    QList<QWidget*> widgets{root};
    widgets += root->findChildren<QWidget*>();
    QHash<QChar, QString> mnemonics;
    for (QWidget* widget : std::as_const(widgets)) {
        if (!widget->isVisibleTo(root) || !widget->isVisible() || isInnerPartOfQtWidget(widget))
            continue;
        if (widget->isWindow() && widget != root)
            continue; // another window is audited on its own
        problems += ownProblems(widget);

        for (const auto& [letter, name] : mnemonicsOf(widget)) {
            const QString other = mnemonics.value(letter);
            if (!other.isEmpty())
                problems << QStringLiteral("%1 and %2 share the mnemonic %3")
                                .arg(other, name, QString(letter));
            else
                mnemonics.insert(letter, name);
        }

        const QList<QWidget*> children = widget->findChildren<QWidget*>(Qt::FindDirectChildrenOnly);
        QList<QWidget*> placed;
        for (QWidget* child : children) {
            if (isPlacedChild(widget, child))
                placed << child;
        }
        for (qsizetype i = 0; i < placed.size(); ++i) {
            if (!widget->rect().contains(placed[i]->geometry()))
                problems << QStringLiteral(
                                "%1 reaches outside %2 (%3,%4 %5x%6 in %7x%8): it is cut")
                                .arg(widgetName(placed[i]), widgetName(widget))
                                .arg(placed[i]->x())
                                .arg(placed[i]->y())
                                .arg(placed[i]->width())
                                .arg(placed[i]->height())
                                .arg(widget->width())
                                .arg(widget->height());
            for (qsizetype j = i + 1; j < placed.size(); ++j) {
                if (placed[i]->geometry().intersects(placed[j]->geometry()))
                    problems << QStringLiteral("%1 and %2 overlap")
                                    .arg(widgetName(placed[i]), widgetName(placed[j]));
            }
        }
    }
    return problems;
}

// A window on a screen of `screen` size: it must fit, and must be able to (its minimum fits too).
// A window manager's frame is not ours to fit.
inline QStringList windowProblems(const QWidget* window, QSize screen)
{
    QStringList problems;
    const QSize size = window->size();
    if (size.width() > screen.width() || size.height() > screen.height())
        problems << QStringLiteral("the window %1 is %2x%3, larger than the %4x%5 screen")
                        .arg(widgetName(window))
                        .arg(size.width())
                        .arg(size.height())
                        .arg(screen.width())
                        .arg(screen.height());
    const QSize minimum = window->minimumSize().expandedTo(window->minimumSizeHint());
    if (minimum.width() > screen.width() || minimum.height() > screen.height())
        problems << QStringLiteral("the window %1 needs at least %2x%3, more than the %4x%5 screen")
                        .arg(widgetName(window))
                        .arg(minimum.width())
                        .arg(minimum.height())
                        .arg(screen.width())
                        .arg(screen.height());
    return problems;
}

} // namespace storedesk::test
