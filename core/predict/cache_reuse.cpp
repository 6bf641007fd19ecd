#include "predict/cache_reuse.h"

#include "predict/block_memory.h"
#include "predict/operator_costs.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace layerlens::core {

namespace {

// 0 up to one capacity, 1 from two on, linear between.
double overflow(double bytes, double capacity)
{
    return capacity > 0 ? std::clamp(bytes / capacity - 1, 0.0, 1.0) : 0.0;
}

// A temporary buffer a block's convolution allocates and frees inside its
// call on one of the two libraries (convTemporaries, block_memory.h).
struct Temporary
{
    BatchBytes bytes;
    ConvBackend library;
};

std::vector<Temporary> temporariesOf(const Graph &graph, int node, const ConvCall &call)
{
    const Node &n = graph.nodes[node];
    const double weights = double(std::max<int64_t>(graph.tensors[n.inputs[1]].byteSize(), 0));
    const int out = n.outputs.empty() ? -1 : n.outputs[0];
    if (out < 0 || graph.tensors[out].shape.dims.size() != 4)
        return {};
    const double outChannels = double(graph.tensors[out].shape.dims[1]);
    const double output = double(std::max<int64_t>(graph.tensors[out].byteSize(), 0));
    const bool wide = call.kernelHeight > 1 || call.kernelWidth > 1;
    std::vector<Temporary> temps;
    for (ConvBackend library : {ConvBackend::OneDnn, ConvBackend::Gemm}) {
        const ConvTemporaries t =
            convTemporaries(library == ConvBackend::Gemm, wide, call.stride > 1,
                            double(call.kernelHeight * call.kernelWidth), double(call.inChannels),
                            outChannels, output);
        for (int copy = 0; copy < t.weightCopies; ++copy)
            temps.push_back({{weights, 0}, library});
        if (t.im2colBytes > 0)
            temps.push_back({{0, t.im2colBytes}, library});
    }
    return temps;
}

// The buffers a block writes are not fresh memory: the executor's
// allocator (allocation_tracker.h) hands out the buffer of the same size
// freed last, so a block's output and its convolution's temporaries land
// where earlier data lay: last touched a few layers ago where a buffer of
// that size was freed recently, a whole run ago where the size is new to
// this part of the network (the first block of a stage, the first
// convolution with a stage's weight size). Writing a buffer brings its
// lines into the caches as reading would, so each becomes a read at the
// distance since the buffer was last touched. The allocator is replayed
// over two runs, in steady state on the second: a size's free list is last
// in first out; a block allocates its outputs, then its temporaries, which
// it frees before the tensors it read last; a tensor is freed after the
// last block that reads it (through views), graph outputs at the end of the
// run; the executor's copies of 4-D inputs are taken before the first
// block. Temporaries follow the library the convolution runs on at the
// analysed batch on one thread; the other library's are read at the
// distance of the buffer its allocation would have taken. Tensors used only
// inside their block are left out (written in place, or a module's own).
void addWrittenBufferReads(const Graph &graph, const std::vector<std::vector<int>> &reads,
                           const std::vector<std::vector<int>> &writes,
                           const std::vector<std::vector<Temporary>> &temps,
                           const std::vector<BatchBytes> &touched, std::vector<BlockReads> *out)
{
    const int count = static_cast<int>(reads.size());
    if (count == 0)
        return;
    std::vector<int> lastUse(graph.tensors.size(), -1);
    for (int b = 0; b < count; ++b) {
        for (int t : reads[b])
            lastUse[t] = std::max(lastUse[t], b);
    }
    std::vector<bool> output(graph.tensors.size(), false);
    for (int o : graph.outputs) {
        if (o >= 0)
            output[bufferOf(graph, o)] = true;
    }
    auto activation = [&](int t) {
        const Tensor &tensor = graph.tensors[t];
        return !tensor.isConstant() && tensor.byteSize() > 0 && bufferOf(graph, t) == t;
    };
    // Per block, the tensors it allocates and those freed after it.
    std::vector<std::vector<int>> allocs(count), frees(count);
    std::vector<int> inputs, outputs;
    for (int t : graph.inputs) {
        const Tensor &tensor = graph.tensors[t];
        if (activation(t) && tensor.shape.rankKnown && tensor.shape.dims.size() == 4 &&
            isFloatingPoint(tensor.type) && lastUse[t] >= 0 && !output[t]) {
            inputs.push_back(t);
            frees[lastUse[t]].push_back(t);
        }
    }
    for (int b = 0; b < count; ++b) {
        for (int t : writes[b]) {
            if (!activation(t) || (lastUse[t] <= b && !output[t]))
                continue;
            allocs[b].push_back(t);
            if (!output[t])
                frees[lastUse[t]].push_back(t);
        }
    }
    for (int t = 0; t < int(graph.tensors.size()); ++t) {
        if (output[t] && activation(t))
            outputs.push_back(t);
    }

    // Positions run over two runs: block b of run r is r * count + b.
    const BatchBytes run = touched[count];
    auto before = [&](int position) { // what blocks [0, position) touched
        const int r = position / count, b = position % count;
        return BatchBytes{r * run.fixed + touched[b].fixed, r * run.perBatch + touched[b].perBatch};
    };
    auto distance = [&](int last, int position) {
        if (last < 0)
            return run;
        const BatchBytes from = before(last + 1), to = before(position);
        return BatchBytes{to.fixed - from.fixed, to.perBatch - from.perBatch};
    };
    using Size = std::pair<double, double>; // fixed, per batch: sizes equal at every batch
    std::map<Size, std::vector<int>> free;  // buffer ids, freed last at the back
    std::vector<int> lastTouched;           // per buffer id: the position
    auto take = [&](const BatchBytes &bytes, int position, int *previous) {
        std::vector<int> &list = free[{bytes.fixed, bytes.perBatch}];
        int id;
        if (list.empty()) {
            id = static_cast<int>(lastTouched.size());
            lastTouched.push_back(-1);
        } else {
            id = list.back();
            list.pop_back();
        }
        *previous = lastTouched[id];
        lastTouched[id] = position;
        return id;
    };
    auto release = [&](const BatchBytes &bytes, int id) {
        free[{bytes.fixed, bytes.perBatch}].push_back(id);
    };
    auto sizeOf = [&](int t) {
        return BatchBytes{0, double(graph.tensors[t].byteSize())};
    };
    std::vector<int> idOf(graph.tensors.size(), -1);
    std::vector<std::pair<BatchBytes, int>> held;
    for (int r = 0; r < 2; ++r) {
        int previous = -1;
        for (int t : inputs)
            idOf[t] = take(sizeOf(t), r * count, &previous);
        for (int b = 0; b < count; ++b) {
            const int position = r * count + b;
            BlockReads &block = (*out)[b];
            for (int t : reads[b]) {
                if (idOf[t] >= 0)
                    lastTouched[idOf[t]] = position;
            }
            for (int t : allocs[b]) {
                idOf[t] = take(sizeOf(t), position, &previous);
                if (r == 1)
                    block.reads.push_back({sizeOf(t), distance(previous, position), std::nullopt});
            }
            const std::optional<ConvBackend> library =
                block.conv ? std::optional<ConvBackend>(convBackend(*block.conv)) : std::nullopt;
            held.clear();
            for (const Temporary &temp : temps[b]) {
                if (temp.library == library) {
                    held.push_back({temp.bytes, take(temp.bytes, position, &previous)});
                } else {
                    const auto it = free.find({temp.bytes.fixed, temp.bytes.perBatch});
                    previous = it == free.end() || it->second.empty()
                                   ? -1
                                   : lastTouched[it->second.back()];
                }
                if (r == 1)
                    block.reads.push_back({temp.bytes, distance(previous, position), temp.library});
            }
            for (auto h = held.rbegin(); h != held.rend(); ++h)
                release(h->first, h->second);
            for (int t : frees[b])
                release(sizeOf(t), idOf[t]);
        }
        for (int t : outputs)
            release(sizeOf(t), idOf[t]);
    }
}

} // namespace

