#pragma once

#include <QObject>

namespace storedesk {

// Turns SIGINT and SIGTERM into a Qt signal delivered on the event loop, so that a POSIX stop
// (Ctrl+C, systemd, a test harness) ends the app or the server through its normal shutdown path.
// Only async-signal-safe work happens in the handler: one byte written to a socket pair.
// On systems without POSIX signals it does nothing.
class ShutdownSignals : public QObject {
    Q_OBJECT

public:
    explicit ShutdownSignals(QObject* parent = nullptr);
    ~ShutdownSignals() override;

signals:
    void shutdownRequested(int signalNumber);
};

} // namespace storedesk
