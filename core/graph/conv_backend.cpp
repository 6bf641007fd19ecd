#include "graph/conv_backend.h"

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

} // namespace layerlens::core
