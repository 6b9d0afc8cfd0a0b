"""The Wallet Balance API client: the generated operations, with the kit's key handling, retries and errors."""
import time
from typing import Optional

import urllib3

from clickairtime_balance import __version__
from clickairtime_balance._api_key import ApiKey
from clickairtime_balance.api.balance_api import BalanceApi
from clickairtime_balance.api_client import ApiClient
from clickairtime_balance.configuration import Configuration
from clickairtime_balance.errors import BalanceTransportError, error_from_response, retry_after_seconds
from clickairtime_balance.exceptions import ApiException
from clickairtime_balance.retry import Failure, RetryPolicy


class _KeyedApiClient(ApiClient):
    """The generated ApiClient with the key added to each request, the retry loop, and typed errors."""

    def __init__(self, api_key: ApiKey, base_url: Optional[str], retry: RetryPolicy, sleep):
        configuration = Configuration(host=base_url.rstrip("/")) if base_url else Configuration()
        # urllib3's own retries would multiply the policy's bound; the loop below is the only one.
        configuration.retries = False
        super().__init__(configuration)
        self.user_agent = f"clickairtime-balance-python/{__version__}"
        self._api_key = api_key
        self._retry = retry
        self._sleep = sleep

    def call_api(self, method, url, header_params=None, body=None, post_params=None, _request_timeout=None):
        headers = dict(header_params or {})
        headers["Authorization"] = self._api_key.authorization()
        retries = 0
        while True:
            try:
                response = super().call_api(method, url, headers, body, post_params, _request_timeout)
            except (urllib3.exceptions.HTTPError, ApiException) as error:
                if isinstance(error, ApiException) and error.status:
                    raise
                wait = self._retry.delay_before_retry(retries, Failure(error=error))
                if wait is None:
                    # The cause is left off: its text is kept, masked, and nothing of the request rides along.
                    raise BalanceTransportError(
                        f"no response from the API: {type(error).__name__}: {self._api_key.mask_in(str(error))}") from None
            else:
                if 200 <= response.status <= 299:
                    return response
                wait = self._retry.delay_before_retry(
                    retries, Failure(status=response.status, retry_after=retry_after_seconds(response.headers)))
                if wait is None:
                    return response
                # Read to the end so that the connection can serve the next try.
                response.read()
            self._sleep(wait)
            retries += 1

    def response_deserialize(self, response_data, response_types_map=None):
        if not 200 <= response_data.status <= 299:
            raise error_from_response(response_data.status, response_data.headers, response_data.read() or b"",
                                      self._api_key.mask_in)
        return super().response_deserialize(response_data, response_types_map)

    def close(self):
        self.rest_client.pool_manager.clear()

    def __repr__(self):
        return f"{type(self).__name__}(host={self.configuration.host!r}, api_key={self._api_key})"


class BalanceClient(BalanceApi):
    """Every operation of the spec, as generated (``get_balance()``, ``get_wallet_balance(wallet_id)``, ...).

    The key is sent as ``Authorization: Bearer <key>`` and never shown in clear; 429, 502, 503 and 504
    are retried as ``retry`` says (``Retry-After`` honoured, bounded); every error response raises the
    ``BalanceApiError`` subclass for its status, with ``code``, ``request_id`` and ``rate_limit``.
    ``base_url`` defaults to the spec's first server, production. Use it as a context manager, or
    call ``close()``, to release its connections.
    """

    def __init__(self, api_key: str, base_url: Optional[str] = None, retry: Optional[RetryPolicy] = None, *,
                 sleep=time.sleep):
        super().__init__(_KeyedApiClient(ApiKey(api_key), base_url, retry or RetryPolicy(), sleep))

    @property
    def base_url(self) -> str:
        return self.api_client.configuration.host

    def close(self):
        self.api_client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __repr__(self):
        return f"BalanceClient(base_url={self.base_url!r}, api_key={self.api_client._api_key})"

    __str__ = __repr__
