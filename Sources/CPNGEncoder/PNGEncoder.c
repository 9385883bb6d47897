// A PNG encoder for rendered pages: one dynamic-Huffman DEFLATE block of row copies, runs and
// literals (see CPNGEncoder.h). RFC 1950 (zlib), RFC 1951 (DEFLATE), PNG 1.2.
#include "CPNGEncoder.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

// MARK: - Tokens

// A token is a run of literals (bit 31 clear, how many in bits 0-30: the bytes themselves are read
// from the stream again when the block is written) or a copy: bit 31 set, length in bits 0-8
// (3-258), distance in bits 9-24 (1-32768). Either way the token list says where in the stream
// the next token starts, so no token carries a position.
#define COPY_FLAG 0x80000000u
#define MIN_COPY 4
#define MAX_COPY 258
#define MAX_DISTANCE 32768

static inline uint32_t copy_token(uint32_t length, uint32_t distance) { return COPY_FLAG | (distance << 9) | length; }

static const uint16_t length_base[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                         67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t length_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t distance_base[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                           1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t distance_extra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
                                           12, 12, 13, 13};

/// Length code (0-28) of every copy length 3-258.
typedef struct { uint8_t code[259]; } length_codes;

static void make_length_codes(length_codes *table) {
    for (int c = 0; c < 29; c++) {
        int last = c == 28 ? 258 : length_base[c] + (1 << length_extra[c]) - 1;
        if (c == 27) last = 257;
        for (int l = length_base[c]; l <= last && l <= 258; l++) table->code[l] = (uint8_t)c;
    }
}

static int distance_code(uint32_t distance) {
    int c = 29;
    while (distance_base[c] > distance) c--;
    return c;
}

/// How often each symbol of the two alphabets occurs among the tokens, counted as they are made.
typedef struct {
    uint32_t literal[286];
    uint32_t distance[30];
    length_codes lengths;
    uint32_t cached_distance[2];
    int cached_code[2];
} symbol_counts;

/// The distance code of `distance`, from a cache of the two a page uses (a pixel's, a row's).
static inline int cached_distance_code(uint32_t cached[2], int codes[2], uint32_t distance) {
    if (cached[0] == distance) return codes[0];
    if (cached[1] == distance) return codes[1];
    int slot = cached[0] == 0 ? 0 : 1;
    cached[slot] = distance;
    codes[slot] = distance_code(distance);
    return codes[slot];
}

/// The growing list of tokens of one image.
typedef struct {
    uint32_t *items;
    size_t count;
    size_t capacity;
    /// Literals seen since the last token, not yet written as a run.
    uint32_t literals;
    symbol_counts counts;
} token_list;

static inline void add_literal(token_list *list, uint8_t value) {
    list->literals++;
    list->counts.literal[value]++;
}

/// Ends the run of literals being gathered, if any (room for the token is reserved by the callers).
static inline void flush_literals(token_list *list) {
    if (list->literals) {
        list->items[list->count++] = list->literals;
        list->literals = 0;
    }
}

static inline void add_copy(token_list *list, uint32_t length, uint32_t distance) {
    flush_literals(list);
    list->items[list->count++] = copy_token(length, distance);
    list->counts.literal[257 + list->counts.lengths.code[length]]++;
    list->counts.distance[cached_distance_code(list->counts.cached_distance, list->counts.cached_code, distance)]++;
}

static int tokens_reserve(token_list *list, size_t more) {
    if (list->count + more <= list->capacity) return 0;
    size_t capacity = list->capacity ? list->capacity : 4096;
    while (capacity < list->count + more) capacity *= 2;
    uint32_t *items = realloc(list->items, capacity * sizeof(uint32_t));
    if (!items) return -1;
    list->items = items;
    list->capacity = capacity;
    return 0;
}

/// Appends copies of `length` bytes at `distance`, split so that none is shorter than DEFLATE
/// allows; a remainder under three bytes becomes literals taken from `stream` at `position`.
static int add_copies(token_list *list, const uint8_t *stream, size_t position, size_t length, uint32_t distance) {
    if (tokens_reserve(list, 2 * (length / MAX_COPY) + 4) != 0) return -1;
    while (length >= 3) {
        size_t take = length > MAX_COPY ? MAX_COPY : length;
        if (length > MAX_COPY && length - MAX_COPY < 3) take = length - 3;
        add_copy(list, (uint32_t)take, distance);
        position += take;
        length -= take;
    }
    while (length > 0) {
        add_literal(list, stream[position++]);
        length--;
    }
    return 0;
}

/// How many bytes from `position` (up to `end`) equal the bytes `distance` before them.
static inline size_t same_as_before(const uint8_t *stream, size_t position, size_t end, size_t distance) {
    const uint8_t *here = stream + position;
    const uint8_t *there = stream + position - distance;
    size_t limit = end - position;
    size_t n = 0;
    // Eight bytes at a time (runs of paper are long); the first difference found by its bit.
    while (n + 8 <= limit) {
        uint64_t a, b;
        memcpy(&a, here + n, 8);
        memcpy(&b, there + n, 8);
        uint64_t difference = a ^ b;
        if (difference) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            return n + (size_t)(__builtin_ctzll(difference) >> 3);
#else
            break;
#endif
        }
        n += 8;
    }
    while (n < limit && here[n] == there[n]) n++;
    return n;
}

