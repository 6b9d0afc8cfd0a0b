"""The API key, held so that nothing the SDK hands out shows it in clear."""
import re

_UNSENDABLE = re.compile(r"[\s\x00-\x1f\x7f]")


def mask_key(key: str) -> str:
    """The key with all but its public prefix (up to the last ``_``) and its last four characters hidden."""
    if len(key) < 16:
        return "\u2026"
    return key[: key.rfind("_") + 1] + "\u2026" + key[-4:]


class ApiKey:
    """The key, whose ``repr`` and ``str`` are masked; ``__slots__`` keeps it out of ``vars()``."""

    __slots__ = ("_value",)

    def __init__(self, value):
        if not isinstance(value, str) or not value:
            raise ValueError("api_key is required: the API key from the portal, or a sandbox demo key")
        if _UNSENDABLE.search(value):
            # A line break would end the header; say so without repeating the key.
            raise ValueError("api_key holds whitespace or control characters, so it cannot be sent as a bearer token")
        self._value = value

    def authorization(self) -> str:
        return "Bearer " + self._value

    def mask_in(self, text: str) -> str:
        """The text with every occurrence of the key masked: a proxy's page or a parser's message can quote it."""
        return text.replace(self._value, str(self)) if text else text

    def __str__(self):
        return mask_key(self._value)

    def __repr__(self):
        return f"ApiKey({self})"

    def __reduce__(self):
        raise TypeError("an API key is not pickled")
