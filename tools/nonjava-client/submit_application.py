#!/usr/bin/env python3
"""A partner's readmission application over Kafka, without any Java: Python's standard library and kcat.

    python3 submit_application.py                 # encode, write the payload file, print the kcat command
    python3 submit_application.py --send          # ... and send it with kcat, then wait for the gateway's answer
    python3 submit_application.py --encode-only --out app.avro   # only the payload bytes (used by the tests)
    python3 submit_application.py --send --secure # against 'deploy/local/stack up --secure': SASL/SCRAM as the sender,
                                                  # to its own topic readmission.partner-submissions.<sender>

The application: DE-BPOL asks AZ-SMS to readmit a married couple (fictitious persons), the husband with his
national passport (Annex 1 PROOF), the wife with a photocopy of her identity card (Annex 2 PRIMA_FACIE).
The payload is Avro single-object encoded with the published schema
org.readmission.events.partner.ReadmissionApplicationSubmitted; see README.md beside this file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import avro_single_object as avro  # noqa: E402  (beside this file)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SCHEMAS = REPO_ROOT / "schemas" / "src" / "main" / "avro"

APPLICATION = "org.readmission.events.partner.ReadmissionApplicationSubmitted"
ACKNOWLEDGED = "org.readmission.events.partner.SubmissionAcknowledged"
REJECTED = "org.readmission.events.partner.SubmissionRejected"
SUBMISSIONS_TOPIC = "readmission.partner-submissions"


def notifications_topic(party: str) -> str:
    return "readmission.partner-notifications." + party.lower()


def own_submissions_topic(party: str) -> str:
    """The topic only this party may write under the Kafka ACLs (deploy/kafka-security)."""
    return SUBMISSIONS_TOPIC + "." + party.lower()


def local_demo_sasl(party: str) -> list[str]:
    """kcat -X settings of 'deploy/local/stack up --secure': principal = party code lower-case, password
    '<principal>-local-demo-password' (LOCAL DEMO ONLY, not a secret; see deploy/kafka-security/README.md)."""
    user = party.lower()
    return ["security.protocol=SASL_PLAINTEXT", "sasl.mechanisms=SCRAM-SHA-512",
            f"sasl.username={user}", f"sasl.password={user}-local-demo-password"]


def x_args(settings: list[str]) -> list[str]:
    return [arg for setting in settings for arg in ("-X", setting)]


def shown(command: list[str]) -> str:
    """The command for printing, a password given with -X masked (the local demo passwords are not secrets)."""
    return shlex.join(a if not a.startswith("sasl.password=") or a.endswith("-local-demo-password")
                      else "sasl.password=***" for a in command)


def utc_now() -> dt.datetime:
    now = dt.datetime.now(dt.timezone.utc)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)  # the schema keeps milliseconds


def rfc3339(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --------------------------------------------------------------------------------------------------
# The application, as a plain dict shaped like the .avsc (field names, enum symbols, unions as plain values)
# --------------------------------------------------------------------------------------------------

def family_application(application_id: str, sender: str, requested: str, submitted_at: dt.datetime) -> dict:
    passport = {
        "documentType": "NATIONAL_PASSPORT",
        "number": "C03917254",
        "issuingCountry": "AZ",
        "issuedOn": dt.date(2019, 6, 14),
        "expiresOn": dt.date(2029, 6, 13),
        "copyOnly": False,
    }
    id_card_copy = {
        "documentType": "IDENTITY_CARD",
        "number": "AZE 1284406",
        "issuingCountry": "AZ",
        "issuedOn": "2017-02-03",          # ISO strings are accepted as well as datetime.date
        "expiresOn": None,                 # not legible on the copy
        "copyOnly": True,
    }
    husband = {
        "personId": "p1",
        "role": "MAIN_PERSON",
        "name": {"givenNames": "Rəşad", "surname": "Quliyev", "patronymic": "Çingiz oğlu", "nativeScript": None},
        "dateOfBirth": dt.date(1986, 11, 23),
        "placeOfBirth": "Şəki",
        "sex": "MALE",
        "claimedNationality": "AZ",
        "documents": [passport],
        "evidence": [{
            "evidenceId": "p1-e1",
            "kind": "DOCUMENT",
            "annexClass": "PROOF",
            "document": passport,
            "description": "Valid national passport, original seized at apprehension.",
        }],
        "interviewRequested": False,
        "fingerprintsAvailable": True,
        "protectionClaimRaised": False,
    }
    wife = {
        "personId": "p2",
        "role": "SPOUSE",
        "name": {"givenNames": "Səbinə", "surname": "Quliyeva", "patronymic": "Əli qızı"},  # nativeScript: default
        "dateOfBirth": "1990-03-08",
        "placeOfBirth": "Gəncə",
        "sex": "FEMALE",
        "claimedNationality": "AZ",
        "documents": [id_card_copy],
        "evidence": [{
            "evidenceId": "p2-e1",
            "kind": "DOCUMENT_COPY",
            "annexClass": "PRIMA_FACIE",
            "document": id_card_copy,
            "description": "Photocopy of the identity card found on the husband's phone.",
        }],
        # interviewRequested, fingerprintsAvailable, protectionClaimRaised: the schema's defaults (false)
    }
    return {
        "applicationId": application_id,
        "requestingParty": {"value": sender},
        "requestedParty": {"value": requested},
        "procedure": "NORMAL",
        "category": "OWN_NATIONAL",
        "submittedAt": submitted_at,
        "apprehension": {
            "apprehendedAt": submitted_at - dt.timedelta(days=3, hours=5),
            "place": "Berlin Hauptbahnhof",
            "inBorderRegion": False,
            "crossedDirectlyFrom": None,
        },
        "persons": [husband, wife],
        "remarks": "Married couple travelling together; both declare Azerbaijani nationality.",
    }


def cloud_event_headers(registry: avro.SchemaRegistry, ce_id: str, sender: str, moment: dt.datetime) -> list[tuple[str, str]]:
    """The CloudEvents Kafka binding, binary mode: attributes as headers, the Avro payload as the value."""
    schema = registry.get(APPLICATION)
    return [
        ("ce_specversion", "1.0"),
        ("ce_id", ce_id),
        ("ce_source", sender),
        ("ce_type", schema.properties["ceType"]),
        ("ce_time", rfc3339(moment)),
        ("content-type", "application/avro"),
        ("ce_dataschema", registry.data_schema(APPLICATION)),
    ]


# --------------------------------------------------------------------------------------------------
# kcat
# --------------------------------------------------------------------------------------------------

def produce_command(kcat: str, bootstrap: str, key: str, headers: list[tuple[str, str]], payload_file: Path,
                    topic: str = SUBMISSIONS_TOPIC, settings: list[str] = ()) -> list[str]:
    # With a file argument kcat -P sends the whole file as ONE message (no newline splitting): right for binary.
    command = [kcat, "-P", "-b", bootstrap, *x_args(settings), "-t", topic, "-k", key]
    for name, value in headers:
        command += ["-H", f"{name}={value}"]
    return command + [str(payload_file)]


# Each message as '<payload length>\n<payload bytes>' so that binary payloads can be split reliably.
CONSUME_FORMAT = r"%S\n%s"  # kcat itself turns the backslash-n into a newline


def consume_command(kcat: str, bootstrap: str, topic: str, settings: list[str] = ()) -> list[str]:
    return [kcat, "-C", "-b", bootstrap, *x_args(settings), "-t", topic, "-o", "beginning", "-e", "-q", "-f", CONSUME_FORMAT]


def split_messages(stream: bytes) -> list[bytes]:
    messages, pos = [], 0
    while pos < len(stream):
        newline = stream.index(b"\n", pos)
        length = int(stream[pos:newline])
        pos = newline + 1
        if length < 0:  # a tombstone (null value)
            continue
        messages.append(stream[pos:pos + length])
        pos += length
    return messages


def wait_for_answer(registry: avro.SchemaRegistry, kcat: str, bootstrap: str, sender: str, ce_id: str,
                    timeout: float, settings: list[str] = ()) -> tuple[str, dict] | None:
    """Reads the sender's notification topic from the beginning until the answer to ce_id is there."""
    topic = notifications_topic(sender)
    deadline = time.monotonic() + timeout
    while True:
        result = subprocess.run(consume_command(kcat, bootstrap, topic, settings), capture_output=True,
                                timeout=timeout + 30)
        if result.returncode == 0:
            for payload in split_messages(result.stdout):
                try:
                    schema, value = registry.unframe(payload)
                except avro.AvroError as e:
                    print(f"  (skipping a message on {topic} that this client cannot decode: {e})", file=sys.stderr)
                    continue
                if schema.full_name in (ACKNOWLEDGED, REJECTED) and value["submissionId"] == ce_id:
                    return schema.full_name, value
        elif b"Unknown topic" not in result.stderr:
            print("  kcat: " + result.stderr.decode(errors="replace").strip(), file=sys.stderr)
        if time.monotonic() >= deadline:
            return None
        time.sleep(1)


