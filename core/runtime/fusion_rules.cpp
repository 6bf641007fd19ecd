#include "runtime/fusion_rules.h"

namespace layerlens::core {

const std::vector<FusionRule> &executorFusionRules()
{
    static const std::vector<FusionRule> rules = {
        {QStringLiteral("conv_batchnorm"),
         {QStringLiteral("Conv"), QStringLiteral("BatchNormalization")},
         QStringLiteral("BatchNormalization folded into the convolution's weights and bias")},
        {QStringLiteral("inplace_activation"),
         {QStringLiteral("*"), QStringLiteral("Relu|LeakyRelu|Sigmoid|Tanh|Clip")},
         QStringLiteral("activation applied in place on its producer's output, no new buffer")},
    };
    return rules;
}

bool matchesPatternElement(const QString &element, const QString &opType)
{
    if (element == QLatin1String("*"))
        return true;
    return element.split(QLatin1Char('|')).contains(opType);
}

} // namespace layerlens::core
