"""What a linear model can still gain on NewsMTSC, measured on the dev splits only (the test files are never read).

Run from the repository root, with the NewsMTSC datasets folder (as for actor_sentiment_validity.py):

    .venv/bin/python bench/target_sentiment_dev_experiments.py --data DIR

Every variant is fitted on the training split and scored on mt dev and rw dev (macro-F1), starting from the
shipped configuration (``newslens.sentiment.target`` features, lam_dense 1, lam_sparse 30, min_count 5, the
shipped sparse groups, prune 0.05, 600 Adam steps). Variants, one change each, then the best together:

- decision bias: an offset added to the log-probability of negative and of positive (neutral fixed), chosen to
  maximise macro-F1 (a) on out-of-fold predictions of the training split (5 folds of whole sentences) and
  (b) on the other dev set (mt dev chooses for rw dev and the other way round);
- class weights: each class weighted by n / (3 * n_class) in the loss (balanced), or by its square root;
- interactions: role valences crossed with the target's situation (negation after it, a speech verb, in
  quotes, a pronoun) and the sentence compound crossed with the same; sparse crosses of the role (object,
  subject, passive, agent) with the sign of its governing word's valence;
- a second lexicon: the pattern lexicon TextBlob ships (textblob/en/en-sentiment.xml, De Smedt & Daelemans,
  PDDL per the file's header; TextBlob itself MIT): polarity sums left and right of the target in its scope,
  decayed, near counts, the role words' polarity, and subjectivity near the target;
- bigrams: lemma pairs within the window on each side ("B<:", "B>:");
- the regularisation grid: lam_dense and lam_sparse, min_count, more Adam steps;
- train+dev: fitted on train and one dev set, scored on the other (an estimate of what refitting on train+dev
  would give; the final model cannot be scored on dev once dev is in it).

Results: appended to bench/results/actor_sentiment_tuning.csv (one row per variant, the "features" column
names it) and printed.
"""

from __future__ import annotations

import argparse
import csv
import math
import pickle
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import actor_sentiment_validity as asv  # noqa: E402

import numpy as np  # noqa: E402

from newslens.sentiment import target as ts  # noqa: E402

SHIPPED = {"lam_dense": 1.0, "lam_sparse": 30.0, "min_count": 5,
           "groups": ("L", "R", "S", "L1", "R1", "L2", "R2") + asv.ROLE_GROUPS, "iterations": asv.FIT_ITERATIONS}
FOLDS = 5
BIAS_GRID = np.round(np.arange(-1.0, 1.0001, 0.05), 3)
TUNING_CSV = asv.RESULTS_DIR / "actor_sentiment_tuning.csv"
# the same rows with what the tuning CSV has no column for (lam_dense, Adam steps, positive F1, fit time)
DETAIL_CSV = asv.RESULTS_DIR / "target_sentiment_dev_experiments.csv"


# ---------------------------------------------------------------------------------------------------------
# The second lexicon

def pattern_lexicon() -> dict[str, tuple[float, float]]:
    """word -> (mean polarity, mean subjectivity) over its senses in TextBlob's en-sentiment.xml."""
    import textblob

    path = Path(textblob.__file__).parent / "en" / "en-sentiment.xml"
    sums: dict[str, list[float]] = {}
    for w in ET.parse(path).getroot().iter("word"):
        form = w.get("form", "").lower()
        if not form or " " in form:
            continue
        s = sums.setdefault(form, [0.0, 0.0, 0])
        s[0] += float(w.get("polarity", 0))
        s[1] += float(w.get("subjectivity", 0))
        s[2] += 1
    return {k: (p / n, q / n) for k, (p, q, n) in sums.items()}


# ---------------------------------------------------------------------------------------------------------
# Extra features of one mention (dense dict, sparse set), from the module's own parse

EXTRA_DENSE = ("pat_left", "pat_right", "pat_left_decayed", "pat_right_decayed", "pat_near_neg", "pat_near_pos",
               "pat_object", "pat_subject", "pat_passive", "subj_near", "subj_scope")
INTERACTION_DENSE = ("obj_x_neg", "subj_x_neg", "pass_x_neg", "subj_x_speaker", "obj_x_quotes",
                     "sent_x_speaker", "sent_x_quotes", "sent_x_pronoun", "window_x_speaker", "sent_x_negation",
                     "roleval_x_opening", "subj_x_pronoun")


