"""Validates request bodies against the published JSON Schema with Python's jsonschema.

Usage: python3 schema-agreement.py SCHEMA.json < BODIES.json
BODIES.json is a JSON array of request bodies, each a string of JSON text. Prints a JSON array
with, for each body, null when it is valid or the first error's message. Format checks are off,
as they are by default in jsonschema: this is what a collector gets from the schema alone.
"""

import json
import sys

from jsonschema import Draft202012Validator


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as file:
        schema = json.load(file)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    verdicts = []
    for text in json.load(sys.stdin):
        error = next(iter(validator.iter_errors(json.loads(text))), None)
        verdicts.append(None if error is None else error.message[:200])
    json.dump(verdicts, sys.stdout)


main()
