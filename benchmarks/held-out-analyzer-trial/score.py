"""Scores a build of the held-out snippets against expected.tsv: per rule, true and false positives,
misses, precision and recall. A snippet's expectation is the set of rules it should get ("none": no
DATO rule). Usage: python3 score.py expected.tsv build-output.txt"""
import collections
import re
import sys

expected = {}
for line in open(sys.argv[1], encoding="utf-8"):
    name, rules = line.rstrip("\n").split("\t")[:2]
    expected[name] = set() if rules == "none" else set(rules.split(","))

actual = collections.defaultdict(set)
for line in open(sys.argv[2], encoding="utf-8"):
    match = re.search(r"Snippets/(\w+)\.cs\(\d+,\d+\): (?:warning|error|info) (DATO\d+)", line)
    if match:
        actual[match.group(1)].add(match.group(2))

rules = ["DATO001", "DATO002", "DATO003", "DATO004", "DATO005", "DATO006"]
hits, false_positives, misses = collections.Counter(), collections.Counter(), collections.Counter()
for name, wanted in sorted(expected.items()):
    got = actual.get(name, set())
    for rule in rules:
        if rule in got and rule in wanted:
            hits[rule] += 1
        elif rule in got:
            false_positives[rule] += 1
            print(f"false positive: {name} {rule}")
        elif rule in wanted:
            misses[rule] += 1
            print(f"missed: {name} {rule}")

print(f"{len(expected)} snippets, {sum(1 for w in expected.values() if not w)} of them correct code")
print("| Rule | Expected | Reported right | False positives | Missed | Precision | Recall |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for rule in rules:
    reported = hits[rule] + false_positives[rule]
    wanted = hits[rule] + misses[rule]
    precision = hits[rule] / reported if reported else 1.0
    recall = hits[rule] / wanted if wanted else 1.0
    print(f"| {rule} | {wanted} | {hits[rule]} | {false_positives[rule]} | {misses[rule]} | {precision:.1%} | {recall:.1%} |")