/// Flags 0x80 in each byte of `x` that is zero, exactly (no carry runs from byte to byte).
static inline uint64_t zero_bytes(uint64_t x) {
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    return ~(((x & low7) + low7) | x | low7);
}

/// How many of the five bytes from `position` start no copy of MIN_COPY bytes, at a distance
/// of `bpp` or (when `above` is set) of `row_bytes`: 0-4 where one starts, 5 when none does.
/// Reads eight bytes from `position`, which the caller has within the row.
static inline size_t literals_ahead(const uint8_t *stream, size_t position, size_t bpp, size_t row_bytes, int above) {
    uint64_t here, before, up;
    memcpy(&here, stream + position, 8);
    memcpy(&before, stream + position - bpp, 8);
    uint64_t z = zero_bytes(here ^ before);
    if (above) {
        memcpy(&up, stream + position - row_bytes, 8);
        uint64_t u = zero_bytes(here ^ up);
        z = (z & z >> 8 & z >> 16 & z >> 24) | (u & u >> 8 & u >> 16 & u >> 24);
    } else {
        z = z & z >> 8 & z >> 16 & z >> 24;
    }
    // Bit 8k + 7 is set where a copy starts at byte k; only k = 0..4 have four bytes in the word.
    z &= 0x0000008080808080ull;
    return z ? (size_t)(__builtin_ctzll(z) >> 3) : 5;
}

/// The tokens of the filtered scanlines in `stream` (`rows` rows of `row_bytes` bytes, each a
/// filter byte then `bpp`-byte pixels); `same[y]` is set where row y repeats row y - 1.
static int tokenize(const uint8_t *stream, const uint8_t *same, size_t rows, size_t row_bytes, size_t bpp, token_list *list) {
    int up_allowed = row_bytes <= MAX_DISTANCE;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const int words = 1;
#else
    const int words = 0;
#endif
    for (size_t y = 0; y < rows; y++) {
        size_t start = y * row_bytes, end = start + row_bytes;
        if (y > 0 && up_allowed && same[y]) {
            if (add_copies(list, stream, start, row_bytes, (uint32_t)row_bytes) != 0) return -1;
            continue;
        }
        if (tokens_reserve(list, row_bytes + 1) != 0) return -1;
        int look_up = y > 0 && up_allowed;
        size_t i = start;
        while (i < end) {
            // Ink: up to five literals at a time, told from two eight-byte comparisons.
            if (words && i >= bpp && i + 8 <= end) {
                size_t literals = literals_ahead(stream, i, bpp, row_bytes, look_up);
                for (size_t k = 0; k < literals; k++) add_literal(list, stream[i + k]);
                i += literals;
                if (literals == 5) continue;
            }
            // Most ink bytes start no copy of MIN_COPY bytes: one four-byte comparison each turns
            // them away (a row's last few bytes are compared one by one).
            size_t run = 0, up = 0;
            if (i + MIN_COPY <= end) {
                uint32_t here, before, above;
                memcpy(&here, stream + i, 4);
                if (i >= bpp) {
                    memcpy(&before, stream + i - bpp, 4);
                    if (here == before) run = same_as_before(stream, i, end, bpp);
                }
                if (y > 0 && up_allowed && run < end - i) {
                    memcpy(&above, stream + i - row_bytes, 4);
                    if (here == above) up = same_as_before(stream, i, end, row_bytes);
                }
            }
            size_t length = run >= up ? run : up;
            if (length >= MIN_COPY) {
                uint32_t distance = (uint32_t)(run >= up ? bpp : row_bytes);
                while (length >= 3) {
                    size_t take = length > MAX_COPY ? MAX_COPY : length;
                    if (length > MAX_COPY && length - MAX_COPY < 3) take = length - 3;
                    add_copy(list, (uint32_t)take, distance);
                    i += take;
                    length -= take;
                }
                continue;
            }
            add_literal(list, stream[i++]);
        }
    }
    if (tokens_reserve(list, 1) != 0) return -1;
    flush_literals(list);
    return 0;
}

