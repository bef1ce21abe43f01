#!/usr/bin/env node
// Seeds a fresh commercetools project (normally the emulator started by emulator.mjs) with
// StoreDesk's demo data, through the commercetools HTTP API exactly as a real API client would:
// a client-credentials token first, then bearer-authenticated calls.
//
//   node seed.mjs [--api URL] [--auth URL] [--project KEY] [--client-id ID] [--client-secret S]
//
// --api defaults to http://127.0.0.1:8989, --auth to --api (the emulator serves both on one base
// URL), --project to storedesk-demo. Keys, SKUs, e-mails and order numbers are fixed; ids come
// from the API. Prints one JSON document to stdout describing what was created; progress and
// errors go to stderr. Exits non-zero on any failed request or when a total differs from the
// expected one. Refuses a project that is already seeded (start a fresh emulator instead).

import { parseArgs } from "node:util";

const usage =
    "usage: node seed.mjs [--api URL] [--auth URL] [--project KEY] [--client-id ID] [--client-secret S]";
let args;
try {
    ({ values: args } = parseArgs({
        options: {
            api: { type: "string", default: "http://127.0.0.1:8989" },
            auth: { type: "string" },
            project: { type: "string", default: "storedesk-demo" },
            "client-id": { type: "string", default: "storedesk-seed" },
            "client-secret": { type: "string", default: "storedesk-seed-secret" },
            help: { type: "boolean", short: "h", default: false },
        },
    }));
} catch (error) {
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
}
if (args.help) {
    console.log(usage);
    process.exit(0);
}
const apiUrl = args.api.replace(/\/+$/, "");
const authUrl = (args.auth ?? args.api).replace(/\/+$/, "");
const project = args.project;
const log = (...parts) => console.error("seed:", ...parts);

// ---------------------------------------------------------------------------------------------
// HTTP

let token;

async function getToken() {
    const form = new URLSearchParams({ grant_type: "client_credentials", scope: `manage_project:${project}` });
    const basic = Buffer.from(`${args["client-id"]}:${args["client-secret"]}`).toString("base64");
    // commercetools reads the form from the body; the emulator only reads scope from the query.
    const response = await fetch(`${authUrl}/oauth/token?${form}`, {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
    });
    const body = await response.json().catch(() => ({}));
    if (response.status !== 200 || !body.access_token) {
        throw new Error(`POST ${authUrl}/oauth/token: HTTP ${response.status} ${JSON.stringify(body)}`);
    }
    return body.access_token;
}

