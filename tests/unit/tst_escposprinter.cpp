#include "fakeescposprinter.h"
#include "hardware/escposprinter.h"

#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTest>

#include <pty.h>
#include <termios.h>
#include <unistd.h>

using namespace storedesk;
using hardware::EscPosPrinter;
using hardware::PrinterProblem;
using hardware::PrinterStatus;
using testing::EscPosDocument;
using testing::FakeEscPosPrinter;

namespace {

QByteArray receipt(const QString& text)
{
    hardware::EscPosWriter writer;
    writer.initialize();
    writer.textLine(text);
    writer.cut();
    return writer.bytes();
}

hardware::PrinterAddress addressOf(const FakeEscPosPrinter& fake)
{
    return *hardware::PrinterAddress::parse(fake.address());
}

// A USB printer's device file as the kernel gives it: a character device that is read and
// written, here a pseudo-terminal in raw mode whose other end answers the status requests (a
// ready printer) or stays silent, and keeps what the job sent.
class UsbDevice {
public:
    explicit UsbDevice(bool answers)
    {
        char name[256] = {};
        if (::openpty(&m_master, &m_slave, name, nullptr, nullptr) != 0)
            return;
        termios raw{};
        ::tcgetattr(m_slave, &raw);
        ::cfmakeraw(&raw);
        ::tcsetattr(m_slave, TCSANOW, &raw);
        m_path = QString::fromLocal8Bit(name);
        m_notifier = std::make_unique<QSocketNotifier>(m_master, QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, [this, answers] {
            char buffer[4096];
            const ssize_t n = ::read(m_master, buffer, sizeof buffer);
            if (n <= 0)
                return;
            m_pending.append(buffer, n);
            // The three requests come one at a time, each after the last answer; then the job.
            while (answers && m_answered < 3 && m_pending.size() >= 3 &&
                   m_pending.startsWith("\x10\x04")) {
                m_pending.remove(0, 3);
                const char ready = 0x12;
                QVERIFY(::write(m_master, &ready, 1) == 1);
                ++m_answered;
            }
            if (!answers || m_answered == 3) {
                m_job.append(m_pending);
                m_pending.clear();
            }
        });
    }
    ~UsbDevice()
    {
        m_notifier.reset();
        if (m_slave >= 0)
            ::close(m_slave);
        if (m_master >= 0)
            ::close(m_master);
    }
    bool isOpen() const { return !m_path.isEmpty(); }
    hardware::PrinterAddress address() const
    {
        return *hardware::PrinterAddress::parse(QStringLiteral("escpos-usb://") + m_path);
    }
    const QByteArray& job() const { return m_job; } // what came after the status requests

private:
    int m_master = -1;
    int m_slave = -1;
    QString m_path;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QByteArray m_pending;
    QByteArray m_job;
    int m_answered = 0;
};

} // namespace

class TestEscPosPrinter : public QObject {
    Q_OBJECT

private slots:
    void printsWhenReady()
    {
        FakeEscPosPrinter fake;
        QVERIFY(fake.listen());
        EscPosPrinter printer(addressOf(fake));
        QSignalSpy done(&printer, &EscPosPrinter::jobDone);
        QSignalSpy received(&fake, &FakeEscPosPrinter::documentReceived);
        QSignalSpy asked(&fake, &FakeEscPosPrinter::statusAsked);

        const quint64 id = printer.print(receipt(QStringLiteral("Bon 42 — 12,50 €")));
        QVERIFY(id > 0);
        QVERIFY(printer.isBusy());
        QVERIFY(done.wait(5000));
        QCOMPARE(done.first().at(0).toULongLong(), id);
        QVERIFY(received.wait(5000));
        const auto document = received.first().at(0).value<EscPosDocument>();
        QVERIFY2(document.errors.isEmpty(), qPrintable(document.errors.join('\n')));
        QCOMPARE(document.text(), QStringLiteral("Bon 42 ? 12,50 €"));
        QCOMPARE(document.cuts, 1);
        // It asked 1, 2 and 4, in that order, before printing.
        QCOMPARE(asked.size(), 3);
        QCOMPARE(asked[0].at(0).toInt(), 1);
        QCOMPARE(asked[1].at(0).toInt(), 2);
        QCOMPARE(asked[2].at(0).toInt(), 4);
        QTRY_VERIFY(!printer.isBusy());
    }

