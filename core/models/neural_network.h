#pragma once

#include "models/regression_model.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <vector>

namespace layerlens::core {

// One fully connected layer: out = W · in + b.
struct DenseLayer
{
    Matrix weights; // outputs × inputs
    Vector bias;
    // What inference reads, W transposed in single precision (inputs ×
    // outputs, row-major) and b: set by setInferenceCopy(), made on the fly
    // while empty.
    Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> inferenceWeights;
    Eigen::VectorXf inferenceBias;
    void setInferenceCopy()
    {
        inferenceWeights = weights.transpose().cast<float>();
        inferenceBias = bias.cast<float>();
    }
};

// A feed-forward network with a shared encoder and one head per output
// (a plain MLP is an encoder and one linear head). Hidden layers use SiLU;
// each head ends in one linear unit. Inference runs here, in Eigen, so
// predicting never needs LibTorch; training runs in the LibTorch runtime
// module (see fitNeuralNetwork).
struct NeuralNetwork
{
    Q_DECLARE_TR_FUNCTIONS(NeuralNetwork)

public:
    std::vector<DenseLayer> encoder;
    std::vector<std::vector<DenseLayer>> heads;

    // Outputs of every head for standardized inputs: rows × heads.
    Matrix forward(const Matrix &x) const;
    // Outputs of one head only.
    Vector forwardHead(const Matrix &x, int head) const;
    QJsonObject toJson() const;
    bool fromJson(const QJsonObject &json, QString *error);
};

// What the trainer gets: standardized inputs, standardized targets with a
// mask (1 where the device measured that metric), the layer widths and the
// schedule. Targets are logs, so the loss (Huber on the difference of logs,
// scaled back by targetScale) is a relative error.
struct NeuralFitRequest
{
    Matrix x;           // rows × features
    Matrix y;           // rows × heads
    Matrix mask;        // rows × heads, 0 or 1
    Vector targetScale; // per head: the log-scale std the targets were divided by
    std::vector<int> encoderWidths;
    std::vector<int> headWidths; // hidden widths of each head before its output unit
    int epochs = 400;
    int batchSize = 128;
    double learningRate = 3e-3;
    double weightDecay = 1e-4;
    uint64_t seed = 1;
};

// Trains a network through the LibTorch runtime module. False with error
// when the module cannot be loaded or training fails.
bool fitNeuralNetwork(const NeuralFitRequest &request, NeuralNetwork *out, QString *error);

} // namespace layerlens::core
