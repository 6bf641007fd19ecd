#pragma once

// What a block allocates in a run where its shapes and the library the
// executor hands it to say so, rather than a module's memory model.

#include <Eigen/Dense>

#include <QString>

#include <optional>

namespace layerlens::core {

struct FeatureEncoding;

// The buffers a dense convolution allocates for its call besides its
// output, on the library LibTorch hands it to (graph/conv_backend.h):
// oneDNN copies its weights into its blocked layout, and first into
// channels-last where the kernel is larger than 1x1 (wide); ATen's GEMM,
// where the kernel is wide or strided, copies them once and builds the
// im2col matrix (input channels x kernel taps x output positions).
struct ConvTemporaries
{
    int weightCopies = 0; // each the size of the weights
    double im2colBytes = 0;
};
ConvTemporaries convTemporaries(bool gemm, bool wide, bool strided, double taps, double inChannels,
                                double outChannels, double outputBytes);

// What a dense convolution allocates in a run, from its encoded row and the
// library LibTorch hands it to: its output, and its input where that is the
// network's (the executor copies it into channels-last during the run);
// on oneDNN its weights in oneDNN's blocked layout, and again in the
// channels-last layout where the kernel is larger than 1x1 (a 1x1 kernel's
// two layouts coincide); on ATen's GEMM, where the kernel is larger than 1x1
// or strided, its weights once and the im2col matrix (input channels x
// kernel taps x output positions). Measured on the executor: a 3x768 16x16
// patch convolution, 1024 to 2048 channels 1x1 at stride 2, 3x3 ones on 64
// to 1024 channels on either library, 2048 channels 1x1 on GEMM, all within
// 1 %.
struct ConvMemory
{
    qsizetype input, output, weights, kernel, stride, inChannels, outChannels; // columns

    // The columns of a dense convolution module's encoding; nothing where
    // one is missing.
    static std::optional<ConvMemory> of(const FeatureEncoding &encoding);

    // Bytes of an encoded row (log1p of each value).
    double bytes(const Eigen::RowVectorXd &row, bool gemm, bool networkInput) const;
};

// What the executor allocates for a block led by this operator, per byte of
// its output (what follows it in the block is applied in place): nothing but
// the output for the element-wise ones, a BatchNormalization at inference,
// Concat and Softmax; MaxPool's int64 indices besides its float output (ATen
// computes them even where they are not asked for). 0 where the operator
// does not say. Every one of 677 module samples of add, add_relu, concat,
// relu and softmax peaked at exactly its output's bytes, every maxpool one
// at three times them (AMD VM, session 19).
double allocatedPerOutputByte(const QString &op);

} // namespace layerlens::core
