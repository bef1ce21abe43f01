#!/usr/bin/env python3
"""StoreDesk's server load benchmark (issue 13): storedesk-server beside a Node peer.

Starts, all on loopback and free ports: the commercetools emulator (seeded as the tests seed it,
plus a 200-line cart), a caching upstream in front of it (nginx proxy_cache with no added latency,
and a small Node server adding 40 ms), storedesk-server on SQLite with a colleague logged in, and
the Node peer (bench/peer: Fastify + the commercetools TypeScript SDK, reading the server's
session table). Then runs `wrk -t1 -c{1,8,64}` against the upstream alone, the peer and the
server for each case, times a series of logins, prints one Markdown table and stops everything.

    bench/server/run.py [--build-dir build/dev] [--duration 5s] [--quick] [--output FILE]

BENCH_DURATION (default 5s) sets each wrk run's length; --quick runs every case for 1 s without
warm-up, for a smoke run. Needs wrk, nginx, Node.js >= 20, the emulator's and the peer's
node_modules (packaging/dev.sh bench installs all of it).
"""

import argparse
import base64
import concurrent.futures
import ctypes
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EMULATOR_DIR = os.path.join(ROOT, "tests", "emulator")
PEER_DIR = os.path.join(ROOT, "bench", "peer")
PROJECT = "storedesk-demo"
STORE = "berlin-mitte"
WORKSTATION = "berlin-mitte-till-1"
USERNAME = "bench-colleague"
SECRET = "bench-secret-4711"
SCOPES = " ".join(f"{name}:{PROJECT}" for name in (
    "manage_orders", "manage_payments", "view_customers", "view_types", "manage_shopping_lists",
    "manage_customers", "view_categories", "view_customer_groups", "view_discount_codes",
    "view_published_products", "view_shipping_methods", "view_stores"))
STORES_CONFIG = {"stores": [
    {"key": key, "currency": "EUR", "country": country,
     "locations": [{"id": "shop-floor", "name": "Shop floor", "workstations": [
         {"id": f"{key}-till-1", "name": "Till 1"}, {"id": f"{key}-till-2", "name": "Till 2"}]}]}
    for key, country in (("berlin-mitte", "DE"), ("hamburg-hafen", "DE"), ("paris-louvre", "FR"))]}
START_TIMEOUT = 90


