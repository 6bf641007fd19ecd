#include "graph/graph.h"

namespace layerlens::core {

bool Shape::isConcrete() const
{
    if (!rankKnown)
        return false;
    for (int64_t d : dims) {
        if (d < 0)
            return false;
    }
    return true;
}

int64_t Shape::elementCount() const
{
    if (!isConcrete())
        return -1;
    int64_t count = 1;
    for (int64_t d : dims)
        count *= d;
    return count;
}

QString Shape::toString() const
{
    if (!rankKnown)
        return QStringLiteral("?");
    QString text = QStringLiteral("[");
    for (size_t i = 0; i < dims.size(); ++i) {
        if (i > 0)
            text += QStringLiteral(", ");
        text += dims[i] >= 0 ? QString::number(dims[i]) : QStringLiteral("?");
    }
    return text + QStringLiteral("]");
}

int64_t Tensor::byteSize() const
{
    const int64_t count = shape.elementCount();
    const int64_t size = elementSize(type);
    if (count < 0 || size == 0)
        return -1;
    return count * size;
}

const Attribute *Node::attribute(const QString &key) const
{
    const auto it = attributes.find(key);
    return it == attributes.end() ? nullptr : &it->second;
}

int64_t Node::attrInt(const QString &key, int64_t fallback) const
{
    const Attribute *a = attribute(key);
    return a && a->kind == Attribute::Kind::Int ? a->i : fallback;
}

double Node::attrFloat(const QString &key, double fallback) const
{
    const Attribute *a = attribute(key);
    return a && a->kind == Attribute::Kind::Float ? a->f : fallback;
}

QString Node::attrString(const QString &key, const QString &fallback) const
{
    const Attribute *a = attribute(key);
    return a && a->kind == Attribute::Kind::String ? a->s : fallback;
}

std::optional<std::vector<int64_t>> Node::attrInts(const QString &key) const
{
    const Attribute *a = attribute(key);
    if (!a || a->kind != Attribute::Kind::Ints)
        return std::nullopt;
    return a->ints;
}

QString Node::qualifiedOpType() const
{
    return domain.isEmpty() ? opType : domain + QStringLiteral("::") + opType;
}

int Graph::addTensor(Tensor tensor)
{
    const int index = static_cast<int>(tensors.size());
    m_tensorIndex.insert(tensor.name, index);
    tensors.push_back(std::move(tensor));
    return index;
}

int64_t Graph::weightElements() const
{
    int64_t total = 0;
    for (const Weight &w : weights)
        total += w.elements;
    return total;
}

int64_t Graph::weightBytes() const
{
    int64_t total = 0;
    for (const Weight &w : weights)
        total += w.bytes;
    return total;
}

int Graph::foldedNodeCount() const
{
    int count = 0;
    for (const Node &n : nodes)
        count += n.folded ? 1 : 0;
    return count;
}

} // namespace layerlens::core