def mention_tokens(sentence, start, end):
    text, spans, words, lemmas, valences, names, whole = ts._sentence_parse(sentence)
    n = len(words)
    if not n:
        return None
    inside = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
    if not inside:
        after = [i for i, (s, _) in enumerate(spans) if s >= start]
        inside = [after[0] if after else n - 1]
    first, last = inside[0], inside[-1]
    s_lo, s_hi = ts._scope(list(words), first, last)
    return words, lemmas, valences, names, first, last, s_lo, s_hi


def role_positions(words, names, first, last, s_lo, s_hi):
    """Token index of the object-governing word, the subject verb and the passive participle (or None), as
    ts._roles finds them."""
    def usable(k):
        return s_lo <= k <= s_hi and ts._is_word(words[k]) and not names[k]
    obj = subj = passive_at = None
    i, skipped = first - 1, 0
    while i >= s_lo and skipped < ts.ROLE_REACH and (words[i] in ts.DETERMINERS or names[i]):
        i, skipped = i - 1, skipped + 1
    if usable(i) and words[i] not in ts.CLAUSE_WORDS and words[i] not in ts.AUXILIARIES:
        if words[i] == "by":
            pass
        elif words[i] in ts.PREPOSITIONS:
            if usable(i - 1) and words[i - 1] not in ts.PREPOSITIONS:
                obj = i - 1
        else:
            obj = i
    j, skipped, passive = last + 1, 0, False
    if words[last].endswith("'s") and usable(j):
        j += 1
    while j <= s_hi and skipped < ts.ROLE_REACH:
        if words[j] in ts.AUXILIARIES or (words[j] in ts.DETERMINERS and passive):
            passive = passive or words[j] in ts.BE_FORMS
        elif words[j] == "," and j + 1 <= s_hi and words[j + 1] == "who":
            pass
        else:
            break
        j, skipped = j + 1, skipped + 1
    if usable(j) and words[j] not in ts.CLAUSE_WORDS:
        if passive and words[j].endswith(("ed", "en")):
            passive_at = j
        else:
            subj = j
    return obj, subj, passive_at


