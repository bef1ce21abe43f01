#!/usr/bin/env node
// The Node peer of the server benchmark: a Fastify BFF on the official commercetools TypeScript
// SDK doing the same work as storedesk-server's read routes, so that bench/server/run.py can put
// their figures side by side. For each request it
//   - checks the bearer token against storedesk-server's own session table (the same SQLite file,
//     read-only; the token's SHA-256 digest as the server stores it; the user must still exist and
//     still work in the session's store), with a 10-second cache like the server's SessionCache;
//   - fetches the in-store resource through the SDK, fences it by store, and answers as the
//     server does (same status codes and JSON shape where it matters).
//
//   node peer.mjs --database FILE --api URL --auth URL --project KEY --client-id ID
//                 --client-secret S [--scopes "a b"] [--port N]
//
// When it listens it prints one line to stdout:
//   bench-peer listening on http://127.0.0.1:PORT
// SIGTERM, SIGINT or the end of standard input end it.

import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { parseArgs } from "node:util";

import { createApiBuilderFromCtpClient } from "@commercetools/platform-sdk";
import { ClientBuilder } from "@commercetools/ts-client";
import Database from "better-sqlite3";
import Fastify from "fastify";

const { values: options } = parseArgs({
    options: {
        database: { type: "string" },
        api: { type: "string" },
        auth: { type: "string" },
        project: { type: "string", default: "storedesk-demo" },
        "client-id": { type: "string", default: "storedesk-bench-peer" },
        "client-secret": { type: "string", default: "storedesk-bench-peer-secret" },
        scopes: { type: "string", default: "" },
        port: { type: "string", default: "0" },
    },
});
for (const required of ["database", "api", "auth"]) {
    if (!options[required]) {
        console.error(`--${required} is required`);
        process.exit(2);
    }
}

// ---- commercetools, through the SDK

// The SDK takes any fetch-like HTTP client. Node's own http module with a keep-alive agent costs
// about half the CPU per call of the global fetch (measured on this project's machine: 0.4–0.6
// against 0.8–1.4 ms), so the peer uses it: it is meant to be a BFF tuned for speed.
const upstreamAgents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };
function httpClient(url, init) {
    return new Promise((resolve, reject) => {
        const target = new URL(url);
        const transport = target.protocol === "https:" ? https : http;
        const request = transport.request(target, { method: init.method ?? "GET", headers: init.headers, agent: upstreamAgents[target.protocol] },
            (response) => {
                const chunks = [];
                response.on("data", (chunk) => chunks.push(chunk));
                response.on("end", () => {
                    const text = Buffer.concat(chunks).toString();
                    resolve({ status: response.statusCode, headers: response.headers, text: async () => text });
                });
                response.on("error", reject);
            });
        request.on("error", reject);
        request.end(init.body);
    });
}

const projectKey = options.project;
const client = new ClientBuilder()
    .withProjectKey(projectKey)
    .withClientCredentialsFlow({
        host: options.auth,
        projectKey,
        credentials: { clientId: options["client-id"], clientSecret: options["client-secret"] },
        scopes: options.scopes ? options.scopes.split(" ") : undefined,
        httpClient: fetch,
    })
    .withHttpMiddleware({ host: options.api, httpClient })
    .build();
const apiRoot = createApiBuilderFromCtpClient(client).withProjectKey({ projectKey });

// ---- sessions: storedesk-server's tables, read-only

const database = new Database(options.database, { readonly: true, fileMustExist: true });
database.pragma("busy_timeout = 5000");
const sessionByDigest = database.prepare(
    "SELECT token_hash, user_id, store_key, workstation_id, expires_at, revoked_at FROM sessions WHERE token_hash = ?");
const userById = database.prepare("SELECT id, username FROM users WHERE id = ?");
const rolesOf = database.prepare("SELECT role FROM user_roles WHERE user_id = ?");
const storesOf = database.prepare("SELECT store_key FROM user_stores WHERE user_id = ?");
const attemptsForCart = database.prepare(
    "SELECT payment_key, payment_id, state, tender, amount_minor_units, amount_currency," +
        " amount_fraction_digits, cash_tendered_minor_units, change_due_minor_units, message," +
        " cancel_requested_at FROM payment_attempts WHERE cart_id = ? ORDER BY created_at, payment_key");

