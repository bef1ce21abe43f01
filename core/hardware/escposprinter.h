#pragma once

#include "escposwriter.h"
#include "printeraddress.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTimer>

QT_BEGIN_NAMESPACE
class QFile;
class QIODevice;
QT_END_NAMESPACE

namespace storedesk::hardware {

// What the printer's real-time status answers said (docs/HARDWARE.md, Epson TM semantics).
struct PrinterStatus {
    bool online = true;
    bool coverOpen = false;
    bool paperOut = false;
    bool paperNearEnd = false;
    bool drawerOpen = false;
};

enum class PrinterProblem { Unreachable, Offline, PaperOut, CoverOpen, NoAnswer, WriteFailed };

// An ESC/POS receipt printer on TCP or a USB printer class device. Jobs run one after another,
// each on a connection of its own, without ever blocking the event loop.
class EscPosPrinter : public QObject {
    Q_OBJECT
public:
    explicit EscPosPrinter(const PrinterAddress& address, QObject* parent = nullptr);
    ~EscPosPrinter() override;
    const PrinterAddress& address() const;
    // Queued; runs after earlier jobs. Returns the job's id (> 0).
    quint64 print(const QByteArray& job);         // needs paper, cover closed, online
    quint64 openDrawer(const DrawerPulse& pulse); // needs online and reachable only
    quint64 queryStatus();                        // status only, sends nothing else
    bool isBusy() const;
    static QString
    describe(PrinterProblem problem); // tr(): "The receipt printer is out of paper." …
    // Timeouts (tests shorten them): connect 3000 ms, each status answer 1000 ms, write 5000 ms.
    void setTimeouts(int connectMs, int answerMs, int writeMs);

signals:
    void jobDone(quint64 id, const storedesk::hardware::PrinterStatus& status);
    void jobFailed(quint64 id, storedesk::hardware::PrinterProblem problem,
                   const storedesk::hardware::PrinterStatus& status);
    // Every status read (also within print/openDrawer jobs): e.g. the drawer is still open.
    void statusRead(const storedesk::hardware::PrinterStatus& status);

private:
    enum class JobKind { Print, Drawer, Status };
    struct Job {
        quint64 id = 0;
        JobKind kind = JobKind::Status;
        QByteArray bytes;
    };
    enum class Step { Idle, Connecting, Asking, Writing };

    quint64 enqueue(JobKind kind, const QByteArray& bytes);
    void startNext();
    void connected();
    void ask(int n);
    void readAnswers();
    void answer(char byte);
    void statusComplete();
    void writeJob();
    void writeMore();
    void checkWritten();
    QFile* openDevice(const QString& path); // USB: the device file, non-blocking; null: cannot
    qint64 writeSome(const char* data, qint64 size); // what was taken (0: full for now), -1: error
    bool hasAnswer() const;                          // a byte can be read without waiting
    void timedOut();
    void finish(bool ok, PrinterProblem problem = PrinterProblem::NoAnswer);
    void closeConnection();

    PrinterAddress m_address;
    int m_connectMs = 3000;
    int m_answerMs = 1000;
    int m_writeMs = 5000;
    quint64 m_lastId = 0;
    QQueue<Job> m_queue;
    Job m_current;
    Step m_step = Step::Idle;
    int m_asking = 0; // the DLE EOT n awaiting its answer
    PrinterStatus m_status;
    QPointer<QIODevice> m_device;
    QTimer m_timeout;
    QTimer m_poll; // USB: the device file has no readyRead
    qint64 m_written = 0;
};

} // namespace storedesk::hardware

Q_DECLARE_METATYPE(storedesk::hardware::PrinterStatus)
Q_DECLARE_METATYPE(storedesk::hardware::PrinterProblem)
