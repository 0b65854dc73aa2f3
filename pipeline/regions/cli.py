"""`python -m pipeline regions QUERY | --list`: resolve a region as typed, or list the gazetteer.

Prints `slug<TAB>name<TAB>path<TAB>level<TAB>adcode` for a query that names one region. An
ambiguous query (hebei, gulou) lists every candidate with the slug to type and exits 2; an
unknown one suggests the closest names and exits 1.
"""
from __future__ import annotations

import argparse
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="?", help="slug, name, short, traditional or old name: jinghai, 静海, 靜海區, 静海县")
    p.add_argument("--list", action="store_true", help="list every region (slug, name, path, level, adcode)")
    p.add_argument("--level", choices=["national", "province", "city", "county"], help="with --list: only this level")


def _line(r) -> str:
    return f"{r.id}\t{r.name}\t{'/'.join(r.path)}\t{r.level}\t{r.adcode or ''}"


def run(args: argparse.Namespace) -> int:
    from pipeline.regions.gazetteer import AmbiguousRegion, UnknownRegion, gazetteer, resolve_query

    if args.list:
        for r in gazetteer().regions.values():
            if not args.level or r.level == args.level:
                print(_line(r))
        return 0
    if not args.query:
        print("error: give a region (e.g. jinghai, 静海, 靜海區, 静海县) or --list", file=sys.stderr)
        return 2
    try:
        region = resolve_query(args.query)
    except AmbiguousRegion as e:
        print(f"'{args.query}' names several regions; type one of these slugs:", file=sys.stderr)
        for r in e.candidates:
            print(f"  {r.id}\t{'/'.join(r.path)}", file=sys.stderr)
        return 2
    except UnknownRegion as e:
        print(f"unknown region '{args.query}'", file=sys.stderr)
        if e.suggestions:
            print("closest names:", file=sys.stderr)
            for r in e.suggestions:
                print(f"  {r.id}\t{'/'.join(r.path)}", file=sys.stderr)
        return 1
    print(_line(region))
    return 0
