"""When to try a call again.

Every operation is an idempotent GET, so a retry is always safe; it is bounded all the same.

- Retried by default: 429, 502, 503 and 504, with or without the API's JSON envelope (a gateway's
  page counts), and no response at all (connection refused or cut).
- The wait: what ``Retry-After`` says, unless that is longer than ``max_retry_after``: then fail at
  once rather than block. Without the header, exponential backoff with full jitter.
- Anything else, 500 and every other 4xx included: no retry.
"""
import random
from typing import Callable, NamedTuple, Optional


class Failure(NamedTuple):
    """What a try ended with: a status, or no response at all (``status`` None)."""

    status: Optional[int] = None
    retry_after: Optional[int] = None
    error: Optional[BaseException] = None


def is_retryable_by_default(failure: Failure) -> bool:
    return failure.status is None or failure.status in (429, 502, 503, 504)


class RetryPolicy:
    """Two retries, backoff from 0.2 s up to 2 s, and a 429 waits at most 10 s, unless told otherwise (seconds)."""

    def __init__(self, max_retries: int = 2, initial_backoff: float = 0.2, max_backoff: float = 2.0,
                 max_retry_after: float = 10.0, retry_if: Callable[[Failure], bool] = is_retryable_by_default):
        for name, value in (("max_retries", max_retries), ("initial_backoff", initial_backoff),
                            ("max_backoff", max_backoff), ("max_retry_after", max_retry_after)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"{name} must be a number, 0 or more")
        if not isinstance(max_retries, int):
            raise ValueError("max_retries must be a whole number")
        self.max_retries = max_retries
        self.initial_backoff = initial_backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self.retry_if = retry_if

    @classmethod
    def none(cls) -> "RetryPolicy":
        """Every failure is final."""
        return cls(max_retries=0)

    def delay_before_retry(self, retries_so_far: int, failure: Failure) -> Optional[float]:
        """Seconds to wait before the next try, or None to give up."""
        if retries_so_far >= self.max_retries or not self.retry_if(failure):
            return None
        if failure.retry_after is not None:
            return float(failure.retry_after) if failure.retry_after <= self.max_retry_after else None
        ceiling = min(self.max_backoff, self.initial_backoff * 2 ** min(retries_so_far, 20))
        return random.uniform(0, ceiling)

    def __repr__(self):
        return (f"RetryPolicy(max_retries={self.max_retries}, initial_backoff={self.initial_backoff}, "
                f"max_backoff={self.max_backoff}, max_retry_after={self.max_retry_after})")
