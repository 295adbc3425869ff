"""Word shingles, vectorised MinHash signatures, LSH band keys and exact set overlap.

Shingles are hashed to uint32 once; the shingle hash set (sorted, unique) is both the MinHash
input and the exact second measure used to verify LSH candidates.
"""

from __future__ import annotations

import base64
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

U32Array = npt.NDArray[np.uint32]
MAX_WORD_CHARS = 24
_WORD = re.compile(rf"\w{{1,{MAX_WORD_CHARS}}}")
_MAX_U32 = np.uint32(0xFFFFFFFF)
_MASK64 = (1 << 64) - 1
_FEW_WORDS = 16
_RECENT_TEXTS = 8
WORD_CACHE_SIZE = 1 << 19
"""Words whose hash a Shingler memoises (~60 MB at most) before it starts over."""


def sorted_unique(values: U32Array) -> U32Array:
    """Sort in place and drop repeats (cheaper than np.unique on a few hundred values)."""
    values.sort()
    if values.size < 2:
        return values
    keep = np.empty(values.size, dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def words(text: str) -> list[str]:
    """Lowercase word tokens of a text (letters and digits of any script)."""
    return _WORD.findall(text.lower())


def _ascii_word_table() -> bytes:
    table = bytearray(b" " * 256)
    for code in range(128):
        char = chr(code)
        if char.isalnum() or char == "_":
            table[code] = ord(char.lower())
    return bytes(table)


_ASCII_WORDS = _ascii_word_table()


def fast_words(text: str) -> list[str] | list[bytes]:
    """`words(text)`, as ASCII bytes when the text is ASCII (a C translate + split, ~4x faster)."""
    if text.isascii():
        tokens = text.encode("ascii").translate(_ASCII_WORDS).split()
        if not tokens or max(map(len, tokens)) <= MAX_WORD_CHARS:
            return tokens
    return words(text)


class Shingler:
    """Hash every run of `size` consecutive words to one uint32, vectorised over the text.

    Words are hashed together as a code-point matrix (one row per word), so no Python loop
    runs per word or per shingle.
    """

    def __init__(self, size: int, seed: int = 1) -> None:
        if size < 1:
            raise ValueError(f"shingle size must be >= 1, got {size}; use 5 for news text")
        self.size = size
        rng = np.random.default_rng(seed + 7919)
        self._char_mix = rng.integers(1, 2**63, size=MAX_WORD_CHARS, dtype=np.uint64) | 1
        self._mix = rng.integers(1, 2**63, size=size, dtype=np.uint64) | np.uint64(1)
        self._char_mix_ints = [int(m) for m in self._char_mix]
        self._cache: dict[str | bytes, int] = {}
        self._recent: dict[str, tuple[int, U32Array]] = {}

    def word_hashes(self, tokens: list[str]) -> npt.NDArray[np.uint64]:
        """A 64-bit hash per word: code points times per-position odd multipliers, then mixed."""
        matrix = np.array(tokens, dtype=f"<U{MAX_WORD_CHARS}")
        codes = matrix.view(np.uint32).reshape(len(tokens), MAX_WORD_CHARS).astype(np.uint64)
        hashed: npt.NDArray[np.uint64] = (codes * self._char_mix).sum(axis=1, dtype=np.uint64)
        return _fmix64(hashed)

    def _word_hash(self, token: str | bytes) -> int:
        """word_hashes of one word in plain integers (cheaper than numpy for a few words)."""
        codes = token if isinstance(token, bytes) else map(ord, token)
        value = sum(map(operator.mul, codes, self._char_mix_ints)) & _MASK64
        value ^= value >> 33
        value = (value * 0xFF51AFD7ED558CCD) & _MASK64
        value ^= value >> 33
        value = (value * 0xC4CEB9FE1A85EC53) & _MASK64
        return int(value ^ (value >> 33))

    def cached_word_hashes(self, tokens: Sequence[str | bytes]) -> npt.NDArray[np.uint64]:
        """word_hashes through a bounded memo (news vocabulary is Zipfian: most words hit)."""
        cache = self._cache
        values = list(map(cache.get, tokens))
        if None in values:
            missing = list(set(tokens).difference(cache))
            if len(cache) + len(missing) > WORD_CACHE_SIZE:
                cache.clear()
                missing = list(set(tokens))
            if len(missing) <= _FEW_WORDS:
                cache.update((t, self._word_hash(t)) for t in missing)
            else:
                texts = [t.decode("ascii") if isinstance(t, bytes) else t for t in missing]
                cache.update(zip(missing, self.word_hashes(texts).tolist(), strict=True))
            values = list(map(cache.__getitem__, tokens))
        return np.array(values, dtype=np.uint64)

    def hashes(self, tokens: Sequence[str | bytes]) -> U32Array:
        """Sorted unique uint32 shingle hashes; a text shorter than `size` is one shingle."""
        if not tokens:
            return np.empty(0, dtype=np.uint32)
        word_hashes = self.cached_word_hashes(tokens)
        span = min(self.size, len(tokens))
        count = len(tokens) - span + 1
        combined = word_hashes[:count] * self._mix[0]
        for offset in range(1, span):
            combined += word_hashes[offset : offset + count] * self._mix[offset]
        combined >>= np.uint64(32)
        return sorted_unique(combined.astype(np.uint32))

    def text_hashes(self, text: str) -> U32Array:
        """Shingle hashes of a raw or normalised text (treat the result as read-only)."""
        return self.counted_hashes(text)[1]

    def counted_hashes(self, text: str) -> tuple[int, U32Array]:
        """Word count and shingle hashes of a text, memoised for the last few texts.

        An article's paragraphs are often its whole matching text (briefs), so linking does not
        tokenise and hash the same text twice.
        """
        found = self._recent.get(text)
        if found is None:
            tokens = fast_words(text)
            hashes = self.hashes(tokens)
            hashes.flags.writeable = False  # shared by every caller of the memo
            found = (len(tokens), hashes)
            if len(self._recent) >= _RECENT_TEXTS:
                self._recent.clear()
            self._recent[text] = found
        return found


def _fmix64(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """MurmurHash3's 64-bit finaliser: spreads every input bit over the output."""
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xFF51AFD7ED558CCD)
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xC4CEB9FE1A85EC53)
    return values ^ (values >> np.uint64(33))


