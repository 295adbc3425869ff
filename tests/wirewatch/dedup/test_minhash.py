"""Shingles, MinHash signatures, band hashes and exact overlap."""

from __future__ import annotations

import numpy as np
import pytest

from tests.wirewatch.dedup.articles import sentences
from wirewatch.dedup import minhash
from wirewatch.dedup.minhash import (
    DecodedSets,
    MinHasher,
    Shingler,
    decode_set,
    encode_set,
    known_fraction,
    overlap,
    overlap_from,
    shared_counts,
    words,
)


@pytest.fixture(params=["compiled", "numpy"])
def hashing_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test on the numba kernels and again on the numpy path they must equal."""
    if request.param == "numpy":
        monkeypatch.setattr(minhash, "_KERNELS", None)
    elif minhash._KERNELS is None:
        pytest.skip("numba is not installed")
    return str(request.param)


@pytest.mark.usefixtures("hashing_path")
def test_shingle_hashes_are_sorted_unique_and_deterministic() -> None:
    """The same text always gives the same sorted, duplicate-free uint32 set."""
    text = " ".join(sentences(1, 5))
    first = Shingler(5).text_hashes(text)
    assert first.dtype == np.uint32
    assert np.all(np.diff(first.astype(np.int64)) > 0)
    assert np.array_equal(first, Shingler(5).text_hashes(text))


@pytest.mark.usefixtures("hashing_path")
def test_short_text_is_one_shingle() -> None:
    """A text shorter than the shingle size still yields one shingle; an empty one none."""
    assert Shingler(5).text_hashes("two words").size == 1
    assert Shingler(5).text_hashes("").size == 0


def test_signature_agreement_estimates_jaccard() -> None:
    """The share of equal MinHash values is close to the exact Jaccard."""
    shingler, hasher = Shingler(5), MinHasher(256, 64, 4)
    base = sentences(2, 20)
    left = shingler.text_hashes(" ".join(base))
    right = shingler.text_hashes(" ".join(base[:12] + sentences(3, 8)))
    exact = overlap(left, right).jaccard
    estimate = float(np.mean(hasher.signature(left) == hasher.signature(right)))
    assert abs(estimate - exact) < 0.1


@pytest.mark.usefixtures("hashing_path")
def test_band_hashes_one_per_band_and_shared_by_equal_signatures() -> None:
    """Equal signatures share all band hashes; hashes are distinct per band."""
    hasher = MinHasher(128, 42, 3)
    signature = hasher.signature(Shingler(5).text_hashes(" ".join(sentences(4, 6))))
    keys = hasher.band_hashes(signature)
    assert keys.dtype == np.uint64
    assert keys.shape == (42,)
    assert len(set(keys.tolist())) == 42
    assert np.array_equal(keys, hasher.band_hashes(signature.copy()))


@pytest.mark.usefixtures("hashing_path")
def test_band_hash_is_the_rows_hash_mixed_with_the_band_number() -> None:
    """A band hash is fmix64(sum(row * m_row) ^ band * golden); equal rows in two bands differ."""
    hasher = MinHasher(128, 42, 3)
    signature = hasher.signature(Shingler(5).text_hashes(" ".join(sentences(5, 6))))
    mask = (1 << 64) - 1

    def fmix64(value: int) -> int:
        value ^= value >> 33
        value = value * 0xFF51AFD7ED558CCD & mask
        value ^= value >> 33
        value = value * 0xC4CEB9FE1A85EC53 & mask
        return value ^ (value >> 33)

    mix = [int(m) for m in hasher._band_mix]
    expected = [
        fmix64(
            (sum(int(signature[3 * band + row]) * mix[row] for row in range(3)) & mask)
            ^ (band * 0x9E3779B97F4A7C15 & mask)
        )
        for band in range(42)
    ]
    assert hasher.band_hashes(signature).tolist() == expected
    equal_rows = signature.copy()
    equal_rows[3:6] = signature[0:3]  # band 1 gets band 0's rows: same rows hash, other band
    assert hasher.band_hashes(equal_rows)[1] != hasher.band_hashes(signature)[0]


def test_overlap_gives_jaccard_and_containment() -> None:
    """Containment divides by the smaller set, Jaccard by the union."""
    left = np.array([1, 2, 3, 4], dtype=np.uint32)
    right = np.array([3, 4], dtype=np.uint32)
    result = overlap(left, right)
    assert (result.shared, result.jaccard, result.containment) == (2, 0.5, 1.0)
    assert known_fraction(np.array([3, 9], dtype=np.uint32), left) == 0.5
    assert overlap(left, np.array([0, 5, 9], dtype=np.uint32)).shared == 0
    assert overlap(right, left).shared == 2
    assert overlap(left, left).jaccard == 1.0
    assert known_fraction(np.array([0, 4, 5], dtype=np.uint32), right) == 1 / 3


def test_encoded_set_round_trips() -> None:
    """A shingle set survives the base64 store encoding unchanged."""
    shingles = Shingler(5).text_hashes(" ".join(sentences(5, 3)))
    assert np.array_equal(decode_set(encode_set(shingles)), shingles)


def test_too_many_bands_error_says_how_to_fix() -> None:
    """bands * rows above num_perm is refused with the remedy in the message."""
    with pytest.raises(ValueError, match="raise num_perm"):
        MinHasher(64, 32, 3)


def test_byte_path_word_hashes_equal_the_token_path() -> None:
    """ASCII texts hashed from their bytes give exactly the hashes of their `words` tokens."""
    shingler = Shingler(5)
    texts = [
        "Hello, World! snake_case x-ray 3.14 -- U.S.",
        "a" * 60 + " short",
        "x" * 24 + " " + "y" * 25,
        "Ünïcode İstanbul naïve café",
        "",
        " ... ",
        "one",
        "\x00tab\there\x7f",
        " ".join(sentences(8, 6)),
    ]
    for text in texts:
        tokens = words(text)
        assert np.array_equal(shingler.text_word_hashes(text), shingler.word_hashes(tokens))
        count, hashes = shingler.counted_hashes(text)
        assert count == len(tokens)
        assert np.array_equal(hashes, shingler.hashes(tokens))


@pytest.mark.usefixtures("hashing_path")
def test_ascii_words_hash_alike_in_non_ascii_text() -> None:
    """A copy that only adds curly quotes (non-ASCII text, token path) keeps every shingle."""
    text = " ".join(sentences(9, 3))
    shingler = Shingler(5)
    assert np.array_equal(shingler.text_hashes(text), shingler.text_hashes(f"\u201c{text}\u201d"))


def test_long_ascii_text_takes_the_token_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past BYTE_PATH_MAX_CHARS a text is tokenised instead, with the same shingles."""
    monkeypatch.setattr(minhash, "_KERNELS", None)
    text = " ".join(sentences(10, 4))
    expected = Shingler(5).text_hashes(text)
    monkeypatch.setattr(minhash, "BYTE_PATH_MAX_CHARS", 40)
    assert np.array_equal(Shingler(5).text_hashes(text), expected)


