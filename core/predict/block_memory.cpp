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

double ConvMemory::bytes(const Eigen::RowVectorXd &row, bool gemm, bool networkInput) const
{
    const auto value = [&](qsizetype c) {
        return std::expm1(row[c]);
    };
    const bool wide = value(kernel) > 1.5;
    const double weightBytes = value(weights);
    double own = (networkInput ? value(input) : 0.0) + value(output);
    if (!gemm)
        return own + (wide ? 2 : 1) * weightBytes;
    if (wide || value(stride) > 1.5) {
        const double k = value(kernel);
        own += weightBytes +
               value(inChannels) * k * k * value(output) / std::max(value(outChannels), 1.0);
    }
    return own;
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
