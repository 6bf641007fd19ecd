#pragma once

#include "graph/graph.h"

#include <ATen/ATen.h>

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace layerlens::core {

// What a kernel sees when it runs: its node, the opset, its input tensors
// (undefined for omitted optional inputs).
struct KernelContext
{
    const Node &node;
    int opset = 0;
    std::vector<at::Tensor> inputs;

    bool has(size_t i) const { return i < inputs.size() && inputs[i].defined(); }
    const at::Tensor &in(size_t i) const { return inputs[i]; }
    int64_t attrInt(const char *key, int64_t fallback) const;
    double attrFloat(const char *key, double fallback) const;
    QString attrString(const char *key, const QString &fallback = QString()) const;
    std::optional<std::vector<int64_t>> attrInts(const char *key) const;
};

// Runs one node on ATen; returns its outputs in order.
using KernelFn = std::function<std::vector<at::Tensor>(const KernelContext &)>;
// Says why a node's variant is not supported (attributes, types); empty when it is.
using KernelCheck = std::function<QString(const Graph &, const Node &, int opset)>;

// One ONNX operator of the executor's table.
struct KernelEntry
{
    QString opType;
    KernelFn run;
    KernelCheck check; // may be empty: every variant supported
};

// The executor's operator table: one entry per ONNX operator (default domain).
class KernelTable
{
public:
    static const KernelTable &builtin();

    void add(KernelEntry entry);
    const KernelEntry *find(const QString &opType) const;
    QStringList operators() const;

private:
    QHash<QString, KernelEntry> m_entries;
};

// Registration of each family (runtime/kernels/*.cpp).
void registerElementwiseKernels(KernelTable &table);
void registerLinearKernels(KernelTable &table);
void registerPoolingKernels(KernelTable &table);
void registerNormalizationKernels(KernelTable &table);
void registerReductionKernels(KernelTable &table);
void registerTensorKernels(KernelTable &table);
void registerIndexKernels(KernelTable &table);

// Helpers shared by kernels.
namespace kernels {
// Normalizes a possibly negative axis against rank.
int64_t axis(int64_t axis, int64_t rank);
// Type check: the node's input i (or output) has one of the listed ATen-supported
// floating types; used by checks.
bool inputIsFloating(const Graph &graph, const Node &node, size_t i);
ElementType inputType(const Graph &graph, const Node &node, size_t i);
} // namespace kernels

} // namespace layerlens::core