// MARK: - Huffman codes

/// Code lengths of minimum redundancy, in place (Moffat and Katajainen): `weights` holds the
/// `n` symbols' weights in ascending order and receives their code lengths.
static void minimum_redundancy(uint32_t *weights, int n) {
    if (n == 0) return;
    if (n == 1) { weights[0] = 1; return; }
    uint32_t *a = weights;
    int root = 0, leaf = 2, next;
    a[0] += a[1];
    for (next = 1; next < n - 1; next++) {
        if (leaf >= n || a[root] < a[leaf]) { a[next] = a[root]; a[root++] = (uint32_t)next; }
        else a[next] = a[leaf++];
        if (leaf >= n || (root < next && a[root] < a[leaf])) { a[next] += a[root]; a[root++] = (uint32_t)next; }
        else a[next] += a[leaf++];
    }
    a[n - 2] = 0;
    for (next = n - 3; next >= 0; next--) a[next] = a[a[next]] + 1;
    int available = 1, used = 0, depth = 0;
    root = n - 2;
    next = n - 1;
    while (available > 0) {
        while (root >= 0 && (int)a[root] == depth) { used++; root--; }
        while (available > used) { a[next--] = (uint32_t)depth; available--; }
        available = 2 * used;
        depth++;
        used = 0;
    }
}

typedef struct {
    uint32_t weight;
    uint16_t symbol;
} weighted_symbol;

static int by_weight(const void *x, const void *y) {
    const weighted_symbol *a = x, *b = y;
    if (a->weight != b->weight) return a->weight < b->weight ? -1 : 1;
    return a->symbol < b->symbol ? -1 : (a->symbol > b->symbol);
}

/// Code lengths (at most `max_bits`) for `count` symbols of the given frequencies. Two symbols at
/// least get a code, so every code is complete, as inflaters want.
static void code_lengths(const uint32_t *frequencies, int count, int max_bits, uint8_t *lengths) {
    weighted_symbol symbols[288];
    uint32_t weights[288];
    int used = 0;
    memset(lengths, 0, (size_t)count);
    for (int s = 0; s < count; s++) {
        if (frequencies[s]) symbols[used++] = (weighted_symbol){frequencies[s], (uint16_t)s};
    }
    for (int s = 0; used < 2 && s < count; s++) {
        if (!frequencies[s]) symbols[used++] = (weighted_symbol){1, (uint16_t)s};
    }
    qsort(symbols, (size_t)used, sizeof symbols[0], by_weight);
    for (int i = 0; i < used; i++) weights[i] = symbols[i].weight;
    minimum_redundancy(weights, used);

    // Lengths over the limit are folded back (miniz's way), keeping the Kraft sum exact.
    uint32_t per_length[64] = {0};
    for (int i = 0; i < used; i++) per_length[weights[i] < 63 ? weights[i] : 63]++;
    for (int l = max_bits + 1; l < 64; l++) { per_length[max_bits] += per_length[l]; per_length[l] = 0; }
    uint32_t total = 0;
    for (int l = max_bits; l > 0; l--) total += per_length[l] << (max_bits - l);
    while (total != (1u << max_bits)) {
        per_length[max_bits]--;
        for (int l = max_bits - 1; l > 0; l--) {
            if (per_length[l]) { per_length[l]--; per_length[l + 1] += 2; break; }
        }
        total--;
    }
    // The most frequent symbols take the shortest codes.
    int j = used;
    for (int l = 1; l <= max_bits; l++) {
        for (uint32_t k = per_length[l]; k > 0; k--) lengths[symbols[--j].symbol] = (uint8_t)l;
    }
}

