#include "hardware/printeraddress.h"

#include <QTest>

using storedesk::hardware::PrinterAddress;

class TestPrinterAddress : public QObject {
    Q_OBJECT

private slots:
    void systemForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("system") << QStringLiteral("system");
        QTest::newRow("System with spaces") << QStringLiteral("  System ");
    }
    void systemForms()
    {
        QFETCH(QString, text);
        const auto address = PrinterAddress::parse(text);
        QVERIFY(address);
        QCOMPARE(address->kind, PrinterAddress::Kind::System);
        QVERIFY(!address->isEscPos());
        QCOMPARE(address->toString(), QStringLiteral("system"));
    }

    void tcp_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("default port")
            << "escpos-tcp://printer.local"
            << "printer.local" << 9100 << "escpos-tcp://printer.local:9100";
        QTest::newRow("port") << "escpos-tcp://10.0.0.7:9101"
                              << "10.0.0.7" << 9101 << "escpos-tcp://10.0.0.7:9101";
        QTest::newRow("port 1") << "escpos-tcp://p:1"
                                << "p" << 1 << "escpos-tcp://p:1";
        QTest::newRow("port 65535") << "escpos-tcp://p:65535"
                                    << "p" << 65535 << "escpos-tcp://p:65535";
        QTest::newRow("ipv6") << "escpos-tcp://[::1]:9100"
                              << "::1" << 9100 << "escpos-tcp://[::1]:9100";
    }
    void tcp()
    {
        QFETCH(QString, text);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, canonical);
        const auto address = PrinterAddress::parse(text);
        QVERIFY2(address, qPrintable(address ? QString() : address.error().message));
        QCOMPARE(address->kind, PrinterAddress::Kind::EscPosTcp);
        QCOMPARE(address->host, host);
        QCOMPARE(int(address->port), port);
        QCOMPARE(address->toString(), canonical);
        const auto again = PrinterAddress::parse(address->toString());
        QVERIFY(again);
        QCOMPARE(again->host, host);
        QCOMPARE(int(again->port), port);
    }

    void usb()
    {
        const auto address = PrinterAddress::parse(QStringLiteral("escpos-usb:///dev/usb/lp0"));
        QVERIFY(address);
        QCOMPARE(address->kind, PrinterAddress::Kind::EscPosUsb);
        QCOMPARE(address->device, QStringLiteral("/dev/usb/lp0"));
        QVERIFY(address->isEscPos());
        QCOMPARE(address->toString(), QStringLiteral("escpos-usb:///dev/usb/lp0"));
        QCOMPARE(PrinterAddress::parse(address->toString())->device, address->device);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("port 0") << "escpos-tcp://p:0";
        QTest::newRow("port too big") << "escpos-tcp://p:65536";
        QTest::newRow("port not a number") << "escpos-tcp://p:abc";
        QTest::newRow("empty port") << "escpos-tcp://p:";
        QTest::newRow("empty host") << "escpos-tcp://";
        QTest::newRow("empty host with port") << "escpos-tcp://:9100";
        QTest::newRow("relative device") << "escpos-usb://dev/usb/lp0";
        QTest::newRow("no device") << "escpos-usb://";
        QTest::newRow("other scheme") << "ipp://printer/queue";
        QTest::newRow("http") << "http://printer:9100";
        QTest::newRow("bare host") << "printer.local";
    }
    void invalid()
    {
        QFETCH(QString, text);
        const auto address = PrinterAddress::parse(text);
        QVERIFY(!address);
        // The message says what is accepted.
        QVERIFY2(address.error().message.contains(QLatin1String("escpos-tcp://")),
                 qPrintable(address.error().message));
    }
};

QTEST_GUILESS_MAIN(TestPrinterAddress)
#include "tst_printeraddress.moc"
