#include "predict/block_memory.h"

#include "models/module_training.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace layerlens::core {

std::optional<ConvMemory> ConvMemory::of(const FeatureEncoding &encoding)
{
    const auto column = [&](const char *name) {
        return encoding.names.indexOf(QString::fromLatin1(name));
    };
    const ConvMemory m{column("feature:input_bytes"),  column("feature:output_bytes"),
                       column("feature:weight_bytes"), column("param:kernel"),
                       column("param:stride"),         column("param:in_channels"),
                       column("param:out_channels")};
    for (qsizetype c :
         {m.input, m.output, m.weights, m.kernel, m.stride, m.inChannels, m.outChannels}) {
        if (c < 0)
            return std::nullopt;
    }
    return m;
}

ConvTemporaries convTemporaries(bool gemm, bool wide, bool strided, double taps, double inChannels,
                                double outChannels, double outputBytes)
{
    if (!gemm)
        return {wide ? 2 : 1, 0.0};
    if (!wide && !strided)
        return {};
    return {1, inChannels * taps * outputBytes / std::max(outChannels, 1.0)};
}

double ConvMemory::bytes(const Eigen::RowVectorXd &row, bool gemm, bool networkInput) const
{
    const auto value = [&](qsizetype c) {
        return std::expm1(row[c]);
    };
    const double k = value(kernel);
    const ConvTemporaries temps =
        convTemporaries(gemm, k > 1.5, value(stride) > 1.5, k * k, value(inChannels),
                        value(outChannels), value(output));
    return (networkInput ? value(input) : 0.0) + value(output) +
           temps.weightCopies * value(weights) + temps.im2colBytes;
}

double allocatedPerOutputByte(const QString &op)
{
    if (op == QLatin1String("MaxPool"))
        return 3;
    static const QStringList ops = {QStringLiteral("Relu"),
                                    QStringLiteral("Clip"),
                                    QStringLiteral("LeakyRelu"),
                                    QStringLiteral("PRelu"),
                                    QStringLiteral("HardSigmoid"),
                                    QStringLiteral("HardSwish"),
                                    QStringLiteral("Neg"),
                                    QStringLiteral("Abs"),
                                    QStringLiteral("Add"),
                                    QStringLiteral("Sub"),
                                    QStringLiteral("Mul"),
                                    QStringLiteral("Div"),
                                    QStringLiteral("Max"),
                                    QStringLiteral("Min"),
                                    QStringLiteral("Concat"),
                                    QStringLiteral("Softmax"),
                                    QStringLiteral("BatchNormalization")};
    return ops.contains(op) ? 1 : 0;
}

} // namespace layerlens::core