const tokenShape = /^[A-Za-z0-9_-]{43}$/;
const cacheMs = 10000;
const sessionCache = new Map(); // digest -> { caller, validUntil }

class ApiError extends Error {
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
const unauthenticated = () => new ApiError(401, "unauthenticated", "A valid access token is required.");

function callerOf(request) {
    const header = request.headers.authorization ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!tokenShape.test(token)) throw unauthenticated();
    const digest = createHash("sha256").update(token, "latin1").digest("hex");
    const now = Date.now();
    const cached = sessionCache.get(digest);
    if (cached && cached.validUntil > now) return cached.caller;

    const row = sessionByDigest.get(digest);
    if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(digest))) throw unauthenticated();
    if (row.revoked_at !== null || Number(row.expires_at) <= now) throw unauthenticated();
    const user = userById.get(row.user_id);
    if (!user) throw unauthenticated();
    const stores = storesOf.all(user.id).map((r) => r.store_key);
    const roles = rolesOf.all(user.id).map((r) => r.role);
    if (row.store_key && !stores.includes(row.store_key)) throw unauthenticated();
    const caller = { username: user.username, roles, stores, storeKey: row.store_key ?? "", workstationId: row.workstation_id ?? "" };
    if (sessionCache.size > 10000) sessionCache.clear();
    sessionCache.set(digest, { caller, validUntil: Math.min(now + cacheMs, Number(row.expires_at)) });
    return caller;
}

const storeKeyShape = /^[A-Za-z0-9_-]{2,256}$/;
const resourceId = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const orderNumberShape = /^[A-Za-z0-9_.-]{1,128}$/;

function admitStore(request) {
    const caller = callerOf(request);
    const { storeKey } = request.params;
    if (!storeKeyShape.test(storeKey)) throw new ApiError(400, "invalid_input", "That is not a store key.");
    // A manager without a store may use any of theirs; a colleague only the session's.
    const allowed = caller.storeKey
        ? caller.storeKey === storeKey
        : caller.roles.includes("manager") && caller.stores.includes(storeKey);
    if (!allowed)
        throw new ApiError(403, "forbidden", `This session is not for store ${storeKey}.`);
    return caller;
}

// Fetches an in-store resource and fences it by store, as fetchFromStore does in the server.
async function fetchFromStore(storeKey, build, notFound, correlationId) {
    let response;
    try {
        response = await build(apiRoot.inStoreKeyWithStoreKeyValue({ storeKey }))
            .execute({ headers: { "X-Correlation-ID": correlationId } });
    } catch (error) {
        if (error?.statusCode === 404 || error?.code === 404) throw new ApiError(404, "not_found", notFound);
        throw new ApiError(502, "upstream_unavailable", "commercetools is not available right now.");
    }
    const resource = response.body;
    if (resource?.store?.key !== storeKey) throw new ApiError(404, "not_found", notFound);
    return resource;
}

// ---- money as the server answers it: minor units of the currency, split like Money::lastShares

const fractionDigitsOf = new Map();
function currencyDigits(code) {
    let digits = fractionDigitsOf.get(code);
    if (digits === undefined) {
        digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits;
        fractionDigitsOf.set(code, digits);
    }
    return digits;
}
const moneyJson = (centAmount, currencyCode) =>
    ({ currencyCode, centAmount, type: "centPrecision", fractionDigits: currencyDigits(currencyCode) });

function lastShares(total, parts, count) {
    const share = Math.trunc(total / parts);
    const remainder = total % parts;
    const extraAmongLast = Math.max(0, Math.abs(remainder) - (parts - count));
    return share * count + (remainder < 0 ? -extraAmongLast : extraAmongLast);
}

// ---- routes

const app = Fastify({ logger: false });