def _reference_signature(hasher: MinHasher, shingles: np.ndarray) -> np.ndarray:
    """The one-permutation signature written plainly: per-bin minimum, then full probing."""
    empty_marker = np.uint32(0xFFFFFFFF)
    hashed = (shingles.astype(np.uint64) * hasher._a + hasher._b) >> np.uint64(32)
    bins = (hashed * np.uint64(hasher.num_perm)) >> np.uint64(32)
    signature = np.full(hasher.num_perm, empty_marker, dtype=np.uint32)
    np.minimum.at(signature, bins.astype(np.intp), hashed.astype(np.uint32))
    result = signature.copy()
    for empty in np.flatnonzero(signature == empty_marker):
        for probe in hasher._probes[empty]:
            if signature[probe] != empty_marker:
                result[empty] = signature[probe]
                break
    return result


@pytest.mark.usefixtures("hashing_path")
def test_signature_equals_the_plain_definition() -> None:
    """Sorted-search binning and near-probe densification match the plain algorithm."""
    rng = np.random.default_rng(12)
    for num_perm, bands, rows in ((128, 42, 3), (100, 20, 5)):
        hasher = MinHasher(num_perm, bands, rows)
        for size in (1, 2, 3, 7, 40, 250, 2000):
            values = rng.integers(0, 2**32, size=size, dtype=np.uint64).astype(np.uint32)
            shingles = np.unique(values)
            assert np.array_equal(
                hasher.signature(shingles), _reference_signature(hasher, shingles)
            )


@pytest.mark.usefixtures("hashing_path")
def test_densified_signature_fills_every_bin() -> None:
    """Even a three-shingle set leaves no bin at the empty marker."""
    signature = MinHasher(128, 42, 3).signature(np.array([5, 9, 4000000000], dtype=np.uint32))
    assert np.all(signature != np.uint32(0xFFFFFFFF))
    assert len(set(signature.tolist())) <= 3


