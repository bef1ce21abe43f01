#pragma once

#include "hardware/escposwriter.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace storedesk::testing {

// What an ESC/POS byte stream prints, as far as tests care.
struct EscPosDocument {
    struct Line {
        QString text;
        bool bold = false;
        bool large = false;
    };
    QList<Line> lines;   // decoded from PC858 (ESC t 19 must have come first, else error)
    QStringList code128; // the data of each Code 128, in order
    QStringList qrCodes;
    int cuts = 0;
    QList<hardware::DrawerPulse> pulses;
    QStringList errors; // anything the parser did not understand, or a control byte in text
    QByteArray raw;
    QString text() const; // the lines' texts joined with '\n'
    bool isEmpty() const; // no lines, codes, cuts or pulses
};

// A receipt printer on a loopback TCP port: answers DLE EOT status requests as its condition says
// (Epson TM bits) and parses what each connection sent.
class FakeEscPosPrinter : public QObject {
    Q_OBJECT
public:
    enum class Condition { Ready, PaperOut, CoverOpen, Offline, Silent /* never answers status */ };
    Q_ENUM(Condition)
    explicit FakeEscPosPrinter(QObject* parent = nullptr);
    ~FakeEscPosPrinter() override;
    bool listen(); // a free loopback port
    quint16 port() const;
    QString address() const; // "escpos-tcp://127.0.0.1:<port>"
    void setCondition(Condition condition);
    void setDrawerOpen(bool open);
    QList<EscPosDocument>
    documents() const; // one per connection that sent anything but status requests
    static EscPosDocument parse(const QByteArray& bytes);

signals:
    void documentReceived(const storedesk::testing::EscPosDocument& document); // at disconnect
    void statusAsked(int n);

private:
    void accept();
    void received(QTcpSocket* socket);
    void closed(QTcpSocket* socket);
    char statusByte(int n) const;

    QTcpServer m_server;
    Condition m_condition = Condition::Ready;
    bool m_drawerOpen = false;
    struct Connection {
        QByteArray bytes;
        qsizetype scanned = 0;
    };
    QHash<QTcpSocket*, Connection> m_connections;
    QList<EscPosDocument> m_documents;
};

} // namespace storedesk::testing

Q_DECLARE_METATYPE(storedesk::testing::EscPosDocument)