class BenchError(Exception):
    pass


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def die_with_parent():
    """Runs in each child before exec: the kernel sends it SIGTERM when this script goes, however
    it goes (even SIGKILL), so that nothing is left behind."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http(method, url, body=None, headers=None, timeout=60):
    """(status, body bytes) of one request; never raises for an HTTP status."""
    data = None
    headers = dict(headers or {})
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers.setdefault("Content-Type", "application/json")
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Stack:
    """The processes of one run; stop() ends every one of them."""

    def __init__(self, folder):
        self.folder = folder
        self.processes = []  # (name, Popen)

    def start(self, name, command, ready=None, env=None, cwd=None):
        """Starts a process with stdout/stderr in files; with `ready`, waits for a stdout line
        matching it and returns its first group."""
        out = open(os.path.join(self.folder, f"{name}.out"), "wb")
        err = open(os.path.join(self.folder, f"{name}.err"), "wb")
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=out, stderr=err, env=env,
                                   cwd=cwd, preexec_fn=die_with_parent)
        self.processes.append((name, process))
        if ready is None:
            return None
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            with open(out.name, "rb") as seen:
                match = re.search(ready, seen.read().decode(errors="replace"))
            if match:
                return match.group(1)
            if process.poll() is not None:
                break
            time.sleep(0.1)
        raise BenchError(f"{name} did not start: {self.tail(name)}")

    def tail(self, name):
        text = ""
        for suffix in ("out", "err"):
            path = os.path.join(self.folder, f"{name}.{suffix}")
            if os.path.exists(path):
                with open(path, "rb") as file:
                    text += file.read()[-2000:].decode(errors="replace")
        return text.strip()

    def stop(self):
        for _, process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + 10
        for _, process in reversed(self.processes):
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdin:
                process.stdin.close()
        self.processes.clear()


# ---- commercetools: the emulator, its seed and the benchmark's own data

def emulator_token(api):
    basic = base64.b64encode(b"bench:bench").decode()
    status, body = http(
        "POST", f"{api}/oauth/token?grant_type=client_credentials&scope=manage_project:{PROJECT}",
        b"grant_type=client_credentials",
        {"Authorization": f"Basic {basic}", "Content-Type": "application/x-www-form-urlencoded"})
    if status != 200:
        raise BenchError(f"no emulator token: HTTP {status} {body[:300]!r}")
    return json.loads(body)["access_token"]


def seed_large_cart(api, token, lines):
    """A cart of `lines` different articles in the store (commercetools merges lines of one
    variant, so each line gets an article of its own)."""
    auth = {"Authorization": f"Bearer {token}"}

    def product(index):
        sku = f"BENCH-{index:04d}"
        status, body = http("POST", f"{api}/{PROJECT}/products", {
            "key": f"bench-article-{index:04d}",
            "productType": {"typeId": "product-type", "key": "storedesk-article"},
            "taxCategory": {"typeId": "tax-category", "key": "standard"},
            "name": {"de": f"Benchmark-Artikel {index}", "en": f"Benchmark article {index}"},
            "slug": {"de": f"bench-article-{index:04d}", "en": f"bench-article-{index:04d}"},
            "masterVariant": {
                "sku": sku, "key": sku.lower(),
                "prices": [{"key": f"{sku.lower()}-eur",
                            "value": {"currencyCode": "EUR", "centAmount": 100 + index}}],
                "attributes": [{"name": "ean", "value": f"{2000000000000 + index}"}]},
            "publish": True}, auth)
        if status != 201:
            raise BenchError(f"creating product {sku}: HTTP {status} {body[:300]!r}")
        return sku

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        skus = list(pool.map(product, range(1, lines + 1)))
    status, body = http("POST", f"{api}/{PROJECT}/in-store/key={STORE}/carts", {
        "key": f"{STORE}-bench-{lines}-lines", "currency": "EUR", "country": "DE", "locale": "de",
        "customerEmail": "bench@example.com", "shippingAddress": {"country": "DE"},
        "lineItems": [{"sku": sku, "quantity": 1 + i % 3} for i, sku in enumerate(skus)]}, auth)
    cart = json.loads(body) if status == 201 else {}
    if len(cart.get("lineItems", [])) != lines:
        raise BenchError(f"the {lines}-line cart was not made: HTTP {status} {body[:300]!r}")
    return cart["id"]


# ---- the caching upstreams

NGINX_CONF = """\
daemon off;
master_process on;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
{user}
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {folder}/nginx-body;
    proxy_temp_path {folder}/nginx-proxy;
    fastcgi_temp_path {folder}/nginx-fastcgi;
    uwsgi_temp_path {folder}/nginx-uwsgi;
    scgi_temp_path {folder}/nginx-scgi;
    proxy_cache_path {folder}/nginx-cache levels=1:2 keys_zone=bench:10m inactive=1d use_temp_path=off;
    keepalive_requests 10000000;
    keepalive_timeout 300s;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass {target};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            # GETs answered from the cache after their first fetch, keyed by method and URL;
            # everything else (the OAuth token, POSTs) passed through.
            proxy_cache bench;
            proxy_cache_key $request_method$request_uri;
            proxy_cache_methods GET;
            proxy_cache_valid 200 1d;
            proxy_cache_lock on;
            proxy_ignore_headers Cache-Control Expires Set-Cookie Vary X-Accel-Expires;
        }}
    }}
}}
"""


def start_nginx(stack, target):
    for attempt in range(3):  # the free port may be taken before nginx binds it
        port = free_port()
        conf = os.path.join(stack.folder, "nginx.conf")
        with open(conf, "w") as file:
            file.write(NGINX_CONF.format(folder=stack.folder, port=port, target=target,
                                         user="user root root;" if os.geteuid() == 0 else ""))
        name = f"nginx-{attempt}"
        stack.start(name, ["nginx", "-e", os.path.join(stack.folder, "nginx-error.log"),
                           "-p", stack.folder, "-c", conf])
        process = stack.processes[-1][1]
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and process.poll() is None:
            try:
                http("GET", f"{url}/", timeout=2)
                return url
            except OSError:
                time.sleep(0.1)
    with open(os.path.join(stack.folder, "nginx-error.log"), errors="replace") as file:
        raise BenchError(f"nginx did not start: {file.read()[-2000:]}")


# ---- storedesk-server and the peer

def server_environment(database_url, upstream, client_secret):
    environment = dict(os.environ)
    environment.update({
        "CTP_PROJECT_KEY": PROJECT, "CTP_CLIENT_ID": "storedesk-bench",
        "CTP_CLIENT_SECRET": client_secret, "CTP_SCOPES": SCOPES,
        "CTP_API_URL": upstream, "CTP_AUTH_URL": upstream,
        "STOREDESK_DATABASE_URL": database_url,
        "STOREDESK_CALLBACK_API_KEY": "bench-callback-key-" + "x" * 32,
    })
    environment.pop("QT_LOGGING_RULES", None)
    return environment


# ---- measuring

def cpu_seconds(pid):
    """User plus system CPU time a process has used so far (all its threads)."""
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_idle(pid, limit=60):
    """Waits until a process uses less than 5 % of a CPU over a quarter of a second."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        before = cpu_seconds(pid)
        time.sleep(0.25)
        if cpu_seconds(pid) - before < 0.0125:
            return


