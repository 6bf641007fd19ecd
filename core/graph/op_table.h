#pragma once

#include "graph/graph.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <set>

namespace layerlens::core {

// Analytic compute cost of one operator instance.
struct OpCost
{
    int64_t macs = 0;  // multiply-accumulates (Conv, Gemm, MatMul)
    int64_t flops = 0; // floating-point operations, a MAC counting as two
};

// Read-only view of a node and its tensors, for cost formulas.
class OpView
{
public:
    OpView(const Graph &graph, const Node &node)
        : m_graph(graph)
        , m_node(node)
    {}

    const Node &node() const { return m_node; }
    int inputCount() const { return static_cast<int>(m_node.inputs.size()); }
    bool hasInput(int i) const { return i < inputCount() && m_node.inputs[i] >= 0; }
    bool hasOutput(int i) const;
    // Dims of input/output i when concrete, else nullptr.
    const std::vector<int64_t> *inputDims(int i) const;
    const std::vector<int64_t> *outputDims(int i = 0) const;
    // Element counts; nullopt when the shape is not concrete.
    std::optional<int64_t> inputElements(int i) const;
    std::optional<int64_t> outputElements(int i = 0) const;

private:
    const Graph &m_graph;
    const Node &m_node;
};

// Returns the cost, or nullopt when the shapes it needs are not known.
using CostFormula = std::function<std::optional<OpCost>(const OpView &)>;

// Broad kind of an operator, for breakdowns.
enum class OpCategory
{
    Convolution,
    MatMul,
    Pooling,
    Normalization,
    Activation,
    Elementwise,
    Reduction,
    DataMovement,
};

// "convolution", "matmul", ... (stable keys for JSON/CSV).
QString opCategoryKey(OpCategory category);

// Everything LayerLens knows about one ONNX operator.
struct OpEntry
{
    QString domain; // "" for the default ONNX domain
    QString opType;
    OpCategory category = OpCategory::DataMovement;
    CostFormula cost;
    // Inputs that configure the operator (shapes, axes, clip bounds) rather
    // than hold weights; any other constant input counts as a weight.
    std::set<int> configInputs;
};

// The operator table: one entry per supported operator.
class OpTable
{
public:
    // The table of every operator LayerLens analyses, built once.
    static const OpTable &builtin();

    // Adds or replaces the entry for (domain, opType).
    void add(OpEntry entry);
    // The entry for an operator, or nullptr when unsupported.
    const OpEntry *find(const QString &domain, const QString &opType) const;
    // "Conv", "com.microsoft::FusedConv", ... sorted.
    QStringList operators() const;

private:
    QHash<QString, OpEntry> m_entries;
};

// Cost formulas shared by operator families.
namespace costs {
// No arithmetic (data movement, shape ops).
std::optional<OpCost> none(const OpView &view);
// perElement FLOPs per element of output 0.
CostFormula perOutputElement(int64_t perElement);
// perElement FLOPs per element of input 0.
CostFormula perInputElement(int64_t perElement);
} // namespace costs

// Registration of each operator family (graph/ops/*.cpp).
void registerConvolutionOps(OpTable &table);
void registerMatMulOps(OpTable &table);
void registerPoolingOps(OpTable &table);
void registerNormalizationOps(OpTable &table);
void registerElementwiseOps(OpTable &table);
void registerReductionOps(OpTable &table);
void registerTensorOps(OpTable &table);

} // namespace layerlens::core
