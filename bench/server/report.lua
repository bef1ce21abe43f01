-- wrk script for bench/server/run.py: sends the bearer token from $BENCH_TOKEN (when set) and
-- prints one machine-readable line at the end: requests per second, p50 and p99 latency in
-- microseconds, the number of non-2xx/3xx answers and of socket errors.
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local errors = summary.errors
    io.write(string.format(
        "BENCH-RESULT requests=%d rps=%.1f p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
        summary.requests, summary.requests / seconds, latency:percentile(50), latency:percentile(99),
        errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