    void refusesWhatCannotPrint_data()
    {
        QTest::addColumn<FakeEscPosPrinter::Condition>("condition");
        QTest::addColumn<PrinterProblem>("problem");
        QTest::newRow("paper out")
            << FakeEscPosPrinter::Condition::PaperOut << PrinterProblem::PaperOut;
        QTest::newRow("cover open")
            << FakeEscPosPrinter::Condition::CoverOpen << PrinterProblem::CoverOpen;
        QTest::newRow("offline") << FakeEscPosPrinter::Condition::Offline
                                 << PrinterProblem::Offline;
    }
    void refusesWhatCannotPrint()
    {
        QFETCH(FakeEscPosPrinter::Condition, condition);
        QFETCH(PrinterProblem, problem);
        FakeEscPosPrinter fake;
        QVERIFY(fake.listen());
        fake.setCondition(condition);
        EscPosPrinter printer(addressOf(fake));
        QSignalSpy failed(&printer, &EscPosPrinter::jobFailed);
        QSignalSpy done(&printer, &EscPosPrinter::jobDone);

        const quint64 id = printer.print(receipt(QStringLiteral("never printed")));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).toULongLong(), id);
        QCOMPARE(failed.first().at(1).value<PrinterProblem>(), problem);
        const auto status = failed.first().at(2).value<PrinterStatus>();
        QVERIFY(!status.online);
        QCOMPARE(status.paperOut, problem == PrinterProblem::PaperOut);
        QCOMPARE(status.coverOpen, problem == PrinterProblem::CoverOpen);

        // Nothing was printed: a status job afterwards (one more connection) arrives and still
        // no document.
        const quint64 statusId = printer.queryStatus();
        QVERIFY(done.wait(5000));
        QCOMPARE(done.first().at(0).toULongLong(), statusId);
        QVERIFY(fake.documents().isEmpty());
        QVERIFY(!EscPosPrinter::describe(problem).isEmpty());
    }

    void silentPrinterIsNoAnswer()
    {
        FakeEscPosPrinter fake;
        QVERIFY(fake.listen());
        fake.setCondition(FakeEscPosPrinter::Condition::Silent);
        EscPosPrinter printer(addressOf(fake));
        printer.setTimeouts(1000, 200, 1000);
        QSignalSpy failed(&printer, &EscPosPrinter::jobFailed);
        QSignalSpy asked(&fake, &FakeEscPosPrinter::statusAsked);
        printer.print(receipt(QStringLiteral("never printed")));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(1).value<PrinterProblem>(), PrinterProblem::NoAnswer);
        QCOMPARE(asked.size(), 1);
        QVERIFY(fake.documents().isEmpty());
    }

    void closedPortIsUnreachable()
    {
        quint16 port = 0;
        {
            QTcpServer server;
            QVERIFY(server.listen(QHostAddress::LocalHost, 0));
            port = server.serverPort();
        } // closed again: nobody listens there
        const auto address =
            hardware::PrinterAddress::parse(QStringLiteral("escpos-tcp://127.0.0.1:%1").arg(port));
        EscPosPrinter printer(*address);
        printer.setTimeouts(1000, 200, 1000);
        QSignalSpy failed(&printer, &EscPosPrinter::jobFailed);
        printer.openDrawer({2, 100});
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(1).value<PrinterProblem>(), PrinterProblem::Unreachable);
    }

    void missingUsbDeviceIsUnreachable()
    {
        const auto address =
            hardware::PrinterAddress::parse(QStringLiteral("escpos-usb:///nonexistent/usb/lp9"));
        EscPosPrinter printer(*address);
        QSignalSpy failed(&printer, &EscPosPrinter::jobFailed);
        printer.print(receipt(QStringLiteral("x")));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(1).value<PrinterProblem>(), PrinterProblem::Unreachable);
    }

    void usbDevicePrintsWhenReady()
    {
        UsbDevice device(true);
        QVERIFY(device.isOpen());
        EscPosPrinter printer(device.address());
        QSignalSpy done(&printer, &EscPosPrinter::jobDone);
        const QByteArray job = receipt(QStringLiteral("Über 9 € – USB"));
        printer.print(job);
        QVERIFY(done.wait(5000));
        QTRY_COMPARE(device.job(), job);
        const EscPosDocument document = FakeEscPosPrinter::parse(device.job());
        QVERIFY(document.errors.isEmpty());
        QCOMPARE(document.cuts, 1);
    }

    void silentUsbDeviceIsNoAnswerAndNeverBlocks()
    {
        // Some lp drivers cannot be read: the status request goes out and nothing comes back.
        // The answer's timeout must still fire, which a read() waiting on the device would stop.
        UsbDevice device(false);
        QVERIFY(device.isOpen());
        EscPosPrinter printer(device.address());
        printer.setTimeouts(1000, 300, 1000);
        QSignalSpy failed(&printer, &EscPosPrinter::jobFailed);
        printer.print(receipt(QStringLiteral("x")));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(1).value<PrinterProblem>(), PrinterProblem::NoAnswer);
        QTRY_COMPARE(device.job(), QByteArray("\x10\x04\x01")); // only the first request
    }

    void drawerOpensWithoutPaper()
    {
        FakeEscPosPrinter fake;
        QVERIFY(fake.listen());
        fake.setCondition(FakeEscPosPrinter::Condition::PaperOut);
        EscPosPrinter printer(addressOf(fake));
        QSignalSpy done(&printer, &EscPosPrinter::jobDone);
        QSignalSpy received(&fake, &FakeEscPosPrinter::documentReceived);
        printer.openDrawer({5, 200});
        QVERIFY(done.wait(5000));
        QVERIFY(done.first().at(1).value<PrinterStatus>().paperOut);
        QVERIFY(received.wait(5000));
        const auto document = received.first().at(0).value<EscPosDocument>();
        QVERIFY(document.errors.isEmpty());
        QCOMPARE(document.pulses.size(), 1);
        QCOMPARE(document.pulses[0].pin, 5);
        QCOMPARE(document.pulses[0].onMs, 200);
        QVERIFY(document.lines.isEmpty());
    }

    void drawerNeedsAnOnlinePrinter()
    {
        FakeEscPosPrinter fake;
        QVERIFY(fake.listen());
        fake.setCondition(FakeEscPosPrinter::Condition::Offline);
        EscPosPrinter printer(addressOf(fake));
        QSignalSpy failed(&printer, &EscPosPrinter::jobFailed);
        QSignalSpy done(&printer, &EscPosPrinter::jobDone);
        printer.openDrawer({2, 100});
        printer.queryStatus(); // proves the first job's connection has closed
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(1).value<PrinterProblem>(), PrinterProblem::Offline);
        QVERIFY(done.wait(5000));
        QVERIFY(fake.documents().isEmpty());
    }

    void jobsRunInOrder()
    {
        FakeEscPosPrinter fake;
        QVERIFY(fake.listen());
        EscPosPrinter printer(addressOf(fake));
        QSignalSpy done(&printer, &EscPosPrinter::jobDone);
        QSignalSpy received(&fake, &FakeEscPosPrinter::documentReceived);
        const quint64 first = printer.print(receipt(QStringLiteral("first")));
        const quint64 second = printer.print(receipt(QStringLiteral("second")));
        QVERIFY(second > first);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
        QCOMPARE(done.size(), 2);
        QCOMPARE(done[0].at(0).toULongLong(), first);
        QCOMPARE(done[1].at(0).toULongLong(), second);
        QCOMPARE(fake.documents().size(), 2);
        QCOMPARE(fake.documents()[0].text(), QStringLiteral("first"));
        QCOMPARE(fake.documents()[1].text(), QStringLiteral("second"));
    }

    void reportsTheDrawer()
    {
        FakeEscPosPrinter fake;
        QVERIFY(fake.listen());
        EscPosPrinter printer(addressOf(fake));
        QSignalSpy read(&printer, &EscPosPrinter::statusRead);
        QSignalSpy done(&printer, &EscPosPrinter::jobDone);

        fake.setDrawerOpen(true);
        printer.queryStatus();
        QVERIFY(done.wait(5000));
        QCOMPARE(read.size(), 1);
        QVERIFY(read.first().at(0).value<PrinterStatus>().drawerOpen);
        QVERIFY(read.first().at(0).value<PrinterStatus>().online);

        fake.setDrawerOpen(false);
        printer.queryStatus();
        QVERIFY(done.wait(5000));
        QVERIFY(!done.last().at(1).value<PrinterStatus>().drawerOpen);
        // A status query sends nothing but status requests.
        QVERIFY(fake.documents().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEscPosPrinter)
#include "tst_escposprinter.moc"
