"""Shingles, MinHash signatures, band keys and exact overlap."""

from __future__ import annotations

import numpy as np
import pytest

from tests.wirewatch.dedup.articles import sentences
from wirewatch.dedup import minhash
from wirewatch.dedup.minhash import (
    MinHasher,
    Shingler,
    decode_set,
    encode_set,
    fast_words,
    known_fraction,
    overlap,
    words,
)


def test_shingle_hashes_are_sorted_unique_and_deterministic() -> None:
    """The same text always gives the same sorted, duplicate-free uint32 set."""
    text = " ".join(sentences(1, 5))
    first = Shingler(5).text_hashes(text)
    assert first.dtype == np.uint32
    assert np.all(np.diff(first.astype(np.int64)) > 0)
    assert np.array_equal(first, Shingler(5).text_hashes(text))


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


def test_band_keys_one_per_band_and_shared_by_equal_signatures() -> None:
    """Equal signatures share all band keys; keys are distinct per band."""
    hasher = MinHasher(128, 42, 3)
    signature = hasher.signature(Shingler(5).text_hashes(" ".join(sentences(4, 6))))
    keys = hasher.band_keys(signature)
    assert len(keys) == 42
    assert len(set(keys)) == 42
    assert keys == hasher.band_keys(signature.copy())


def test_overlap_gives_jaccard_and_containment() -> None:
    """Containment divides by the smaller set, Jaccard by the union."""
    left = np.array([1, 2, 3, 4], dtype=np.uint32)
    right = np.array([3, 4], dtype=np.uint32)
    result = overlap(left, right)
    assert (result.shared, result.jaccard, result.containment) == (2, 0.5, 1.0)
    assert known_fraction(np.array([3, 9], dtype=np.uint32), left) == 0.5


def test_encoded_set_round_trips() -> None:
    """A shingle set survives the base64 store encoding unchanged."""
    shingles = Shingler(5).text_hashes(" ".join(sentences(5, 3)))
    assert np.array_equal(decode_set(encode_set(shingles)), shingles)


def test_too_many_bands_error_says_how_to_fix() -> None:
    """bands * rows above num_perm is refused with the remedy in the message."""
    with pytest.raises(ValueError, match="raise num_perm"):
        MinHasher(64, 32, 3)


def test_fast_words_match_the_regex_tokens() -> None:
    """The ASCII translate+split path gives exactly `words`, long and non-ASCII words included."""
    texts = [
        "Hello, World! snake_case x-ray 3.14 -- U.S.",
        "a" * 60 + " short",
        "Ünïcode İstanbul naïve café",
        "",
        " ... ",
    ]
    for text in texts:
        got = [t.decode() if isinstance(t, bytes) else t for t in fast_words(text)]
        assert got == words(text)


def test_memoised_word_hashes_equal_the_vectorised_ones() -> None:
    """Cached, one-by-one and batch word hashes agree, for str and ASCII bytes tokens."""
    shingler = Shingler(5)
    tokens = words(" ".join(sentences(6, 4)) + " İstanbul café")
    expected = shingler.word_hashes(tokens)
    assert np.array_equal(shingler.cached_word_hashes(tokens), expected)
    assert np.array_equal(shingler.cached_word_hashes(tokens), expected)
    assert [shingler._word_hash(t) for t in tokens] == expected.tolist()
    ascii_tokens = [t.encode() for t in tokens if t.isascii()]
    assert np.array_equal(
        Shingler(5).cached_word_hashes(ascii_tokens),
        shingler.word_hashes([t.decode() for t in ascii_tokens]),
    )


def test_word_memo_starts_over_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hitting the memo bound clears it and still returns every word's hash."""
    monkeypatch.setattr(minhash, "WORD_CACHE_SIZE", 8)
    shingler = Shingler(5)
    tokens = words(" ".join(sentences(7, 3)))
    assert np.array_equal(shingler.cached_word_hashes(tokens[:5]), shingler.word_hashes(tokens[:5]))
    assert np.array_equal(shingler.cached_word_hashes(tokens), shingler.word_hashes(tokens))
    assert len(shingler._cache) <= max(8, len(set(tokens)))


def test_densified_signature_fills_every_bin() -> None:
    """Even a three-shingle set leaves no bin at the empty marker."""
    signature = MinHasher(128, 42, 3).signature(np.array([5, 9, 4000000000], dtype=np.uint32))
    assert np.all(signature != np.uint32(0xFFFFFFFF))
    assert len(set(signature.tolist())) <= 3


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
                set(hasher.band_keys(hasher.signature(left)))
                & set(hasher.band_keys(hasher.signature(right)))
            )
        return hits / trials

    assert candidate_rate(200, 124) >= 0.95  # Jaccard 124 / 276 = 0.45
    assert candidate_rate(200, 19) <= 0.02  # Jaccard 0.05
