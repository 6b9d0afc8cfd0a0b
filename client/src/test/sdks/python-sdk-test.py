"""The Python SDK as a team installs it (the clickairtime-balance wheel in a fresh venv).

Every documented case and the stubs' rules against the WireMock stubs and the sandbox, then the
hand-written layer's promises against a local scripted server on 127.0.0.1: the bearer key on the
wire, retries on 429, 502, 503 and 504 honouring Retry-After and bounded, typed errors, and no key
in anything the SDK shows. Cases come from cases.json (the kit's pairing of the spec), bodies and
codes from the spec; nothing here restates them.

Usage: python python-sdk-test.py <cases.json> <openapi.json> <stubs url> <sandbox url>
"""
import copy
import decimal
import http.server
import json
import pathlib
import pickle
import re
import sys
import threading
import time

import pydantic

import clickairtime_balance as sdk
from clickairtime_balance import error_codes

asserted = 0


def fail(message):
    print(f"[python sdk] FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def snake(name):
    return re.sub(r"[^a-z0-9_]", "_", name.lower())


def shown(value):
    """Everything a log line, a debugger or a serializer would show of a value."""
    parts = [str(value), repr(value)]
    for attribute in ("__dict__",):
        parts.append(repr(getattr(value, attribute, "")))
    if isinstance(value, BaseException):
        parts.append(repr(value.args))
        parts.append(repr(value.__cause__))
        parts.append(repr(value.__context__))
    return "\n".join(parts)


def check_no_key(value, key, what):
    check(key not in shown(value), f"{what} shows the API key in clear: {shown(value)}")
    try:
        pickled = pickle.dumps(value)
    except Exception:  # noqa: BLE001 - refusing to pickle is fine; leaking is not
        return
    check(key.encode() not in pickled, f"{what} pickles the API key in clear")


def error_class_for(status):
    """The class a status's error must be, as the SDK documents it."""
    return {401: sdk.AuthenticationError, 403: sdk.PermissionDeniedError, 404: sdk.NotFoundError,
            429: sdk.RateLimitedError}.get(status, sdk.ServerError if status >= 500 else sdk.BalanceApiError)


def call(client, case, path_values=None):
    arguments = {snake(n): v for n, v in {**case["pathParameters"], **(path_values or {}),
                                           **case["queryParameters"], **case["headerParameters"]}.items()}
    return getattr(client, snake_operation(case["operationId"]))(**arguments)


def snake_operation(operation_id):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", operation_id).lower()


def documented_case(server, base_url, case, default_key, path_values=None):
    global asserted
    label = f"{server} {case['operationId']}_{case['name']}" + (f" {path_values}" if path_values else "")
    if case["credentials"] == "NO_KEY":
        # The SDK never sends a request without a key: it refuses to be built without one.
        try:
            sdk.BalanceClient(api_key="", base_url=base_url)
        except ValueError:
            asserted += 1
            return
        fail(f"{label}: a client without a key was built")
    key = {"ANY_VALID_KEY": default_key, "EXACT_KEY": case["apiKey"], "NOT_WELL_FORMED": "not-a-bearer-key"}[case["credentials"]]
    with sdk.BalanceClient(api_key=key, base_url=base_url, retry=sdk.RetryPolicy.none()) as client:
        check_no_key(client, key, f"{label}: the client")
        check_no_key(client.api_client, key, f"{label}: the client's ApiClient")
        try:
            result, error = call(client, case, path_values), None
        except Exception as raised:  # noqa: BLE001 - the case decides what is expected
            result, error = None, raised
    if case["status"] < 300:
        check(error is None, f"{label}: expected {case['status']}, got {error!r}")
        # meta varies per request (x-varies-per-request); data is the example's, with money as Decimal.
        expected = json.loads(json.dumps(case["body"]["data"]), parse_float=decimal.Decimal)
        # Decimals compare by value: the generated client reads money through a float (docs/sdks-other-languages.md, "What money becomes").
        check(result.data.to_dict() == expected, f"{label}: data {result.data.to_dict()!r}, expected {expected!r}")
        check(isinstance(result.meta.request_id, str), f"{label}: meta.request_id")
    elif case["invalidRequest"]:
        # Either the server's 400, or the SDK's own refusal (pydantic) before sending.
        check(isinstance(error, pydantic.ValidationError)
              or isinstance(error, sdk.BalanceApiError) and error.code == case["body"]["error"]["code"],
              f"{label}: expected {case['body']['error']['code']} or a refusal, got {error!r}")
    else:
        expected_class = error_class_for(case["status"])
        check(type(error) is expected_class, f"{label}: expected {expected_class.__name__}, got {error!r}")
        check(error.status == case["status"], f"{label}: status {error.status}")
        check(error.code == case["body"]["error"]["code"], f"{label}: code {error.code}")
        check(error.error_message == case["body"]["error"]["message"], f"{label}: message {error.error_message}")
        check(isinstance(error.request_id, str) and error.request_id, f"{label}: request_id")
        if server == "stubs":
            check(error.request_id == case["body"]["meta"]["request_id"], f"{label}: request_id {error.request_id}")
        check(error.rate_limit is not None and error.rate_limit.limit > 0, f"{label}: rate limit {error.rate_limit}")
        check(error_codes.documented_status(error.code) == case["status"], f"{label}: {error.code} in the SDK's error table")
        check_no_key(error, key, f"{label}: the error")
    asserted += 1


def against_server(server, base_url, cases, default_key):
    before = asserted
    for case in cases:
        documented_case(server, base_url, case, default_key)
        # The stubs' rules: a case that answers any value of a path parameter answers one no example names.
        for parameter in case["anyValueOf"]:
            documented_case(server, base_url, case, default_key, {parameter: case["pathParameters"][parameter] + "x9"})
    print(f"[python sdk] {server}: {asserted - before} calls, every documented case ({len(cases)}) and rule, "
          "through the installed package")


class Scripted:
    """A server on 127.0.0.1 that answers from a script and records what arrives."""

    def __init__(self, answers):
        self.seen = []
        scripted = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the standard library's name
                scripted.seen.append((time.monotonic(), self.headers.get_all("Authorization")))
                answer = answers[min(len(scripted.seen) - 1, len(answers) - 1)]
                body = answer["body"] if isinstance(answer["body"], str) else json.dumps(answer["body"])
                self.send_response(answer["status"])
                self.send_header("Content-Type", "text/plain" if isinstance(answer["body"], str) else "application/json")
                for name, value in answer.get("headers", {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body.encode())))
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def inline_error_example(spec, status):
    """The single example of an error response that cannot be produced on demand."""
    for item in spec["paths"].values():
        for operation in item.values():
            response = operation.get("responses", {}).get(str(status)) if isinstance(operation, dict) else None
            if response is None:
                continue
            while "$ref" in response:
                response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
            example = response.get("content", {}).get("application/json", {}).get("example")
            if example:
                return example
    fail(f"the spec documents no {status} example")