/// Canonical codes for `lengths` (RFC 1951 3.2.2), bit-reversed for the LSB-first stream.
static void canonical_codes(const uint8_t *lengths, int count, uint16_t *codes) {
    uint16_t per_length[16] = {0}, next[16] = {0};
    for (int s = 0; s < count; s++) per_length[lengths[s]]++;
    per_length[0] = 0;
    uint16_t code = 0;
    for (int l = 1; l < 16; l++) {
        code = (uint16_t)((code + per_length[l - 1]) << 1);
        next[l] = code;
    }
    for (int s = 0; s < count; s++) {
        int l = lengths[s];
        if (!l) { codes[s] = 0; continue; }
        uint16_t c = next[l]++, reversed = 0;
        for (int b = 0; b < l; b++) { reversed = (uint16_t)((reversed << 1) | (c & 1)); c >>= 1; }
        codes[s] = reversed;
    }
}

// MARK: - Bits

typedef struct {
    uint8_t *bytes;
    size_t count;
    size_t capacity;
    uint64_t bits;
    int bit_count;
    int failed;
} bit_sink;

static void sink_reserve(bit_sink *sink, size_t more) {
    if (sink->failed || sink->count + more <= sink->capacity) return;
    size_t capacity = sink->capacity * 2;
    while (capacity < sink->count + more) capacity *= 2;
    uint8_t *bytes = realloc(sink->bytes, capacity);
    if (!bytes) { sink->failed = 1; return; }
    sink->bytes = bytes;
    sink->capacity = capacity;
}

static inline void put_bits(bit_sink *sink, uint32_t value, int count) {
    sink->bits |= (uint64_t)value << sink->bit_count;
    sink->bit_count += count;
    if (sink->bit_count >= 32) {
        uint32_t word = (uint32_t)sink->bits;
        uint8_t *out = sink->bytes + sink->count;
        out[0] = (uint8_t)word; out[1] = (uint8_t)(word >> 8); out[2] = (uint8_t)(word >> 16); out[3] = (uint8_t)(word >> 24);
        sink->count += 4;
        sink->bits >>= 32;
        sink->bit_count -= 32;
    }
}

static void flush_bits(bit_sink *sink) {
    while (sink->bit_count > 0) {
        sink->bytes[sink->count++] = (uint8_t)sink->bits;
        sink->bits >>= 8;
        sink->bit_count -= 8;
    }
    sink->bit_count = 0;
    sink->bits = 0;
}

static void put_bytes(bit_sink *sink, const void *bytes, size_t count) {
    sink_reserve(sink, count);
    if (sink->failed) return;
    memcpy(sink->bytes + sink->count, bytes, count);
    sink->count += count;
}

static void put_be32(bit_sink *sink, uint32_t value) {
    uint8_t b[4] = {(uint8_t)(value >> 24), (uint8_t)(value >> 16), (uint8_t)(value >> 8), (uint8_t)value};
    put_bytes(sink, b, 4);
}

/// Stores `value`'s eight bytes at `out`, lowest first.
static inline void store_le64(uint8_t *out, uint64_t value) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(out, &value, 8);
#else
    for (int b = 0; b < 8; b++) out[b] = (uint8_t)(value >> (8 * b));
#endif
}

// MARK: - DEFLATE

