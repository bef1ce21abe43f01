#pragma once

#include "common/keypad.h"
#include "common/style.h"

#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QWidget>

namespace storedesk::ui {

// The log-in and lock pages: a form with the PIN keypad beside it, centred on the page and a
// little above the middle, so both pages put the keys where the colleague's hand expects them.
inline void layOutBesidePinKeypad(QWidget* page, QWidget* form, Keypad* keypad)
{
    keypad->setDecimalKeyVisible(false);
    keypad->setFixedWidth(3 * 64 + 2 * style::spacing);
    auto* keypadColumn = new QVBoxLayout;
    keypadColumn->addWidget(keypad);
    keypadColumn->addStretch();

    auto* row = new QHBoxLayout;
    row->setSpacing(2 * style::spacing);
    row->addStretch();
    row->addWidget(form, 3);
    row->addLayout(keypadColumn);
    row->addStretch();

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(style::margin, style::margin, style::margin, style::margin);
    layout->addStretch();
    layout->addLayout(row);
    layout->addStretch(2);
}

} // namespace storedesk::ui
