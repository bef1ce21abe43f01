#include "escposprinter.h"

#include "base/logging.h"

#include <QFile>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#endif

namespace storedesk::hardware {

namespace {

// A real-time status byte has bit 1 and bit 4 set, bit 0 and bit 7 clear.
bool isStatusByte(quint8 byte)
{
    return (byte & 0x93) == 0x12;
}

constexpr int pollMs = 20;

} // namespace

EscPosPrinter::EscPosPrinter(const PrinterAddress& address, QObject* parent)
    : QObject(parent)
    , m_address(address)
{
    qRegisterMetaType<PrinterStatus>();
    qRegisterMetaType<PrinterProblem>();
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &EscPosPrinter::timedOut);
    m_poll.setInterval(pollMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (m_step == Step::Asking)
            readAnswers();
        else if (m_step == Step::Writing)
            writeMore();
    });
}

EscPosPrinter::~EscPosPrinter()
{
    closeConnection();
}

const PrinterAddress& EscPosPrinter::address() const
{
    return m_address;
}

quint64 EscPosPrinter::print(const QByteArray& job)
{
    return enqueue(JobKind::Print, job);
}

quint64 EscPosPrinter::openDrawer(const DrawerPulse& pulse)
{
    EscPosWriter writer;
    writer.drawerPulse(pulse);
    return enqueue(JobKind::Drawer, writer.bytes());
}

quint64 EscPosPrinter::queryStatus()
{
    return enqueue(JobKind::Status, {});
}

bool EscPosPrinter::isBusy() const
{
    return m_step != Step::Idle || !m_queue.isEmpty();
}

QString EscPosPrinter::describe(PrinterProblem problem)
{
    switch (problem) {
    case PrinterProblem::Unreachable:
        return tr("The receipt printer cannot be reached. Check that it is switched on and "
                  "connected.");
    case PrinterProblem::Offline:
        return tr("The receipt printer is offline.");
    case PrinterProblem::PaperOut:
        return tr("The receipt printer is out of paper.");
    case PrinterProblem::CoverOpen:
        return tr("The receipt printer's cover is open.");
    case PrinterProblem::NoAnswer:
        return tr("The receipt printer does not answer.");
    case PrinterProblem::WriteFailed:
        return tr("The receipt could not be sent to the printer.");
    }
    return tr("The receipt printer does not answer.");
}

void EscPosPrinter::setTimeouts(int connectMs, int answerMs, int writeMs)
{
    m_connectMs = connectMs;
    m_answerMs = answerMs;
    m_writeMs = writeMs;
}

quint64 EscPosPrinter::enqueue(JobKind kind, const QByteArray& bytes)
{
    const quint64 id = ++m_lastId;
    m_queue.enqueue(Job{id, kind, bytes});
    // Start from the event loop, so the caller can connect to the outcome after learning the id.
    if (m_step == Step::Idle && m_queue.size() == 1)
        QMetaObject::invokeMethod(this, &EscPosPrinter::startNext, Qt::QueuedConnection);
    return id;
}

void EscPosPrinter::startNext()
{
    if (m_step != Step::Idle || m_queue.isEmpty())
        return;
    m_current = m_queue.dequeue();
    qCDebug(lcHardware) << "job" << m_current.id << "starts," << m_current.bytes.size() << "bytes";
    m_status = PrinterStatus{};
    m_written = 0;
    if (m_address.kind == PrinterAddress::Kind::EscPosTcp) {
        auto* socket = new QTcpSocket(this);
        m_device = socket;
        m_step = Step::Connecting;
        connect(socket, &QTcpSocket::connected, this, &EscPosPrinter::connected);
        connect(socket, &QTcpSocket::readyRead, this, &EscPosPrinter::readAnswers);
        connect(socket, &QTcpSocket::bytesWritten, this, &EscPosPrinter::checkWritten);
        connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] {
            if (m_device != socket)
                return;
            qCInfo(lcHardware) << "Receipt printer connection:" << socket->errorString();
            if (m_step == Step::Connecting)
                finish(false, PrinterProblem::Unreachable);
            else if (m_step == Step::Writing)
                finish(false, PrinterProblem::WriteFailed);
            else if (m_step == Step::Asking)
                finish(false, PrinterProblem::NoAnswer);
        });
        m_timeout.start(m_connectMs);
        socket->connectToHost(m_address.host, m_address.port);
        return;
    }
    if (m_address.kind == PrinterAddress::Kind::EscPosUsb) {
        QFile* file = openDevice(m_address.device);
        if (!file) {
            finish(false, PrinterProblem::Unreachable);
            return;
        }
        m_device = file;
        m_poll.start();
        connected();
        return;
    }
    qCWarning(lcHardware) << "An ESC/POS job for a printer that is not ESC/POS";
    finish(false, PrinterProblem::Unreachable);
}

void EscPosPrinter::connected()
{
    ask(1);
}

void EscPosPrinter::ask(int n)
{
    m_step = Step::Asking;
    m_asking = n;
    const QByteArray request = EscPosWriter::statusRequest(n);
    if (m_device->write(request) != request.size()) {
        finish(false, PrinterProblem::NoAnswer);
        return;
    }
    m_timeout.start(m_answerMs);
}

void EscPosPrinter::readAnswers()
{
    if (!m_device || m_step != Step::Asking)
        return;
    char byte = 0;
    while (m_step == Step::Asking && m_device && hasAnswer() && m_device->read(&byte, 1) == 1)
        answer(byte);
}

