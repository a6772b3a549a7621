"""Schemathesis hooks of scripts/contract-test.sh.

- `application/jsonl` (the import's JSON lines) is sent as plain text.
- The test must not lock itself out of its own server: the stateful phase
  follows links from the users list to `set-password` and to the token
  list, so it would eventually give the test's own admin a temporary
  password (every later request: 403 `password_change_required`) or
  revoke the test's own token (401). Such requests are redirected to a
  decoy user and a decoy token; every other request, including those that
  target the admin's own account (409 `cannot_modify_self`), goes out as
  generated.
- Allow-list changes go out without `confirm_lockout`: a confirmed entry
  that leaves out 127.0.0.1 would shut the test out (every later request:
  403 `ip_not_allowed`); unconfirmed, such a change is the documented 409
  `would_lock_out`.
- Switching a module off goes to an unknown module name instead (the
  documented 404): an off `messaging` or `audit_export` would make their
  endpoints answer 404 for the rest of the run, which is right for the
  server but not what their documents promise to a fuzzer.
"""

import os

import schemathesis

schemathesis.serializer.alias("application/jsonl", "text/plain")

ADMIN_ID = os.environ["CONTRACT_ADMIN_ID"]
TOKEN_ID = os.environ["CONTRACT_TOKEN_ID"]
DECOY_USER_ID = os.environ["CONTRACT_DECOY_USER_ID"]
DECOY_TOKEN_ID = os.environ["CONTRACT_DECOY_TOKEN_ID"]


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    path = case.operation.path
    if path.startswith("/api/admin/v1/allowlist/") or "/allowlist/" in path:
        if isinstance(case.query, dict):
            case.query.pop("confirm_lockout", None)
        if isinstance(case.body, dict):
            case.body.pop("confirm_lockout", None)
    params = case.path_parameters
    if not params:
        return
    if path.endswith("/set-password") and params.get("id") == ADMIN_ID:
        params["id"] = DECOY_USER_ID
    if path.endswith("/tokens/{token_id}") and params.get("token_id") == TOKEN_ID:
        params["token_id"] = DECOY_TOKEN_ID
    if (
        path == "/api/admin/v1/modules/{name}"
        and case.method.upper() == "DELETE"
    ):
        params["name"] = "no-such-module"
