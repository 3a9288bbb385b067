"""Markdown tables for docs/performance.md from one ``scripts/bench`` JSON document.

    scripts/bench > run.json && python benchmarks/bench_tables.py run.json

Prints the peer comparison (each figure of each client, Chinwag's ratio to the best other
client), the targets, and the scale curves, so the document's figures come from one run.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

PEER_FIGURES = (
    ("start_s", "start → in room, s"),
    ("idle_cpu_s", "idle CPU-s / 30 s"),
    ("idle_rss_mb", "idle RSS, MB"),
    ("idle_rss_anon_mb", "idle RssAnon, MB"),
    ("flood_cpu_s", "flood CPU-s"),
    ("flood_wall_s", "flood wall, s"),
    ("quiet_cpu_s", "CPU-s until quiet"),
    ("flood_peak_rss_mb", "peak RSS, MB"),
    ("after_rss_mb", "RSS 10 s after, MB"),
    ("logged_lines", "lines logged"),
)


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}" if value < 10 else f"{value:.1f}"
    return str(value)


def peers_table(side: dict[str, Any]) -> str:
    summary = side["summary"]
    clients = [c for c in side["clients"] if c in summary]
    ratios = side.get("chinwag_ratios", {})
    head = ["figure (median of runs)", *clients, "Chinwag ÷ best other"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key, label in PEER_FIGURES:
        cells = [_cell(summary[c].get(key)) for c in clients]
        ratio = ratios.get(key)
        best = f"{ratio['ratio_to_best']:.2f} ({ratio['best_peer']})" if ratio else "–"
        rows.append("| " + " | ".join([label, *cells, best]) + " |")
    return "\n".join(rows)


def targets_table(side: dict[str, Any]) -> str:
    rows = ["| target | Chinwag | limit | met |", "|---|---|---|---|"]
    for name, t in side.get("targets", {}).items():
        rows.append(
            f"| {name} | {_cell(t['value'])} | {_cell(t['limit'])} | {'yes' if t['met'] else '**no**'} |"
        )
    return "\n".join(rows)


def rooms_table(rooms: dict[str, Any]) -> str:
    rows = [
        "| rooms (XMPP/Matrix/IRC) | window, s | all joined, s (IRC / XMPP / Matrix) | RSS, MB | USS, MB | per added room, KB | CPU-s to all joined |",
        "|---|---|---|---|---|---|---|",
    ]
    for p in rooms.get("curve", []):
        by = p.get("by_service", {})
        joined = p.get("joined_s", {})
        rows.append(
            f"| {p['rooms']} ({by.get('xmpp')}/{by.get('matrix')}/{by.get('irc')}) | "
            f"{_cell(p.get('window_s'))} | {_cell(p.get('all_joined_s'))} "
            f"({_cell(joined.get('irc'))} / {_cell(joined.get('xmpp'))} / {_cell(joined.get('matrix'))}) | "
            f"{_cell(p.get('rss_mb'))} | {_cell(p.get('uss_mb'))} | {_cell(p.get('per_room_kb'))} | "
            f"{_cell(p.get('start_cpu_s'))} |"
        )
    return "\n".join(rows)


def members_table(members: dict[str, Any]) -> str:
    rows = [
        "| room | members | join, s | open + member list, s | worst stall join+open, ms | scroll: worst stall, ms (>50 ms) | KB per member |",
        "|---|---|---|---|---|---|---|",
    ]
    for service in ("irc", "xmpp", "matrix"):
        m = members.get(service)
        if not isinstance(m, dict):
            continue
        if "error" in m:
            rows.append(f"| {service} | {m.get('members')} | error: {m['error']} | | | | |")
            continue
        rows.append(
            f"| {service} | {m['members']} | {_cell(m.get('join_s'))} | {_cell(m.get('open_s'))} | "
            f"{_cell(m.get('max_stall_ms'))} | {_cell(m.get('scroll_max_stall_ms'))} "
            f"({m.get('scroll_stalls_over_50ms')}) | {_cell(m.get('kb_per_member'))} |"
        )
    return "\n".join(rows)


def history_table(history: dict[str, Any]) -> str:
    rows = [
        "| messages | disk, MB | window, s | first page, ms | pages back, ms (max) | search p50 / p95, ms |",
        "|---|---|---|---|---|---|",
    ]
    for p in history.get("curve", []):
        back = p.get("page_back_ms") or []
        rows.append(
            f"| {p['messages']:,} | {p['profile'].get('disk_mb')} | {_cell(p.get('window_s'))} | "
            f"{_cell(p.get('first_page_shown_ms'))} | {_cell(min(back) if back else None)}–"
            f"{_cell(max(back) if back else None)} | {_cell(p.get('search_p50_ms'))} / "
            f"{_cell(p.get('search_p95_ms'))} |"
        )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path, help="the JSON document scripts/bench printed")
    args = parser.parse_args()
    doc = json.loads(args.run.read_text())
    results = doc.get("results", doc)
    peers = results.get("peers", {})
    peers = peers.get("partial", peers)
    for side in ("irc", "xmpp"):
        if side in peers:
            print(
                f"### {side.upper()}\n\n{peers_table(peers[side])}\n\n{targets_table(peers[side])}\n"
            )
    scale = results.get("scale", {})
    scale = scale.get("partial", scale)
    if "rooms" in scale:
        print(f"### Rooms\n\n{rooms_table(scale['rooms'])}\n")
    if "members" in scale:
        print(f"### Members\n\n{members_table(scale['members'])}\n")
    if "history" in scale:
        print(f"### History\n\n{history_table(scale['history'])}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
