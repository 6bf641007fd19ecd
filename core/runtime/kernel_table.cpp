#include "runtime/kernel_table.h"

#include <algorithm>

namespace layerlens::core {

int64_t KernelContext::attrInt(const char *key, int64_t fallback) const
{
    return node.attrInt(QString::fromLatin1(key), fallback);
}

double KernelContext::attrFloat(const char *key, double fallback) const
{
    return node.attrFloat(QString::fromLatin1(key), fallback);
}

QString KernelContext::attrString(const char *key, const QString &fallback) const
{
    return node.attrString(QString::fromLatin1(key), fallback);
}

std::optional<std::vector<int64_t>> KernelContext::attrInts(const char *key) const
{
    return node.attrInts(QString::fromLatin1(key));
}

const KernelTable &KernelTable::builtin()
{
    static const KernelTable table = [] {
        KernelTable t;
        registerElementwiseKernels(t);
        registerLinearKernels(t);
        registerPoolingKernels(t);
        registerNormalizationKernels(t);
        registerReductionKernels(t);
        registerTensorKernels(t);
        registerIndexKernels(t);
        return t;
    }();
    return table;
}

void KernelTable::add(KernelEntry entry)
{
    const QString key = entry.opType;
    m_entries.insert(key, std::move(entry));
}

const KernelEntry *KernelTable::find(const QString &opType) const
{
    const auto it = m_entries.constFind(opType);
    return it == m_entries.constEnd() ? nullptr : &it.value();
}

QStringList KernelTable::operators() const
{
    QStringList keys = m_entries.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

namespace kernels {

int64_t axis(int64_t axis, int64_t rank)
{
    TORCH_CHECK(axis >= -rank && axis < std::max<int64_t>(rank, 1), "axis out of range");
    return axis < 0 ? axis + rank : axis;
}

ElementType inputType(const Graph &graph, const Node &node, size_t i)
{
    if (i >= node.inputs.size() || node.inputs[i] < 0)
        return ElementType::Undefined;
    return graph.tensors[node.inputs[i]].type;
}

bool inputIsFloating(const Graph &graph, const Node &node, size_t i)
{
    const ElementType t = inputType(graph, node, i);
    return t == ElementType::Float || t == ElementType::Double || t == ElementType::Float16;
}

} // namespace kernels

} // namespace layerlens::core
