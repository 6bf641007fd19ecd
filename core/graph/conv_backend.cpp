#include "graph/conv_backend.h"

#include "graph/graph.h"

#include <algorithm>

namespace layerlens::core {

ConvCall squareConvCall(int64_t batch, int64_t inChannels, int64_t size, int64_t kernel,
                        int64_t stride, int threads)
{
    ConvCall call;
    call.batch = batch;
    call.inChannels = inChannels;
    call.height = call.width = size;
    call.kernelHeight = call.kernelWidth = kernel;
    call.stride = stride;
    call.threads = threads;
    return call;
}

ConvBackend convBackend(const ConvCall &c)
{
    // "For 1x1 filters, MKLDNN is faster than THNN when multi-threaded, but
    // THNN is faster when single-threaded" is LibTorch's own reason.
    const bool notPlain1x1 = c.stride != 1 || c.dilation != 1 || c.batch >= 16 ||
                             c.kernelHeight != 1 || c.kernelWidth != 1 || c.threads > 1;
    const bool largeEnough = c.groups > 1 || (c.kernelHeight > 3 && c.kernelWidth > 3) ||
                             c.batch > 1 || c.batch * c.inChannels * c.height * c.width > 20480;
    return notPlain1x1 && largeEnough ? ConvBackend::OneDnn : ConvBackend::Gemm;
}

std::optional<ConvCall> convCallOf(const Graph &graph, int node)
{
    const Node &n = graph.nodes[node];
    if (n.opType != QLatin1String("Conv") || n.inputs.size() < 2 || n.inputs[0] < 0 ||
        n.inputs[1] < 0)
        return std::nullopt;
    const Tensor &x = graph.tensors[n.inputs[0]];
    const Tensor &w = graph.tensors[n.inputs[1]];
    if (!x.shape.rankKnown || x.shape.dims.size() != 4 || !w.shape.rankKnown ||
        w.shape.dims.size() != 4 || !isFloatingPoint(x.type))
        return std::nullopt;
    for (int64_t d : x.shape.dims) {
        if (d <= 0)
            return std::nullopt;
    }
    const auto largest = [&](const char *key) {
        const auto values = n.attrInts(QString::fromLatin1(key));
        return values && !values->empty() ? *std::max_element(values->begin(), values->end())
                                          : int64_t(1);
    };
    ConvCall call;
    call.batch = x.shape.dims[0];
    call.inChannels = x.shape.dims[1];
    call.height = x.shape.dims[2];
    call.width = x.shape.dims[3];
    call.kernelHeight = w.shape.dims[2];
    call.kernelWidth = w.shape.dims[3];
    call.stride = largest("strides");
    call.dilation = largest("dilations");
    call.groups = n.attrInt(QStringLiteral("group"), 1);
    return call;
}

} // namespace layerlens::core
