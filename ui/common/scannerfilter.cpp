#include "common/scannerfilter.h"

#include "base/logging.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>

namespace storedesk::ui {

ScannerFilter::ScannerFilter(QObject* parent)
    : QObject(parent)
{
    m_gapTimer.setSingleShot(true);
    connect(&m_gapTimer, &QTimer::timeout, this, &ScannerFilter::release);
}

ScannerFilter::~ScannerFilter()
{
    setEnabled(false);
}

void ScannerFilter::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (enabled) {
        QCoreApplication::instance()->installEventFilter(this);
    } else {
        release();
        if (QCoreApplication::instance())
            QCoreApplication::instance()->removeEventFilter(this);
    }
}

bool ScannerFilter::eventFilter(QObject* watched, QEvent* event)
{
    if (m_replaying)
        return false;
    if (!m_held.empty() && actsBeforeHeldKeys(event)) {
        // A shortcut (F12: pay by card) or a click is about to act on what the fields hold: the
        // keys typed before it must be there first, or it acts on an amount nobody typed.
        release();
        return false;
    }
    if (!watched->isWidgetType())
        return false;
    if (event->type() == QEvent::KeyRelease && !m_held.empty())
        return true; // the press is held; its release would arrive alone
    if (event->type() != QEvent::KeyPress)
        return false;
    // A secret is never a scan: keys for a password field go straight to it, unbuffered, so that
    // a quickly typed secret cannot end up as a lookup (a manager approving at a till).
    if (const auto* edit = qobject_cast<const QLineEdit*>(watched);
        edit && edit->echoMode() != QLineEdit::Normal && m_held.empty())
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    const bool isEnter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    const Qt::KeyboardModifiers modifiers =
        key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    const bool fast =
        !m_held.empty() && m_sinceLastKey.isValid() && m_sinceLastKey.elapsed() <= m_maxGapMs;

    if (isEnter && fast && m_buffer.size() >= m_minLength && modifiers == Qt::NoModifier) {
        const QString code = m_buffer;
        m_gapTimer.stop();
        m_held.clear(); // a scan: its keys never reach the focused widget
        m_buffer.clear();
        qCDebug(lcUi) << "scanner burst of" << code.size() << "characters";
        emit scanned(code);
        return true;
    }
    const QString text = key->text();
    const bool printable = text.size() == 1 && text.at(0).isPrint() && modifiers == Qt::NoModifier;
    if (!printable) {
        release();
        return false;
    }
    if (!m_held.empty() && !fast)
        release(); // a pause: what was held was typed, and this key may start a scan
    m_held.push_back(HeldKey{
        watched, std::make_unique<QKeyEvent>(key->type(), key->key(), key->modifiers(), key->text(),
                                             key->isAutoRepeat(), key->count())});
    m_buffer += text;
    m_sinceLastKey.start();
    m_gapTimer.start(m_maxGapMs + 1);
    return true;
}

// A key press goes through the shortcut map before it is delivered (ShortcutOverride to the focus
// widget first): a key that could be a shortcut sees the held keys flushed before any action runs.
// Printable keys without modifiers may continue a burst and Enter may end one: those are decided
// when their KeyPress arrives. A mouse press or a touch acts at once, so it flushes too.
bool ScannerFilter::actsBeforeHeldKeys(const QEvent* event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::TouchBegin:
        return true;
    case QEvent::ShortcutOverride: {
        const auto* key = static_cast<const QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            return false;
        const Qt::KeyboardModifiers modifiers =
            key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
        const QString text = key->text();
        return !(text.size() == 1 && text.at(0).isPrint() && modifiers == Qt::NoModifier);
    }
    default:
        return false;
    }
}

void ScannerFilter::flush()
{
    if (!m_held.empty())
        release();
}

// Delivers the held keys to where they were going: they were typed by a person.
void ScannerFilter::release()
{
    m_gapTimer.stop();
    std::vector<HeldKey> held = std::move(m_held);
    m_held.clear();
    m_buffer.clear();
    m_replaying = true;
    for (HeldKey& key : held) {
        if (!key.receiver)
            continue;
        QCoreApplication::sendEvent(key.receiver, key.event.get());
        QKeyEvent release(QEvent::KeyRelease, key.event->key(), key.event->modifiers(),
                          key.event->text());
        QCoreApplication::sendEvent(key.receiver, &release);
    }
    m_replaying = false;
}

} // namespace storedesk::ui