def run_wrk(url, connections, duration, token, pid=None):
    """wrk's figures; with `pid`, also the CPU time that process spent per answered request,
    which a machine busy with other work disturbs far less than req/s."""
    environment = dict(os.environ, BENCH_TOKEN=token or "")
    cpu_before = cpu_seconds(pid) if pid else 0
    result = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}", "--timeout", "10s",
         "-s", os.path.join(HERE, "report.lua"), url],
        env=environment, capture_output=True, text=True, timeout=600)
    cpu = cpu_seconds(pid) - cpu_before if pid else 0
    match = re.search(r"BENCH-RESULT requests=(\d+) rps=([\d.]+) p50_us=(\d+) p99_us=(\d+) "
                      r"non2xx=(\d+) socket_errors=(\d+)", result.stdout)
    if not match:
        raise BenchError(f"wrk printed no result for {url}: {result.stdout} {result.stderr}")
    requests, rps, p50, p99, non2xx, errors = match.groups()
    return {"requests": int(requests), "rps": float(rps), "p50": int(p50) / 1000,
            "p99": int(p99) / 1000, "errors": int(non2xx) + int(errors),
            "cpu_ms": 1000 * cpu / int(requests) if int(requests) else 0}


def check_answer(name, url, token, expect):
    """One request before measuring: the target must answer 200 with what the case expects (it
    also fills the upstream's cache). Returns the parsed answer."""
    status, body = http("GET", url, headers={"Authorization": f"Bearer {token}"} if token else {})
    if status != 200:
        raise BenchError(f"{name} answered HTTP {status} to {url}: {body[:300]!r}")
    answer = json.loads(body)
    problem = expect(answer)
    if problem:
        raise BenchError(f"{name} answered {url} with {problem}")
    return answer


def differences(left, right, path=""):
    """Where two JSON documents differ (at most a few places), to show that the peer answers
    what the server answers."""
    if isinstance(left, dict) and isinstance(right, dict):
        found = []
        for key in sorted(set(left) | set(right)):
            if key not in left or key not in right:
                found.append(f"{path}.{key} only in {'the server' if key in left else 'the peer'}")
            else:
                found += differences(left[key], right[key], f"{path}.{key}")
        return found[:5]
    if isinstance(left, list) and isinstance(right, list) and len(left) == len(right):
        return [d for a, b in zip(left, right) for d in differences(a, b, f"{path}[]")][:5]
    return [] if left == right else [f"{path}: {str(left)[:60]} vs {str(right)[:60]}"]


