// Block-level liveness of a network's activations (NetworkPredictor): what
// each block keeps alive and writes, for the peak memory and for the writes
// beyond the run's high-water mark that the cache-miss costs charge.
#include "predict/network_predictor.h"

#include "graph/element_type.h"
#include "predict/operator_costs.h"

#include <algorithm>

namespace layerlens::core {

void NetworkPredictor::computeBlockLiveness(const Graph &graph)
{
    // Liveness at block level, as the executor allocates: activations a
    // block passes on live from their block to the last block that reads
    // them (graph outputs to the end); tensors used only inside a block are
    // part of its module's measured memory; views (reshapes) share their
    // input's buffer; the network's inputs exist before it runs.
    const int blocks = static_cast<int>(m_blocks.size());
    std::vector<int> blockOf(graph.nodes.size(), -1);
    for (int b = 0; b < blocks; ++b) {
        for (int n : m_blocks[b].nodes)
            blockOf[n] = b;
        const std::vector<int> &in = graph.nodes[m_blocks[b].nodes.front()].inputs;
        m_blocks[b].readsNetworkInput = !in.empty() && in.front() >= 0 &&
                                        graph.tensors[in.front()].producer < 0 &&
                                        !graph.tensors[in.front()].isConstant();
    }
    std::vector<int> lastUse(graph.tensors.size(), -1);
    for (size_t n = 0; n < graph.nodes.size(); ++n) {
        if (blockOf[n] < 0 || isViewNode(graph, static_cast<int>(n)))
            continue;
        for (int t : graph.nodes[n].inputs) {
            const int r = t >= 0 ? bufferOf(graph, t) : -1;
            if (r >= 0)
                lastUse[r] = std::max(lastUse[r], blockOf[n]);
        }
    }
    for (int o : graph.outputs) {
        const int r = bufferOf(graph, o);
        if (r >= 0)
            lastUse[r] = blocks;
    }
    m_aliveBefore.assign(blocks, 0);
    m_ownOutput.assign(blocks, 0);
    for (size_t t = 0; t < graph.tensors.size(); ++t) {
        const Tensor &tensor = graph.tensors[t];
        const int producer = tensor.producer;
        if (tensor.isConstant() || producer < 0 || blockOf[producer] < 0 ||
            isViewNode(graph, producer))
            continue;
        const int start = blockOf[producer];
        const int end = lastUse[t];
        if (end <= start)
            continue; // used inside its block only (or never)
        const int64_t bytes = std::max<int64_t>(tensor.byteSize(), 0);
        m_ownOutput[start] += bytes;
        for (int b = start + 1; b <= std::min(end, blocks - 1); ++b)
            m_aliveBefore[b] += bytes;
    }
    // Writes to memory the run has not touched yet: the executor's
    // allocator hands a block the buffers earlier blocks of the run freed,
    // and only where what is alive grows past the run's high-water mark
    // does it write memory last touched a whole run ago, which the caches
    // no longer hold (a module measured alone writes the same buffers at
    // every repetition). The executor's copies of the network's 4-D inputs
    // in its channels-last layout are written first, in the first block's
    // time, and stay alive through the run.
    m_coldWrite.assign(blocks, 0);
    int64_t inputCopies = 0;
    for (int t : graph.inputs) {
        const Tensor &tensor = graph.tensors[t];
        if (tensor.shape.rankKnown && tensor.shape.dims.size() == 4 && isFloatingPoint(tensor.type))
            inputCopies += std::max<int64_t>(tensor.byteSize(), 0);
    }
    int64_t highWater = 0;
    for (int b = 0; b < blocks; ++b) {
        const int64_t alive = inputCopies + m_aliveBefore[b] + m_ownOutput[b];
        m_coldWrite[b] = std::max<int64_t>(0, alive - highWater);
        highWater = std::max(highWater, alive);
    }
}

} // namespace layerlens::core
