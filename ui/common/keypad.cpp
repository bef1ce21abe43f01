#include "common/keypad.h"

#include "common/style.h"

#include <QApplication>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLocale>
#include <QPushButton>

namespace storedesk::ui {

namespace {
constexpr int maximumKeyHeight = 64;
}

Keypad::Keypad(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("keypad"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(style::spacing);
    // The keys' maximum height bounds the keypad too, so extra room stays outside it instead of
    // spreading the rows apart.
    grid->setSizeConstraint(QLayout::SetMinAndMaxSize);

    auto add = [&](Qt::Key key, const QString& text, const QString& accessibleName, int row,
                   int column) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(QStringLiteral("keypadKey%1").arg(int(key), 0, 16));
        button->setAccessibleName(accessibleName);
        button->setFocusPolicy(Qt::NoFocus);
        button->setAutoRepeat(key == Qt::Key_Backspace);
        button->setMinimumSize(style::touchTarget, style::touchTarget);
        // Keys grow with the space they get, but not beyond a finger's reach: on a large screen
        // the keypad must not push the amount and the tenders apart.
        button->setMaximumHeight(maximumKeyHeight);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        style::setRole(button, style::Role::Keypad);
        const QString typed = key == Qt::Key_Backspace ? QString() : text;
        connect(button, &QPushButton::clicked, this, [this, key, typed] { press(key, typed); });
        grid->addWidget(button, row, column);
        return button;
    };
    for (int digit = 1; digit <= 9; ++digit) {
        const int row = 2 - (digit - 1) / 3;
        add(Qt::Key(Qt::Key_0 + digit), QString::number(digit), QString::number(digit), row,
            (digit - 1) % 3);
    }
    const QString separator = QLocale().decimalPoint();
    m_decimal = add(separator == QLatin1String(",") ? Qt::Key_Comma : Qt::Key_Period, separator,
                    tr("Decimal separator"), 3, 0);
    add(Qt::Key_0, QStringLiteral("0"), QStringLiteral("0"), 3, 1);
    add(Qt::Key_Backspace, QStringLiteral("\u232B"), tr("Delete last character"), 3, 2);
}

void Keypad::setDecimalKeyVisible(bool visible)
{
    // Keeps its cell, so the digits do not move under the colleague's finger.
    QSizePolicy policy = m_decimal->sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    m_decimal->setSizePolicy(policy);
    m_decimal->setVisible(visible);
}

QPushButton* Keypad::key(Qt::Key key) const
{
    return findChild<QPushButton*>(QStringLiteral("keypadKey%1").arg(int(key), 0, 16));
}

void Keypad::press(Qt::Key key, const QString& text)
{
    QWidget* target = QApplication::focusWidget();
    if (!target || target->window() != window())
        return; // never type into another window (a customer display, a dialog behind)
    QKeyEvent pressEvent(QEvent::KeyPress, key, Qt::NoModifier, text);
    QKeyEvent releaseEvent(QEvent::KeyRelease, key, Qt::NoModifier, text);
    QApplication::sendEvent(target, &pressEvent);
    QApplication::sendEvent(target, &releaseEvent);
}

} // namespace storedesk::ui