/// One final dynamic-Huffman block holding `tokens`, whose literals are read from `stream`.
static void deflate_block(token_list *tokens, const uint8_t *stream, bit_sink *sink) {
    uint32_t *lit_freq = tokens->counts.literal, *dist_freq = tokens->counts.distance;
    length_codes *lengths = &tokens->counts.lengths;
    uint32_t *cached_distance = tokens->counts.cached_distance;
    int *cached_code = tokens->counts.cached_code;
    lit_freq[256] = 1;

    uint8_t lit_len[286], dist_len[30];
    code_lengths(lit_freq, 286, 15, lit_len);
    code_lengths(dist_freq, 30, 15, dist_len);
    int lit_count = 286, dist_count = 30;
    while (lit_count > 257 && lit_len[lit_count - 1] == 0) lit_count--;
    while (dist_count > 1 && dist_len[dist_count - 1] == 0) dist_count--;

    // The code lengths, run-length coded with symbols 16, 17 and 18.
    uint8_t all[286 + 30];
    memcpy(all, lit_len, (size_t)lit_count);
    memcpy(all + lit_count, dist_len, (size_t)dist_count);
    int total = lit_count + dist_count;
    uint8_t rle_symbol[286 + 30];
    uint8_t rle_extra[286 + 30];
    int rle_count = 0;
    for (int i = 0; i < total;) {
        int value = all[i], run = 1;
        while (i + run < total && all[i + run] == value) run++;
        if (value == 0 && run >= 3) {
            int take = run > 138 ? 138 : run;
            if (take >= 11) { rle_symbol[rle_count] = 18; rle_extra[rle_count++] = (uint8_t)(take - 11); }
            else { rle_symbol[rle_count] = 17; rle_extra[rle_count++] = (uint8_t)(take - 3); }
            i += take;
        } else if (value != 0 && run >= 4) {
            rle_symbol[rle_count] = (uint8_t)value; rle_extra[rle_count++] = 0;
            int take = run - 1 > 6 ? 6 : run - 1;
            rle_symbol[rle_count] = 16; rle_extra[rle_count++] = (uint8_t)(take - 3);
            i += 1 + take;
        } else {
            rle_symbol[rle_count] = (uint8_t)value; rle_extra[rle_count++] = 0;
            i++;
        }
    }
    uint32_t clen_freq[19] = {0};
    for (int i = 0; i < rle_count; i++) clen_freq[rle_symbol[i]]++;
    uint8_t clen_len[19];
    code_lengths(clen_freq, 19, 7, clen_len);
    static const uint8_t order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    int clen_count = 19;
    while (clen_count > 4 && clen_len[order[clen_count - 1]] == 0) clen_count--;

    uint16_t lit_code[286], dist_code_bits[30], clen_code[19];
    canonical_codes(lit_len, 286, lit_code);
    canonical_codes(dist_len, 30, dist_code_bits);
    canonical_codes(clen_len, 19, clen_code);

    sink_reserve(sink, 1024);
    if (sink->failed) return;
    put_bits(sink, 1, 1);  // BFINAL
    put_bits(sink, 2, 2);  // BTYPE = dynamic Huffman
    put_bits(sink, (uint32_t)(lit_count - 257), 5);
    put_bits(sink, (uint32_t)(dist_count - 1), 5);
    put_bits(sink, (uint32_t)(clen_count - 4), 4);
    for (int i = 0; i < clen_count; i++) put_bits(sink, clen_len[order[i]], 3);
    for (int i = 0; i < rle_count; i++) {
        int s = rle_symbol[i];
        put_bits(sink, clen_code[s], clen_len[s]);
        if (s == 16) put_bits(sink, rle_extra[i], 2);
        else if (s == 17) put_bits(sink, rle_extra[i], 3);
        else if (s == 18) put_bits(sink, rle_extra[i], 7);
    }

    // The tokens, with the bit buffer in locals (the compiler keeps them in registers). After each
    // flush at most seven bits wait, so a copy (at most 48 bits) or three literals (45) fit.
    uint32_t lit_entry[286];
    for (int c = 0; c < 286; c++) lit_entry[c] = (uint32_t)lit_code[c] | (uint32_t)lit_len[c] << 16;
    uint64_t bits = sink->bits;
    int bit_count = sink->bit_count;
    const uint8_t *literal = stream;
#define PUT(value, count) do { bits |= (uint64_t)(value) << bit_count; bit_count += (count); } while (0)
#define PUT_LITERAL(byte) do { uint32_t e_ = lit_entry[byte]; PUT(e_ & 0xFFFF, e_ >> 16); } while (0)
#define FLUSH() do { store_le64(sink->bytes + sink->count, bits); int n_ = bit_count >> 3; sink->count += (size_t)n_; \
        bits >>= n_ * 8; bit_count &= 7; } while (0)
    for (size_t i = 0; i < tokens->count; i++) {
        uint32_t t = tokens->items[i];
        if (!(t & COPY_FLAG)) {
            // A run of t literals: at most 15 bits each, and eight bytes of slack for the stores.
            sink_reserve(sink, 2 * (size_t)t + 16);
            if (sink->failed) return;
            const uint8_t *stop = literal + t;
            while (stop - literal >= 3) {
                PUT_LITERAL(literal[0]);
                PUT_LITERAL(literal[1]);
                PUT_LITERAL(literal[2]);
                FLUSH();
                literal += 3;
            }
            while (literal < stop) {
                PUT_LITERAL(*literal);
                literal++;
            }
            FLUSH();
            continue;
        }
        sink_reserve(sink, 16);
        if (sink->failed) return;
        uint32_t length = t & 0x1FF, distance = (t >> 9) & 0xFFFF;
        if (distance == 0) distance = MAX_DISTANCE;
        literal += length;
        int lc = lengths->code[length];
        PUT(lit_code[257 + lc], lit_len[257 + lc]);
        PUT(length - length_base[lc], length_extra[lc]);
        int dc = cached_distance_code(cached_distance, cached_code, distance);
        PUT(dist_code_bits[dc], dist_len[dc]);
        PUT(distance - distance_base[dc], distance_extra[dc]);
        FLUSH();
    }
