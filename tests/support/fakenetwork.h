#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

#include <functional>

namespace storedesk::test {

// One scripted answer of the fake server.
struct FakeAnswer {
    int status = 200;
    QByteArray body;
    int delayMs = 0;
    bool noAnswer = false;     // the request goes out and nothing ever comes back
    bool networkError = false; // the connection breaks before any answer
    QList<QPair<QByteArray, QByteArray>> headers;

    static FakeAnswer json(int status, const QJsonObject& body, int delayMs = 0);
    // The integration API's error body: {"code", "message"}.
    static FakeAnswer error(int status, const QString& code, int delayMs = 0);
    static FakeAnswer silence() { return FakeAnswer{0, {}, 0, true, false, {}}; }
    static FakeAnswer broken(int delayMs = 0)
    {
        return FakeAnswer{0, {}, delayMs, false, true, {}};
    }
};

// What the fake server received.
struct FakeRequest {
    QByteArray method;
    QString path;
    QByteArray idempotencyKey;
    QByteArray body;
};

// A reply whose answer is scripted (Nextcloud desktop's FakeQNAM replies): it finishes after the
// answer's delay with its status, headers and body, with a network error, or never.
class FakeReply : public QNetworkReply {
    Q_OBJECT

public:
    FakeReply(QNetworkAccessManager::Operation operation, const QNetworkRequest& request,
              const QByteArray& method, FakeAnswer answer, QObject* parent);

    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char* data, qint64 maxSize) override;

private:
    void respond();

    FakeAnswer m_answer;
    QByteArray m_body;
    qint64 m_read = 0;
};

// A QNetworkAccessManager that answers from a script instead of the network: per route (method and
// a regular expression on the path) a list of answers, one per call, the last one repeating.
// Requests that match no route answer 404 not_found. Give it to ApiClient::setNetwork().
class FakeNetwork : public QNetworkAccessManager {
    Q_OBJECT

public:
    using Handler = std::function<FakeAnswer(const FakeRequest&)>;

    explicit FakeNetwork(QObject* parent = nullptr);

    // Replaces the route's script. The pattern is matched against the whole path.
    void script(const QByteArray& method, const QString& pathPattern, QList<FakeAnswer> answers);
    // Answers the route by calling `handler` (for answers that depend on the request).
    void handle(const QByteArray& method, const QString& pathPattern, Handler handler);

    const QList<FakeRequest>& requests() const { return m_requests; }
    // How many requests matched method and pattern so far.
    int count(const QByteArray& method, const QString& pathPattern) const;

signals:
    void requested(const storedesk::test::FakeRequest& request);

protected:
    QNetworkReply* createRequest(Operation operation, const QNetworkRequest& request,
                                 QIODevice* outgoingData) override;

private:
    struct Route {
        QByteArray method;
        QString pattern;
        QRegularExpression path;
        QList<FakeAnswer> answers;
        Handler handler;
    };

    QList<Route> m_routes;
    QList<FakeRequest> m_requests;
};

// Answers of the integration API's payment routes, for scripts.
namespace fake {

// The Payment view; state "pending", "succeeded", "failed" or "cancelled".
QJsonObject paymentView(const QString& id, const QString& state,
                        const QString& tender = QStringLiteral("card"), qint64 cents = 1000);
QJsonObject balance(const QString& cartId, qint64 total, qint64 paid, qint64 pending = 0);

} // namespace fake

} // namespace storedesk::test