def print_answer(name: str, answer: dict) -> int:
    answer = avro.to_json(answer)
    if name == ACKNOWLEDGED:
        case_id = answer["caseId"]["value"] if answer["caseId"] else "(none)"
        print(f"ACKNOWLEDGED  case {case_id}, application {answer['applicationId']}, receipt confirmed at {answer['receivedAt']}")
        return 0
    print(f"REJECTED  application {answer['applicationId']} at {answer['rejectedAt']}: {answer['message']}")
    for reason in answer["reasons"]:
        print(f"  - {reason['code']}" + (f" ({reason['field']})" if reason["field"] else "") + f": {reason['message']}")
    return 3


# --------------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------------

def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bootstrap", default="127.0.0.1:9092", help="Kafka bootstrap server (default %(default)s)")
    p.add_argument("--sender", default="DE-BPOL", help="requesting party = ce_source (default %(default)s)")
    p.add_argument("--requested", default="AZ-SMS", help="requested party (default %(default)s)")
    p.add_argument("--schemas", type=Path, default=DEFAULT_SCHEMAS, help="folder of the published .avsc files")
    p.add_argument("--application-id", help="the sender's reference (default <sender>-<year>-<6 random digits>)")
    p.add_argument("--ce-id", help="ce_id of the submission (default: a random UUID)")
    p.add_argument("--submitted-at", help="submittedAt, RFC 3339 (default: now)")
    p.add_argument("--out", type=Path, help="payload file (default: <temp dir>/<application id>.avro)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--encode-only", action="store_true",
                      help="write only the payload bytes (to --out, else to stdout) and print nothing else")
    mode.add_argument("--send", action="store_true", help="send with kcat and wait for the gateway's answer")
    p.add_argument("--timeout", type=float, default=60, help="seconds to wait for the answer (default %(default)s)")
    p.add_argument("--kcat", default="kcat", help="kcat executable (default %(default)s)")
    p.add_argument("--topic", help="submission topic (default: readmission.partner-submissions; with --secure or -X:"
                                   " the sender's own readmission.partner-submissions.<sender lower-case>)")
    p.add_argument("--secure", action="store_true",
                   help="SASL_PLAINTEXT + SCRAM-SHA-512 as the sender, with the local demo password of"
                        " 'deploy/local/stack up --secure' (<sender lower-case>-local-demo-password)")
    p.add_argument("-X", dest="kcat_settings", action="append", default=[], metavar="KEY=VALUE",
                   help="a librdkafka setting passed to kcat as -X (repeatable; after --secure's, so it overrides),"
                        " e.g. -X security.protocol=SASL_SSL -X sasl.username=de-bpol -X sasl.password=...")
    return p.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    registry = avro.SchemaRegistry.load(args.schemas)
    submitted_at = (dt.datetime.fromisoformat(args.submitted_at.replace("Z", "+00:00"))
                    if args.submitted_at else utc_now())
    application_id = args.application_id or f"{args.sender}-{submitted_at.year}-{random.randrange(10**6):06d}"
    application = family_application(application_id, args.sender, args.requested, submitted_at)

    payload = registry.frame(APPLICATION, application)
    registry.unframe(payload)  # reads back: a payload this client cannot read is not sent

    if args.encode_only:
        if args.out:
            args.out.write_bytes(payload)
        else:
            sys.stdout.buffer.write(payload)
        return 0

    out = args.out or Path(tempfile.gettempdir()) / f"{application_id}.avro"
    out.write_bytes(payload)
    ce_id = args.ce_id or str(uuid.uuid4())
    headers = cloud_event_headers(registry, ce_id, args.sender, utc_now())
    settings = (local_demo_sasl(args.sender) if args.secure else []) + args.kcat_settings
    topic = args.topic or (own_submissions_topic(args.sender) if settings else SUBMISSIONS_TOPIC)
    produce = produce_command(args.kcat, args.bootstrap, application_id, headers, out, topic, settings)

    print(f"application {application_id}: {args.sender} asks {args.requested} to readmit "
          f"{len(application['persons'])} persons")
    print(f"payload     {out} ({len(payload)} bytes: C3 01, fingerprint "
          f"{payload[2:10].hex(' ')} (little-endian), Avro body)")
    for name, value in headers:
        print(f"header      {name}={value}")
    print("\nsend it with:\n  " + shown(produce))
    print(f"\nread the answer (SubmissionAcknowledged / SubmissionRejected, submissionId = ce_id {ce_id}) with:\n  "
          + shown(consume_command(args.kcat, args.bootstrap, notifications_topic(args.sender), settings)))
    if not args.send:
        return 0

    if shutil.which(args.kcat) is None:
        print(f"\n{args.kcat} is not installed (Debian: apt-get install kcat)", file=sys.stderr)
        return 2
    print(f"\nsending to {args.bootstrap} ...")
    sent = subprocess.run(produce[:-1] + ["-X", "message.timeout.ms=15000", produce[-1]], capture_output=True, text=True)
    if sent.returncode != 0 or "ERROR" in sent.stderr:
        print(f"kcat could not send it to {topic} (exit {sent.returncode}): {sent.stderr.strip()}", file=sys.stderr)
        if "uthoriz" in sent.stderr or "uthenticat" in sent.stderr or "SASL" in sent.stderr:
            print(f"the broker refused {args.sender} (principal {args.sender.lower()}): a party may write only"
                  f" {own_submissions_topic(args.sender)}; 'deploy/local/stack up --secure' creates the users and ACLs"
                  " (is the stack running in secure mode, and was --secure given here?)", file=sys.stderr)
        return 2
    print(f"sent; waiting up to {args.timeout:g} s for the answer on {notifications_topic(args.sender)} ...")
    answer = wait_for_answer(registry, args.kcat, args.bootstrap, args.sender, ce_id, args.timeout, settings)
    if answer is None:
        print(f"no answer to {ce_id} within {args.timeout:g} s (is the partner gateway running?)", file=sys.stderr)
        return 4
    return print_answer(*answer)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except avro.AvroError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
