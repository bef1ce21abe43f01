#!/usr/bin/env node
// Runs the commercetools emulator (@labdigital/commercetools-mock) as a standalone HTTP server on
// the loopback interface, for StoreDesk's tests and demo.
//
//   node emulator.mjs [--port N] [--project KEY] [--verbose] [--no-auth] [--exit-with-stdin]
//
// --port N       TCP port on 127.0.0.1 (default 8989, what seed.mjs assumes); 0 picks a free one.
// --project KEY  the only project key served (default storedesk-demo); others answer 404.
// --verbose      log every request on stderr (stdout stays quiet).
// --no-auth      do not require a bearer token on API calls. By default a token obtained from
//                POST /oauth/token is required, as with the real API (any client credentials get one).
// --exit-with-stdin  also exit when standard input closes: a test fixture that holds a pipe to it
//                cannot leave the emulator behind, even when the fixture itself is killed.
//
// When it listens it prints exactly one line to stdout:
//   commercetools-emulator listening on http://127.0.0.1:PORT
// API and auth share that base URL. State lives in memory; SIGTERM or SIGINT ends it cleanly.

import { parseArgs } from "node:util";
import { CommercetoolsMock } from "@labdigital/commercetools-mock";

const usage = "usage: node emulator.mjs [--port N] [--project KEY] [--verbose] [--no-auth] [--exit-with-stdin]";

