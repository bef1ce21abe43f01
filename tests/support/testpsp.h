#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace storedesk::test {

// The stand-alone test PSP (tests/psp/testpsp.mjs, Node.js) on a free loopback port, stopped
// with the fixture (and by its own --exit-with-stdin if the test crashes).
class TestPsp {
public:
    explicit TestPsp(QByteArray secret);
    ~TestPsp();

    // extra: testpsp.mjs options, e.g. --no-callbacks or --callback-delay-ms 500.
    bool start(const QStringList& extra = {});
    QUrl url() const { return m_url; }

private:
    QByteArray m_secret;
    QProcess m_process;
    QUrl m_url;
};

} // namespace storedesk::test
