#pragma once

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QHash>
#include <QLabel>
#include <QStringList>
#include <QWidget>

// For tests that link storedesk_ui: what a person would see wrong on a screen, found from the
// widgets' own geometry and font metrics (issue 14). Each problem is one line naming the widget by
// object name and class, so a failing test says where to look.
namespace storedesk::test {

inline QString widgetName(const QWidget* widget)
{
    return (widget->objectName().isEmpty() ? QStringLiteral("<unnamed>") : widget->objectName()) +
           QLatin1Char(' ') + QString::fromLatin1(widget->metaObject()->className());
}

// Qt's own parts of a composite widget (a spin box's line edit, a scroll area's viewport and
// scroll bars, a table's header) are sized by their owner and not audited on their own.
inline bool isInnerPartOfQtWidget(const QWidget* widget)
{
    for (const QWidget* w = widget; w; w = w->parentWidget()) {
        if (w->objectName().startsWith(QLatin1StringView("qt_")))
            return true;
    }
    const QWidget* parent = widget->parentWidget();
    if (!parent)
        return false;
    if (parent->inherits("QAbstractSpinBox") || parent->inherits("QComboBox") ||
        parent->inherits("QAbstractScrollArea") || parent->inherits("QTabBar") ||
        widget->inherits("QScrollBar") || widget->inherits("QHeaderView") ||
        widget->inherits("QTableCornerButton") || widget->inherits("QSizeGrip") ||
        widget->inherits("QFocusFrame") || widget->inherits("QRubberBand"))
        return true;
    return false;
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

// Problems of one visible widget on its own: smaller than it can be drawn, or text cut off.
inline QStringList ownProblems(const QWidget* widget)
{
    QStringList problems;
    const QSize hint = widget->minimumSizeHint();
    const QSize size = widget->size();
    if (hint.isValid() && (size.width() < hint.width() || size.height() < hint.height()) &&
        !widget->inherits("QAbstractScrollArea"))
        problems << QStringLiteral("%1 is %2x%3, smaller than its minimum %4x%5")
                        .arg(widgetName(widget))
                        .arg(size.width())
                        .arg(size.height())
                        .arg(hint.width())
                        .arg(hint.height());

    if (const auto* label = qobject_cast<const QLabel*>(widget)) {
        if (!label->wordWrap() && !label->text().isEmpty() && label->pixmap().isNull() &&
            label->textFormat() != Qt::RichText && !label->text().contains(QLatin1Char('\n'))) {
            // A label with a buddy shows its mnemonic underlined, without the '&'.
            const QString text = label->buddy() ? shownText(label->text()) : label->text();
            const int needed = label->fontMetrics().horizontalAdvance(text);
            const int available = label->contentsRect().width() - 2 * label->margin() -
                                  2 * label->indent() * (label->indent() > 0);
            if (needed > available)
                problems << QStringLiteral("%1 cuts its text \"%2\" (%3 px in %4 px)")
                                .arg(widgetName(widget), text)
                                .arg(needed)
                                .arg(available);
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
            if (needed > button->width())
                problems << QStringLiteral("%1 cuts its text \"%2\" (needs %3 px, has %4 px)")
                                .arg(widgetName(widget), text)
                                .arg(needed)
                                .arg(button->width());
        }
    }
    return problems;
}

// Every problem under `root` (itself included): widgets too small or cutting their text, visible
// siblings that overlap, and buttons of one window sharing a mnemonic letter.
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

        if (const auto* button = qobject_cast<const QAbstractButton*>(widget)) {
            const QChar letter = mnemonicOf(button->text());
            if (!letter.isNull() && button->window() == root->window()) {
                const QString other = mnemonics.value(letter);
                if (!other.isEmpty())
                    problems << QStringLiteral("%1 and %2 share the mnemonic %3")
                                    .arg(other, widgetName(widget), QString(letter));
                else
                    mnemonics.insert(letter, widgetName(widget));
            }
        }

        // Overlap among visible siblings that the layout placed (not stacked pages or popups).
        const QList<QWidget*> children = widget->findChildren<QWidget*>(Qt::FindDirectChildrenOnly);
        QList<QWidget*> placed;
        for (QWidget* child : children) {
            if (child->isVisible() && !child->isWindow() && !isInnerPartOfQtWidget(child) &&
                !widget->inherits("QStackedWidget") && !widget->inherits("QAbstractScrollArea"))
                placed << child;
        }
        for (qsizetype i = 0; i < placed.size(); ++i) {
            for (qsizetype j = i + 1; j < placed.size(); ++j) {
                if (placed[i]->geometry().intersects(placed[j]->geometry()))
                    problems << QStringLiteral("%1 and %2 overlap")
                                    .arg(widgetName(placed[i]), widgetName(placed[j]));
            }
        }
    }
    return problems;
}

} // namespace storedesk::test
