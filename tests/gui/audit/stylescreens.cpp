// The visual language on one page (the harness's own screen, not a feature's): every role and
// tone of ui/common/style.h, the controls a colleague acts on, and the keypad, so the gallery
// shows the look in both themes and the audit checks the sheet's sizes on their own.
#include "auditscreens.h"
#include "common/keypad.h"
#include "common/style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace storedesk::test::audit {

namespace {

std::unique_ptr<QWidget> sampler(QSize screen)
{
    namespace style = ui::style;
    auto page = std::make_unique<QWidget>();
    page->setObjectName(QStringLiteral("styleSampler"));
    page->setWindowTitle(QStringLiteral("StoreDesk style"));
    auto* columns = new QHBoxLayout(page.get());
    columns->setContentsMargins(style::margin, style::margin, style::margin, style::margin);
    columns->setSpacing(2 * style::spacing);

    auto* text = new QVBoxLayout;
    text->setSpacing(style::spacing);
    auto label = [&](const QString& words) {
        auto* widget = new QLabel(words, page.get());
        text->addWidget(widget);
        return widget;
    };
    style::setRole(label(QStringLiteral("Open balance")), style::Role::Large);
    style::setRole(label(QStringLiteral("51,15 €")), style::Role::Display);
    label(QStringLiteral("Espressotasse · 2 × 12,34 €"));
    style::setRole(label(QStringLiteral("SD-1001")), style::Role::Caption);
    style::setTone(label(QStringLiteral("Paid. Change due 8,85 €")), style::Tone::Success);
    style::setTone(label(QStringLiteral("Waiting for the card terminal…")), style::Tone::Warning);
    style::setTone(label(QStringLiteral("Declined: insufficient funds")), style::Tone::Error);
    text->addStretch();
    columns->addLayout(text, 1);

    auto* controls = new QVBoxLayout;
    controls->setSpacing(style::spacing);
    auto* amount = new QLineEdit(QStringLiteral("51,15"), page.get());
    amount->setObjectName(QStringLiteral("amount"));
    controls->addWidget(amount);
    auto* reason = new QComboBox(page.get());
    reason->addItem(QStringLiteral("Damaged"));
    controls->addWidget(reason);
    controls->addWidget(new QSpinBox(page.get()));
    controls->addWidget(new QCheckBox(QStringLiteral("Print a receipt"), page.get()));
    auto* checked = new QCheckBox(QStringLiteral("Email the receipt"), page.get());
    checked->setChecked(true);
    controls->addWidget(checked);
    auto* tenders = new QHBoxLayout;
    for (const QString& name : {QStringLiteral("Cash  F11"), QStringLiteral("Card  F12")}) {
        auto* tender = new QPushButton(name, page.get());
        style::setRole(tender, style::Role::Tender);
        tenders->addWidget(tender);
    }
    controls->addLayout(tenders);
    auto* actions = new QHBoxLayout;
    auto* primary = new QPushButton(QStringLiteral("Next customer"), page.get());
    style::setRole(primary, style::Role::Primary);
    actions->addWidget(primary);
    actions->addWidget(new QPushButton(QStringLiteral("Receipt"), page.get()));
    auto* disabled = new QPushButton(QStringLiteral("Refund"), page.get());
    disabled->setEnabled(false);
    actions->addWidget(disabled);
    auto* recent = new QToolButton(page.get());
    recent->setText(QStringLiteral("Recent"));
    recent->setPopupMode(QToolButton::InstantPopup);
    recent->setMenu(new QMenu(recent));
    actions->addWidget(recent);
    controls->addLayout(actions);
    auto* keypad = new ui::Keypad(page.get());
    controls->addWidget(keypad);
    controls->addStretch();
    columns->addLayout(controls, 1);
    amount->setFocus();
    page->resize(screen); // a page of the main window, which fills the screen
    return page;
}

} // namespace

QList<AuditScreen> styleScreens()
{
    return {{QStringLiteral("style-sampler"),
             [](const ScreenRequest& request) -> std::unique_ptr<QWidget> {
                 return sampler(request.screen);
             }}};
}

} // namespace storedesk::test::audit