def extra_features(row, pattern) -> tuple[dict[str, float], set[str]]:
    sentence, start, end = row["sentence"], row["start"], row["end"]
    dense = dict.fromkeys(EXTRA_DENSE + INTERACTION_DENSE, 0.0)
    sparse: set[str] = set()
    got = mention_tokens(sentence, start, end)
    if got is None:
        return dense, sparse
    words, lemmas, valences, names, first, last, s_lo, s_hi = got
    base, _ = ts.features(sentence, start, end)
    f = dict(zip(ts.DENSE_NAMES, base))
    # pattern polarity with VADER's negation rule
    pol, subj = [], []
    for i, w in enumerate(words):
        p, q = pattern.get(w, (0.0, 0.0))
        if p and any(x in ("not", "never", "no", "nor", "none", "without") or x.endswith("n't")
                     for x in words[max(0, i - ts.NEGATION_REACH):i]):
            p *= ts.NEGATION_SCALAR
        pol.append(p)
        subj.append(q)
    left = pol[s_lo:first]
    right = pol[last + 1:s_hi + 1]
    dense["pat_left"] = sum(left)
    dense["pat_right"] = sum(right)
    dense["pat_left_decayed"] = sum(v * math.exp(-(first - s_lo - k) / ts.DECAY) for k, v in enumerate(left) if v)
    dense["pat_right_decayed"] = sum(v * math.exp(-(k + 1) / ts.DECAY) for k, v in enumerate(right) if v)
    near = pol[max(s_lo, first - 3):first] + pol[last + 1:min(s_hi + 1, last + 4)]
    dense["pat_near_neg"] = float(sum(v < 0 for v in near))
    dense["pat_near_pos"] = float(sum(v > 0 for v in near))
    dense["subj_near"] = sum(subj[max(s_lo, first - 3):first] + subj[last + 1:min(s_hi + 1, last + 4)])
    dense["subj_scope"] = sum(subj[s_lo:s_hi + 1]) / max(1, s_hi - s_lo + 1)
    obj, sub, pas = role_positions(words, names, first, last, s_lo, s_hi)
    for key, at in (("pat_object", obj), ("pat_subject", sub), ("pat_passive", pas)):
        if at is not None:
            dense[key] = pol[at]
    # interactions
    neg, spk, quo, pro = f["negation_near"], f["speaker"], f["in_quotes"], f["pronoun"]
    dense["obj_x_neg"] = f["object_valence"] * neg
    dense["subj_x_neg"] = f["subject_valence"] * neg
    dense["pass_x_neg"] = f["passive_valence"] * neg
    dense["subj_x_speaker"] = f["subject_valence"] * spk
    dense["obj_x_quotes"] = f["object_valence"] * quo
    dense["sent_x_speaker"] = f["sent_compound"] * spk
    dense["sent_x_quotes"] = f["sent_compound"] * quo
    dense["sent_x_pronoun"] = f["sent_compound"] * pro
    dense["window_x_speaker"] = f["window_compound"] * spk
    dense["sent_x_negation"] = f["sent_compound"] * neg
    dense["roleval_x_opening"] = (f["subject_valence"] + f["passive_valence"]) * f["opens_sentence"]
    dense["subj_x_pronoun"] = f["subject_valence"] * pro
    # sparse crosses: role x sign of the governing word's valence (VADER and pattern)
    for role, at in (("obj", obj), ("subj", sub), ("pass", pas)):
        if at is not None:
            for lex, v in (("v", valences[at]), ("p", pol[at])):
                if v:
                    sparse.add(f"RX:{role}_{lex}{'+' if v > 0 else '-'}")
    # bigrams within the window, each side (names and the target left out)
    def ok(k):
        return ts._is_word(words[k]) and not names[k]
    lo = max(s_lo, first - ts.WINDOW)
    for k in range(lo, first - 1):
        if ok(k) and ok(k + 1):
            sparse.add(f"B<:{lemmas[k]}_{lemmas[k + 1]}")
    hi = min(s_hi, last + ts.WINDOW)
    for k in range(last + 1, hi):
        if ok(k) and ok(k + 1):
            sparse.add(f"B>:{lemmas[k]}_{lemmas[k + 1]}")
    # lemmas close to the target (3 words each side) as features apart from the 6-word window's
    for k in range(max(s_lo, first - 3), first):
        if ok(k):
            sparse.add(f"N<:{lemmas[k]}")
    for k in range(last + 1, min(s_hi, last + 3) + 1):
        if ok(k):
            sparse.add(f"N>:{lemmas[k]}")
    return dense, sparse


# ---------------------------------------------------------------------------------------------------------
# Fitting with class weights and a decision bias

def fit(dense, sparse_rows, vocab, gold, lam_dense, lam_sparse, iterations, class_weight=None) -> dict:
    """asv.fit_softmax with optional per-class weights on the loss (weights of the three classes, mean 1 over
    rows). Without weights, identical to asv.fit_softmax."""
    return asv.fit_softmax(dense, sparse_rows, vocab, gold, lam_dense, lam_sparse, iterations,
                           class_weight=class_weight)


def metrics(gold, P, bias=(0.0, 0.0)) -> dict[str, float]:
    """asv.classification_metrics of the labels P gives after adding ``bias`` to log P(negative), log P(positive)."""
    logp = np.log(P + 1e-12) + np.array([bias[0], 0.0, bias[1]])
    return asv.classification_metrics(gold, logp.argmax(axis=1) - 1)


def macro_f1(gold, P, bias=(0.0, 0.0)) -> float:
    return metrics(gold, P, bias)["macro_f1"]


def best_bias(gold, P) -> tuple[float, float]:
    logp = np.log(P + 1e-12)
    best, arg = -1.0, (0.0, 0.0)
    for bn in BIAS_GRID:
        for bp in BIAS_GRID:
            pred = (logp + np.array([bn, 0.0, bp])).argmax(axis=1) - 1
            f = asv.classification_metrics(gold, pred)["macro_f1"]
            if f > best + 1e-12:
                best, arg = f, (float(bn), float(bp))
    return arg


# ---------------------------------------------------------------------------------------------------------
# Feature tables

def tables(rows, pattern):
    dense, sparse = asv.feature_table(rows)
    extra_d, extra_s = [], []
    for r in rows:
        d, s = extra_features(r, pattern)
        extra_d.append([d[k] for k in EXTRA_DENSE + INTERACTION_DENSE])
        extra_s.append(s)
    return {"dense": dense, "sparse": sparse, "extra_dense": np.array(extra_d, dtype=float),
            "extra_sparse": extra_s, "gold": np.array([r["gold"] for r in rows]),
            "sentence": [r["sentence"] for r in rows]}