def test_compiled_kernels_equal_the_numpy_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shingles, word counts, signatures and band hashes are bit-identical on both paths."""
    if minhash._KERNELS is None:
        pytest.skip("numba is not installed")
    texts = [" ".join(sentences(seed, 8)) for seed in range(20, 30)]
    texts += ["Hello, World! x-ray 3.14", "a" * 60 + " b", "x" * 24 + " " + "y" * 49, "", " .. "]
    rng = np.random.default_rng(13)
    sets = [
        np.unique(rng.integers(0, 2**32, size=size, dtype=np.uint64).astype(np.uint32))
        for size in (0, 1, 2, 5, 60, 300, 3000)
    ]

    def run() -> tuple[list[int], list[np.ndarray], list[list[int]]]:
        counts, arrays, keys = [], [], []
        for size in (1, 3, 5):
            shingler = Shingler(size, 4)
            for text in texts:
                count, hashes = shingler.counted_hashes(text)
                counts.append(count)
                arrays.append(hashes)
        hasher = MinHasher(128, 42, 3)
        for shingles in [*sets, arrays[-6]]:
            signature = hasher.signature(shingles)
            arrays.append(signature)
            keys.append(hasher.band_hashes(signature).tolist())
        return counts, arrays, keys

    counts, arrays, keys = run()
    monkeypatch.setattr(minhash, "_KERNELS", None)
    expected_counts, expected_arrays, expected_keys = run()
    assert counts == expected_counts
    assert keys == expected_keys
    assert all(map(np.array_equal, arrays, expected_arrays))
    assert len(arrays) == len(expected_arrays)


def test_band_collisions_follow_the_lsh_curve() -> None:
    """42x3 bands: pairs at Jaccard 0.45 are candidates ~98% of the time, at 0.05 almost never."""
    rng = np.random.default_rng(11)
    hasher = MinHasher(128, 42, 3)

    def candidate_rate(size: int, shared: int, trials: int = 300) -> float:
        hits = 0
        for _ in range(trials):
            pool = rng.choice(2**32, size=2 * size - shared, replace=False).astype(np.uint32)
            left = np.sort(pool[:size])
            right = np.sort(np.concatenate([pool[:shared], pool[size:]]))
            hits += bool(
                set(hasher.band_hashes(hasher.signature(left)).tolist())
                & set(hasher.band_hashes(hasher.signature(right)).tolist())
            )
        return hits / trials

    assert candidate_rate(200, 124) >= 0.95  # Jaccard 124 / 276 = 0.45
    assert candidate_rate(200, 19) <= 0.02  # Jaccard 0.05


def test_compiled_overlap_equals_the_numpy_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shared counts of random sorted sets (read-only or not) are the same on both paths."""
    if minhash._KERNELS is None:
        pytest.skip("numba is not installed")
    rng = np.random.default_rng(7)
    sets = [
        np.unique(rng.integers(0, 4000, size=size, dtype=np.uint64).astype(np.uint32))
        for size in (1, 2, 40, 300, 2000)
    ]
    sets.append(decode_set(encode_set(sets[3])))  # read-only, as read from the store
    pairs = [(left, right) for left in sets for right in sets]
    compiled = [(overlap(a, b), known_fraction(a, b)) for a, b in pairs]
    monkeypatch.setattr(minhash, "_KERNELS", None)
    assert compiled == [(overlap(a, b), known_fraction(a, b)) for a, b in pairs]
    assert any(score.shared for score, _ in compiled)


def test_decoded_sets_memoise_and_notice_a_changed_encoding() -> None:
    """A key is decoded once while its encoding is unchanged, again when it changes."""
    first = np.array([1, 5, 9], dtype=np.uint32)
    second = np.array([2, 5], dtype=np.uint32)
    memo = DecodedSets(size=2)
    decoded = memo.get("a", encode_set(first))
    assert np.array_equal(decoded, first)
    assert memo.get("a", encode_set(first)) is decoded
    again = memo.get("a", encode_set(second))
    assert np.array_equal(again, second)
    memo.get("b", encode_set(first))
    memo.get("c", encode_set(first))  # evicts "a", the oldest entry
    redecoded = memo.get("a", encode_set(second))
    assert redecoded is not again
    assert np.array_equal(redecoded, second)
    with pytest.raises(ValueError, match="size"):
        DecodedSets(size=0)


@pytest.mark.usefixtures("hashing_path")
def test_shared_counts_equal_one_overlap_per_set() -> None:
    """Batch shared counts (few sets or many) match `overlap` set by set; empty sets count 0."""
    rng = np.random.default_rng(11)
    sets = [
        np.unique(rng.integers(0, 3000, size=size, dtype=np.uint64).astype(np.uint32))
        for size in (0, 1, 50, 400, 1500)
    ]
    sets.append(decode_set(encode_set(sets[3])))
    left = sets[3]
    counts = shared_counts(left, sets)
    assert counts == [overlap(left, right).shared for right in sets]
    assert counts[3] == counts[5] == left.size
    assert shared_counts(left, sets[3:5]) == counts[3:5]  # few sets: merged, not hashed
    assert shared_counts(sets[0], sets) == [0] * len(sets)
    assert shared_counts(left, []) == []
    assert overlap_from(counts[4], left.size, sets[4].size) == overlap(left, sets[4])