class MinHasher:
    """One-permutation MinHash with densification, then LSH band keys.

    Each shingle is hashed once (`(a * x + b) >> 32` over uint64) and falls into one of
    `num_perm` bins by its top bits; a bin keeps its minimum. An empty bin borrows the value of
    the first non-empty bin on its own fixed random probe order (Shrivastava's optimal
    densification), so two sets agree on a bin with probability equal to their Jaccard, as with
    `num_perm` independent permutations, at the cost of one hash per shingle instead of
    `num_perm`.
    """

    def __init__(self, num_perm: int, bands: int, rows: int, seed: int = 1) -> None:
        if bands * rows > num_perm:
            raise ValueError(
                f"bands * rows = {bands * rows} exceeds num_perm = {num_perm}; "
                "lower bands or rows, or raise num_perm"
            )
        rng = np.random.default_rng(seed)
        self.num_perm = num_perm
        self.bands = bands
        self.rows = rows
        self._a = np.uint64(rng.integers(1, 2**63, dtype=np.uint64) | np.uint64(1))
        self._b = np.uint64(rng.integers(0, 2**63, dtype=np.uint64))
        self._band_mix = rng.integers(1, 2**63, size=rows, dtype=np.uint64) | np.uint64(1)
        self._packed = np.zeros((bands, 9), dtype=np.uint8)
        self._packed[:, 0] = np.arange(bands, dtype=np.uint8)
        self._probes = np.argsort(rng.random((num_perm, num_perm)), axis=1).astype(np.int16)

    def signature(self, shingles: U32Array) -> U32Array:
        """The densified one-permutation signature of a shingle set; all-max for an empty set."""
        if shingles.size == 0:
            return np.full(self.num_perm, _MAX_U32, dtype=np.uint32)
        hashed = shingles.astype(np.uint64) * self._a
        hashed += self._b
        hashed >>= np.uint64(32)
        values = hashed.astype(np.uint32)
        hashed *= np.uint64(self.num_perm)
        hashed >>= np.uint64(32)
        signature = np.full(self.num_perm, _MAX_U32, dtype=np.uint32)
        np.minimum.at(signature, hashed.astype(np.intp), values)
        empty = np.flatnonzero(signature == _MAX_U32)
        if empty.size:
            probes = self._probes[empty]
            first = np.argmax(signature[probes] != _MAX_U32, axis=1)
            signature[empty] = signature[probes[np.arange(empty.size), first]]
        return signature

    def band_keys(self, signature: U32Array) -> list[str]:
        """One store key per band: base64 of the band number and a 64-bit hash of its rows.

        Each band is 9 bytes (1 + 8), so the one base64 string splits into 12-character keys.
        """
        grid = signature[: self.bands * self.rows].reshape(self.bands, self.rows)
        mixed = np.dot(grid, self._band_mix)  # uint64 wrap-around, as the sum of products
        packed = self._packed
        packed[:, 1:] = mixed.astype("<u8", copy=False).view(np.uint8).reshape(self.bands, 8)
        text = base64.b64encode(packed.data).decode("ascii")
        return [text[i : i + 12] for i in range(0, len(text), 12)]


@dataclass(frozen=True, slots=True)
class Overlap:
    """Exact overlap of two shingle sets."""

    shared: int
    jaccard: float
    containment: float


def overlap(left: U32Array, right: U32Array) -> Overlap:
    """Exact Jaccard and containment (shared over the smaller set) of two sorted unique sets."""
    if left.size == 0 or right.size == 0:
        return Overlap(0, 0.0, 0.0)
    shared = int(np.intersect1d(left, right, assume_unique=True).size)
    union = left.size + right.size - shared
    return Overlap(shared, shared / union, shared / min(left.size, right.size))


def known_fraction(shingles: U32Array, known: U32Array) -> float:
    """Share of `shingles` present in the sorted set `known` (0 for an empty input)."""
    if shingles.size == 0:
        return 0.0
    if known.size == 0:
        return 0.0
    positions = np.searchsorted(known, shingles)
    positions[positions >= known.size] = known.size - 1
    return float(np.count_nonzero(known[positions] == shingles)) / shingles.size


def encode_set(shingles: U32Array) -> str:
    """A sorted uint32 set as compact base64 of its little-endian bytes (JSON-ready)."""
    return base64.b64encode(shingles.astype("<u4").tobytes()).decode("ascii")


def decode_set(encoded: str) -> U32Array:
    """Inverse of encode_set."""
    return np.frombuffer(base64.b64decode(encoded), dtype="<u4").astype(np.uint32)
