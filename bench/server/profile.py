#!/usr/bin/env python3
"""CPU instructions per request of storedesk-server, by callgrind (issue 13).

A loaded machine makes req/s figures noise; instruction counts are the same whatever else runs.
Starts the same stack as run.py (emulator, seed, 200-line cart, nginx caching upstream, SQLite),
logs a colleague in through a plain server, then restarts the server under
`valgrind --tool=callgrind` and, for each case, warms it up, zeroes the counters, sends
N requests one after another on one keep-alive connection, dumps and reports instructions per
request (Ir, the server's threads together). The dumps stay in --keep for callgrind_annotate.

    bench/server/profile.py [--build-dir build/dev] [--requests 200] [--keep DIR] [--case NAME]
                            [--concurrency N [--wrk-seconds S]]

With --concurrency N, wrk keeps N requests open for S seconds instead (instructions per request
under load: what grows with the number of requests under way).
"""

import argparse
import glob
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

import run

def requests_on_one_connection(base, path, token, count):
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    for _ in range(count):
        connection.request("GET", path, headers={"Authorization": f"Bearer {token}"})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise run.BenchError(f"{path}: HTTP {response.status}")
    connection.close()


def requests_with_wrk(base, path, token, connections, seconds):
    """Runs wrk against base+path; returns how many requests it completed."""
    done = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "-H",
                           f"Authorization: Bearer {token}", base + path],
                          capture_output=True, text=True, check=True).stdout
    match = re.search(r"(\d+) requests in", done)
    if not match or "Non-2xx" in done:
        raise run.BenchError(f"wrk: {done}")
    return int(match.group(1))


def total_instructions(path):
    with open(path, errors="replace") as file:
        for line in file:
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", default=os.path.join(run.ROOT, "build", "dev"))
    parser.add_argument("--server", help="storedesk-server binary (default: in --build-dir)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", help="folder for the callgrind dumps (default: a temporary one)")
    parser.add_argument("--case", action="append", help="only these cases (cart3, cart200, "
                        "balance, order)")
    parser.add_argument("--concurrency", type=int, default=1,
                        help="above 1: wrk keeps this many requests open for --wrk-seconds "
                        "instead of one request after another")
    parser.add_argument("--wrk-seconds", type=int, default=5)
    args = parser.parse_args()
    server_binary = args.server or os.path.join(args.build_dir, "server", "storedesk-server")
    folder = tempfile.mkdtemp(prefix="storedesk-profile-")
    keep = args.keep or os.path.join(folder, "callgrind")
    os.makedirs(keep, exist_ok=True)
    stack = run.Stack(folder)
    try:
        emulator = stack.start("emulator", ["node", "emulator.mjs", "--port", "0", "--project",
                                            run.PROJECT, "--exit-with-stdin"],
                               ready=r"listening on (http://127\.0\.0\.1:\d+)",
                               cwd=run.EMULATOR_DIR)
        seeding = subprocess.run(["node", "seed.mjs", "--api", emulator, "--auth", emulator,
                                  "--project", run.PROJECT], cwd=run.EMULATOR_DIR,
                                 capture_output=True, timeout=300, check=True)
        seed = json.loads(seeding.stdout)
        cart3 = seed["carts"][f"{run.STORE}-three-lines"]["id"]
        order_number = f"{run.STORE}-000002"
        cart200 = run.seed_large_cart(emulator, run.emulator_token(emulator), 200)
        upstream = run.start_nginx(stack, emulator)
        database_url = f"sqlite://{os.path.join(folder, 'server.db')}"
        subprocess.run([server_binary, "--database", database_url, "users", "add", run.USERNAME,
                        "--name", "Bench Colleague", "--role", "colleague", "--store", run.STORE],
                       input=(run.SECRET + "\n").encode(), capture_output=True, timeout=120,
                       check=True)
        config = os.path.join(folder, "server.json")
        with open(config, "w") as file:
            json.dump(run.STORES_CONFIG, file)
        environment = run.server_environment(database_url, upstream, "bench-secret")
        command = [server_binary, "--listen", "127.0.0.1:0", "--config", config]
        # The login (PBKDF2) through a plain server: under valgrind it would take minutes.
        server = stack.start("server-plain", command, env=environment,
                             ready=r"listening on (http://127\.0\.0\.1:\d+)")
        status, body = run.http("POST", f"{server}/session", {
            "username": run.USERNAME, "secret": run.SECRET, "storeKey": run.STORE,
            "workstationId": run.WORKSTATION})
        if status != 201:
            raise run.BenchError(f"login failed: HTTP {status} {body[:300]!r}")
        token = json.loads(body)["accessToken"]
        plain = stack.processes.pop()[1]
        plain.terminate()
        plain.wait()

        server = stack.start(
            "server-callgrind",
            ["valgrind", "--tool=callgrind",
             f"--callgrind-out-file={keep}/callgrind.out.%p"] + command,
            env=environment, ready=r"listening on (http://127\.0\.0\.1:\d+)")
        pid = stack.processes[-1][1].pid
        cases = {
            "cart3": f"/stores/{run.STORE}/carts/{cart3}",
            "cart200": f"/stores/{run.STORE}/carts/{cart200}",
            "balance": f"/stores/{run.STORE}/carts/{cart3}/payments",
            "order": f"/stores/{run.STORE}/orders/{order_number}",
        }
        print(f"callgrind, {args.requests} requests each on one connection; Ir per request "
              f"(all of the server's threads):")
        for name, path in cases.items():
            if args.case and name not in args.case:
                continue
            # Warm: caches, the upstream's cache, the connection pool.
            requests_on_one_connection(server, path, token, 20)
            subprocess.run(["callgrind_control", "--zero", str(pid)], check=True,
                           capture_output=True)
            requests = args.requests
            if args.concurrency > 1:
                requests = requests_with_wrk(server, path, token, args.concurrency,
                                             args.wrk_seconds)
            else:
                requests_on_one_connection(server, path, token, args.requests)
            subprocess.run(["callgrind_control", f"--dump={name}", str(pid)], check=True,
                           capture_output=True)
            time.sleep(0.5)
            dumps = [path for path in glob.glob(f"{keep}/callgrind.out.{pid}*")
                     if not path.endswith(f".{pid}")]
            latest = max(dumps, key=os.path.getmtime)
            final = os.path.join(keep, f"{name}.callgrind")
            # Each thread may dump a file of its own (--separate-threads is off: one file).
            shutil.move(latest, final)
            print(f"  {name:8s} {total_instructions(final) / requests:12,.0f} Ir/request"
                  f"   ({final})", flush=True)
    except run.BenchError as error:
        print(f"failed: {error}", file=sys.stderr)
        return 1
    finally:
        stack.stop()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
