
# The kit's hand-written layer (appended to the generated __init__ when the package is built).
from clickairtime_balance.client import BalanceClient as BalanceClient
from clickairtime_balance.retry import RetryPolicy as RetryPolicy
from clickairtime_balance.error_codes import ErrorCode as ErrorCode
from clickairtime_balance.errors import (
    AuthenticationError as AuthenticationError,
    BalanceApiError as BalanceApiError,
    BalanceClientError as BalanceClientError,
    BalanceTransportError as BalanceTransportError,
    NotFoundError as NotFoundError,
    PermissionDeniedError as PermissionDeniedError,
    RateLimit as RateLimit,
    RateLimitedError as RateLimitedError,
    ServerError as ServerError,
    UnexpectedResponseError as UnexpectedResponseError,
)