#undef PUT
#undef PUT_LITERAL
#undef FLUSH
    sink->bits = bits;
    sink->bit_count = bit_count;
    sink_reserve(sink, 16);
    if (sink->failed) return;
    put_bits(sink, lit_code[256], lit_len[256]);
    flush_bits(sink);
}

// MARK: - PNG

/// The two layouts a page is written in.
typedef enum {
    /// 4-bit grey, two pixels a byte: sixteen levels, which anti-aliased type needs no more of.
    layout_grey4,
    /// 8-bit RGB, three bytes a pixel.
    layout_rgb8,
} layout;

/// The nearest of sixteen levels (0, 17, ... 255) to a pixel's blue channel: (v + 8) / 17,
/// by a multiplication.
static inline uint32_t grey4(uint32_t pixel) { return (((pixel & 0xFF) + 8) * 3856) >> 16; }

/// Bytes of one scanline in `form`, the filter byte included.
static size_t row_bytes_of(layout form, int width) {
    return form == layout_grey4 ? ((size_t)width + 1) / 2 + 1 : (size_t)width * 3 + 1;
}

/// Fills `stream` with the filtered scanlines (filter type 0, then the pixels) in `form`, and
/// `same[y]` with whether row y repeats row y - 1, which is told from the pixels and costs no
/// conversion. In grey (taking the blue channel, each level rounded to the nearest of sixteen),
/// returns 1 as soon as a pixel is not grey. `paper[y]`, when given, is set where every pixel of
/// row y is white. `*adler` receives the Adler-32 of the whole stream,
/// a repeated row's combined in without reading it again.
static int scanlines(const uint8_t *pixels, int width, int height, int stride, layout form, uint8_t *stream, uint8_t *same,
                     uint8_t *paper, uLong *adler) {
    size_t row_bytes = row_bytes_of(form, width);
    uLong total = adler32(0L, Z_NULL, 0), row_adler = total;
    for (int y = 0; y < height; y++) {
        const uint8_t *source = pixels + (size_t)y * (size_t)stride;
        uint8_t *out = stream + (size_t)y * row_bytes;
        same[y] = y > 0 && memcmp(source, source - stride, (size_t)width * 4) == 0;
        if (same[y]) {
            if (paper) paper[y] = paper[y - 1];
            memcpy(out, out - row_bytes, row_bytes);
            total = adler32_combine(total, row_adler, (z_off_t)row_bytes);
            continue;
        }
        const uint32_t *row = (const uint32_t *)(const void *)source;
        out[0] = 0;
        uint32_t all = 0xFFFFFF;
        if (form == layout_grey4) {
            // Two plain loops, which the compiler turns into vector code.
            uint32_t colour = 0;
            for (int x = 0; x < width; x++) {
                colour |= (row[x] ^ (row[x] >> 8)) & 0xFFFF;
                all &= row[x];
            }
            if (colour) return 1;
            uint8_t *o = out + 1;
            int pairs = width / 2;
            for (int x = 0; x < pairs; x++) o[x] = (uint8_t)(grey4(row[2 * x]) << 4 | grey4(row[2 * x + 1]));
            if (width & 1) o[pairs] = (uint8_t)(grey4(row[width - 1]) << 4);
        } else {
            uint8_t *o = out + 1;
            for (int x = 0; x < width; x++) {
                uint32_t p = row[x];
                all &= p;
                o[0] = (uint8_t)(p >> 16); o[1] = (uint8_t)(p >> 8); o[2] = (uint8_t)p;
                o += 3;
            }
        }
        if (paper) paper[y] = all == 0xFFFFFF;
        row_adler = adler32(adler32(0L, Z_NULL, 0), out, (uInt)row_bytes);
        total = adler32_combine(total, row_adler, (z_off_t)row_bytes);
    }
    *adler = total;
    return 0;
}

