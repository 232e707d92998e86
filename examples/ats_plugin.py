"""The shape an ATS plugin calls: a JSON request on stdin, the JSON result on stdout.

    echo '{"resume": {"path": "examples/resumes/data-scientist.md"},
           "posting": {"text": "Requirements\\n- Python\\n- SQL"}}' | python examples/ats_plugin.py

A document is {"path": ...}, {"text": ...} or {"base64": ..., "filename": ...} (PDF or DOCX
bytes). The answer is ScoreResult.to_dict() (schema_version "1.2"), or {"error": {...}} with
the error's type and message; the exit code is 0 either way, so the ATS reads the JSON.
"""

import base64
import json
import sys

import skillmatch


def document(spec: dict) -> object:
    if "path" in spec:
        return spec["path"]
    if "text" in spec:
        return skillmatch.read(spec["text"] + "\n", name=spec.get("filename", "<text>"))
    if "base64" in spec:
        return skillmatch.read(base64.b64decode(spec["base64"]), name=spec.get("filename", "<upload>"))
    raise skillmatch.ParameterError("A document needs 'path', 'text' or 'base64'.")


def main() -> None:
    try:
        request = json.load(sys.stdin)
        result = skillmatch.score(document(request["resume"]), document(request["posting"]))
        answer = result.to_dict()
    except (skillmatch.SkillmatchError, KeyError, ValueError) as exc:
        answer = {"error": {"type": type(exc).__name__, "message": str(exc)}}
    json.dump(answer, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
