#include "common/emptystatewidget.h"

#include "common/style.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace storedesk::ui {

EmptyStateWidget::EmptyStateWidget(QWidget* parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_hint(new QLabel(this))
{
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/storedesk.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);

    style::setRole(m_heading, style::Role::Large);
    // Texts here can come from data later; they are never interpreted as markup.
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setAlignment(Qt::AlignCenter);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);

    m_hint->setObjectName(QStringLiteral("emptyStateHint"));
    // A hint reads best in lines of about 60 characters, not across a wide screen.
    m_hint->ensurePolished();
    m_hint->setMaximumWidth(m_hint->fontMetrics().averageCharWidth() * 64);
    auto* hintRow = new QHBoxLayout;
    hintRow->addStretch();
    hintRow->addWidget(m_hint, 1);
    hintRow->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(style::spacing);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addSpacing(style::margin);
    layout->addWidget(m_heading);
    layout->addLayout(hintRow);
    layout->addStretch(3);
}

void EmptyStateWidget::setHeading(const QString& heading)
{
    m_heading->setText(heading);
    setAccessibleName(heading);
}

void EmptyStateWidget::setHint(const QString& hint)
{
    m_hint->setText(hint);
    setAccessibleDescription(hint);
}

QString EmptyStateWidget::heading() const
{
    return m_heading->text();
}

QString EmptyStateWidget::hint() const
{
    return m_hint->text();
}

} // namespace storedesk::ui
