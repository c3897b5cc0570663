#!/usr/bin/env python3
"""Writes the expected values of otai's Jinja2 conformance suite.

Renders every template of ../resources/conformance/corpus.txt with Python's Jinja2 3.1 (Debian's python3-jinja2),
set up the way Open Ticket AI sets up its renderer (a NativeEnvironment with trim_blocks and lstrip_blocks, no
autoescape) and with OTAI's template helpers, over the fixed pipe results, parent params, run values and environment
below. Writes ../resources/conformance/expected.json: one entry per template with its native value and type.

Two of OTAI's behaviours are replaced by otai's documented ones (docs/differences-from-open-ticket-ai.md), so the
expected values are what a user of otai should get:
  * a rendered string is not re-read as a Python literal (OTAI turns "{{ '42' }}" into 42);
  * get_pipe_result returns a stored null as None instead of treating it as missing.
Every other value is exactly what Jinja2 renders. A template that fails or renders Undefined stops the script:
the corpus holds only templates that OTAI renders.

Run: python3 otai-core/src/test/conformance/generate.py   (from the repository root, or anywhere)
"""
import json
import math
import pathlib
import sys

import jinja2
import jinja2.nativetypes
import jinja2.nodes
from jinja2.nativetypes import NativeEnvironment

HERE = pathlib.Path(__file__).resolve().parent
RESOURCES = HERE.parent / "resources" / "conformance"

TICKET = {
    "id": 42,
    "subject": "  Printer Broken  ",
    "body": "The printer on floor 3 is broken. Please help!",
    "queue": {"id": 3, "name": "Incoming"},
    "priority": {"id": 3, "name": "3 normal"},
    "tags": ["printer", "hardware", "urgent"],
    "notes": [{"subject": "first", "body": "Called user"}, {"subject": "second", "body": "Ordered toner"}],
    "owner": None,
}
OTHER_TICKET = {
    "id": 43,
    "subject": "VPN down",
    "body": "Cannot connect.",
    "queue": {"id": 4, "name": "Network"},
    "priority": {"id": 4, "name": "4 high"},
    "tags": [],
    "notes": [],
    "owner": "max",
}

# id -> (succeeded, was_skipped, message, data); written to expected.json too, for JinjaConformanceTest
PIPE_RESULTS = {
    "classify": (True, False, "", {"label": "IT", "confidence": 0.87}),
    "ticket": (True, False, "", {"value": TICKET}),
    "fetch": (True, False, "", {"fetched_tickets": [TICKET, OTHER_TICKET]}),
    "empty": (True, False, "", {"value": None}),
    "count": (True, False, "", {"value": 5}),
    "words": (True, False, "", {"value": ["b", "a", "c"]}),
    "broken": (False, False, "boom", {}),
}
PARENT_PARAMS = {
    "threshold": 0.8,
    "queue": "Support",
    "limit": 3,
    "names": ["x", "y"],
    "mapping": {"IT": "Support::IT", "HR": "Support::HR"},
}
VALUES = {"item": {"subject": "Printer", "n": 4}}
ENVIRONMENT = {"QUEUE_NAME": "Support", "PW": "1234"}


class HelperError(Exception):
    pass


def get_pipe_result(pipe_id, data_key="value"):
    if pipe_id not in PIPE_RESULTS:
        raise HelperError(f"no pipe {pipe_id}")
    data = PIPE_RESULTS[pipe_id][3]
    if data_key not in data:
        raise HelperError(f"no data {data_key}")
    return data[data_key]


def has_failed(pipe_id):
    succeeded, skipped, _, _ = PIPE_RESULTS[pipe_id]
    return not succeeded and not skipped


def get_env(name):
    if name not in ENVIRONMENT:
        raise HelperError(f"env {name} unset")
    return ENVIRONMENT[name]


def get_parent_param(key):
    return PARENT_PARAMS[key]


def at_path(value, path):
    current = value
    for part in path.split("."):
        current = current[int(part)] if isinstance(current, list) else current[part]
    return current


class FailMarker:
    pass