async function ct(method, path, body) {
    const response = await fetch(`${apiUrl}/${project}${path}`, {
        method,
        headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /${project}${path}: HTTP ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
}
const post = (path, body) => ct("POST", path, body);
const update = (path, resource, actions) => post(`${path}/${resource.id}`, { version: resource.version, actions });

// ---------------------------------------------------------------------------------------------
// Data (all fixed)

const CURRENCY = "EUR";
const ref = (typeId, key) => ({ typeId, key });

const taxCategories = [
    {
        key: "standard",
        name: "Standard rate",
        rates: [
            { name: "DE 19%", amount: 0.19, includedInPrice: true, country: "DE" },
            { name: "FR 20%", amount: 0.2, includedInPrice: true, country: "FR" },
        ],
    },
    {
        key: "reduced",
        name: "Reduced rate",
        rates: [
            { name: "DE 7%", amount: 0.07, includedInPrice: true, country: "DE" },
            { name: "FR 5.5%", amount: 0.055, includedInPrice: true, country: "FR" },
        ],
    },
];

const productType = {
    key: "storedesk-article",
    name: "StoreDesk article",
    description: "A shop article that can be scanned at the till",
    attributes: [
        {
            name: "ean",
            label: { de: "EAN", en: "EAN", fr: "EAN" },
            type: { name: "text" },
            isRequired: false,
            attributeConstraint: "Unique",
            isSearchable: true,
        },
    ],
};

// price: EUR cents for every country; priceFR: an extra price for France only (listed first,
// because the emulator takes the first price that fits the cart; commercetools prefers the
// country-specific one anyway).
const products = [
    {
        key: "espresso-cup",
        taxCategory: "standard",
        name: { de: "Espressotasse", en: "Espresso cup", fr: "Tasse à espresso" },
        variants: [{ sku: "SD-1001", ean: "4006381333931", price: 1234, priceFR: 1290 }],
    },
    {
        key: "html-name",
        taxCategory: "standard",
        name: { en: '<b>x</b><a href="y">z</a>', de: '<b>x</b><a href="y">z</a>' },
        variants: [{ sku: "SD-2001", ean: "4012345000016", price: 500 }],
    },
    {
        key: "coffee-beans",
        taxCategory: "reduced",
        name: { de: "Kaffeebohnen", en: "Coffee beans" },
        variants: [
            { sku: "SD-3001-250", ean: "4012345000023", price: 799, size: "250 g" },
            { sku: "SD-3001-500", ean: "4012345000030", price: 1449, size: "500 g" },
            { sku: "SD-3001-1000", ean: "4012345000047", price: 2690, size: "1 kg" },
        ],
    },
    {
        key: "tote-bag",
        taxCategory: "standard",
        name: { de: "Stofftasche", en: "Tote bag", fr: "Sac en toile" },
        variants: [
            { sku: "SD-4001", ean: "4012345000054", price: 250 },
            { sku: "SD-4001-RED", ean: "4012345000061", price: 250 },
        ],
    },
];
const priceOf = Object.fromEntries(
    products.flatMap((p) => p.variants.map((v) => [v.sku, { default: v.price, FR: v.priceFR ?? v.price }])),
);

const stores = [
    { key: "berlin-mitte", name: { de: "Berlin Mitte", en: "Berlin Mitte" }, languages: ["de", "en"], countries: [{ code: "DE" }] },
    { key: "hamburg-hafen", name: { de: "Hamburg Hafen" }, languages: ["de"], countries: [{ code: "DE" }] },
    { key: "paris-louvre", name: { fr: "Paris Louvre", en: "Paris Louvre" }, languages: ["fr", "en"], countries: [{ code: "FR" }] },
];
const countryOf = { "berlin-mitte": "DE", "hamburg-hafen": "DE", "paris-louvre": "FR", null: "DE" };

const discount = {
    cartDiscount: {
        key: "save-10-percent",
        name: { de: "10 % Rabatt", en: "10 % off" },
        value: { type: "relative", permyriad: 1000 },
        cartPredicate: "1 = 1",
        target: { type: "lineItems", predicate: "1 = 1" },
        sortOrder: "0.5",
        isActive: true,
        requiresDiscountCode: true,
    },
    code: { key: "save10", code: "SAVE10", name: { de: "SAVE10", en: "SAVE10" }, isActive: true },
};

const giftWrap = (quantity = 1) => ({
    key: "gift-wrap",
    name: { de: "Geschenkverpackung", en: "Gift wrapping", fr: "Emballage cadeau" },
    slug: "gift-wrap",
    money: { currencyCode: CURRENCY, centAmount: 350 },
    quantity,
    taxCategory: ref("tax-category", "standard"),
});

// kind: what tests look the cart up for. Carts named *-order-* become orders below.
const carts = [
    { store: "berlin-mitte", key: "berlin-mitte-simple", kind: "simple", email: "anna.schmidt@example.com",
      lines: [["SD-1001", 1]] },
    { store: "berlin-mitte", key: "berlin-mitte-three-lines", kind: "three-lines", email: "ben.mueller@example.com",
      lines: [["SD-1001", 2], ["SD-3001-250", 3], ["SD-4001", 1]] },
    { store: "berlin-mitte", key: "berlin-mitte-custom-line", kind: "custom-line-item", email: "anna.schmidt@example.com",
      lines: [["SD-2001", 1]], custom: [giftWrap(1)] },
    { store: "berlin-mitte", key: "berlin-mitte-discount", kind: "discount-code", email: "clara.wagner@example.com",
      lines: [["SD-3001-1000", 1], ["SD-1001", 1]], codes: ["SAVE10"] },
    { store: "hamburg-hafen", key: "hamburg-hafen-simple", kind: "simple", email: "anna.schmidt@example.com",
      lines: [["SD-3001-500", 1]] },
    { store: "hamburg-hafen", key: "hamburg-hafen-three-lines", kind: "three-lines", email: "dirk.hansen@example.com",
      lines: [["SD-4001", 4], ["SD-1001", 2], ["SD-2001", 1]] },
    { store: "paris-louvre", key: "paris-louvre-simple", kind: "simple", email: "emile.martin@example.com",
      lines: [["SD-1001", 1]] },
    { store: "paris-louvre", key: "paris-louvre-custom-line", kind: "custom-line-item", email: "emile.martin@example.com",
      lines: [["SD-4001-RED", 2]], custom: [giftWrap(2)] },
    { store: null, key: "no-store-simple", kind: "no-store", email: "no.store@example.com",
      lines: [["SD-4001", 1]] },
    // Carts that become orders:
    { store: "berlin-mitte", key: "berlin-mitte-order-000001", kind: "ordered", email: "ben.mueller@example.com",
      lines: [["SD-1001", 1], ["SD-3001-500", 2]], orderNumber: "berlin-mitte-000001" },
    { store: "berlin-mitte", key: "berlin-mitte-order-000002", kind: "ordered", email: "anna.schmidt@example.com",
      lines: [["SD-1001", 2], ["SD-3001-250", 3], ["SD-4001", 1]], orderNumber: "berlin-mitte-000002",
      returned: [["SD-1001", 1], ["SD-3001-250", 2]] },
    { store: "hamburg-hafen", key: "hamburg-hafen-order-000001", kind: "ordered", email: "dirk.hansen@example.com",
      lines: [["SD-4001", 2], ["SD-2001", 1]], orderNumber: "hamburg-hafen-000001" },
    { store: "paris-louvre", key: "paris-louvre-order-000001", kind: "ordered", email: "emile.martin@example.com",
      lines: [["SD-1001", 3]], orderNumber: "paris-louvre-000001" },
];

// ---------------------------------------------------------------------------------------------
// Seeding

const problems = [];
function expectEqual(what, actual, expected) {
    if (actual !== expected) problems.push(`${what}: got ${actual}, expected ${expected}`);
}

const money = (m) => ({ centAmount: m.centAmount, currencyCode: m.currencyCode });

async function main() {
    token = await getToken();
    const existing = await ct("GET", `/stores?where=${encodeURIComponent('key="berlin-mitte"')}`);
    if (existing.count > 0) {
        throw new Error(`project '${project}' is already seeded; seed a fresh emulator`);
    }

    log("project settings");
    const projectBefore = await ct("GET", "");
    await post("", {
        version: projectBefore.version,
        actions: [
            { action: "changeName", name: "StoreDesk demo" },
            { action: "changeCurrencies", currencies: [CURRENCY] },
            { action: "changeCountries", countries: ["DE", "FR"] },
            { action: "changeLanguages", languages: ["de", "en", "fr"] },
        ],
    });

    log("tax categories, product type");
    const taxOut = {};
    for (const draft of taxCategories) {
        const created = await post("/tax-categories", draft);
        taxOut[draft.key] = { id: created.id, rates: draft.rates.map(({ name, amount, country }) => ({ name, amount, country })) };
    }
    const type = await post("/product-types", productType);

    log("products");
    const productsOut = {};
    for (const p of products) {
        const variantDraft = (v) => ({
            sku: v.sku,
            key: v.sku.toLowerCase(),
            prices: [
                ...(v.priceFR ? [{ key: `${v.sku.toLowerCase()}-eur-fr`, value: { currencyCode: CURRENCY, centAmount: v.priceFR }, country: "FR" }] : []),
                { key: `${v.sku.toLowerCase()}-eur`, value: { currencyCode: CURRENCY, centAmount: v.price } },
            ],
            attributes: [{ name: "ean", value: v.ean }],
        });
        const [master, ...others] = p.variants;
        const created = await post("/products", {
            key: p.key,
            productType: ref("product-type", productType.key),
            taxCategory: ref("tax-category", p.taxCategory),
            name: p.name,
            slug: Object.fromEntries(Object.keys(p.name).map((lang) => [lang, p.key])),
            masterVariant: variantDraft(master),
            variants: others.map(variantDraft),
            publish: true,
        });
        const variants = [created.masterData.current.masterVariant, ...created.masterData.current.variants];
        for (const v of p.variants) {
            const variant = variants.find((x) => x.sku === v.sku);
            productsOut[v.sku] = {
                productId: created.id,
                productKey: p.key,
                variantId: variant.id,
                ean: v.ean,
                name: p.name,
                taxCategory: p.taxCategory,
                price: { centAmount: v.price, currencyCode: CURRENCY },
                ...(v.priceFR ? { priceFR: { centAmount: v.priceFR, currencyCode: CURRENCY } } : {}),
            };
        }
        expectEqual(`product ${p.key} published`, created.masterData.published, true);
    }

    log("stores");
    const storesOut = {};
    for (const s of stores) {
        const created = await post("/stores", s);
        storesOut[s.key] = {
            id: created.id,
            name: s.name,
            languages: s.languages,
            country: s.countries[0].code,
            carts: [],
            orders: [],
        };
    }

    log("cart discount and discount code");
    const cartDiscount = await post("/cart-discounts", discount.cartDiscount);
    const discountCode = await post("/discount-codes", {
        ...discount.code,
        cartDiscounts: [{ typeId: "cart-discount", id: cartDiscount.id }],
    });

    log("carts");
    const cartsOut = {};
    for (const c of carts) {
        const country = countryOf[c.store];
        const created = await post(c.store ? `/in-store/key=${c.store}/carts` : "/carts", {
            key: c.key,
            currency: CURRENCY,
            country,
            locale: country === "FR" ? "fr" : "de",
            customerEmail: c.email,
            shippingAddress: { country },
            lineItems: c.lines.map(([sku, quantity]) => ({ sku, quantity })),
            ...(c.custom ? { customLineItems: c.custom } : {}),
            ...(c.codes ? { discountCodes: c.codes } : {}),
        });
        const expected =
            c.lines.reduce((sum, [sku, q]) => sum + q * priceOf[sku][country === "FR" ? "FR" : "default"], 0) +
            (c.custom ?? []).reduce((sum, item) => sum + item.quantity * item.money.centAmount, 0);
        expectEqual(`cart ${c.key} total`, created.totalPrice.centAmount, expected);
        expectEqual(`cart ${c.key} store`, created.store?.key ?? null, c.store);
        expectEqual(`cart ${c.key} key`, created.key, c.key);
        cartsOut[c.key] = {
            id: created.id,
            key: c.key,
            version: created.version,
            kind: c.kind,
            store: c.store,
            customerEmail: c.email,
            country,
            totalPrice: money(created.totalPrice),
            lineItems: created.lineItems.map((li) => ({
                id: li.id,
                sku: li.variant.sku,
                quantity: li.quantity,
                price: money(li.price.value),
                totalPrice: money(li.totalPrice),
            })),
            customLineItems: created.customLineItems.map((cli) => ({
                id: cli.id,
                key: cli.key,
                quantity: cli.quantity,
                money: money(cli.money),
                totalPrice: money(cli.totalPrice),
            })),
            discountCodes: c.codes ?? [],
        };
        if (c.store && !c.orderNumber) storesOut[c.store].carts.push(c.key);
    }

    log("orders");
    const ordersOut = {};
    for (const c of carts.filter((x) => x.orderNumber)) {
        const cart = cartsOut[c.key];
        let order = await post(`/in-store/key=${c.store}/orders`, {
            cart: { typeId: "cart", id: cart.id },
            version: cart.version,
            orderNumber: c.orderNumber,
        });
        order = await update("/orders", order, [
            { action: "changePaymentState", paymentState: "Paid" },
            { action: "changeOrderState", orderState: "Complete" },
        ]);
        const lineBySku = Object.fromEntries(order.lineItems.map((li) => [li.variant.sku, li]));
        if (c.returned) {
            order = await update("/orders", order, [
                {
                    action: "addReturnInfo",
                    returnTrackingId: `${c.orderNumber}-R1`,
                    returnDate: "2024-06-01T10:00:00.000Z",
                    items: c.returned.map(([sku, quantity]) => ({
                        lineItemId: lineBySku[sku].id,
                        quantity,
                        shipmentState: "Returned",
                        comment: "seeded return",
                    })),
                },
            ]);
        }
        expectEqual(`order ${c.orderNumber} total`, order.totalPrice.centAmount, cart.totalPrice.centAmount);
        expectEqual(`order ${c.orderNumber} store`, order.store?.key, c.store);
        const returned = Object.fromEntries((c.returned ?? []).map(([sku, q]) => [sku, q]));
        ordersOut[c.orderNumber] = {
            id: order.id,
            orderNumber: c.orderNumber,
            version: order.version,
            store: c.store,
            cartId: cart.id,
            cartKey: c.key,
            customerEmail: c.email,
            totalPrice: money(order.totalPrice),
            lineItems: order.lineItems.map((li) => ({
                id: li.id,
                sku: li.variant.sku,
                quantity: li.quantity,
                price: money(li.price.value),
                returnedQuantity: returned[li.variant.sku] ?? 0,
                remainingQuantity: li.quantity - (returned[li.variant.sku] ?? 0),
            })),
            returnInfo: (order.returnInfo ?? []).map((ri) => ({
                returnTrackingId: ri.returnTrackingId,
                items: ri.items.map((item) => ({ id: item.id, lineItemId: item.lineItemId, quantity: item.quantity })),
            })),
        };
        storesOut[c.store].orders.push(c.orderNumber);
    }

    if (problems.length > 0) {
        throw new Error(`the API did not answer as expected:\n  ${problems.join("\n  ")}`);
    }

    const result = {
        project,
        apiUrl,
        authUrl,
        currency: CURRENCY,
        productType: { id: type.id, key: productType.key },
        taxCategories: taxOut,
        discountCodes: { [discount.code.code]: { id: discountCode.id, cartDiscountId: cartDiscount.id, cartDiscountKey: cartDiscount.key } },
        products: productsOut,
        stores: storesOut,
        storelessCarts: carts.filter((c) => !c.store).map((c) => c.key),
        carts: cartsOut,
        orders: ordersOut,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    log(`done: ${Object.keys(cartsOut).length} carts, ${Object.keys(ordersOut).length} orders`);
}

main().catch((error) => {
    console.error(`seed: ${error.message}${error.cause ? ` (${error.cause.message ?? error.cause})` : ""}`);
    process.exit(1);
});
