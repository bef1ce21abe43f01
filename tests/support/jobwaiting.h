#pragma once

#include "api/apijob.h"

#include <QEventLoop>
#include <QTimer>

#include <optional>

namespace storedesk::test {

// Starts `job` and runs the event loop until it finishes (or timeoutMs pass); returns its result,
// or nothing on time-out. Tests only: the app never waits.
template <typename Job>
auto runJob(Job* job, int timeoutMs = 30000) -> std::optional<decltype(job->result())>
{
    std::optional<decltype(job->result())> result;
    QEventLoop loop;
    QObject::connect(job, &api::ApiJob::finished, &loop, [&] {
        result.emplace(job->result());
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!result)
        loop.exec();
    return result;
}

// The error message of a failed result, for QVERIFY2 (which evaluates its message even when the
// check passes, so it must not touch error() of a success).
template <typename Result>
QByteArray whyNot(const Result& result)
{
    return result.hasValue() ? QByteArray() : result.error().message.toUtf8();
}

} // namespace storedesk::test
