"""The errors of a call: one class per status family a caller handles differently.

Branch on ``code`` (or on the class), never on the message. Codes are an open set: a code this SDK
does not know still arrives in ``BalanceApiError.code``; ``error_codes.ErrorCode`` lists the
documented ones, generated from the spec.
"""
import datetime
import email.utils
import json
from typing import Any, Dict, Mapping, NamedTuple, Optional


class RateLimit(NamedTuple):
    """The rate-limit headers of a response: the window's limit, what is left, and when it resets."""

    limit: int
    remaining: int
    reset: datetime.datetime


class BalanceClientError(Exception):
    """Every failure of a call."""


class BalanceTransportError(BalanceClientError):
    """No response at all: the connection failed or was cut, after the retries the policy allows."""


class BalanceApiError(BalanceClientError):
    """The API answered with an error."""

    def __init__(self, status: int, code: Optional[str] = None, error_message: Optional[str] = None,
                 details: Optional[Dict[str, Any]] = None, request_id: Optional[str] = None,
                 retry_after: Optional[int] = None, rate_limit: Optional[RateLimit] = None):
        self.status = status
        #: ``error.code``, e.g. ``WALLET_NOT_FOUND``; None only for a body that was not the error envelope.
        self.code = code
        #: ``error.message``: for people, not for branching.
        self.error_message = error_message
        self.details = dict(details or {})
        #: ``meta.request_id``, when the body had one: quote it to support.
        self.request_id = request_id
        #: The ``Retry-After`` header in seconds, when the response had one.
        self.retry_after = retry_after
        #: The response's rate-limit headers, when it had all three.
        self.rate_limit = rate_limit
        if code is None:
            text = f"HTTP {status}: the body is not the API's error envelope"
        else:
            text = f"HTTP {status} {code}: {error_message}" + (f" (request_id {request_id})" if request_id else "")
        super().__init__(text)

    def __repr__(self):
        return f"{type(self).__name__}(status={self.status}, code={self.code!r}, request_id={self.request_id!r})"


class AuthenticationError(BalanceApiError):
    """401: the key is missing, malformed, unknown, expired or revoked."""


class PermissionDeniedError(BalanceApiError):
    """403: the key may not do this, or not from this address."""


class NotFoundError(BalanceApiError):
    """404."""


class RateLimitedError(BalanceApiError):
    """429: ``retry_after`` says how many seconds to wait."""


class ServerError(BalanceApiError):
    """5xx: a fault of the server."""


class UnexpectedResponseError(BalanceApiError):
    """An answer whose body is not the API's error envelope (a gateway's page, say); ``code`` is None."""


def _class_for(status: int):
    return {401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError,
            429: RateLimitedError}.get(status, ServerError if status >= 500 else BalanceApiError)


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    value = headers.get(name)
    return value.strip() if value is not None else None


def retry_after_seconds(headers: Mapping[str, str]) -> Optional[int]:
    """Seconds, or an HTTP-date (RFC 9110, section 10.2.3); anything else is ignored."""
    value = _header(headers, "Retry-After")
    if not value:
        return None
    if value.isdigit():
        return int(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    return max(0, int((when - datetime.datetime.now(datetime.timezone.utc)).total_seconds() + 0.999))


def rate_limit_of(headers: Mapping[str, str]) -> Optional[RateLimit]:
    values = [_header(headers, name) for name in ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")]
    if not all(v is not None and v.isdigit() for v in values):
        return None
    limit, remaining, reset = (int(v) for v in values)
    return RateLimit(limit, remaining, datetime.datetime.fromtimestamp(reset, datetime.timezone.utc))


def error_from_response(status: int, headers: Mapping[str, str], body: bytes, mask=lambda text: text) -> BalanceApiError:
    """The typed error for an error response: the class for its status, or UnexpectedResponseError."""
    common = dict(retry_after=retry_after_seconds(headers), rate_limit=rate_limit_of(headers))
    try:
        envelope = json.loads(body.decode("utf-8")) if body else None
    except (UnicodeDecodeError, ValueError):
        envelope = None
    error = envelope.get("error") if isinstance(envelope, dict) else None
    if not isinstance(error, dict) or not isinstance(error.get("code"), str):
        return UnexpectedResponseError(status, **common)
    meta = envelope.get("meta") if isinstance(envelope.get("meta"), dict) else {}
    message = error.get("message")
    return _class_for(status)(
        status,
        code=error["code"],
        error_message=mask(message) if isinstance(message, str) else None,
        details=error.get("details") if isinstance(error.get("details"), dict) else {},
        request_id=meta.get("request_id") if isinstance(meta.get("request_id"), str) else None,
        **common,
    )