app.addHook("onRequest", async (request, reply) => {
    request.correlationId = randomUUID();
    reply.header("X-Correlation-ID", request.correlationId);
});
app.setErrorHandler((error, request, reply) => {
    const known = error instanceof ApiError;
    reply.code(known ? error.status : 500).send({
        code: known ? error.code : "internal",
        message: known ? error.message : "Something went wrong on the integration server.",
        correlationId: request.correlationId,
    });
});

const cartPath = "/stores/:storeKey/carts/:cartId";
async function fetchCart(request) {
    admitStore(request);
    const { storeKey, cartId } = request.params;
    if (!resourceId.test(cartId)) throw new ApiError(400, "invalid_input", "A cart id is a UUID.");
    return fetchFromStore(storeKey, (store) => store.carts().withId({ ID: cartId }).get(),
        "There is no such cart in this store.", request.correlationId);
}

app.get(cartPath, async (request) => fetchCart(request));

app.get(`${cartPath}/payments`, async (request) => {
    const cart = await fetchCart(request);
    const currency = cart.totalPrice.currencyCode;
    let paid = 0;
    let pending = 0;
    const payments = attemptsForCart.all(request.params.cartId).map((row) => {
        const amount = Number(row.amount_minor_units);
        if (row.state === "succeeded") paid += amount;
        else if (row.state === "creating" || row.state === "pending") pending += amount;
        const view = {
            id: row.payment_id ?? "",
            key: row.payment_key,
            state: row.state === "creating" ? "pending" : row.state,
            tender: row.tender,
            amount: moneyJson(amount, row.amount_currency),
            cartId: request.params.cartId,
        };
        if (row.cash_tendered_minor_units !== null) view.cashTendered = moneyJson(Number(row.cash_tendered_minor_units), row.amount_currency);
        if (row.change_due_minor_units !== null) view.changeDue = moneyJson(Number(row.change_due_minor_units), row.amount_currency);
        if (row.message) view.message = row.message;
        if (row.cancel_requested_at !== null) view.cancelRequested = true;
        return view;
    });
    const total = cart.totalPrice.centAmount;
    return {
        cartId: request.params.cartId,
        total: moneyJson(total, currency),
        paid: moneyJson(paid, currency),
        pending: moneyJson(pending, currency),
        openBalance: moneyJson(total - paid - pending, currency),
        payments,
    };
});

app.get("/stores/:storeKey/orders/:orderNumber", async (request) => {
    admitStore(request);
    const { storeKey, orderNumber } = request.params;
    if (!orderNumberShape.test(orderNumber))
        throw new ApiError(400, "invalid_input", "An order number has 1 to 128 characters from A-Z, a-z, 0-9, '_', '.' and '-'.");
    const order = await fetchFromStore(storeKey,
        (store) => store.orders().withOrderNumber({ orderNumber }).get({ queryArgs: { expand: ["paymentInfo.payments[*]"] } }),
        "There is no such order in this store.", request.correlationId);

    const returned = new Map();
    for (const info of order.returnInfo ?? [])
        for (const item of info.items ?? []) {
            const id = item.lineItemId ?? item.customLineItemId;
            returned.set(id, (returned.get(id) ?? 0) + item.quantity);
        }
    const refundableLine = (line) => {
        const quantity = Math.max(0, line.quantity - (returned.get(line.id) ?? 0));
        const total = line.totalPrice;
        const amount = line.quantity > 0 ? lastShares(total.centAmount, line.quantity, quantity) : 0;
        return { lineItemId: line.id, quantity, amount: moneyJson(amount, total.currencyCode) };
    };
    const refundable = [...(order.lineItems ?? []), ...(order.customLineItems ?? [])].map(refundableLine);

    // The Payments come expanded inside the order; they go beside it, references stay inside.
    const payments = [];
    if (order.paymentInfo?.payments) {
        order.paymentInfo.payments = order.paymentInfo.payments.map(({ obj, ...reference }) => {
            if (obj) payments.push(obj);
            return reference;
        });
    }
    return { order, refundable, payments };
});

const stop = async () => {
    await app.close().catch(() => {});
    process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();

await app.listen({ host: "127.0.0.1", port: Number(options.port) });
console.log(`bench-peer listening on http://127.0.0.1:${app.server.address().port}`);
