"""Load test of ``wohngeld serve`` on localhost: requests/s, p50/p99 latency, errors, memory.

Starts ``wohngeld serve --workers 2`` on a free loopback port, warms it up, then sends a bounded
number of requests (default 20 000 × ``POST /v1/berechnung`` without Rechenweg, Dresden 2023
Beispiel 1 with Y given, 131 €; ``--fall einnahmen``: with the Einnahme itemised) over 50
keep-alive connections from one asyncio client, and stops the server.
Only 127.0.0.1 is ever contacted; the run ends after the requests or after ``--zeitlimit`` seconds.
The client shares the machine with the server: on a 2-core machine it takes part of one core.

Run: make bench-server   (or: .venv/bin/python benchmarks/bench_server.py --anfragen 20000)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

FAELLE = {
    # Dresden 2023, Beispiel 1 with Y given, as a Fachverfahren that knows the Gesamteinkommen sends it
    "y": {
        "stichtag": "2023-07-01",
        "gemeinde": "Dresden",
        "miete_monat": "420.00",
        "anzahl_mitglieder": 1,
        "gesamteinkommen_monat": "1162.35",
    },
    # the same household with its Einnahme itemised (§§ 14-16 WoGG computed on every request)
    "einnahmen": {
        "stichtag": "2023-07-01",
        "gemeinde": "Dresden",
        "miete_monat": "420.00",
        "mitglieder": [
            {
                "einnahmen": [{"art": "Altersrente", "brutto_monat": "1300.00"}],
                "pauschalabzug": {"kranken_pflege": True},
            }
        ],
    },
}


def _freier_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _kinder(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            out += [int(x) for x in (task / "children").read_text().split()]
    return out


def _rss_mib(pid: int) -> float:
    """Resident memory of the server process and its workers (and their children), in MiB."""
    gesamt = 0
    offen = [pid]
    while offen:
        p = offen.pop()
        try:
            for zeile in Path(f"/proc/{p}/status").read_text().splitlines():
                if zeile.startswith("VmRSS:"):
                    gesamt += int(zeile.split()[1])
        except OSError:
            continue
        offen += _kinder(p)
    return gesamt / 1024


async def _verbindung(
    port: int, anfrage: bytes, rest: list[int], zeiten: list[float], fehler: list[str], ende: float
) -> None:
    """One keep-alive connection taking requests from the shared budget ``rest`` until it is spent."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while rest[0] > 0 and time.perf_counter() < ende:
            rest[0] -= 1
            t0 = time.perf_counter()
            writer.write(anfrage)
            kopf = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            status = int(kopf.split(b" ", 2)[1])
            laenge = 0
            for zeile in kopf.split(b"\r\n"):
                if zeile.lower().startswith(b"content-length:"):
                    laenge = int(zeile.split(b":", 1)[1])
            body = await asyncio.wait_for(reader.readexactly(laenge), 10)
            zeiten.append(time.perf_counter() - t0)
            if status != 200 or b'"betrag_monat":"131"' not in body.replace(b" ", b""):
                fehler.append(f"{status}: {body[:120]!r}")
    except (OSError, asyncio.IncompleteReadError) as exc:
        fehler.append(type(exc).__name__)
    finally:
        writer.close()


async def _last(
    port: int, koerper: bytes, anfragen: int, verbindungen: int, zeitlimit: float
) -> tuple[list[float], list[str], float]:
    anfrage = (
        f"POST /v1/berechnung HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(koerper)}\r\n\r\n"
    ).encode() + koerper
    rest = [anfragen]
    zeiten: list[float] = []
    fehler: list[str] = []
    t0 = time.perf_counter()
    ende = t0 + zeitlimit
    alle = (_verbindung(port, anfrage, rest, zeiten, fehler, ende) for _ in range(verbindungen))
    await asyncio.gather(*alle)
    return zeiten, fehler, time.perf_counter() - t0


def _warten(url: str, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        try:
            with urllib.request.urlopen(url + "/v1/rechtsstand", timeout=2):
                return
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("wohngeld serve ended before it answered") from None
            time.sleep(0.1)
    raise SystemExit("wohngeld serve did not answer within 30 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--anfragen", type=int, default=20_000)
    ap.add_argument("--verbindungen", type=int, default=50)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--aufwaermen", type=int, default=2_000, help="requests before measuring")
    ap.add_argument("--fall", choices=sorted(FAELLE), default="y", help="y: Y given; einnahmen: itemised")
    ap.add_argument("--zeitlimit", type=float, default=300.0, help="stop after this many seconds")
    a = ap.parse_args()
    if not (1 <= a.anfragen <= 200_000 and 1 <= a.verbindungen <= 500 and 1 <= a.workers <= 16):
        raise SystemExit("bounds: anfragen 1–200000, verbindungen 1–500, workers 1–16")
    port = _freier_port()
    env = {**os.environ, "WOHNGELD_LOG_LEVEL": "WARNING"}  # one log line per request would time the log
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wohngeld",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(a.workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _warten(f"http://127.0.0.1:{port}", proc)
        koerper = json.dumps(FAELLE[a.fall]).encode()
        # warm-up: every worker loads its tables before anything is measured
        asyncio.run(_last(port, koerper, a.aufwaermen, a.verbindungen, a.zeitlimit))
        vorher = _rss_mib(proc.pid)
        zeiten, fehler, dauer = asyncio.run(_last(port, koerper, a.anfragen, a.verbindungen, a.zeitlimit))
        nachher = _rss_mib(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    zeiten.sort()
    n = len(zeiten)
    p = statistics.quantiles(zeiten, n=100, method="inclusive") if n > 1 else [0.0] * 99
    print(
        f"POST /v1/berechnung (ohne Rechenweg, Fall {a.fall}), {a.workers} Worker, "
        f"{a.verbindungen} Verbindungen, {os.cpu_count()} Kerne (Client auf derselben Maschine)"
    )
    print(f"Anfragen:        {n} beantwortet von {a.anfragen} in {dauer:.2f} s")
    print(f"Durchsatz:       {n / dauer:8.0f} Anfragen/s")
    print(f"Latenz p50/p99:  {p[49] * 1000:8.2f} ms / {p[98] * 1000:.2f} ms (max {zeiten[-1] * 1000:.1f} ms)")
    print(f"Fehler:          {len(fehler)}" + (f" (z. B. {fehler[0]})" if fehler else ""))
    print(f"Speicher (RSS):  {vorher:8.1f} MiB vorher, {nachher:.1f} MiB nachher (Server und Worker)")


if __name__ == "__main__":
    main()
