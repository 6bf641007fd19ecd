#include "graph/op_table.h"

#include <algorithm>

namespace layerlens::core {

namespace {

QString keyOf(const QString &domain, const QString &opType)
{
    return domain.isEmpty() ? opType : domain + QStringLiteral("::") + opType;
}

const std::vector<int64_t> *concreteDims(const Graph &graph, int tensor)
{
    if (tensor < 0)
        return nullptr;
    const Shape &shape = graph.tensors[tensor].shape;
    return shape.isConcrete() ? &shape.dims : nullptr;
}

std::optional<int64_t> elementsOf(const std::vector<int64_t> *dims)
{
    if (!dims)
        return std::nullopt;
    int64_t n = 1;
    for (int64_t d : *dims)
        n *= d;
    return n;
}

} // namespace

bool OpView::hasOutput(int i) const
{
    return i < static_cast<int>(m_node.outputs.size()) && m_node.outputs[i] >= 0;
}

const std::vector<int64_t> *OpView::inputDims(int i) const
{
    return hasInput(i) ? concreteDims(m_graph, m_node.inputs[i]) : nullptr;
}

const std::vector<int64_t> *OpView::outputDims(int i) const
{
    return hasOutput(i) ? concreteDims(m_graph, m_node.outputs[i]) : nullptr;
}

std::optional<int64_t> OpView::inputElements(int i) const
{
    return elementsOf(inputDims(i));
}

std::optional<int64_t> OpView::outputElements(int i) const
{
    return elementsOf(outputDims(i));
}

QString opCategoryKey(OpCategory category)
{
    switch (category) {
    case OpCategory::Convolution:
        return QStringLiteral("convolution");
    case OpCategory::MatMul:
        return QStringLiteral("matmul");
    case OpCategory::Pooling:
        return QStringLiteral("pooling");
    case OpCategory::Normalization:
        return QStringLiteral("normalization");
    case OpCategory::Activation:
        return QStringLiteral("activation");
    case OpCategory::Elementwise:
        return QStringLiteral("elementwise");
    case OpCategory::Reduction:
        return QStringLiteral("reduction");
    case OpCategory::DataMovement:
        return QStringLiteral("data_movement");
    }
    return QString();
}

const OpTable &OpTable::builtin()
{
    static const OpTable table = [] {
        OpTable t;
        registerConvolutionOps(t);
        registerMatMulOps(t);
        registerPoolingOps(t);
        registerNormalizationOps(t);
        registerElementwiseOps(t);
        registerReductionOps(t);
        registerTensorOps(t);
        return t;
    }();
    return table;
}

void OpTable::add(OpEntry entry)
{
    const QString key = keyOf(entry.domain, entry.opType);
    m_entries.insert(key, std::move(entry));
}

const OpEntry *OpTable::find(const QString &domain, const QString &opType) const
{
    const auto it = m_entries.constFind(keyOf(domain, opType));
    return it == m_entries.constEnd() ? nullptr : &it.value();
}

QStringList OpTable::operators() const
{
    QStringList keys = m_entries.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

namespace costs {

std::optional<OpCost> none(const OpView &)
{
    return OpCost{};
}

CostFormula perOutputElement(int64_t perElement)
{
    return [perElement](const OpView &view) -> std::optional<OpCost> {
        const auto n = view.outputElements(0);
        if (!n)
            return std::nullopt;
        return OpCost{0, *n * perElement};
    };
}

CostFormula perInputElement(int64_t perElement)
{
    return [perElement](const OpView &view) -> std::optional<OpCost> {
        const auto n = view.inputElements(0);
        if (!n)
            return std::nullopt;
        return OpCost{0, *n * perElement};
    };
}

} // namespace costs

} // namespace layerlens::core
