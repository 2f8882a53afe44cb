"""Run a command and watch the memory of it and of every process it starts, until
they end: each process's own high-water mark (/proc/PID/status VmHWM, Linux only),
and when it rose, polled every --interval seconds.

    .venv/bin/python benchmarks/watch.py --progress out.csv -- \\
        .venv/bin/govparse parse FOLDER -o out.csv -q -j 2

For each process: pid, parent, command, the seconds it was seen, its VmHWM, and
each rise of a MB or more (time, VmHWM, VmRSS, its anonymous and file-backed
parts, threads, and the size of the --progress file then: how far the run was).
Last, getrusage's peak of all the children (the largest resident set of every
process waited for): a figure above every process's own says a process that
lived and ended between two polls. --json FILE keeps every rise."""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import time

FIELDS = ("VmHWM", "VmRSS", "RssAnon", "RssFile", "Threads", "PPid")


def status(pid: int) -> dict | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            return {k: int(v.split()[0]) for k, _, v in (line.partition(":") for line in f)
                    if k in FIELDS}
    except (OSError, ValueError):
        return None


def children(pid: int) -> list[int]:
    found = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/children") as f:
                    found += map(int, f.read().split())
            except OSError:
                pass
    except OSError:
        pass
    return found


def command_of(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")[:120]
    except OSError:
        return "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interval", type=float, default=0.02, help="seconds between polls")
    parser.add_argument("--progress", help="a file whose size says how far the run is")
    parser.add_argument("--json", help="write every process's every rise here")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    started = time.monotonic()
    process = subprocess.Popen(command)
    seen: dict[int, dict] = {}
    while True:
        now = time.monotonic() - started
        pids = [process.pid]
        for pid in pids:  # grows as it goes: every descendant
            pids += children(pid)
        for pid in pids:
            st = status(pid)
            if st is None:
                continue
            info = seen.get(pid)
            if info is None:
                info = seen[pid] = dict(pid=pid, ppid=st.get("PPid"), command=command_of(pid),
                                        first=now, hwm=0, rises=[])
            info["last"] = now
            if st.get("VmHWM", 0) > info["hwm"]:
                info["hwm"] = st["VmHWM"]
                progress = None
                if args.progress:
                    try:
                        progress = os.path.getsize(args.progress)
                    except OSError:
                        pass
                info["rises"].append(dict(t=round(now, 3), **st, progress=progress))
        if process.poll() is not None:
            break
        time.sleep(args.interval)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"exit {process.returncode}, {time.monotonic() - started:.1f} s; getrusage's peak of "
          f"all the children {peak / 1024:.1f} MB")
    for info in seen.values():
        print(f"pid {info['pid']} (parent {info['ppid']}), {info['first']:.1f}-{info['last']:.1f} s: "
              f"VmHWM {info['hwm'] / 1024:.1f} MB  {info['command'][:80]}")
        shown = 0
        for rise in info["rises"]:
            if rise["VmHWM"] - shown >= 1024 or rise is info["rises"][-1]:
                shown = rise["VmHWM"]
                print(f"    {rise['t']:9.2f} s: VmHWM {rise['VmHWM'] / 1024:5.1f}, RSS "
                      f"{rise.get('VmRSS', 0) / 1024:5.1f} (anonymous {rise.get('RssAnon', 0) / 1024:.1f}, "
                      f"files {rise.get('RssFile', 0) / 1024:.1f}) MB, {rise.get('Threads')} threads"
                      + (f", progress {rise['progress']:,}" if rise["progress"] is not None else ""))
    if args.json:
        with open(args.json, "w") as out:
            json.dump(dict(command=command, status=process.returncode, children_peak_kb=peak,
                           processes=list(seen.values())), out, indent=1)
    return process.returncode


if __name__ == "__main__":
    raise SystemExit(main())