def fmt_ms(value):
    return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def fmt_result(result):
    if not result["requests"]:
        return "no answer within the run | – | – | –"
    text = (f"{result['rps']:.0f} | {fmt_ms(result['p50'])} | {fmt_ms(result['p99'])} | "
            f"{result['cpu_ms']:.2f}")
    if result["errors"]:
        text += f" ({result['errors']} errors)"
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build", "dev"))
    parser.add_argument("--server", help="storedesk-server binary (default: in --build-dir)")
    parser.add_argument("--duration", default=os.environ.get("BENCH_DURATION", "5s"),
                        help="length of each wrk run (BENCH_DURATION, default 5s)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 1 s per case, no warm-up, 3 logins")
    parser.add_argument("--logins", type=int, default=20, help="logins to time (default 20)")
    parser.add_argument("--output", help="also write the table to this file")
    parser.add_argument("--case", action="append",
                        help="only the cases whose name starts with this (repeatable), e.g. "
                             "'cart, 200' or 'order'")
    args = parser.parse_args()
    duration = "1s" if args.quick else args.duration
    logins = 3 if args.quick else args.logins
    server_binary = args.server or os.path.join(args.build_dir, "server", "storedesk-server")

    for tool in ("wrk", "nginx", "node"):
        if not shutil.which(tool):
            raise BenchError(f"{tool} is not installed (packaging/dev.sh bench installs it)")
    if not os.access(server_binary, os.X_OK):
        raise BenchError(f"no storedesk-server at {server_binary}: build it first")
    for folder in (EMULATOR_DIR, PEER_DIR):
        if not os.path.isdir(os.path.join(folder, "node_modules")):
            raise BenchError(f"run `npm ci` in {folder} first (packaging/dev.sh bench does)")

    folder = tempfile.mkdtemp(prefix="storedesk-bench-")
    stack = Stack(folder)
    # SIGTERM/SIGINT end the run through the finally below, which stops everything.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        started = time.monotonic()
        log("starting the commercetools emulator")
        emulator = stack.start("emulator", ["node", "emulator.mjs", "--port", "0", "--project",
                                            PROJECT, "--exit-with-stdin"],
                               ready=r"listening on (http://127\.0\.0\.1:\d+)", cwd=EMULATOR_DIR)
        log("seeding")
        seeding = subprocess.run(["node", "seed.mjs", "--api", emulator, "--auth", emulator,
                                  "--project", PROJECT], cwd=EMULATOR_DIR, capture_output=True,
                                 timeout=300)
        if seeding.returncode != 0:
            raise BenchError(f"seeding failed: {seeding.stderr[-2000:].decode(errors='replace')}")
        seed = json.loads(seeding.stdout)
        cart3 = seed["carts"][f"{STORE}-three-lines"]["id"]
        order_number = f"{STORE}-000002"  # three lines, one partly returned
        token_ct = emulator_token(emulator)
        log("seeding a 200-line cart")
        cart200 = seed_large_cart(emulator, token_ct, 200)

        log("starting the caching upstreams (nginx, 0 ms; Node, 40 ms)")
        upstreams = {0: start_nginx(stack, emulator)}
        upstreams[40] = stack.start(
            "upstream-40ms", ["node", os.path.join(HERE, "upstream.mjs"), "--target", emulator,
                              "--delay-ms", "40"], ready=r"listening on (http://127\.0\.0\.1:\d+)")

        log("creating a user and starting storedesk-server")
        database = os.path.join(folder, "server.db")
        database_url = f"sqlite://{database}"
        adding = subprocess.run(
            [server_binary, "--database", database_url, "users", "add", USERNAME, "--name",
             "Bench Colleague", "--role", "colleague", "--store", STORE],
            input=(SECRET + "\n").encode(), capture_output=True, timeout=120)
        if adding.returncode != 0:
            raise BenchError(f"users add failed: {adding.stderr.decode(errors='replace')}")
        config = os.path.join(folder, "server.json")
        with open(config, "w") as file:
            json.dump(STORES_CONFIG, file)
        servers, peers = {}, {}
        pids = {}  # url -> process id
        for delay, upstream in upstreams.items():
            servers[delay] = stack.start(
                f"server-{delay}ms", [server_binary, "--listen", "127.0.0.1:0", "--config", config],
                ready=r"listening on (http://127\.0\.0\.1:\d+)",
                env=server_environment(database_url, upstream, "bench-secret"))
            pids[servers[delay]] = stack.processes[-1][1].pid
        status, body = http("POST", f"{servers[0]}/session", {
            "username": USERNAME, "secret": SECRET, "storeKey": STORE,
            "workstationId": WORKSTATION})
        if status != 201:
            raise BenchError(f"login failed: HTTP {status} {body[:300]!r}")
        token = json.loads(body)["accessToken"]

        log("starting the Node peers")
        for delay, upstream in upstreams.items():
            peers[delay] = stack.start(
                f"peer-{delay}ms", ["node", os.path.join(PEER_DIR, "peer.mjs"), "--database",
                                    database, "--api", upstream, "--auth", upstream, "--project",
                                    PROJECT, "--scopes", SCOPES],
                ready=r"listening on (http://127\.0\.0\.1:\d+)")
            pids[peers[delay]] = stack.processes[-1][1].pid

        in_store = f"/{PROJECT}/in-store/key={STORE}"
        is_cart = lambda cart_id, lines: lambda body: (
            None if body.get("id") == cart_id and len(body.get("lineItems", [])) == lines
            else f"another document: {str(body)[:200]}")
        is_balance = lambda cart_id: lambda body: (
            None if body.get("cartId") == cart_id and "openBalance" in body
            else f"no balance: {str(body)[:200]}")
        is_order = lambda body: (
            None if body.get("order", {}).get("orderNumber") == order_number
            and len(body.get("refundable", [])) == 3 else f"another order: {str(body)[:200]}")
        is_order_upstream = lambda body: (
            None if body.get("orderNumber") == order_number else f"another order: {str(body)[:200]}")
        # name, delay, concurrencies, server path, upstream path, check, upstream check
        cases = [
            ("cart, 3 lines", 0, (1, 8, 64), f"/stores/{STORE}/carts/{cart3}",
             f"{in_store}/carts/{cart3}", is_cart(cart3, 3), is_cart(cart3, 3)),
            ("cart, 200 lines", 0, (1, 8, 64), f"/stores/{STORE}/carts/{cart200}",
             f"{in_store}/carts/{cart200}", is_cart(cart200, 200), is_cart(cart200, 200)),
            ("balance, 3 lines", 0, (8, 64), f"/stores/{STORE}/carts/{cart3}/payments",
             f"{in_store}/carts/{cart3}", is_balance(cart3), is_cart(cart3, 3)),
            ("order lookup, 3 lines", 0, (8, 64), f"/stores/{STORE}/orders/{order_number}",
             f"{in_store}/orders/order-number={order_number}?expand=paymentInfo.payments%5B*%5D",
             is_order, is_order_upstream),
            ("cart, 3 lines, upstream 40 ms", 40, (8, 64), f"/stores/{STORE}/carts/{cart3}",
             f"{in_store}/carts/{cart3}", is_cart(cart3, 3), is_cart(cart3, 3)),
        ]

        if args.case:
            cases = [case for case in cases if any(case[0].startswith(name) for name in args.case)]
        log("checking every answer once")
        # Both do the same work: a token they do not know is refused, and another store's cart
        # is not found in this one.
        other_cart = seed["carts"]["hamburg-hafen-three-lines"]["id"]
        for name, url in (("the Node peer", peers[0]), ("storedesk-server", servers[0])):
            for path, used, expected in (
                    (f"/stores/{STORE}/carts/{cart3}", "A" * 43, 401),
                    (f"/stores/{STORE}/carts/{other_cart}", token, 404),
                    (f"/stores/{STORE}/carts/{other_cart}/payments", token, 404)):
                status, body = http("GET", url + path, headers={"Authorization": f"Bearer {used}"})
                if status != expected:
                    raise BenchError(f"{name} answered HTTP {status}, not {expected}, to {path}: "
                                     f"{body[:200]!r}")
        for _, delay, _, path, upstream_path, check, upstream_check in cases:
            check_answer("the upstream", upstreams[delay] + upstream_path, token_ct, upstream_check)
            peer = check_answer("the Node peer", peers[delay] + path, token, check)
            server = check_answer("storedesk-server", servers[delay] + path, token, check)
            for difference in differences(server, peer):
                log(f"note: the peer's answer to {path} differs from the server's: {difference}")
        rows = []
        for name, delay, concurrencies, path, upstream_path, _, _ in cases:
            if not args.quick:
                # Node's JIT and the server's caches see each route before it is measured.
                log(f"{name}: warming up")
                run_wrk(peers[delay] + path, 8, "2s", token)
                run_wrk(servers[delay] + path, 8, "2s", token)
            for connections in concurrencies:
                # What a previous run left queued (wrk hangs up; the work goes on) is done first.
                for url in (peers[delay], servers[delay]):
                    wait_until_idle(pids[url])
                log(f"{name}, c={connections}")
                upstream = run_wrk(upstreams[delay] + upstream_path, connections, duration,
                                   token_ct)
                peer = run_wrk(peers[delay] + path, connections, duration, token,
                               pids[peers[delay]])
                server = run_wrk(servers[delay] + path, connections, duration, token,
                                 pids[servers[delay]])
                rows.append((name, connections, upstream, peer, server))

        log(f"timing {logins} logins")
        begun = time.monotonic()
        login_cpu = cpu_seconds(pids[servers[0]])
        for _ in range(logins):
            status, body = http("POST", f"{servers[0]}/session", {
                "username": USERNAME, "secret": SECRET, "storeKey": STORE,
                "workstationId": WORKSTATION})
            if status != 201:
                raise BenchError(f"login failed: HTTP {status} {body[:300]!r}")
        login_seconds = time.monotonic() - begun
        login_cpu = cpu_seconds(pids[servers[0]]) - login_cpu

        lines = [
            f"Server benchmark: wrk -t1, {duration} per run, {os.cpu_count()} CPUs, "
            f"latencies and CPU time per answered request in ms; ratio = server req/s ÷ peer "
            f"req/s; added p50 = server p50 − upstream p50.",
            "",
            "| case | c | upstream direct req/s | upstream p50 | Node peer req/s | peer p50 "
            "| peer p99 | peer CPU/req | storedesk-server req/s | server p50 | server p99 "
            "| server CPU/req | ratio | server added p50 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name, connections, upstream, peer, server in rows:
            measured = all(result["requests"] for result in (upstream, peer, server))
            ratio = f"{server['rps'] / peer['rps']:.2f}×" if measured else "–"
            added = f"{server['p50'] - upstream['p50']:+.2f}" if measured else "–"
            upstream_text = f"{upstream['rps']:.0f}" + (
                f" ({upstream['errors']} errors)" if upstream["errors"] else "")
            lines.append(
                f"| {name} | {connections} | {upstream_text} | {fmt_ms(upstream['p50'])} | "
                f"{fmt_result(peer)} | {fmt_result(server)} | {ratio} | {added} |")
        lines += ["", f"Login (storedesk-server, one at a time): {logins} logins in "
                      f"{login_seconds:.2f} s = {logins / login_seconds:.1f} logins/s "
                      f"({1000 * login_seconds / logins:.0f} ms each, "
                      f"{1000 * login_cpu / logins:.0f} ms of the server's CPU each).",
                  "", f"Whole run: {time.monotonic() - started:.0f} s."]
        table = "\n".join(lines)
        print(table, flush=True)
        if args.output:
            with open(args.output, "w") as file:
                file.write(table + "\n")
        # A run too short for a slow target to answer at all shows as such; failed answers fail.
        failed = sorted({f"{name} c={connections}" for name, connections, *results in rows
                         for result in results if result["errors"]})
        if failed:
            log(f"runs with failed requests (their figures do not count): {', '.join(failed)}")
            return 1
    except BenchError as error:
        log(f"failed: {error}")
        return 1
    finally:
        stack.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
