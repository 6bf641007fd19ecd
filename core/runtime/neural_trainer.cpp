#include "runtime/neural_trainer.h"

#include <torch/torch.h>

#include <QCoreApplication>

#include <cmath>

namespace layerlens::core {

namespace {

struct TorchLayer
{
    torch::Tensor weight; // outputs × inputs
    torch::Tensor bias;
};

TorchLayer makeLayer(int64_t inputs, int64_t outputs)
{
    TorchLayer l;
    // Kaiming-uniform bounds as torch.nn.Linear uses.
    const double bound = 1.0 / std::sqrt(double(inputs));
    l.weight = torch::empty({outputs, inputs}).uniform_(-bound, bound).requires_grad_();
    l.bias = torch::empty({outputs}).uniform_(-bound, bound).requires_grad_();
    return l;
}

torch::Tensor run(torch::Tensor h, const std::vector<TorchLayer> &layers, bool lastIsOutput)
{
    for (size_t i = 0; i < layers.size(); ++i) {
        h = torch::addmm(layers[i].bias, h, layers[i].weight.t());
        if (!(lastIsOutput && i + 1 == layers.size()))
            h = torch::silu(h);
    }
    return h;
}

torch::Tensor toTensor(const Matrix &m)
{
    // Eigen is column-major; copy row by row into a row-major float tensor.
    auto t = torch::empty({m.rows(), m.cols()}, torch::kFloat32);
    auto a = t.accessor<float, 2>();
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            a[r][c] = static_cast<float>(m(r, c));
    }
    return t;
}

std::vector<DenseLayer> toDense(const std::vector<TorchLayer> &layers)
{
    std::vector<DenseLayer> out;
    for (const TorchLayer &l : layers) {
        const auto w = l.weight.detach().to(torch::kFloat64).contiguous();
        const auto b = l.bias.detach().to(torch::kFloat64).contiguous();
        DenseLayer d;
        d.weights.resize(w.size(0), w.size(1));
        d.bias.resize(b.size(0));
        auto wa = w.accessor<double, 2>();
        for (int64_t r = 0; r < w.size(0); ++r) {
            for (int64_t c = 0; c < w.size(1); ++c)
                d.weights(r, c) = wa[r][c];
            d.bias[r] = b[r].item<double>();
        }
        d.setInferenceCopy();
        out.push_back(std::move(d));
    }
    return out;
}

// Keeps the process's intra-op thread count and restores it.
class SingleThread
{
public:
    SingleThread()
        : m_threads(at::get_num_threads())
    {
        at::set_num_threads(1);
    }
    ~SingleThread() { at::set_num_threads(m_threads); }

private:
    int m_threads;
};

} // namespace

bool trainNeuralNetwork(const NeuralFitRequest &request, NeuralNetwork *out, QString *error)
{
    const int64_t rows = request.x.rows();
    const int64_t heads = request.y.cols();
    if (rows < 2 || heads < 1 || request.encoderWidths.empty()) {
        *error = QCoreApplication::translate("NeuralTrainer", "too little data to train on");
        return false;
    }
    try {
        SingleThread single;
        torch::manual_seed(request.seed);
        const torch::Tensor x = toTensor(request.x);
        const torch::Tensor y = toTensor(request.y);
        const torch::Tensor mask = toTensor(request.mask);
        const torch::Tensor scale = toTensor(request.targetScale.transpose());

        std::vector<TorchLayer> encoder;
        int64_t width = x.size(1);
        for (int w : request.encoderWidths) {
            encoder.push_back(makeLayer(width, w));
            width = w;
        }
        std::vector<std::vector<TorchLayer>> headLayers(heads);
        for (auto &h : headLayers) {
            int64_t in = width;
            for (int w : request.headWidths) {
                h.push_back(makeLayer(in, w));
                in = w;
            }
            h.push_back(makeLayer(in, 1));
        }
        std::vector<torch::Tensor> parameters;
        for (const auto &l : encoder)
            parameters.insert(parameters.end(), {l.weight, l.bias});
        for (const auto &h : headLayers) {
            for (const auto &l : h)
                parameters.insert(parameters.end(), {l.weight, l.bias});
        }
        torch::optim::AdamW optimizer(
            parameters,
            torch::optim::AdamWOptions(request.learningRate).weight_decay(request.weightDecay));

        const int64_t batch = std::min<int64_t>(request.batchSize, rows);
        const int64_t stepsPerEpoch = (rows + batch - 1) / batch;
        const int64_t totalSteps = stepsPerEpoch * request.epochs;
        int64_t step = 0;
        for (int epoch = 0; epoch < request.epochs; ++epoch) {
            const torch::Tensor order = torch::randperm(rows, torch::kLong);
            for (int64_t start = 0; start < rows; start += batch) {
                const double lr = request.learningRate * 0.5 *
                                  (1 + std::cos(M_PI * double(step++) / double(totalSteps)));
                for (auto &group : optimizer.param_groups())
                    static_cast<torch::optim::AdamWOptions &>(group.options()).lr(lr);
                const torch::Tensor index = order.slice(0, start, std::min(start + batch, rows));
                const torch::Tensor xb = x.index_select(0, index);
                const torch::Tensor yb = y.index_select(0, index);
                const torch::Tensor mb = mask.index_select(0, index);
                const torch::Tensor h = run(xb, encoder, false);
                std::vector<torch::Tensor> outputs;
                for (const auto &head : headLayers)
                    outputs.push_back(run(h, head, true));
                // Error in log units: a relative error, whatever the target's spread.
                const torch::Tensor diff = (torch::cat(outputs, 1) - yb) * scale;
                const torch::Tensor huber =
                    torch::where(diff.abs() < 0.05, 0.5 * diff * diff / 0.05, diff.abs() - 0.025);
                const torch::Tensor loss = (huber * mb).sum() / mb.sum().clamp_min(1);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
        out->encoder = toDense(encoder);
        out->heads.clear();
        for (const auto &h : headLayers)
            out->heads.push_back(toDense(h));
    } catch (const std::exception &e) {
        *error = QCoreApplication::translate("NeuralTrainer", "LibTorch training failed: %1")
                     .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        return false;
    }
    return true;
}

} // namespace layerlens::core
