#!/usr/bin/env python3
"""Generates a lab-shaped dataset tree for bench/transfer from a seed.

    labtree.py OUT SEED deep|wide FILES SMALL_MIB LARGE LARGE_MIB

deep: project / cohort / subject / session / modality / file (5 levels of folders, a handful
      of files in each leaf folder).
wide: project / folder / file, several hundred files per folder.
Names are hashed or descriptive, never numbered in sequence. FILES small files share SMALL_MIB
MiB with sizes spread lognormally between 512 B and 4 MiB; LARGE files of LARGE_MIB MiB go into
one folder, whose path relative to OUT is printed on stdout (the bench moves it on its own too).
The tree's shape, names and sizes depend only on the arguments; the bytes are random.
"""
import hashlib
import math
import os
import random
import sys

MIN_SIZE, MAX_SIZE = 512, 4 << 20
WORDS = {
    "project": ["neuroimaging", "proteomics", "coral-reefs", "glacier-melt", "single-cell", "climate-downscaling",
                "microbiome", "soil-carbon", "bird-song", "exoplanets"],
    "cohort": ["alpha", "pilot", "control", "treated", "wildtype", "knockout", "replication", "external"],
    "session": ["baseline", "followup", "week-two", "post-op", "night", "morning", "retest"],
    "modality": ["anat", "func", "dwi", "fmap", "beh", "eeg", "histology", "spectra"],
    "tissue": ["cortex", "liver", "kidney", "retina", "hippocampus", "spleen", "muscle", "skin", "lung", "heart"],
    "stain": ["dapi", "gfp", "he", "ki67", "cd3", "iba1", "neun", "trichrome"],
    "what": ["raw", "mask", "labels", "summary", "counts", "qc", "features", "embedding", "notes", "trace"],
    "ext": [".nii.gz", ".tif", ".csv", ".json", ".npy", ".parquet", ".h5", ".txt", ".png", ".fastq.gz"],
    "folder": ["images", "tables", "reads", "models", "figures", "calibration", "logs", "exports"],
}


def name(rng, taken):
    """A hashed (3 in 5) or descriptive file name, unique in its folder, with no running number."""
    while True:
        if rng.random() < 0.6:
            n = hashlib.sha1(rng.randbytes(16)).hexdigest()[: rng.choice((12, 16, 40))] + rng.choice(WORDS["ext"])
        else:
            parts = [rng.choice(WORDS["tissue"]), rng.choice(WORDS["stain"]), rng.choice(WORDS["what"])]
            if rng.random() < 0.5:
                parts.insert(1, rng.choice(("left", "right", "dorsal", "ventral", "core", "edge")))
            n = "_".join(parts) + "-" + hashlib.md5(rng.randbytes(8)).hexdigest()[:6] + rng.choice(WORDS["ext"])
        if n not in taken:
            taken.add(n)
            return n


def folders(rng, shape, files):
    """Leaf folders and how many files each holds (together: files)."""
    out = []
    if shape == "deep":
        while sum(c for _, c in out) < files:
            p = "proj-" + rng.choice(WORDS["project"])
            subject = "sub-" + hashlib.sha1(rng.randbytes(8)).hexdigest()[:8]
            path = "/".join((p, "cohort-" + rng.choice(WORDS["cohort"]), subject, "ses-" + rng.choice(WORDS["session"]),
                             rng.choice(WORDS["modality"])))
            out.append((path, rng.randint(3, 14)))
    else:
        projects = rng.sample(WORDS["project"], 3)
        while sum(c for _, c in out) < files:
            path = "proj-" + rng.choice(projects) + "/" + rng.choice(WORDS["folder"]) + "-" + hashlib.sha1(rng.randbytes(8)).hexdigest()[:6]
            out.append((path, rng.randint(400, 1100)))
    over = sum(c for _, c in out) - files
    path, count = out[-1]
    out[-1] = (path, count - over)
    return [(p, c) for p, c in out if c > 0]


def sizes(rng, count, total):
    """count lognormal sizes between MIN_SIZE and MAX_SIZE whose sum is about total."""
    z = [rng.gauss(0, 1) for _ in range(count)]
    sigma = 1.8

    def spread(mu):
        return [min(MAX_SIZE, max(MIN_SIZE, int(math.exp(mu + sigma * x)))) for x in z]

    lo, hi = math.log(MIN_SIZE), math.log(MAX_SIZE)
    for _ in range(60):  # the sum grows with mu: bisect for the median that gives the total
        mid = (lo + hi) / 2
        if sum(spread(mid)) < total:
            lo = mid
        else:
            hi = mid
    return spread(lo)


def write(path, size):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        left = size
        while left > 0:
            n = min(left, 8 << 20)
            f.write(os.urandom(n))
            left -= n


def main():
    out, seed, shape, files, small_mib, large, large_mib = sys.argv[1:8]
    rng = random.Random(f"{seed}/{shape}")
    files, large = int(files), int(large)
    leaves = folders(rng, shape, files)
    spread = sizes(rng, files, int(float(small_mib) * (1 << 20)))
    i = 0
    seen = set()
    for path, count in leaves:
        while path in seen:  # the same leaf drawn twice: keep the first, name this one apart
            path += "-" + rng.choice(WORDS["session"])
        seen.add(path)
        taken = set()
        for _ in range(count):
            write(os.path.join(out, path, name(rng, taken)), spread[i])
            i += 1
    big = "proj-" + rng.choice(WORDS["project"]) + "/raw-acquisitions"
    taken = set()
    for _ in range(large):
        write(os.path.join(out, big, "scan_" + name(rng, taken).split(".")[0] + ".h5"), int(float(large_mib) * (1 << 20)))
    print(big)


if __name__ == "__main__":
    main()
