#!/usr/bin/env node
// A stand-alone payment service provider for StoreDesk's tests and demo: the other end of the
// server's payment extension over HTTP (server/payments/httpextensionprovider.h). No dependencies.
//
//   node testpsp.mjs [--port N] --secret S [--callback-delay-ms N] [--duplicate-callbacks]
//                    [--verbose] [--exit-with-stdin]
//
// --port N               TCP port on 127.0.0.1 (default 0: a free one).
// --secret S             the shared secret for X-Signature (required; also $TEST_PSP_SECRET).
// --callback-delay-ms N  time from a payment request to its outcome (default 1500).
// --duplicate-callbacks  POST every callback twice, so that deduplication can be tested.
// --no-callbacks         never POST outcomes: the server learns them only by asking for the status
//                        (a PSP whose callbacks get lost).
// --verbose              log every request on stderr (stdout carries only the "listening" line).
// --exit-with-stdin      also exit when standard input closes, so a test fixture that holds a pipe
//                        to it cannot leave it behind.
//
// When it listens it prints exactly one line to stdout:
//   test-psp listening on http://127.0.0.1:PORT
//
// Protocol. Every body, in both directions, carries X-Signature: the lowercase hex HMAC-SHA256 of
// the exact body bytes with the secret. A request without a body (GET) signs its path instead
// ("/payments/K"). A request with a bad signature gets 401.
//
//   POST /payments {reference, amount: {centAmount, currencyCode}, callbackUrl, …}
//        → 200 {reference, state: "pending"} (a repeated reference answers its current state)
//   GET  /payments/{reference}          → 200 {reference, state, message} | 404
//   POST /payments/{reference}/cancel   → 200 {reference, state, message} | 404
//   later: POST {callbackUrl} {reference, state, message} with each final state (at least once)
//
// The outcome follows the last two digits of centAmount, as in the server's SimulatedTerminal:
//   91 declined after the delay ("Card declined by issuer.")
//   92 never answers; a cancel → cancelled
//   93 approved after the delay even when a cancel came first
//   94 failed at once ("Payment terminal unreachable.")
//   other: approved after the delay; a cancel before it → cancelled
// State lives in memory; SIGTERM or SIGINT ends it.

import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, request as httpRequest } from "node:http";
import { parseArgs } from "node:util";

const usage =
    "usage: node testpsp.mjs [--port N] --secret S [--callback-delay-ms N] [--duplicate-callbacks] [--no-callbacks] [--verbose] [--exit-with-stdin]";

let options;
try {
    ({ values: options } = parseArgs({
        options: {
            port: { type: "string", default: "0" },
            secret: { type: "string", default: process.env.TEST_PSP_SECRET ?? "" },
            "callback-delay-ms": { type: "string", default: "1500" },
            "duplicate-callbacks": { type: "boolean", default: false },
            "no-callbacks": { type: "boolean", default: false },
            verbose: { type: "boolean", default: false },
            "exit-with-stdin": { type: "boolean", default: false },
            help: { type: "boolean", short: "h", default: false },
        },
    }));
} catch (error) {
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
}
if (options.help) {
    console.log(usage);
    process.exit(0);
}
const port = Number(options.port);
const delayMs = Number(options["callback-delay-ms"]);
if (!/^\d+$/.test(options.port) || port > 65535) {
    console.error(`--port must be a number from 0 to 65535\n${usage}`);
    process.exit(2);
}
if (!/^\d+$/.test(options["callback-delay-ms"])) {
    console.error(`--callback-delay-ms must be a number of milliseconds\n${usage}`);
    process.exit(2);
}
if (!options.secret) {
    console.error(`--secret is required\n${usage}`);
    process.exit(2);
}
const secret = Buffer.from(options.secret, "utf8");
const log = options.verbose ? (message) => console.error(`test-psp: ${message}`) : () => {};

const sign = (bytes) => createHmac("sha256", secret).update(bytes).digest("hex");
function verify(bytes, header) {
    if (typeof header !== "string" || !/^[0-9a-fA-F]{64}$/.test(header)) return false;
    return timingSafeEqual(Buffer.from(header, "hex"), createHmac("sha256", secret).update(bytes).digest());
}

// reference → {reference, state, message, behaviour, callbackUrl, cancelRequested, timer}
const payments = new Map();

function behaviourFor(centAmount) {
    switch (Math.abs(centAmount) % 100) {
        case 91: return "decline";
        case 92: return "never-answer";
        case 93: return "approve-despite-cancel";
        case 94: return "unreachable";
        default: return "approve";
    }
}

const view = (payment) => ({ reference: payment.reference, state: payment.state, message: payment.message });

function send(response, status, object) {
    const body = Buffer.from(JSON.stringify(object), "utf8");
    response.writeHead(status, {
        "Content-Type": "application/json",
        "Content-Length": body.length,
        "X-Signature": sign(body),
    });
    response.end(body);
}