def fail():
    return FailMarker()


def plain_concat(values):
    """Jinja2's native_concat without its last step, which re-reads a string as a literal; otai never does that."""
    head = list(values)
    if not head:
        return None
    if len(head) == 1:
        return head[0]
    return "".join(str(v) for v in head)


class OtaiCodeGenerator(jinja2.nativetypes.NativeCodeGenerator):
    """Evaluates expressions when rendering: Jinja2 folds constant ones into their text at compile time, which only
    the literal re-reading above turns back into values."""

    def _output_child_to_const(self, node, frame, finalize):
        if isinstance(node, jinja2.nodes.TemplateData):
            return super()._output_child_to_const(node, frame, finalize)
        raise jinja2.nodes.Impossible()


class OtaiEnvironment(NativeEnvironment):
    code_generator_class = OtaiCodeGenerator
    concat = staticmethod(plain_concat)


class OtaiTemplate(jinja2.nativetypes.NativeTemplate):
    environment_class = OtaiEnvironment


OtaiEnvironment.template_class = OtaiTemplate


def environment():
    env = OtaiEnvironment(trim_blocks=True, lstrip_blocks=True, autoescape=False)
    env.globals.update(
        get_pipe_result=get_pipe_result,
        has_failed=has_failed,
        get_env=get_env,
        get_parent_param=get_parent_param,
        at_path=at_path,
        fail=fail,
    )
    return env


def scope():
    results = {
        pipe_id: {"succeeded": s, "was_skipped": k, "message": m, "data": d}
        for pipe_id, (s, k, m, d) in PIPE_RESULTS.items()
    }
    return {"pipe_results": results, "parent_params": PARENT_PARAMS, "params": PARENT_PARAMS, **VALUES}


def native(value, template):
    """The value as JSON data with its Python type, recursively; refuses what a config value cannot hold."""
    if value is None:
        return {"type": "none", "value": None}
    if isinstance(value, bool):
        return {"type": "bool", "value": value}
    if isinstance(value, int):
        return {"type": "int", "value": value}
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise SystemExit(f"{template!r}: {value} is not JSON")
        return {"type": "float", "value": value}
    if isinstance(value, str):
        return {"type": "str", "value": str(value)}
    if isinstance(value, (list, tuple)):
        return {"type": "list", "value": [native(v, template) for v in value]}
    if isinstance(value, dict):
        return {"type": "dict", "value": {str(k): native(v, template) for k, v in value.items()}}
    raise SystemExit(f"{template!r} rendered {type(value).__name__} {value!r}; the corpus holds data values only")


def templates():
    for line in (RESOURCES / "corpus.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


def main():
    if not jinja2.__version__.startswith("3.1"):
        raise SystemExit(f"expected Jinja2 3.1, found {jinja2.__version__}")
    env = environment()
    expected = []
    for template in templates():
        try:
            value = env.from_string(template).render(scope())
        except Exception as e:  # noqa: BLE001 - any failure means the corpus entry is wrong
            raise SystemExit(f"{template!r} fails in Jinja2: {type(e).__name__}: {e}")
        if isinstance(value, jinja2.Undefined):
            raise SystemExit(f"{template!r} renders Undefined in Jinja2")
        expected.append({"template": template, **native(value, template)})
    out = RESOURCES / "expected.json"
    fixture = {
        "pipe_results": {pipe_id: {"succeeded": r[0], "was_skipped": r[1], "message": r[2], "data": r[3]}
                         for pipe_id, r in PIPE_RESULTS.items()},
        "parent_params": PARENT_PARAMS,
        "values": VALUES,
        "environment": ENVIRONMENT,
    }
    lines = ",\n".join("  " + json.dumps(entry, ensure_ascii=False) for entry in expected)
    out.write_text('{\n "jinja2": ' + json.dumps(jinja2.__version__) + ',\n "fixture": '
                   + json.dumps(fixture, ensure_ascii=False) + ',\n "expressions": [\n' + lines + "\n ]\n}\n",
                   encoding="utf-8")
    print(f"{len(expected)} templates -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