double BlockReads::coldBytes(double capacity, double factor, int threads) const
{
    const double cachedAlone = 1 - overflow(footprint.at(factor), capacity);
    if (cachedAlone <= 0)
        return 0;
    std::optional<ConvBackend> library;
    if (conv) {
        ConvCall call = *conv;
        call.batch = std::max<int64_t>(1, std::llround(double(call.batch) * factor));
        call.threads = threads;
        library = convBackend(call);
    }
    double cold = 0;
    for (const Read &r : reads) {
        if (r.library && r.library != library)
            continue;
        cold += r.bytes.at(factor) * overflow(r.distance.at(factor), capacity);
    }
    return cold * cachedAlone;
}

double BlockReads::kernelOverflow(double capacity, double factor) const
{
    return overflow(sinceSameKernel.at(factor), capacity);
}

std::vector<BlockReads> blockReads(const Graph &graph, const std::vector<std::vector<int>> &blocks,
                                   bool writtenBuffers)
{
    const int count = static_cast<int>(blocks.size());
    auto sizeOf = [&](int t) {
        const Tensor &tensor = graph.tensors[t];
        const double bytes = double(std::max<int64_t>(tensor.byteSize(), 0));
        return tensor.isConstant() ? BatchBytes{bytes, 0} : BatchBytes{0, bytes};
    };

    // Per block: the buffers it reads from outside itself, and all it touches.
    std::vector<BlockReads> out(count);
    std::vector<std::vector<int>> reads(count), writes(count);
    std::vector<std::vector<Temporary>> temps(count);
    auto sortedUnique = [](std::vector<int> *v) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    };
    std::vector<int> inside;
    for (int b = 0; b < count; ++b) {
        inside.clear();
        for (int n : blocks[b]) {
            for (int t : graph.nodes[n].outputs) {
                if (t >= 0)
                    inside.push_back(t);
            }
        }
        sortedUnique(&inside);
        std::vector<int> &read = reads[b], &written = writes[b];
        for (int n : blocks[b]) {
            if (isViewNode(graph, n))
                continue;
            for (int t : graph.nodes[n].inputs) {
                if (t < 0 || std::binary_search(inside.begin(), inside.end(), t))
                    continue;
                read.push_back(bufferOf(graph, t));
            }
            for (int t : graph.nodes[n].outputs) {
                if (t >= 0)
                    written.push_back(t);
            }
        }
        sortedUnique(&read);
        sortedUnique(&written);
        BatchBytes &footprint = out[b].footprint;
        for (const std::vector<int> *set : {&read, &written}) {
            for (int t : *set) {
                const BatchBytes s = sizeOf(t);
                footprint.fixed += s.fixed;
                footprint.perBatch += s.perBatch;
            }
        }
        for (int n : blocks[b]) {
            if (!writtenBuffers)
                break;
            if (const auto call = convCallOf(graph, n); call && !out[b].conv) {
                out[b].conv = call;
                temps[b] = temporariesOf(graph, n, *call);
                const ConvBackend library = convBackend(*call);
                for (const Temporary &temp : temps[b]) {
                    if (temp.library == library) {
                        footprint.fixed += temp.bytes.fixed;
                        footprint.perBatch += temp.bytes.perBatch;
                    }
                }
            }
        }
    }

    // Prefix sums of the footprints: what blocks [a, b) touched is
    // touched[b] - touched[a].
    std::vector<BatchBytes> touched(count + 1);
    for (int b = 0; b < count; ++b) {
        touched[b + 1] = {touched[b].fixed + out[b].footprint.fixed,
                          touched[b].perBatch + out[b].footprint.perBatch};
    }
    auto between = [&](int from, int to) { // blocks from+1 .. to-1
        return BatchBytes{touched[to].fixed - touched[from + 1].fixed,
                          touched[to].perBatch - touched[from + 1].perBatch};
    };
    const BatchBytes run = touched[count];

    // A block's kernel: the sequence of its operator types, each numbered.
    std::map<QString, int> opIds;
    auto kernelOf = [&](int b) {
        std::vector<int> ops;
        ops.reserve(blocks[b].size());
        for (int n : blocks[b])
            ops.push_back(
                opIds.try_emplace(graph.nodes[n].opType, int(opIds.size())).first->second);
        return ops;
    };
    auto restOfRun = [&](int b) {
        return BatchBytes{run.fixed - out[b].footprint.fixed,
                          run.perBatch - out[b].footprint.perBatch};
    };
    std::map<std::vector<int>, int> lastRun;
    std::vector<int> lastTouch(graph.tensors.size(), -1);
    for (int b = 0; b < count; ++b) {
        const auto [last, first] = lastRun.try_emplace(kernelOf(b), b);
        out[b].sinceSameKernel = first ? restOfRun(b) : between(last->second, b);
        out[b].firstOfKernel = first;
        last->second = b;
        for (int t : reads[b]) {
            BlockReads::Read r;
            r.bytes = sizeOf(t);
            if (lastTouch[t] >= 0) {
                r.distance = between(lastTouch[t], b);
            } else {
                // Weights and the network's inputs: the rest of the previous run.
                r.distance = restOfRun(b);
            }
            out[b].reads.push_back(r);
            lastTouch[t] = b;
        }
        for (int t : writes[b])
            lastTouch[t] = b;
    }
    if (writtenBuffers)
        addWrittenBufferReads(graph, reads, writes, temps, touched, &out);
    return out;
}

} // namespace layerlens::core
