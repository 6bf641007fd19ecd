#pragma once

#include "models/device_profile.h"

#include <QString>

#include <map>
#include <vector>

namespace layerlens::core {

// One run-time node without a module, timed inside a measured network.
struct OperatorObservation
{
    QString op;
    double bytes = 0; // activations read and written
    double flops = 0;
    double measuredMs = 0;
};

// The key of the one cost all data-movement operators share.
inline constexpr char kDataMovement[] = "(data movement)";

// Fewer timed nodes of an operator than this teach it nothing.
inline constexpr int kMinOperatorObservations = 3;

// Operators the executor runs as views of their input (Reshape, Flatten...).
bool isView(const QString &op);
// Views and operators that copy or rearrange data without arithmetic
// (Transpose, Slice, Concat...).
bool isDataMovement(const QString &op);

// Per operator type that computes (not data movement) seen at least
// kMinOperatorObservations times, its cost: fixed + per MiB moved + per
// Mflop, every coefficient >= 0, minimizing the squared relative error.
// Data movement shares one fixed cost under kDataMovement, the median of
// its timed nodes: whether one is a view or a copy depends on the layout it
// is given (a channel slice at batch 1 is a view, a slice across tokens a
// copy), which shapes do not tell.
std::map<QString, OperatorCost> fitOperatorCosts(const std::vector<OperatorObservation> &observed);

// "Sigmoid  81 nodes  1.2 us + 57 us/MiB  MAPE 12.3 %" lines, for calibrate's output.
QString operatorCostsToTable(const std::map<QString, OperatorCost> &costs);

} // namespace layerlens::core
