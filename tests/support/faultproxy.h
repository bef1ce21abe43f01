#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <array>
#include <functional>
#include <memory>

class QThread;

namespace storedesk::test {

class FaultProxyServer;

// A fault-injecting TCP proxy for HTTP/1.1 between a client and a real server: it listens on a
// free loopback port and forwards every connection to `target`. It splits what the client sends
// into requests (request line, headers, Content-Length body; keep-alive connections carry several)
// and decides one fault per request that matches the method and path filter:
//   Pass               forwarded unchanged
//   DropAnswer         forwarded; once the upstream starts answering, the client side is closed
//                      (FIN) without a byte of the answer: "sent, no answer"
//   ResetBeforeForward the client side is reset (RST), the request never reaches the upstream
//   ResetAfterForward  forwarded, then the client side is reset at once, before any answer; the
//                      upstream still processes it: "sent, no answer" as the client sees it
//   Delay              forwarded after a pause of up to maxDelayMs (1.5 s by default)
//   AnswerConflict     not forwarded; answered 409 ConcurrentModification as commercetools answers
//                      an update on a stale version (as if someone changed the resource between
//                      the client's read and its update)
// Faults come from a script first (one per matching request, in order), then from a seeded random
// generator with the given weights. Requests with a chunked body make the rest of their connection
// pass through unparsed. The proxy runs on its own thread, so a test that blocks its own event loop
// (waitForFinished, a nested loop) does not stall what goes through it; every method is
// thread-safe.
class FaultProxy {
public:
    enum class Fault {
        Pass,
        DropAnswer,
        ResetBeforeForward,
        ResetAfterForward,
        Delay,
        AnswerConflict
    };
    static constexpr int faultKinds = 6;
    static QString name(Fault fault);

    struct Weights {
        int pass = 1;
        int dropAnswer = 0;
        int resetBeforeForward = 0;
        int resetAfterForward = 0;
        int delay = 0;
        int answerConflict = 0;
    };

    FaultProxy();
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    // Listens on 127.0.0.1 (a free port) and forwards to target's host and port; false if the port
    // could not be opened. The target may be changed later (e.g. a restarted server on a new port).
    bool start(const QUrl& target);
    void setTarget(const QUrl& target);
    // http://127.0.0.1:<port>, with target's path (so it can stand for the target in a config).
    QUrl url() const;
    quint16 port() const;

    // Faults only for requests whose method equals `method` (empty: any) and whose path (with
    // query) matches `path`; the others pass and do not consume the script or the generator.
    void setFilter(const QByteArray& method, const QRegularExpression& path);
    void setRandom(quint32 seed, const Weights& weights);
    // Other weights for the requests matching `method` (empty: any) and `path`: the first
    // matching rule's weights are used instead of setRandom's.
    void addRule(const QByteArray& method, const QRegularExpression& path, const Weights& weights);
    void setMaxDelayMs(int milliseconds);
    // These faults are used, in order, for the next matching requests before the generator.
    // Every try of a request is a request here: storedesk-server's CtClient tries a read up to 3
    // times and Qt resends a request once when a reused connection closes before any answer, so
    // 3 resets of a cart read are used up and its 4th try passes. To fail a call whatever the
    // retries, filter its path and give it weights (setRandom with pass 0), then set them back.
    void script(const QList<Fault>& faults);
    // Off: everything passes (e.g. while the test checks the outcome); the counts stay.
    void setEnabled(bool enabled);

    // What was injected so far (Pass counts matching requests let through untouched).
    int injected(Fault fault) const;
    int injectedFaults() const; // every kind but Pass
    int requests() const;       // every request seen, matching or not
    QString summary() const;    // "drop-answer 3, reset-before 1, …" for the test's log
    // Every request seen since the last clearLog(), as "METHOD /path?query", in order: what a
    // test counts calls with.
    QStringList log() const;
    void clearLog();
    // Runs on the proxy's thread just before a request that passes is forwarded (and holds it
    // until it returns): e.g. to change the resource behind the request's back.
    using Hook = std::function<void(const QByteArray& method, const QByteArray& path)>;
    void setBeforeForward(Hook hook);
    Hook beforeForward() const;

    // For the proxy's connections (its own thread): the fault for one parsed request, counted.
    struct Decision {
        Fault fault = Fault::Pass;
        int delayMs = 0;
    };
    Decision decide(const QByteArray& method, const QByteArray& path);
    QUrl target() const;

private:
    mutable QMutex m_mutex;
    QUrl m_target;
    quint16 m_port = 0;
    QByteArray m_method;
    QRegularExpression m_path;
    QRandomGenerator m_random;
    Weights m_weights;
    struct Rule {
        QByteArray method;
        QRegularExpression path;
        Weights weights;
    };
    QList<Rule> m_rules;
    int m_maxDelayMs = 1500;
    QList<Fault> m_script;
    bool m_enabled = true;
    std::array<int, faultKinds> m_counts{};
    int m_requests = 0;
    QStringList m_log;
    Hook m_beforeForward;

    std::unique_ptr<QThread> m_thread;
    FaultProxyServer* m_server = nullptr; // lives on m_thread
};

} // namespace storedesk::test
