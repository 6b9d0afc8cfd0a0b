"""The generated Python SDK reads an enum value the spec does not list, and keeps it.

The spec's enums are open sets ("clients must expect new values"). Every named example of every
2xx response is taken from the spec (as JSON), each string-enum value in it in turn is replaced by
one the enum does not list, and the body is parsed with the response's generated model: it must
read without error, hold the value as sent, and write it back unchanged.

Usage: python3 python-unknown-enum-check.py <generated sdk dir> <package> <openapi.json>
"""
import copy
import importlib
import json
import pathlib
import os
import sys

REQUIREMENTS = pathlib.Path(__file__).with_name("python-requirements.txt")


def fail(message):
    print(f"[python sdk] FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def require_pydantic_v2():
    try:
        import pydantic
    except ImportError:
        pydantic = None
    if pydantic is None or not pydantic.VERSION.startswith("2."):
        pins = " ".join(line for line in REQUIREMENTS.read_text().splitlines() if line and not line.startswith("#"))
        found = "not installed" if pydantic is None else f"version {pydantic.VERSION}"
        need = (f"the generated SDK needs pydantic v2 ({found} for {sys.executable}); install: "
                f"{sys.executable} -m pip install --user {pins}")
        # CI proves the claim or fails, as it does for the browser tests; elsewhere a missing
        # pydantic (no Debian bookworm or npm package has v2) skips the check, saying so.
        if os.environ.get("CI", "").lower() == "true":
            print(f"[python sdk] FAILED: {need}", file=sys.stderr)
            sys.exit(2)
        print(f"[python sdk] SKIPPED: {need}", file=sys.stderr)
        sys.exit(0)


class Spec:
    def __init__(self, document):
        self.document = document

    def deref(self, node):
        hops = 0
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if hops > 16 or not ref.startswith("#/"):
                fail(f"unsupported $ref {ref}")
            node = self.document
            for key in ref[2:].split("/"):
                node = node[key.replace("~1", "/").replace("~0", "~")]
            hops += 1
        return node

    def string_enums(self, schema, value, pointer=()):
        """The path of every string whose schema is an enum, in a body that follows the schema."""
        schema = self.deref(schema)
        for part in schema.get("allOf", []):
            yield from self.string_enums(part, value, pointer)
        if isinstance(value, str) and schema.get("enum") and all(isinstance(v, str) for v in schema["enum"]):
            yield pointer, schema["enum"]
        elif isinstance(value, dict):
            for key, property_schema in schema.get("properties", {}).items():
                if key in value:
                    yield from self.string_enums(property_schema, value[key], pointer + (key,))
        elif isinstance(value, list) and "items" in schema:
            for index, item in enumerate(value):
                yield from self.string_enums(schema["items"], item, pointer + (index,))

    def success_examples(self):
        for item in self.document["paths"].values():
            for operation in item.values():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue
                for status, response in operation["responses"].items():
                    content = self.deref(response).get("content", {}).get("application/json", {})
                    schema = content.get("schema", {})
                    if not status.startswith("2") or "$ref" not in schema:
                        continue
                    for name, example in content.get("examples", {}).items():
                        yield operation["operationId"], name, schema, self.deref(example)["value"]


def at(node, pointer):
    for key in pointer:
        node = node[key]
    return node


def attribute(model, pointer):
    """The parsed value under a JSON path: fields are found by their alias, the name on the wire."""
    for key in pointer:
        if isinstance(key, int):
            model = model[key]
            continue
        fields = type(model).model_fields
        name = next((n for n, f in fields.items() if (f.alias or n) == key), None)
        if name is None:
            fail(f"{type(model).__name__} has no field for '{key}'")
        model = getattr(model, name)
    return model


def main(sdk_dir, package, spec_file):
    require_pydantic_v2()
    sys.path.insert(0, sdk_dir)
    models = importlib.import_module(f"{package}.models")
    spec = Spec(json.loads(pathlib.Path(spec_file).read_text(encoding="utf-8")))
    checked = 0
    for operation_id, name, schema, body in spec.success_examples():
        model_class = getattr(models, schema["$ref"].rsplit("/", 1)[1])
        for pointer, listed in spec.string_enums(schema, body):
            unlisted = "unlisted_" + at(body, pointer)
            while unlisted in listed:
                unlisted += "_"
            edited = copy.deepcopy(body)
            at(edited, pointer[:-1])[pointer[-1]] = unlisted
            where = ".".join(str(key) for key in pointer)
            try:
                parsed = model_class.from_json(json.dumps(edited))
            except Exception as error:  # noqa: BLE001 - any error is the finding
                fail(f"{operation_id} {name}: {where} = '{unlisted}' is refused: {type(error).__name__}: {error}")
            value = attribute(parsed, pointer)
            if value != unlisted or getattr(value, "value", value) != unlisted:
                fail(f"{operation_id} {name}: {where} = '{unlisted}' was read as {value!r}")
            written = at(json.loads(parsed.to_json()), pointer)
            if written != unlisted:
                fail(f"{operation_id} {name}: {where} = '{unlisted}' was written back as {written!r}")
            if checked == 0:
                print(f"[python sdk] {operation_id} ({name}): {where} = '{unlisted}' (listed: {', '.join(listed)}) "
                      f"is read as {value!r}, and written back as sent")
            checked += 1
    if checked == 0:
        fail("no 2xx example in the spec holds an enum value, so nothing was checked")
    print(f"[python sdk] {checked} enum values the spec does not list, one at a time in every 2xx example: all read and kept")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        sys.exit(2)
    main(*sys.argv[1:])