def expect_error(client, operation, what):
    try:
        getattr(client, operation)()
    except sdk.BalanceClientError as error:
        return error
    fail(f"{what}: the call succeeded")


def rules(spec, cases, default_key):
    success = next(c for c in cases if c["status"] == 200 and not c["pathParameters"])
    operation = snake_operation(success["operationId"])
    ok = {"status": 200, "body": success["body"]}
    other_key = default_key[:-4] + ("8888" if default_key.endswith("9999") else "9999")
    limits = {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1705314660"}
    too_many = inline_error_example(spec, 429)
    internal = inline_error_example(spec, 500)
    fast = sdk.RetryPolicy(max_retries=2, initial_backoff=0.005, max_backoff=0.02)

    # The key travels as a bearer token, byte for byte, once.
    server = Scripted([ok])
    with sdk.BalanceClient(api_key=other_key, base_url=server.url) as client:
        getattr(client, operation)()
        check(server.seen[0][1] == [f"Bearer {other_key}"], f"Authorization sent: {server.seen[0][1]}")
        check_no_key(client, other_key, "the client")
    server.close()

    # 502, 503 and 504 are retried, with or without the envelope, and the call succeeds.
    for status in (502, 503, 504):
        server = Scripted([{"status": status, "body": "Bad gateway"}, ok])
        with sdk.BalanceClient(api_key=other_key, base_url=server.url, retry=fast) as client:
            getattr(client, operation)()
        check(len(server.seen) == 2, f"{status} is retried once, then succeeds: {len(server.seen)} requests")
        server.close()

    # 429 with Retry-After: the SDK waits that long, then succeeds.
    server = Scripted([{"status": 429, "body": too_many, "headers": {"Retry-After": "1", **limits}}, ok])
    with sdk.BalanceClient(api_key=other_key, base_url=server.url) as client:
        getattr(client, operation)()
    check(len(server.seen) == 2 and server.seen[1][0] - server.seen[0][0] >= 0.95,
          f"Retry-After: 1 waited out: {[t for t, _ in server.seen]}")
    server.close()

    # A Retry-After beyond the bound fails at once, with the wait and the rate-limit data.
    server = Scripted([{"status": 429, "body": too_many, "headers": {"Retry-After": "60", **limits}}, ok])
    with sdk.BalanceClient(api_key=other_key, base_url=server.url) as client:
        error = expect_error(client, operation, "a 429 beyond max_retry_after")
    check(type(error) is sdk.RateLimitedError and len(server.seen) == 1, f"{error!r} after {len(server.seen)} requests")
    check(error.code == too_many["error"]["code"] and error.request_id == too_many["meta"]["request_id"], repr(error))
    check(error.retry_after == 60 and error.rate_limit.limit == 300 and error.rate_limit.remaining == 0
          and int(error.rate_limit.reset.timestamp()) == 1705314660, f"{error.retry_after} {error.rate_limit}")
    server.close()

    # Bounded: 503s are tried 1 + max_retries times, though the next try would succeed; a 500 is never retried.
    unavailable = {"status": 503, "body": internal}
    server = Scripted([unavailable, unavailable, unavailable, ok])
    with sdk.BalanceClient(api_key=other_key, base_url=server.url, retry=fast) as client:
        error = expect_error(client, operation, "three 503s with max_retries 2")
    check(type(error) is sdk.ServerError and error.status == 503 and len(server.seen) == 3, f"{error!r} {len(server.seen)}")
    server.close()
    server = Scripted([{"status": 500, "body": internal}, ok])
    with sdk.BalanceClient(api_key=other_key, base_url=server.url, retry=fast) as client:
        error = expect_error(client, operation, "500")
    check(type(error) is sdk.ServerError and error.code == internal["error"]["code"] and len(server.seen) == 1,
          f"500 is not retried: {error!r} {len(server.seen)}")
    server.close()

    # A code the SDK does not know still arrives, and a key quoted back in a message is masked.
    unknown = copy.deepcopy(internal)
    unknown["error"].update(code="SOMETHING_NEW", message=f"Rejected {other_key}")
    server = Scripted([{"status": 409, "body": unknown}])
    with sdk.BalanceClient(api_key=other_key, base_url=server.url) as client:
        error = expect_error(client, operation, "409")
    check(type(error) is sdk.BalanceApiError and error.code == "SOMETHING_NEW", repr(error))
    check(error_codes.documented_status("SOMETHING_NEW") is None, "an unknown code is not documented")
    check_no_key(error, other_key, "an error whose body quotes the key")
    closed = server.url
    server.close()

    # No answer at all: retried, then a transport error without the key.
    with sdk.BalanceClient(api_key=other_key, base_url=closed, retry=fast) as client:
        error = expect_error(client, operation, "a closed port")
    check(type(error) is sdk.BalanceTransportError, repr(error))
    check_no_key(error, other_key, "a transport error")

    # The error table is the spec's catalogue: every documented error case's code, and the generic ones.
    for case in cases:
        if case["status"] >= 400:
            check(error_codes.documented_status(case["body"]["error"]["code"]) == case["status"], case["body"]["error"]["code"])
            check(getattr(sdk.ErrorCode, case["body"]["error"]["code"]) == case["body"]["error"]["code"], case["name"])
    for code, generic in spec["components"]["x-generic-errors"].items():
        check(error_codes.documented_status(code) == generic["status"], code)
    print("[python sdk] rules: bearer key on the wire; 502/503/504 and 429 retried, Retry-After waited out, "
          "beyond the bound or past max_retries failed at once; typed errors with code, request_id and rate limit; no key shown")


def main(cases_file, spec_file, stubs_url, sandbox_url):
    loaded = json.loads(pathlib.Path(cases_file).read_text(encoding="utf-8"))
    spec = json.loads(pathlib.Path(spec_file).read_text(encoding="utf-8"))
    against_server("stubs", stubs_url, loaded["cases"], loaded["defaultKey"])
    against_server("sandbox", sandbox_url, loaded["cases"], loaded["defaultKey"])
    rules(spec, loaded["cases"], loaded["defaultKey"])


if __name__ == "__main__":
    if len(sys.argv) != 5:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        sys.exit(2)
    main(*sys.argv[1:])
