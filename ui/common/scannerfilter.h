#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QKeyEvent;

namespace storedesk::ui {

// Recognises a keyboard-wedge scanner anywhere in the application: a burst of printable keys,
// each within `maxGapMs` of the last, ending in Enter. The burst's keys are held back while it
// may still be a scan, so that a scan never lands in whatever field has focus; when the keys turn
// out to be typed by a person (a gap, a modifier, Enter too early) they are delivered unchanged to
// where they were going. Keys for a password field are never held. Installed on the application
// while a window that takes scans is shown. Held keys are delivered before a shortcut or a click
// acts, so that F12 pays the amount as it was typed, never the one before the last keys.
class ScannerFilter : public QObject {
    Q_OBJECT

public:
    static constexpr int DefaultMaxGapMs = 35;
    static constexpr int DefaultMinLength = 4;

    explicit ScannerFilter(QObject* parent = nullptr);
    ~ScannerFilter() override;

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    void setMaxGapMs(int ms) { m_maxGapMs = ms; }
    void setMinLength(int length) { m_minLength = length; }
    // Delivers the keys held back now (they were typed, not scanned). It happens by itself before
    // a shortcut or a click acts; an action started some other way can call it first.
    void flush();

signals:
    void scanned(const QString& code);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct HeldKey {
        QPointer<QObject> receiver;
        std::unique_ptr<QKeyEvent> event;
    };
    static bool actsBeforeHeldKeys(const QEvent* event);
    void release();

    bool m_enabled = false;
    bool m_replaying = false;
    int m_maxGapMs = DefaultMaxGapMs;
    int m_minLength = DefaultMinLength;
    QString m_buffer;
    std::vector<HeldKey> m_held;
    QElapsedTimer m_sinceLastKey;
    QTimer m_gapTimer;
};

} // namespace storedesk::ui
