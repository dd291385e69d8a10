"""Where claim extraction spends its time on the synthetic articles bench/claims.py times.

Run: python bench/claims_profile.py [--articles 150] [--top 30] [--dups] [--real]

Prints, under cProfile: the own time of each module and of each function (the time of the
regex engine and of other built-ins is counted to the function that called them, which is
where a change would go), the regex calls per calling function, and how often the synthetic
set repeats a sentence (any cache keyed by a sentence's text is measured by this bench on
those repeats, not on new text). `--dups` also counts, per function of monitor.text called
with plain arguments, the calls that repeat an earlier call of the same article (what a
per-article cache could save) and those that repeat one of an earlier article only.
`--real` profiles the real article bodies of the shared bench data instead (bench/claims.py
`real_articles`), where most sentences carry no number and the per-sentence gates show.
Development data only; nothing here changes what is extracted.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import functools
import importlib
import inspect
import pkgutil
import pstats
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from claims import HALVES, load, real_articles, synthetic_articles  # noqa: E402

import monitor.text  # noqa: E402
from monitor.text.claims import extract_claims  # noqa: E402
from monitor.text.sentences import split_sentences  # noqa: E402

_REGEX_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")


def _is_builtin(path: str) -> bool:
    return path.startswith("~") or "site-packages" in path or "/lib/python3" in path


def _name(func: tuple[str, int, str]) -> str:
    return f"{Path(func[0]).name}:{func[2]}"


def own_times(stats: pstats.Stats) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """Own seconds per module and per function, built-ins counted to their callers."""
    modules: collections.Counter[str] = collections.Counter()
    functions: collections.Counter[str] = collections.Counter()
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for func, (_, _, own, _, callers) in table.items():
        if _is_builtin(func[0]):
            for caller, (_, _, spent, _) in callers.items():
                modules[Path(caller[0]).name] += spent
                functions[_name(caller)] += spent
        else:
            modules[Path(func[0]).name] += own
            functions[_name(func)] += own
    return modules, functions


def regex_calls(stats: pstats.Stats) -> list[tuple[float, int, str, str]]:
    """(seconds, calls, method, caller) of every regex method call, costliest first."""
    rows = []
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for func, (_, _, _, _, callers) in table.items():
        method = next((m for m in _REGEX_METHODS if func[2] == f"<method '{m}' of 're.Pattern' objects>"), None)  # fmt: skip
        if method is None:
            continue
        for caller, (_, calls, spent, _) in callers.items():
            rows.append((spent, calls, method, _name(caller)))
    return sorted(rows, reverse=True)


def repeats(articles: list[str]) -> tuple[int, int]:
    """Sentences of the articles and distinct sentence texts among them."""
    texts = [s.text for a in articles for s in split_sentences(a)]
    return len(texts), len(set(texts))


def _plain(value: object) -> bool:
    if value is None or isinstance(value, str | int | float | bool):
        return True
    return isinstance(value, tuple) and all(_plain(v) for v in value)


def duplicate_calls(articles: list[str]) -> list[tuple[str, int, int, int]]:
    """(function, calls, repeats within an article, repeats of an earlier article only) for
    the functions of monitor.text called with plain arguments (str, numbers, None, tuples)."""
    calls: collections.Counter[str] = collections.Counter()
    within: collections.Counter[str] = collections.Counter()
    across: collections.Counter[str] = collections.Counter()
    article_keys: set[tuple[object, ...]] = set()
    all_keys: set[tuple[object, ...]] = set()

    def counted(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if all(map(_plain, args)) and all(map(_plain, kwargs.values())):
                key = (name, args, tuple(sorted(kwargs.items())))
                calls[name] += 1
                if key in article_keys:
                    within[name] += 1
                elif key in all_keys:
                    across[name] += 1
                article_keys.add(key)
                all_keys.add(key)
            return func(*args, **kwargs)

        return wrapper

    modules = [
        importlib.import_module(f"monitor.text.{m.name}")
        for m in pkgutil.iter_modules(monitor.text.__path__)
    ]
    originals = {
        (module, name): value
        for module in modules
        for name, value in vars(module).items()
        if inspect.isfunction(value)
    }
    wrapped: dict[Callable[..., Any], Callable[..., Any]] = {}
    for (module, name), func in originals.items():
        if func.__module__ == module.__name__:
            wrapped[func] = counted(f"{module.__name__.rsplit('.', 1)[-1]}.{name}", func)
    try:
        for (module, name), func in originals.items():
            if func in wrapped:
                setattr(module, name, wrapped[func])
        for article in articles:
            article_keys.clear()
            extract_claims(article)
    finally:
        for (module, name), func in originals.items():
            setattr(module, name, func)
    return [(n, c, within[n], across[n]) for n, c in calls.most_common()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--dups", action="store_true")
    parser.add_argument("--real", action="store_true")
    options = parser.parse_args()
    source = real_articles() if options.real else synthetic_articles(load(HALVES["dev"]))
    articles = source[: options.articles]
    for article in articles[:10]:  # tables and caches loaded before the profile
        extract_claims(article)
    profile = cProfile.Profile()
    profile.enable()
    for article in articles:
        extract_claims(article)
    profile.disable()
    stats = pstats.Stats(profile)
    modules, functions = own_times(stats)
    total = sum(modules.values())
    print(f"{len(articles)} articles, {total:.2f} s under the profiler")
    print("\nown time by module (built-ins counted to their callers)")
    for name, spent in modules.most_common(options.top):
        print(f"{spent:8.3f} s {100 * spent / total:5.1f}%  {name}")
    print("\nown time by function")
    for name, spent in functions.most_common(options.top):
        print(f"{spent:8.3f} s {100 * spent / total:5.1f}%  {name}")
    rows = regex_calls(stats)
    print(f"\nregex calls: {sum(r[0] for r in rows):.3f} s in all, by calling function")
    for spent, count, method, caller in rows[: options.top]:
        print(f"{spent:8.3f} s {count:8d}  {method:<9} {caller}")
    sentences, distinct = repeats(articles)
    print(f"\nsentences {sentences}, distinct texts {distinct} ({sentences / distinct:.1f} each)")
    if options.dups:
        print("\ncalls with plain arguments: repeats within an article / of earlier ones only")
        for name, count, within, across in duplicate_calls(articles)[: options.top]:
            print(f"{count:8d} {within:7d} ({100 * within / count:3.0f}%) {across:7d}  {name}")


if __name__ == "__main__":
    main()