function postCallback(payment, attemptsLeft = 3) {
    const body = Buffer.from(JSON.stringify(view(payment)), "utf8");
    let url;
    try {
        url = new URL(payment.callbackUrl);
    } catch {
        log(`no usable callbackUrl for ${payment.reference}`);
        return;
    }
    const retry = (why) => {
        log(`callback for ${payment.reference} failed: ${why}`);
        if (attemptsLeft > 1) setTimeout(() => postCallback(payment, attemptsLeft - 1), 200);
    };
    const outgoing = httpRequest(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Content-Length": body.length, "X-Signature": sign(body) },
    }, (answer) => {
        answer.resume();
        if (answer.statusCode >= 200 && answer.statusCode < 300) log(`callback ${payment.reference} ${payment.state} → ${answer.statusCode}`);
        else retry(`HTTP ${answer.statusCode}`);
    });
    outgoing.on("error", (error) => retry(error.message));
    outgoing.end(body);
}

function finish(payment, state, message = "") {
    if (payment.state !== "pending") return;
    payment.state = state;
    payment.message = message;
    clearTimeout(payment.timer);
    const copies = options["no-callbacks"] ? 0 : options["duplicate-callbacks"] ? 2 : 1;
    for (let i = 0; i < copies; ++i) postCallback(payment);
}

function createPayment(request) {
    const payment = {
        reference: request.reference,
        state: "pending",
        message: "",
        behaviour: behaviourFor(Number(request.amount?.centAmount ?? 0)),
        callbackUrl: request.callbackUrl,
        cancelRequested: false,
        timer: undefined,
    };
    payments.set(payment.reference, payment);
    switch (payment.behaviour) {
        case "unreachable":
            setImmediate(() => finish(payment, "failed", "Payment terminal unreachable."));
            break;
        case "never-answer":
            break;
        case "decline":
            payment.timer = setTimeout(() => finish(payment, "failed", "Card declined by issuer."), delayMs);
            break;
        default:
            payment.timer = setTimeout(() => finish(payment, "succeeded"), delayMs);
    }
    return payment;
}

function cancelPayment(payment) {
    payment.cancelRequested = true;
    if (payment.state !== "pending" || payment.behaviour === "approve-despite-cancel") return;
    finish(payment, "cancelled", "Cancelled at the terminal.");
}

function handle(request, response, body) {
    const url = new URL(request.url, "http://127.0.0.1");
    const signed = body.length > 0 ? body : Buffer.from(url.pathname, "utf8");
    if (!verify(signed, request.headers["x-signature"])) {
        log(`${request.method} ${url.pathname} → 401 (signature)`);
        return send(response, 401, { error: "invalid_signature" });
    }
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== "payments") return send(response, 404, { error: "not_found" });

    if (request.method === "POST" && parts.length === 1) {
        let draft;
        try {
            draft = JSON.parse(body.toString("utf8"));
        } catch {
            return send(response, 400, { error: "invalid_json" });
        }
        if (typeof draft?.reference !== "string" || !draft.reference || !Number.isInteger(draft?.amount?.centAmount)) {
            return send(response, 400, { error: "invalid_request", message: "reference and amount.centAmount are required" });
        }
        // A repeated request must not take the money twice: answer the existing payment.
        const payment = payments.get(draft.reference) ?? createPayment(draft);
        return send(response, 200, view(payment));
    }
    const payment = payments.get(parts[1] ?? "");
    if (!payment) return send(response, 404, { error: "not_found", reference: parts[1] ?? "" });
    if (request.method === "GET" && parts.length === 2) return send(response, 200, view(payment));
    if (request.method === "POST" && parts.length === 3 && parts[2] === "cancel") {
        cancelPayment(payment);
        return send(response, 200, view(payment));
    }
    return send(response, 404, { error: "not_found" });
}

const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
        const body = Buffer.concat(chunks);
        log(`${request.method} ${request.url}`);
        try {
            handle(request, response, body);
        } catch (error) {
            log(`error: ${error.message}`);
            if (!response.headersSent) send(response, 500, { error: "internal" });
        }
    });
});

let closing = false;
function shutdown(why) {
    if (closing) return;
    closing = true;
    log(`${why}, closing`);
    for (const payment of payments.values()) clearTimeout(payment.timer);
    setTimeout(() => process.exit(0), 1000).unref();
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
if (options["exit-with-stdin"]) {
    process.stdin.on("end", () => shutdown("end of standard input"));
    process.stdin.on("error", () => shutdown("standard input error"));
    process.stdin.resume();
}

server.listen(port, "127.0.0.1", () => {
    console.log(`test-psp listening on http://127.0.0.1:${server.address().port}`);
});
