"""How well the assistant understands each of its languages, measured on messages it never trained on.

    make nlu-report        (or: python bench/nlu_report.py [--out bench/nlu_report.md])

Trains the model for the current training data (or reuses the cached one), then reads
bench/nlu_test/<lang>.yml, a test set written apart from bot/data/nlu and never used in
training, through the whole NLU pipeline (classifier and rules, as a person's message goes)
and prints, per language, intent accuracy and macro-F1. It also measures language
identification on bench/langid/<lang>.txt (short messages, one per line) and on
bench/langid_fresh/<lang>.txt, a second set written after the marker words were tuned, so
that its figure is not flattered by the tuning.
Targets: macro-F1 >= 0.90 and language identification >= 0.95 in every language.
"""
import argparse
import asyncio
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import List, Tuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actions.i18n import LANGUAGES  # noqa: E402
from bot.components.language_id import identify  # noqa: E402

TEST_DIR = ROOT / "bench" / "nlu_test"
LANGID_DIR = ROOT / "bench" / "langid"
FRESH_DIR = ROOT / "bench" / "langid_fresh"
TARGET_F1, TARGET_LANGID = 0.90, 0.95


def test_examples(lang: str) -> List[Tuple[str, str]]:
    with open(TEST_DIR / f"{lang}.yml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return [(line.strip()[2:].strip(), block["intent"]) for block in data["nlu"]
            for line in block["examples"].splitlines() if line.strip().startswith("- ")]


def macro_f1(pairs: List[Tuple[str, str]]) -> float:
    """Macro-averaged F1 over the intents of the test set (a fallback counts as a wrong answer)."""
    labels = sorted({gold for gold, _ in pairs})
    scores = []
    for label in labels:
        tp = sum(1 for gold, got in pairs if gold == label and got == label)
        fp = sum(1 for gold, got in pairs if gold != label and got == label)
        fn = sum(1 for gold, got in pairs if gold == label and got != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def messages(path: Path) -> List[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


async def classify(model: Path, texts: List[str]) -> List[str]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    return [(await agent.parse_message(text))["intent"]["name"] for text in texts]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="also write the report (Markdown) to this file")
    args = parser.parse_args()

    from bot.train import ensure_model

    started = time.monotonic()
    model = ensure_model()
    trained = time.monotonic() - started
    rows, confusions = [], defaultdict(Counter)
    for lang in LANGUAGES:
        examples = test_examples(lang)
        got = asyncio.run(classify(model, [text for text, _ in examples]))
        pairs = [(gold, predicted) for (_, gold), predicted in zip(examples, got)]
        for gold, predicted in pairs:
            if gold != predicted:
                confusions[lang][f"{gold} -> {predicted}"] += 1
        lines = messages(LANGID_DIR / f"{lang}.txt")
        detected = [identify(line) for line in lines]
        langid = sum(d.language == lang for d in detected) / len(lines)
        confident = sum(d.language == lang and d.confident for d in detected) / len(lines)
        fresh = messages(FRESH_DIR / f"{lang}.txt")
        fresh_langid = sum(identify(line).language == lang for line in fresh) / len(fresh)
        accuracy = sum(g == p for g, p in pairs) / len(pairs)
        rows.append((lang, len(pairs), accuracy, macro_f1(pairs), len(lines), langid, confident,
                     len(fresh), fresh_langid))

    table = ["| language | test messages | intent accuracy | macro-F1 | langid messages | langid accuracy "
             "| langid confident | fresh langid messages | fresh langid accuracy |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for lang, n, accuracy, f1, m, langid, confident, k, fresh in rows:
        flag = "" if f1 >= TARGET_F1 and min(langid, fresh) >= TARGET_LANGID else " (below target)"
        table.append(f"| {lang}{flag} | {n} | {accuracy:.3f} | {f1:.3f} | {m} | {langid:.3f} | {confident:.3f} "
                     f"| {k} | {fresh:.3f} |")
    worst = ["", "Most frequent confusions (gold -> predicted):", ""]
    for lang in LANGUAGES:
        common = ", ".join(f"{pair} ({count})" for pair, count in confusions[lang].most_common(4))
        worst.append(f"- {lang}: {common or 'none'}")
    report = "\n".join(["# NLU report", "", f"Model: {model.name} (ready in {trained:.0f} s)", "",
                        "Targets: macro-F1 >= 0.90 and language identification >= 0.95 per language. "
                        "'langid accuracy' counts the language picked for a first message; 'langid confident' "
                        "counts detections sure enough to change a language already in use.", ""]
                       + table + worst) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