let options;
try {
    ({ values: options } = parseArgs({
        options: {
            port: { type: "string", default: "8989" },
            project: { type: "string", default: "storedesk-demo" },
            verbose: { type: "boolean", default: false },
            "no-auth": { type: "boolean", default: false },
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
if (!/^\d+$/.test(options.port) || port > 65535) {
    console.error(`--port must be a number from 0 to 65535\n${usage}`);
    process.exit(2);
}
const projectKey = options.project;
if (!/^[A-Za-z0-9_-]{2,256}$/.test(projectKey)) {
    console.error("--project must be 2 to 256 characters from A-Z, a-z, 0-9, '_' and '-'");
    process.exit(2);
}

// --verbose: one line per log record on stderr (Fastify's own logger would write to stdout,
// which carries only the "listening" line).
function stderrLogger() {
    const describe = (value) => {
        if (value?.req) return `${value.req.id} ${value.req.method} ${value.req.url}`;
        if (value?.res) return `${value.res.request?.id ?? ""} -> ${value.res.statusCode} in ${value.responseTime?.toFixed(1)} ms`;
        if (value?.err) return value.err.message;
        return typeof value === "string" ? value : "";
    };
    const write = (level) => (value, message) =>
        console.error(`emulator ${level}: ${describe(value)}${typeof message === "string" ? ` (${message})` : ""}`);
    const ignore = () => {};
    const logger = {
        level: "info",
        fatal: write("fatal"),
        error: write("error"),
        warn: write("warn"),
        info: write("info"),
        debug: ignore,
        trace: ignore,
        silent: ignore,
        child: () => logger,
    };
    return logger;
}

const emulator = new CommercetoolsMock({
    defaultProjectKey: projectKey,
    enableAuthentication: !options["no-auth"],
    validateCredentials: true, // tokens must come from this emulator's /oauth/token
    strict: true, // validate drafts against the API's schemas
    silent: true,
    logger: options.verbose ? stderrLogger() : undefined,
});
const app = emulator.app;

// The emulator creates any project on first use; serve only the configured one so that a
// misconfigured project key fails loudly instead of talking to an empty project.
app.addHook("onRequest", async (request, reply) => {
    const first = request.url.split("?")[0].split("/")[1] ?? "";
    if (first !== "oauth" && decodeURIComponent(first) !== projectKey) {
        const message = `The project '${first}' does not exist (this emulator serves '${projectKey}').`;
        return reply.code(404).send({
            statusCode: 404,
            message,
            errors: [{ code: "ResourceNotFound", message }],
        });
    }
});

// Gap fill: 4.4.0 drops CartDraft.key, so carts could not be found by key. Keep the key and, as
// commercetools does, refuse a second cart with the same key (400 DuplicateField).
const carts = emulator._repositories.cart;
const createCart = carts.create.bind(carts);
carts.create = async (context, draft) => {
    const cart = await createCart(context, draft);
    if (draft?.key == null) return cart;
    cart.key = draft.key;
    return await carts.saveNew(context, cart);
};
app.addHook("preHandler", async (request, reply) => {
    const key = request.body?.key;
    if (request.method !== "POST" || typeof key !== "string" || !/\/carts\/?$/.test(request.url.split("?")[0])) {
        return;
    }
    if (await carts.getByKey({ projectKey }, key)) {
        const message = `A duplicate value '"${key}"' exists for field 'key'.`;
        return reply.code(400).send({
            statusCode: 400,
            message,
            errors: [{ code: "DuplicateField", message, field: "key", duplicateValue: key }],
        });
    }
});

// ---- Strictness: where the emulator is laxer than commercetools, answer as commercetools does
// for what storedesk-server sends (each rule is listed in README.md, "Strict where the server
// relies on it").

function commercetoolsError(reply, statusCode, error) {
    return reply.code(statusCode).send({ statusCode, message: error.message, errors: [error] });
}

const pathOf = (request) => request.url.split("?")[0];
const inStore = `(?:in-store/key=[^/]+/)?`;
const ordersPath = new RegExp(`^/[^/]+/${inStore}orders/?$`);
const paymentsPath = new RegExp(`^/[^/]+/${inStore}payments/?$`);
const paymentPath = new RegExp(`^/[^/]+/${inStore}payments/(?:key=)?[^/]+/?$`);

// Rule: no in-store product-projection query (commercetools has in-store product projections
// only by id or key). The emulator registers the route; commercetools answers 404.
const inStoreProjectionQuery = /^\/[^/]+\/in-store\/key=[^/]+\/product-projections(?:\/(?:search|suggest))?\/?$/;
app.addHook("onRequest", async (request, reply) => {
    if (request.method === "GET" && inStoreProjectionQuery.test(pathOf(request))) {
        return commercetoolsError(reply, 404, {
            code: "ResourceNotFound",
            message: `The endpoint '${pathOf(request)}' does not exist: commercetools has no in-store product-projection query (use /product-projections?storeProjection=…).`,
        });
    }
});

// Rule: Money drafts are {centAmount, currencyCode} (fractionDigits and type belong to the typed
// money commercetools answers with); a draft with other fields is refused.
function moneyDraftProblem(money, field) {
    if (money === undefined) return null;
    if (money === null || typeof money !== "object" || Array.isArray(money)) return `${field}: expected a Money object`;
    const extra = Object.keys(money).filter((name) => name !== "centAmount" && name !== "currencyCode");
    if (extra.length > 0) return `${field}: Unknown field '${extra[0]}' in a Money draft (only centAmount and currencyCode).`;
    if (!Number.isInteger(money.centAmount)) return `${field}.centAmount: Missing required value`;
    if (typeof money.currencyCode !== "string") return `${field}.currencyCode: Missing required value`;
    return null;
}

function paymentDraftProblem(draft) {
    const problems = [moneyDraftProblem(draft?.amountPlanned, "amountPlanned")];
    (Array.isArray(draft?.transactions) ? draft.transactions : []).forEach((transaction, index) =>
        problems.push(moneyDraftProblem(transaction?.amount, `transactions[${index}].amount`)));
    return problems.find((problem) => problem) ?? null;
}

function paymentActionsProblem(update) {
    for (const [index, action] of (Array.isArray(update?.actions) ? update.actions : []).entries()) {
        const problem =
            action?.action === "addTransaction" ? moneyDraftProblem(action.transaction?.amount, `actions[${index}].transaction.amount`)
            : action?.action === "changeAmountPlanned" ? moneyDraftProblem(action.amount, `actions[${index}].amount`)
            : null;
        if (problem) return problem;
    }
    return null;
}

function invalidJsonInput(reply, detail) {
    return commercetoolsError(reply, 400, {
        code: "InvalidJsonInput",
        message: "Request body does not contain valid JSON.",
        detailedErrorMessage: detail,
    });
}

// Creations that must be unique are checked and made one at a time (the emulator's handlers
// are asynchronous, so two requests could otherwise both pass the check).
let creationQueue = Promise.resolve();
function takeCreationTurn() {
    let release;
    const turn = new Promise((resolve) => { release = resolve; });
    const before = creationQueue;
    creationQueue = before.then(() => turn);
    return before.then(() => {
        let released = false;
        return () => { if (!released) { released = true; release(); } };
    });
}

const orders = emulator._repositories.order;
const payments = emulator._repositories.payment;
const context = { projectKey };

app.addHook("preHandler", async (request, reply) => {
    if (request.method !== "POST") return;
    const path = pathOf(request);
    if (paymentPath.test(path) && !paymentsPath.test(path)) {
        const problem = paymentActionsProblem(request.body);
        if (problem) return invalidJsonInput(reply, problem);
        return;
    }
    const isOrder = ordersPath.test(path);
    const isPayment = paymentsPath.test(path);
    if (!isOrder && !isPayment) return;
    if (isPayment) {
        const problem = paymentDraftProblem(request.body);
        if (problem) return invalidJsonInput(reply, problem);
    }
    request.creationDone = await takeCreationTurn();
    const duplicate = (field, value) => {
        const message = `A duplicate value '"${value}"' exists for field '${field}'.`;
        request.creationDone();
        return commercetoolsError(reply, 400, { code: "DuplicateField", message, field, duplicateValue: value });
    };
    if (isPayment) {
        // Rule: payment keys are unique.
        const key = request.body?.key;
        if (typeof key === "string" && (await payments.getByKey(context, key)))
            return duplicate("key", key);
        return;
    }
    // Rule: order numbers are unique.
    const orderNumber = request.body?.orderNumber;
    if (typeof orderNumber === "string" && (await orders.getWithOrderNumber(context, orderNumber)))
        return duplicate("orderNumber", orderNumber);
    // Rule: a cart is ordered once.
    const cartId = request.body?.cart?.id;
    const cart = typeof cartId === "string" ? await carts.get(context, cartId) : null;
    if (cart?.cartState === "Ordered") {
        request.creationDone();
        return commercetoolsError(reply, 400, {
            code: "InvalidOperation",
            message: `The cart '${cartId}' is already ordered (cartState Ordered).`,
        });
    }
});

// Rule: an ordered cart moves to cartState Ordered. Its version stays: the emulator does not
// check an order draft's cart version anyway.
const storage = emulator._storage;
app.addHook("onSend", async (request, reply, payload) => {
    if (!request.creationDone) return payload;
    try {
        if (reply.statusCode === 201 && ordersPath.test(pathOf(request))) {
            const order = JSON.parse(typeof payload === "string" ? payload : payload.toString());
            const cart = order?.cart?.id ? await storage.get(projectKey, "cart", order.cart.id) : null;
            if (cart && cart.cartState !== "Ordered")
                await storage.add(projectKey, "cart", { ...cart, cartState: "Ordered" });
        }
    } finally {
        request.creationDone();
    }
    return payload;
});
// A request that ends without a reply (client gone) still gives up its turn.
app.addHook("onResponse", async (request) => request.creationDone?.());
app.addHook("onRequestAbort", async (request) => request.creationDone?.());

let closing = false;
async function shutdown(signal) {
    if (closing) return;
    closing = true;
    if (options.verbose) console.error(`commercetools-emulator: ${signal}, closing`);
    setTimeout(() => process.exit(0), 2000).unref(); // do not wait long for open connections
    try {
        await app.close();
    } finally {
        process.exit(0);
    }
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
if (options["exit-with-stdin"]) {
    process.stdin.on("end", () => shutdown("end of standard input"));
    process.stdin.on("error", () => shutdown("standard input error"));
    process.stdin.resume();
}

try {
    await app.listen({ host: "127.0.0.1", port });
} catch (error) {
    console.error(`commercetools-emulator: cannot listen on 127.0.0.1:${port}: ${error.message}`);
    process.exit(1);
}
console.log(`commercetools-emulator listening on http://127.0.0.1:${app.server.address().port}`);
