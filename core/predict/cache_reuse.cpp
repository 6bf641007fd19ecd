#include "predict/cache_reuse.h"

#include "predict/operator_costs.h"

#include <algorithm>
#include <map>

namespace layerlens::core {

namespace {

// 0 up to one capacity, 1 from two on, linear between.
double overflow(double bytes, double capacity)
{
    return capacity > 0 ? std::clamp(bytes / capacity - 1, 0.0, 1.0) : 0.0;
}

} // namespace

double BlockReads::coldBytes(double capacity, double factor) const
{
    const double cachedAlone = 1 - overflow(footprint.at(factor), capacity);
    if (cachedAlone <= 0)
        return 0;
    double cold = 0;
    for (const Read &r : reads)
        cold += r.bytes.at(factor) * overflow(r.distance.at(factor), capacity);
    return cold * cachedAlone;
}

double BlockReads::kernelOverflow(double capacity, double factor) const
{
    return overflow(sinceSameKernel.at(factor), capacity);
}

std::vector<BlockReads> blockReads(const Graph &graph, const std::vector<std::vector<int>> &blocks)
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
    return out;
}

} // namespace layerlens::core