void EscPosPrinter::answer(char byte)
{
    const auto b = static_cast<quint8>(byte);
    if (!isStatusByte(b))
        return; // not an answer (e.g. an automatic status back): wait for the real one
    switch (m_asking) {
    case 1:
        m_status.online = !(b & 0x08);
        m_status.drawerOpen = b & 0x04;
        ask(2);
        return;
    case 2:
        m_status.coverOpen = b & 0x04;
        m_status.paperOut = m_status.paperOut || (b & 0x20);
        ask(4);
        return;
    case 4:
        m_status.paperOut = m_status.paperOut || (b & 0x60) == 0x60;
        m_status.paperNearEnd = b & 0x0C;
        statusComplete();
        return;
    }
}

void EscPosPrinter::statusComplete()
{
    m_timeout.stop();
    emit statusRead(m_status);
    switch (m_current.kind) {
    case JobKind::Status:
        finish(true);
        return;
    case JobKind::Print:
        if (m_status.coverOpen)
            return finish(false, PrinterProblem::CoverOpen);
        if (m_status.paperOut)
            return finish(false, PrinterProblem::PaperOut);
        if (!m_status.online)
            return finish(false, PrinterProblem::Offline);
        break;
    case JobKind::Drawer:
        // The drawer needs no paper: a printer offline only for its paper still kicks it.
        if (m_status.coverOpen)
            return finish(false, PrinterProblem::CoverOpen);
        if (!m_status.online && !m_status.paperOut)
            return finish(false, PrinterProblem::Offline);
        break;
    }
    writeJob();
}

void EscPosPrinter::writeJob()
{
    m_step = Step::Writing;
    m_timeout.start(m_writeMs);
    m_written = 0;
    writeMore();
}

void EscPosPrinter::writeMore()
{
    if (m_step != Step::Writing || !m_device)
        return;
    const qint64 size = m_current.bytes.size();
    if (m_written < size) {
        const qint64 written = writeSome(m_current.bytes.constData() + m_written, size - m_written);
        if (written < 0) {
            finish(false, PrinterProblem::WriteFailed);
            return;
        }
        m_written += written;
    }
    checkWritten();
}

void EscPosPrinter::checkWritten()
{
    if (m_step != Step::Writing || !m_device)
        return;
    // A socket buffers the whole job (bytesToWrite); a device file takes what it can at a time
    // and the poll timer gives it the rest.
    if (m_written < m_current.bytes.size() || m_device->bytesToWrite() > 0)
        return;
    finish(true);
}

QFile* EscPosPrinter::openDevice(const QString& path)
{
    auto* file = new QFile(path, this);
#ifdef Q_OS_UNIX
    // Non-blocking: a device that has nothing to say (or a printer that stalls) must never hold
    // the event loop in read() or write(); the timeouts decide instead.
    const int flags = O_RDWR | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
    const int fd = ::open(QFile::encodeName(path).constData(), flags);
    if (fd < 0 || !file->open(fd, QIODevice::ReadWrite | QIODevice::Unbuffered,
                              QFileDevice::AutoCloseHandle)) {
        qCInfo(lcHardware) << "Receipt printer device:" << path << qt_error_string(errno);
        if (fd >= 0)
            ::close(fd);
        delete file;
        return nullptr;
    }
#else
    if (!file->open(QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        qCInfo(lcHardware) << "Receipt printer device:" << file->errorString();
        delete file;
        return nullptr;
    }
#endif
    return file;
}

qint64 EscPosPrinter::writeSome(const char* data, qint64 size)
{
#ifdef Q_OS_UNIX
    if (auto* file = qobject_cast<QFile*>(m_device.data())) {
        const ssize_t written = ::write(file->handle(), data, size_t(size));
        if (written >= 0)
            return written;
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            return 0; // full for now: the poll timer tries again
        qCInfo(lcHardware) << "Receipt printer device:" << qt_error_string(errno);
        return -1;
    }
#endif
    const qint64 written = m_device->write(data, size);
    return written == size ? written : -1;
}

bool EscPosPrinter::hasAnswer() const
{
#ifdef Q_OS_UNIX
    if (auto* file = qobject_cast<QFile*>(m_device.data())) {
        pollfd readable{file->handle(), POLLIN, 0};
        return ::poll(&readable, 1, 0) == 1 && (readable.revents & POLLIN);
    }
#endif
    return m_device && m_device->bytesAvailable() > 0;
}

void EscPosPrinter::timedOut()
{
    switch (m_step) {
    case Step::Connecting:
        finish(false, PrinterProblem::Unreachable);
        return;
    case Step::Asking:
        finish(false, PrinterProblem::NoAnswer);
        return;
    case Step::Writing:
        finish(false, PrinterProblem::WriteFailed);
        return;
    case Step::Idle:
        return;
    }
}

void EscPosPrinter::finish(bool ok, PrinterProblem problem)
{
    m_timeout.stop();
    m_poll.stop();
    closeConnection();
    m_step = Step::Idle;
    const quint64 id = m_current.id;
    const PrinterStatus status = m_status;
    qCDebug(lcHardware) << "job" << id << (ok ? "done" : "failed");
    if (ok)
        emit jobDone(id, status);
    else
        emit jobFailed(id, problem, status);
    if (!m_queue.isEmpty())
        QMetaObject::invokeMethod(this, &EscPosPrinter::startNext, Qt::QueuedConnection);
}

void EscPosPrinter::closeConnection()
{
    if (!m_device)
        return;
    QIODevice* device = m_device;
    m_device = nullptr;
    device->disconnect(this);
    if (auto* socket = qobject_cast<QTcpSocket*>(device))
        socket->disconnectFromHost(); // sends what is still buffered, then closes
    else
        device->close();
    device->deleteLater();
}

} // namespace storedesk::hardware
