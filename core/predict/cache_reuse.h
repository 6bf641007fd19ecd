#pragma once

#include "graph/conv_backend.h"
#include "graph/graph.h"

#include <cstdint>
#include <vector>

namespace layerlens::core {

// A size in bytes as a part that stays (weights) plus a part that scales with
// the batch (activations, at the batch the network was analysed with).
struct BatchBytes
{
    double fixed = 0;
    double perBatch = 0;
    double at(double factor) const { return fixed + perBatch * factor; }
};

// What one block reads and how much the network touched since: a module
// profiled alone runs again and again on the same data, which stays in the
// caches while it fits; inside a network a block reads weights last used a
// whole run ago and activations written several layers before, and finds
// them in the caches only if less than their capacity was touched since.
struct BlockReads
{
    struct Read
    {
        BatchBytes bytes;
        BatchBytes distance; // bytes the blocks between the last touch and this read touched
        // Where the read is a convolution's temporary buffer, the library
        // that allocates it: counted only where the block runs on it.
        std::optional<ConvBackend> library;
    };
    std::vector<Read> reads;
    // The block's convolution, whose library (conv_backend.h) decides which
    // temporary buffers it writes.
    std::optional<ConvCall> conv;
    BatchBytes footprint; // what the block itself touches: weights, inputs, outputs
    // What the network touched since the last block of the same operators
    // ran (a whole run for the first one): a module measured alone finds
    // its kernel's code and the runtime's state for it in the caches, a
    // block inside a network only if the blocks between left them there.
    BatchBytes sinceSameKernel;
    // No block of the same operators ran before it in the run: its kernel
    // last ran a whole run ago (first_run_costs.h).
    bool firstOfKernel = false;

    // Bytes read from beyond a cache of `capacity` bytes inside the network
    // that a run of the block alone would find in it, at factor times the
    // analysed batch. Soft edges: data touched within one capacity is
    // cached, beyond two it is not, linear between; a block whose own
    // footprint exceeds the capacity misses it alone too, just as much.
    // A convolution's temporaries count where it runs on their library at
    // that batch and number of threads.
    double coldBytes(double capacity, double factor, int threads = 1) const;
    // How far the blocks since the same kernel ran overflowed a cache of
    // `capacity`: 0 when they fitted, 1 from twice the capacity on.
    double kernelOverflow(double capacity, double factor) const;
};

// Per block (each a list of node indices in execution order, every run-time
// node of the graph in one block at most), its reads with their reuse
// distances. Views share their input's buffer; weights and the network's
// inputs were last touched one run earlier. The buffers a block writes,
// its outputs and a convolution's temporaries, count as reads too: the
// executor's allocator hands out memory earlier blocks used, which the
// write brings into the caches (see cache_reuse.cpp); without
// writtenBuffers, as profiles calibrated before they were counted fitted
// their costs, only what blocks read.
std::vector<BlockReads> blockReads(const Graph &graph, const std::vector<std::vector<int>> &blocks,
                                   bool writtenBuffers = true);

} // namespace layerlens::core
