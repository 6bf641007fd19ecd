#include "models/neural_network.h"

#include "models/dense_kernel.h"

#include "runtime/runtime_api.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

// Inference runs in single precision, rows in memory order: the outputs
// are standardized logs of times and sizes, where float's 1e-7 is far
// below any model's error, and a vector unit holds twice as many floats.
using MatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// One layer, then SiLU unless it is the output.
MatrixF dense(const MatrixF &x, const DenseLayer &layer, bool activate)
{
    const bool copied = layer.inferenceWeights.rows() == layer.weights.cols() &&
                        layer.inferenceWeights.cols() == layer.weights.rows();
    MatrixF wT;
    Eigen::VectorXf bias;
    if (!copied) {
        wT = layer.weights.transpose().cast<float>();
        bias = layer.bias.cast<float>();
    }
    MatrixF out(x.rows(), layer.weights.rows());
    denseLayer(x.data(), copied ? layer.inferenceWeights.data() : wT.data(),
               copied ? layer.inferenceBias.data() : bias.data(), x.rows(), x.cols(), out.cols(),
               activate, out.data());
    return out;
}

MatrixF applyLayers(MatrixF h, const std::vector<DenseLayer> &layers, bool lastIsOutput)
{
    for (size_t i = 0; i < layers.size(); ++i)
        h = dense(h, layers[i], !(lastIsOutput && i + 1 == layers.size()));
    return h;
}

QJsonArray layersToJson(const std::vector<DenseLayer> &layers)
{
    QJsonArray out;
    for (const DenseLayer &l : layers) {
        QJsonArray w, b;
        for (Eigen::Index r = 0; r < l.weights.rows(); ++r) {
            for (Eigen::Index c = 0; c < l.weights.cols(); ++c)
                w.append(l.weights(r, c));
        }
        for (Eigen::Index i = 0; i < l.bias.size(); ++i)
            b.append(l.bias[i]);
        out.append(QJsonObject{{QStringLiteral("inputs"), static_cast<qint64>(l.weights.cols())},
                               {QStringLiteral("outputs"), static_cast<qint64>(l.weights.rows())},
                               {QStringLiteral("weights"), w},
                               {QStringLiteral("bias"), b}});
    }
    return out;
}

bool layersFromJson(const QJsonArray &json, Eigen::Index inputs, std::vector<DenseLayer> *out,
                    Eigen::Index *outputs, QString *error)
{
    out->clear();
    for (const QJsonValue &v : json) {
        const QJsonObject o = v.toObject();
        const Eigen::Index in = o.value(QStringLiteral("inputs")).toInteger();
        const Eigen::Index n = o.value(QStringLiteral("outputs")).toInteger();
        const QJsonArray w = o.value(QStringLiteral("weights")).toArray();
        const QJsonArray b = o.value(QStringLiteral("bias")).toArray();
        if (in < 1 || n < 1 || (inputs > 0 && in != inputs) || w.size() != in * n ||
            b.size() != n) {
            *error = tr("layer %1 has inconsistent sizes").arg(out->size());
            return false;
        }
        DenseLayer layer;
        layer.weights.resize(n, in);
        layer.bias.resize(n);
        for (Eigen::Index r = 0; r < n; ++r) {
            for (Eigen::Index c = 0; c < in; ++c)
                layer.weights(r, c) = w[r * in + c].toDouble();
            layer.bias[r] = b[r].toDouble();
        }
        layer.setInferenceCopy();
        out->push_back(std::move(layer));
        inputs = n;
    }
    *outputs = inputs;
    return true;
}

} // namespace

Matrix NeuralNetwork::forward(const Matrix &x) const
{
    const MatrixF h = applyLayers(x.cast<float>(), encoder, false);
    Matrix out(x.rows(), static_cast<Eigen::Index>(heads.size()));
    for (size_t k = 0; k < heads.size(); ++k)
        out.col(static_cast<Eigen::Index>(k)) =
            applyLayers(h, heads[k], true).col(0).cast<double>();
    return out;
}

Vector NeuralNetwork::forwardHead(const Matrix &x, int head) const
{
    return applyLayers(applyLayers(x.cast<float>(), encoder, false), heads[head], true)
        .col(0)
        .cast<double>();
}

QJsonObject NeuralNetwork::toJson() const
{
    QJsonArray headsJson;
    for (const auto &h : heads)
        headsJson.append(layersToJson(h));
    return QJsonObject{{QStringLiteral("activation"), QStringLiteral("silu")},
                       {QStringLiteral("encoder"), layersToJson(encoder)},
                       {QStringLiteral("heads"), headsJson}};
}

bool NeuralNetwork::fromJson(const QJsonObject &json, QString *error)
{
    if (json.value(QStringLiteral("activation")).toString() != QLatin1String("silu")) {
        *error = tr("unknown activation");
        return false;
    }
    Eigen::Index width = 0;
    if (!layersFromJson(json.value(QStringLiteral("encoder")).toArray(), 0, &encoder, &width,
                        error))
        return false;
    heads.clear();
    for (const QJsonValue &h : json.value(QStringLiteral("heads")).toArray()) {
        std::vector<DenseLayer> layers;
        Eigen::Index outputs = 0;
        if (!layersFromJson(h.toArray(), width, &layers, &outputs, error))
            return false;
        if (layers.empty() || outputs != 1) {
            *error = tr("a head must end in one output");
            return false;
        }
        heads.push_back(std::move(layers));
    }
    if (encoder.empty() || heads.empty()) {
        *error = tr("the network has no layers");
        return false;
    }
    return true;
}

bool fitNeuralNetwork(const NeuralFitRequest &request, NeuralNetwork *out, QString *error)
{
    const RuntimeApi *api = runtimeApi(error);
    if (!api)
        return false;
    return api->fitNeuralNetwork(request, out, error);
}

} // namespace layerlens::core
