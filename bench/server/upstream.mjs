#!/usr/bin/env node
// A caching upstream with an added latency, in front of the commercetools emulator, for the
// server benchmark (bench/server/run.py). Node's own http module only: nothing to install.
//
//   node upstream.mjs --target http://127.0.0.1:PORT [--port N] [--delay-ms MS]
//
// A GET is answered from memory after its first fetch (keyed by method and URL, whatever the
// Authorization header says: the benchmark only reads resources that do not change); everything
// else (the OAuth token, POSTs) is passed through. Every answer, cached or not, is held back
// --delay-ms (default 0) first, as if commercetools were that far away.
//
// When it listens it prints one line to stdout:
//   bench-upstream listening on http://127.0.0.1:PORT
// SIGTERM, SIGINT or the end of standard input end it.

import http from "node:http";
import { parseArgs } from "node:util";

const { values: options } = parseArgs({
    options: {
        target: { type: "string" },
        port: { type: "string", default: "0" },
        "delay-ms": { type: "string", default: "0" },
    },
});
if (!options.target) {
    console.error("usage: node upstream.mjs --target URL [--port N] [--delay-ms MS]");
    process.exit(2);
}
const target = new URL(options.target);
const delayMs = Number(options["delay-ms"]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

// "GET /path?query" -> { status, headers, body }; a pending fetch is shared by whoever asks
// while it runs.
const cache = new Map();

function fetchUpstream(request, body) {
    return new Promise((resolve, reject) => {
        const headers = { ...request.headers, host: target.host };
        delete headers.connection;
        const outgoing = http.request(
            { host: target.hostname, port: target.port, method: request.method, path: request.url, headers, agent },
            (incoming) => {
                const chunks = [];
                incoming.on("data", (chunk) => chunks.push(chunk));
                incoming.on("end", () => {
                    const answer = { ...incoming.headers };
                    delete answer.connection;
                    delete answer["keep-alive"];
                    delete answer["transfer-encoding"];
                    const bytes = Buffer.concat(chunks);
                    answer["content-length"] = String(bytes.length);
                    resolve({ status: incoming.statusCode, headers: answer, body: bytes });
                });
                incoming.on("error", reject);
            },
        );
        outgoing.on("error", reject);
        outgoing.end(body);
    });
}

function answer(response, reply) {
    const send = () => {
        response.writeHead(reply.status, reply.headers);
        response.end(reply.body);
    };
    if (delayMs > 0) setTimeout(send, delayMs);
    else send();
}

const server = http.createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", async () => {
        try {
            if (request.method === "GET") {
                const key = `GET ${request.url}`;
                let entry = cache.get(key);
                if (!entry) {
                    entry = fetchUpstream(request, undefined);
                    cache.set(key, entry);
                    // Only successful answers stay; anything else is fetched again next time.
                    entry.then((reply) => { if (reply.status !== 200) cache.delete(key); },
                        () => cache.delete(key));
                }
                answer(response, await entry);
                return;
            }
            answer(response, await fetchUpstream(request, Buffer.concat(chunks)));
        } catch (error) {
            response.writeHead(502, { "content-type": "text/plain" });
            response.end(`bench-upstream: ${error.message}\n`);
        }
    });
});
server.keepAliveTimeout = 300000;

const stop = () => {
    server.close();
    process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();

server.listen(Number(options.port), "127.0.0.1", () => {
    console.log(`bench-upstream listening on http://127.0.0.1:${server.address().port}`);
});