static void put_chunk_end(bit_sink *sink, size_t chunk_start) {
    // The chunk's length field is at chunk_start, its type and data follow.
    size_t data_length = sink->count - chunk_start - 8;
    uint8_t *p = sink->bytes + chunk_start;
    p[0] = (uint8_t)(data_length >> 24); p[1] = (uint8_t)(data_length >> 16); p[2] = (uint8_t)(data_length >> 8); p[3] = (uint8_t)data_length;
    uLong crc = crc32(0L, Z_NULL, 0);
    // crc32 takes a uInt length: feed large chunks in pieces.
    const uint8_t *q = p + 4;
    size_t remaining = data_length + 4;
    while (remaining > 0) {
        uInt piece = remaining > (1u << 30) ? (1u << 30) : (uInt)remaining;
        crc = crc32(crc, q, piece);
        q += piece;
        remaining -= piece;
    }
    put_be32(sink, (uint32_t)crc);
}

static void begin_chunk(bit_sink *sink, const char *type) {
    uint8_t placeholder[4] = {0, 0, 0, 0};
    put_bytes(sink, placeholder, 4);
    put_bytes(sink, type, 4);
}

int scrutiny_png_encode(const uint8_t *pixels, int width, int height, int stride, scrutiny_png *out) {
    return scrutiny_png_encode_finding_paper(pixels, width, height, stride, out, NULL);
}

int scrutiny_png_encode_finding_paper(const uint8_t *pixels, int width, int height, int stride, scrutiny_png *out,
                                      uint8_t *paper_rows) {
    out->bytes = NULL;
    out->count = 0;
    if (!pixels || width <= 0 || height <= 0 || stride < width * 4 || width > (1 << 24) || height > (1 << 24)) return -1;

    uint8_t *same = malloc((size_t)height);
    layout form = layout_grey4;
    uint8_t *stream = malloc((size_t)height * row_bytes_of(form, width));
    if (!same || !stream) { free(same); free(stream); return -1; }
    uLong adler = 0;
    if (scanlines(pixels, width, height, stride, form, stream, same, paper_rows, &adler)) {
        form = layout_rgb8;
        free(stream);
        stream = malloc((size_t)height * row_bytes_of(form, width));
        if (!stream) { free(same); return -1; }
        scanlines(pixels, width, height, stride, form, stream, same, paper_rows, &adler);
    }
    size_t bpp = form == layout_grey4 ? 1 : 3;
    size_t row_bytes = row_bytes_of(form, width);
    size_t stream_bytes = (size_t)height * row_bytes;

    token_list tokens = {0};
    make_length_codes(&tokens.counts.lengths);
    int tokenized = tokenize(stream, same, (size_t)height, row_bytes, bpp, &tokens);
    free(same);
    if (tokenized != 0) {
        free(tokens.items);
        free(stream);
        return -1;
    }

    bit_sink sink = {0};
    sink.capacity = stream_bytes / 4 + 4096;
    sink.bytes = malloc(sink.capacity);
    if (!sink.bytes) { free(tokens.items); free(stream); return -1; }

    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    put_bytes(&sink, signature, 8);
    size_t ihdr = sink.count;
    begin_chunk(&sink, "IHDR");
    put_be32(&sink, (uint32_t)width);
    put_be32(&sink, (uint32_t)height);
    // 4-bit grey or 8-bit RGB; deflate; filter method 0; no interlace.
    uint8_t header[5] = {form == layout_grey4 ? 4 : 8, form == layout_grey4 ? 0 : 2, 0, 0, 0};
    put_bytes(&sink, header, 5);
    put_chunk_end(&sink, ihdr);

    size_t idat = sink.count;
    begin_chunk(&sink, "IDAT");
    uint8_t zlib_header[2] = {0x78, 0x01};
    put_bytes(&sink, zlib_header, 2);
    deflate_block(&tokens, stream, &sink);
    put_be32(&sink, (uint32_t)adler);
    put_chunk_end(&sink, idat);

    size_t iend = sink.count;
    begin_chunk(&sink, "IEND");
    put_chunk_end(&sink, iend);

    free(tokens.items);
    free(stream);
    if (sink.failed) { free(sink.bytes); return -1; }
    out->bytes = sink.bytes;
    out->count = sink.count;
    return 0;
}

void scrutiny_png_free(scrutiny_png *png) {
    if (!png) return;
    free(png->bytes);
    png->bytes = NULL;
    png->count = 0;
}