def assemble(t, spec):
    """(dense matrix, sparse rows) of one feature spec: extra dense columns and extra sparse groups added."""
    names = EXTRA_DENSE + INTERACTION_DENSE
    cols = [names.index(k) for k in spec.get("extra_dense", ())]
    dense = np.hstack([t["dense"], t["extra_dense"][:, cols]]) if cols else t["dense"]
    prefixes = tuple(spec.get("extra_groups", ()))
    if prefixes:
        sparse = [s + sorted(x for x in e if x.split(":", 1)[0] in prefixes)
                  for s, e in zip(t["sparse"], t["extra_sparse"])]
    else:
        sparse = t["sparse"]
    return dense, sparse


def run(spec, train, devs, label, out, oof_bias=False, cross_bias=False, insample=None):
    """Fit one variant on ``train``, score it on each dev set, append its row(s) to ``out``. ``insample``: the dev
    set that is part of ``train`` (its figure and the mean are left empty in the row)."""
    p = {**SHIPPED, **spec}
    groups = tuple(p["groups"]) + tuple(spec.get("extra_groups", ()))
    td, tsp = assemble(train, spec)
    vocab = asv.vocabulary(tsp, p["min_count"], groups)
    t0 = time.time()
    model = asv.prune(fit(td, tsp, vocab, train["gold"], p["lam_dense"], p["lam_sparse"], p["iterations"],
                          p.get("class_weight")))
    probs = {}
    row = {"features": label, "lam_sparse": p["lam_sparse"], "min_count": p["min_count"],
           "sparse_groups": "+".join(groups), "sparse_features_kept": len(model["sparse"])}
    for name, t in devs.items():
        d, s = assemble(t, spec)
        probs[name] = asv.predict(model, d, s)
        row[f"{name}_macro_f1"] = macro_f1(t["gold"], probs[name])
    row["mean_dev_macro_f1"] = float(np.mean([row[f"{n}_macro_f1"] for n in devs]))
    extra = {"lam_dense": p["lam_dense"], "iterations": p["iterations"], "fit_seconds": round(time.time() - t0, 1)}
    for name, t in devs.items():
        row[f"{name}_f1_positive"] = metrics(t["gold"], probs[name])["f1_positive"]
    out.append({**row, **extra})
    print(f"{label:70s} mt {row['mt_dev_macro_f1']:.4f} rw {row['rw_dev_macro_f1']:.4f} "
          f"mean {row['mean_dev_macro_f1']:.4f} ({extra['fit_seconds']} s)", flush=True)
    if insample:
        out[-1][f"{insample}_macro_f1"] = out[-1][f"{insample}_f1_positive"] = out[-1]["mean_dev_macro_f1"] = ""
    if cross_bias:
        # the bias chosen on one dev set, applied to the other
        b_mt = best_bias(devs["mt_dev"]["gold"], probs["mt_dev"])
        b_rw = best_bias(devs["rw_dev"]["gold"], probs["rw_dev"])
        r2 = dict(row, features=f"{label} + bias chosen on the other dev set (rw: {b_mt}, mt: {b_rw})")
        for name, b in (("mt_dev", b_rw), ("rw_dev", b_mt)):
            m = metrics(devs[name]["gold"], probs[name], b)
            r2[f"{name}_macro_f1"], r2[f"{name}_f1_positive"] = m["macro_f1"], m["f1_positive"]
        r2["mean_dev_macro_f1"] = (r2["mt_dev_macro_f1"] + r2["rw_dev_macro_f1"]) / 2
        out.append({**r2, **extra})
        print(f"{r2['features']:70s} mt {r2['mt_dev_macro_f1']:.4f} rw {r2['rw_dev_macro_f1']:.4f} "
              f"mean {r2['mean_dev_macro_f1']:.4f}", flush=True)
    if oof_bias:
        folds = np.array([hash_fold(s) for s in train["sentence"]])
        oof = np.zeros((len(train["gold"]), 3))
        for k in range(FOLDS):
            tr, ho = folds != k, folds == k
            sub_sparse = [tsp[i] for i in np.flatnonzero(tr)]
            v = asv.vocabulary(sub_sparse, p["min_count"], groups)
            mk = asv.prune(fit(td[tr], sub_sparse, v, train["gold"][tr], p["lam_dense"], p["lam_sparse"],
                               p["iterations"], p.get("class_weight")))
            oof[ho] = asv.predict(mk, td[ho], [tsp[i] for i in np.flatnonzero(ho)])
        b = best_bias(train["gold"], oof)
        r3 = dict(row, features=f"{label} + bias chosen out-of-fold on train {b}")
        for name, t in devs.items():
            m = metrics(t["gold"], probs[name], b)
            r3[f"{name}_macro_f1"], r3[f"{name}_f1_positive"] = m["macro_f1"], m["f1_positive"]
        r3["mean_dev_macro_f1"] = float(np.mean([r3[f"{n}_macro_f1"] for n in devs]))
        out.append({**r3, **extra})
        print(f"{r3['features']:70s} mt {r3['mt_dev_macro_f1']:.4f} rw {r3['rw_dev_macro_f1']:.4f} "
              f"mean {r3['mean_dev_macro_f1']:.4f} (oof train macro-F1 {macro_f1(train['gold'], oof):.4f} -> "
              f"{macro_f1(train['gold'], oof, b):.4f})", flush=True)
    return row, probs


