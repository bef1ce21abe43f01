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
    if (m_replaying || !watched->isWidgetType())
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
