"""OpenID Connect benchmark driver (see bench/oidc.sh): registers an
application, signs the bench administrator in, then measures with wrk in one
run on one server: /health/live and UserInfo requests per second, code
exchanges per second and refreshes per second."""

import base64
import http.client
import json
import os
import re
import subprocess
import sys
import threading
import urllib.parse

base, token, seconds, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
host = urllib.parse.urlparse(base)
REDIRECT = "http://rp.bench/callback"
THREADS, CONNECTIONS = 2, 32


def call(method, path, body=None, headers=None):
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    reply = conn.getresponse()
    data = reply.read()
    conn.close()
    return reply.status, dict(reply.getheaders()), data


status, _, data = call("POST", "/api/admin/v1/applications",
                       json.dumps({"name": "bench", "redirect_uris": [REDIRECT], "skip_consent": True}),
                       {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
assert status == 201, data
doc = json.loads(data)
client_id, secret = doc["data"]["attributes"]["client_id"], doc["meta"]["client_secret"]
basic = "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()

status, headers, data = call("POST", "/api/auth/login", "username=benchadmin&password=bench-password-1",
                             {"Content-Type": "application/x-www-form-urlencoded"})
cookie = re.search(r"gatehouse_session=[^;]+", headers.get("set-cookie", "")).group(0)
authorize = ("/oauth2/authorize?" + urllib.parse.urlencode({
    "client_id": client_id, "redirect_uri": REDIRECT, "response_type": "code",
    "scope": "openid profile offline_access"}))


def codes(n, out):
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    for _ in range(n):
        conn.request("GET", authorize, headers={"Cookie": cookie})
        reply = conn.getresponse()
        reply.read()
        location = reply.getheader("location", "")
        code = urllib.parse.parse_qs(urllib.parse.urlparse(location).query).get("code")
        assert code, (reply.status, location)
        out.append(code[0])


def wrk(path, extra_headers=(), script=None, env=None):
    cmd = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    for h in extra_headers:
        cmd += ["-H", h]
    if script:
        cmd += ["-s", script]
    cmd.append(base + path)
    result = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=True)
    return result.stdout


def rps(output):
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def spend(kind, items):
    path = os.path.join(work, f"{kind}s.txt")
    with open(path, "w") as f:
        f.write("\n".join(items) + "\n")
    out = os.path.join(work, f"after-{kind}")
    output = wrk("/oauth2/token", script="bench/oidc-spend.lua", env={
        "SPEND_KIND": kind, "SPEND_FILE": path, "SPEND_OUT": out, "SPEND_THREADS": str(THREADS),
        "SPEND_AUTH": basic, "SPEND_REDIRECT": urllib.parse.quote(REDIRECT, safe="")})
    result = json.loads(re.search(r"RESULT (\{.*\})", output).group(1))
    refresh = []
    for t in range(THREADS):
        with open(f"{out}.{t}") as f:
            refresh += [line.strip() for line in f if line.strip()]
    result["per_second"] = result["ok"] / result["seconds"]
    return result, refresh


# One access token for UserInfo.
pool = []
codes(1, pool)
status, _, data = call("POST", "/oauth2/token",
                       f"grant_type=authorization_code&code={pool[0]}&redirect_uri={urllib.parse.quote(REDIRECT, safe='')}",
                       {"Authorization": basic, "Content-Type": "application/x-www-form-urlencoded"})
assert status == 200, data
access = json.loads(data)["access_token"]

health = rps(wrk("/health/live"))
userinfo = rps(wrk("/oauth2/userinfo", [f"Authorization: Bearer {access}"]))

# Enough codes for the exchange phase at up to 4,000 per second, made by
# four clients at once (a code lives 60 s: made just before use).
wanted = 4000 * seconds
made = [[] for _ in range(4)]
workers = [threading.Thread(target=codes, args=(wanted // 4, made[i])) for i in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
exchange, refresh_tokens = spend("code", [c for part in made for c in part])
refresh, _ = spend("refresh", refresh_tokens)

print(json.dumps({
    "health_live_rps": health, "userinfo_rps": userinfo, "userinfo_ratio": userinfo / health,
    "exchange": exchange, "refresh": refresh, "refresh_tokens_available": len(refresh_tokens),
}))