def hash_fold(sentence: str) -> int:
    import hashlib

    return int(hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def concat(a, b):
    return {"dense": np.vstack([a["dense"], b["dense"]]), "sparse": a["sparse"] + b["sparse"],
            "extra_dense": np.vstack([a["extra_dense"], b["extra_dense"]]),
            "extra_sparse": a["extra_sparse"] + b["extra_sparse"], "gold": np.concatenate([a["gold"], b["gold"]]),
            "sentence": a["sentence"] + b["sentence"]}


def tables_from(data: Path, pattern):
    """Feature tables of the training split and the two dev splits (never the test files)."""
    rows, _ = asv.read_split(data, "newsmtsc-mt-hf/train.jsonl")
    devs = {f"{s}_dev": tables(asv.read_split(data, f"newsmtsc-{s}-hf/dev.jsonl")[0], pattern) for s in ("mt", "rw")}
    return tables(rows, pattern), devs


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, type=Path)
    parser.add_argument("--cache", type=Path, help="pickle of the feature tables (made if missing)")
    parser.add_argument("--only", help="run only the experiment blocks named (comma-separated)")
    parser.add_argument("--no-write", action="store_true", help="print only; do not append to the tuning CSV")
    args = parser.parse_args(argv)
    if args.cache and args.cache.exists():
        train, devs = pickle.loads(args.cache.read_bytes())
    else:
        train, devs = tables_from(args.data, pattern_lexicon())
        if args.cache:
            args.cache.write_bytes(pickle.dumps((train, devs)))
    only = set(args.only.split(",")) if args.only else None
    out: list[dict] = []

    def block(name):
        return only is None or name in only

    pat = {"extra_dense": EXTRA_DENSE}
    inter = {"extra_dense": INTERACTION_DENSE, "extra_groups": ("RX",)}
    bigr = {"extra_groups": ("B<", "B>")}
    if block("base"):
        run({}, train, devs, "exp: shipped configuration (reproduced)", out, oof_bias=True, cross_bias=True)
    if block("weights"):
        n = np.bincount(asv.labels_to_index(train["gold"]), minlength=3)
        balanced = len(train["gold"]) / (3 * n)
        run({"class_weight": balanced}, train, devs, "exp: class weights balanced", out, cross_bias=True)
        run({"class_weight": np.sqrt(balanced)}, train, devs, "exp: class weights sqrt-balanced", out)
    if block("inter"):
        run(inter, train, devs, "exp: interactions (role x negation/speaker/quotes; role x valence sign)", out)
    if block("pattern"):
        run(pat, train, devs, "exp: + pattern lexicon (TextBlob en-sentiment.xml)", out)
    if block("bigrams"):
        run(bigr, train, devs, "exp: + bigrams in the window", out)
    if block("grid"):
        for lam_dense in (0.1, 10.0):
            run({"lam_dense": lam_dense}, train, devs, f"exp: grid lam_dense {lam_dense:g}", out)
        for lam_sparse in (15.0, 20.0, 50.0):
            run({"lam_sparse": lam_sparse}, train, devs, f"exp: grid lam_sparse {lam_sparse:g}", out)
        run({"min_count": 2}, train, devs, "exp: grid min_count 2", out)
        run({"iterations": 1500}, train, devs, "exp: grid 1500 Adam steps", out)
    if block("grid2"):
        # lam_dense above acts only from ~100 (the penalty is divided by n); the Adam steps act as early stopping
        for lam_dense in (100.0, 1000.0):
            run({"lam_dense": lam_dense}, train, devs, f"exp: grid lam_dense {lam_dense:g}", out)
        for iterations in (300, 400, 900):
            run({"iterations": iterations}, train, devs, f"exp: grid {iterations} Adam steps", out)
        for lam_sparse, iterations in ((50.0, 1500), (100.0, 1500)):
            run({"lam_sparse": lam_sparse, "iterations": iterations}, train, devs,
                f"exp: grid lam_sparse {lam_sparse:g}, {iterations} Adam steps", out)
    if block("bigram_weights"):
        n = np.bincount(asv.labels_to_index(train["gold"]), minlength=3)
        run({**bigr, "class_weight": np.sqrt(len(train["gold"]) / (3 * n))}, train, devs,
            "exp: bigrams + sqrt-balanced weights", out, oof_bias=True, cross_bias=True)
    if block("near"):
        run({"extra_groups": ("N<", "N>")}, train, devs, "exp: + lemmas within 3 words (N<, N>)", out)
        run({"extra_groups": ("B<", "B>", "N<", "N>")}, train, devs, "exp: + bigrams + lemmas within 3 words", out)
    if block("window"):
        # the window of the L:/R: lemmas and the window compound, recomputed (module constant)
        saved = ts.WINDOW
        try:
            for size in (3, 10):
                ts.WINDOW = size
                ts._sentence_parse.cache_clear()
                tw = tables_from(args.data, pattern_lexicon())
                run({}, tw[0], tw[1], f"exp: window {size} words (shipped {saved})", out)
        finally:
            ts.WINDOW = saved
            ts._sentence_parse.cache_clear()
    if block("all"):
        both = {"extra_dense": EXTRA_DENSE + INTERACTION_DENSE, "extra_groups": ("RX", "B<", "B>")}
        run(both, train, devs, "exp: all additions (pattern + interactions + bigrams)", out, oof_bias=True,
            cross_bias=True)
        n = np.bincount(asv.labels_to_index(train["gold"]), minlength=3)
        run({**both, "class_weight": np.sqrt(len(train["gold"]) / (3 * n))}, train, devs,
            "exp: all additions + sqrt-balanced weights", out, cross_bias=True)
    sqrt_weights = np.sqrt(len(train["gold"]) / (3 * np.bincount(asv.labels_to_index(train["gold"]), minlength=3)))
    best = {**bigr, "class_weight": sqrt_weights}
    if block("best"):
        run({**best, "lam_dense": 1000.0}, train, devs, "exp: bigrams + sqrt-balanced weights + lam_dense 1000", out)
    if block("traindev"):
        # fitted on train and one dev set; only the other dev set's figure is out of sample (the in-sample one
        # is in the row too, marked by the label)
        for spec, name in (({}, "shipped configuration"), (best, "bigrams + sqrt-balanced weights")):
            for held, other in (("rw_dev", "mt_dev"), ("mt_dev", "rw_dev")):
                run(spec, concat(train, devs[other]), devs,
                    f"exp: {name} fitted on train + {other} (only {held} scored: {other} is in the fit)", out,
                    insample=other)
    if out and not args.no_write:
        with open(TUNING_CSV, encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        with open(TUNING_CSV, "a", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            for r in out:
                w.writerow([f"{r[c]:.4f}" if isinstance(r[c], float) else r[c] for c in header])
        detail = header + ["lam_dense", "iterations", "mt_dev_f1_positive", "rw_dev_f1_positive", "fit_seconds"]
        new = not DETAIL_CSV.exists()
        with open(DETAIL_CSV, "a", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=detail, lineterminator="\n", extrasaction="ignore")
            if new:
                w.writeheader()
            w.writerows({k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()} for r in out)
        print(f"appended {len(out)} rows to {TUNING_CSV} and {DETAIL_CSV}")


if __name__ == "__main__":
    main()
