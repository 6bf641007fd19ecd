#include "runtime/kernels/spatial.h"

namespace layerlens::core::kernels {

Window windowOf(const KernelContext &c, const std::vector<int64_t> &spatial,
                const std::vector<int64_t> &kernel)
{
    const size_t n = spatial.size();
    Window w;
    w.kernel = c.attrInts("kernel_shape").value_or(kernel);
    w.strides = c.attrInts("strides").value_or(std::vector<int64_t>(n, 1));
    w.dilations = c.attrInts("dilations").value_or(std::vector<int64_t>(n, 1));
    TORCH_CHECK(w.kernel.size() == n && w.strides.size() == n && w.dilations.size() == n,
                "window attributes do not match the input's rank");
    const QString autoPad = c.attrString("auto_pad", QStringLiteral("NOTSET"));
    w.padBegin.assign(n, 0);
    w.padEnd.assign(n, 0);
    if (autoPad == QLatin1String("SAME_UPPER") || autoPad == QLatin1String("SAME_LOWER")) {
        for (size_t i = 0; i < n; ++i) {
            const int64_t out = (spatial[i] + w.strides[i] - 1) / w.strides[i];
            const int64_t extent = (w.kernel[i] - 1) * w.dilations[i] + 1;
            const int64_t total =
                std::max<int64_t>((out - 1) * w.strides[i] + extent - spatial[i], 0);
            const int64_t small = total / 2;
            w.padBegin[i] = autoPad == QLatin1String("SAME_UPPER") ? small : total - small;
            w.padEnd[i] = total - w.padBegin[i];
        }
    } else if (autoPad != QLatin1String("VALID")) {
        const auto pads = c.attrInts("pads");
        if (pads) {
            TORCH_CHECK(pads->size() == 2 * n, "pads has the wrong length");
            for (size_t i = 0; i < n; ++i) {
                w.padBegin[i] = (*pads)[i];
                w.padEnd[i] = (*pads)[i + n];
            }
        }
    }
    return w;
}

at::Tensor padSpatial(const at::Tensor &x, const std::vector<int64_t> &begin,
                      const std::vector<int64_t> &end, double value)
{
    // constant_pad_nd takes (last-dim begin, last-dim end, previous dim...).
    std::vector<int64_t> pad;
    for (size_t i = begin.size(); i-- > 0;) {
        pad.push_back(begin[i]);
        pad.push_back(end[i]);
    }
    return at::constant_pad_nd(x, pad, value);
}

} // namespace layerlens::core::kernels
