#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace layerlens::core {

// A fusion the device runtime performs: the operators of `pattern`, in a
// chain where each feeds only the next, execute as one unit. Block
// segmentation for prediction reuses these rules.
struct FusionRule
{
    QString name;        // "conv_batchnorm"
    QStringList pattern; // operator types, producer first; "|" separates alternatives
    QString effect;      // what the runtime does, for people
};

// The fusions LayerLens's LibTorch executor applies.
const std::vector<FusionRule> &executorFusionRules();

// True when opType matches one alternative of a pattern element ("Relu|Clip").
bool matchesPatternElement(const QString &element, const QString &opType);

} // namespace layerlens::core
