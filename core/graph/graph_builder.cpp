#include "graph/graph_builder.h"

#include "graph/onnx_tensor.h"

#include <onnx/onnx_pb.h>

#include <QCoreApplication>
#include <QSet>

#include <queue>
#include <set>
#include <unordered_set>

namespace layerlens::core {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Names a subgraph (and its own subgraphs) reads from enclosing scopes.
void collectFreeNames(const onnx::GraphProto &g, std::set<std::string> *free)
{
    std::unordered_set<std::string> defined;
    for (const auto &v : g.input())
        defined.insert(v.name());
    for (const auto &t : g.initializer())
        defined.insert(t.name());
    for (const auto &n : g.node()) {
        for (const auto &o : n.output())
            defined.insert(o);
    }
    for (const auto &n : g.node()) {
        for (const auto &i : n.input()) {
            if (!i.empty() && !defined.count(i))
                free->insert(i);
        }
        for (const auto &a : n.attribute()) {
            std::set<std::string> inner;
            if (a.has_g())
                collectFreeNames(a.g(), &inner);
            for (const auto &sub : a.graphs())
                collectFreeNames(sub, &inner);
            for (const auto &name : inner) {
                if (!defined.count(name))
                    free->insert(name);
            }
        }
    }
}

bool readAttribute(const onnx::AttributeProto &a, Attribute *out, QString *problem)
{
    using A = onnx::AttributeProto;
    switch (a.type()) {
    case A::INT:
        out->kind = Attribute::Kind::Int;
        out->i = a.i();
        return true;
    case A::FLOAT:
        out->kind = Attribute::Kind::Float;
        out->f = a.f();
        return true;
    case A::STRING:
        out->kind = Attribute::Kind::String;
        out->s = qs(a.s());
        return true;
    case A::INTS:
        out->kind = Attribute::Kind::Ints;
        out->ints.assign(a.ints().begin(), a.ints().end());
        return true;
    case A::FLOATS:
        out->kind = Attribute::Kind::Floats;
        out->floats.assign(a.floats().begin(), a.floats().end());
        return true;
    case A::STRINGS:
        out->kind = Attribute::Kind::Strings;
        for (const auto &s : a.strings())
            out->strings.append(qs(s));
        return true;
    case A::TENSOR: {
        out->kind = Attribute::Kind::Tensor;
        auto value = std::make_shared<TensorValue>();
        std::shared_ptr<const TensorValue> decoded;
        std::string bytes;
        if (!readTensorAttribute(a.t(), &value->type, &value->dims, &decoded, &bytes, problem))
            return false;
        out->tensor = decoded ? decoded : std::shared_ptr<const TensorValue>(value);
        if (!decoded && !bytes.empty())
            out->tensorBytes = std::make_shared<const std::string>(std::move(bytes));
        return true;
    }
    case A::GRAPH:
    case A::GRAPHS:
        out->kind = Attribute::Kind::Graph;
        return true;
    default:
        out->kind = Attribute::Kind::Other;
        return true;
    }
}

} // namespace

GraphBuilder::GraphBuilder(onnx::ModelProto &model, const QString &modelDir,
                           const LoadOptions &options)
    : m_model(model)
    , m_modelDir(modelDir)
    , m_options(options)
{}

bool GraphBuilder::build(Graph *graph)
{
    m_graph = graph;
    return readHeader() && readInitializers() && readInputs() && readNodes() && readOutputs() &&
           sortTopologically();
}

bool GraphBuilder::readHeader()
{
    Graph &g = *m_graph;
    g.name = qs(m_model.graph().name());
    g.irVersion = m_model.ir_version();
    g.producer = qs(m_model.producer_name());
    if (!m_model.producer_version().empty())
        g.producer += QLatin1Char(' ') + qs(m_model.producer_version());
    for (const auto &import : m_model.opset_import()) {
        const QString domain = import.domain() == "ai.onnx" ? QString() : qs(import.domain());
        g.opsetImports[domain] = static_cast<int>(import.version());
    }
    g.opset = g.opsetImports[QString()];
    return true;
}

bool GraphBuilder::readInitializers()
{
    auto *initializers = m_model.mutable_graph()->mutable_initializer();
    for (auto &t : *initializers) {
        const QString name = qs(t.name());
        if (name.isEmpty()) {
            m_problem = tr("has an initializer without a name");
            return false;
        }
        if (m_graph->findTensor(name) >= 0) {
            m_problem = tr("has two initializers named '%1'").arg(name);
            return false;
        }
        Weight weight;
        Tensor tensor;
        QString problem;
        if (!readInitializer(t, m_modelDir, m_options.keepWeightData, &weight, &tensor.value,
                             &problem)) {
            m_problem = tr("initializer '%1' %2").arg(name, problem);
            return false;
        }
        tensor.name = name;
        tensor.role = TensorRole::Weight;
        tensor.type = weight.type;
        tensor.shape = Shape::of(weight.dims);
        tensor.weight = static_cast<int>(m_graph->weights.size());
        m_graph->weights.push_back(std::move(weight));
        m_graph->addTensor(std::move(tensor));
    }
    if (m_model.graph().sparse_initializer_size() > 0) {
        m_graph->issues.push_back({Severity::Warning,
                                   tr("the model has %1 sparse initializers; LayerLens does not "
                                      "count their parameters")
                                       .arg(m_model.graph().sparse_initializer_size()),
                                   QString()});
    }
    return true;
}

bool GraphBuilder::readInputs()
{
    const auto &inputs = m_model.graph().input();
    // Which symbolic names sit at axis 0 (the batch), and which appear at all.
    QSet<QString> batchNames;
    QSet<QString> allNames;
    bool fixedBatch = false;
    for (const auto &v : inputs) {
        if (m_graph->findTensor(qs(v.name())) >= 0 || !v.type().has_tensor_type())
            continue;
        const auto &shape = v.type().tensor_type().shape();
        for (int axis = 0; axis < shape.dim_size(); ++axis) {
            const auto &d = shape.dim(axis);
            if (d.has_dim_param() && !d.dim_param().empty()) {
                allNames.insert(qs(d.dim_param()));
                if (axis == 0)
                    batchNames.insert(qs(d.dim_param()));
            } else if (axis == 0 && d.has_dim_value()) {
                fixedBatch = true;
            }
        }
    }
    for (const auto &[name, value] : m_options.dims) {
        if (!allNames.contains(name)) {
            QStringList known(allNames.begin(), allNames.end());
            known.sort();
            m_problem =
                known.isEmpty()
                    ? tr("has no symbolic dimension named '%1' (its inputs have none)").arg(name)
                    : tr("has no symbolic dimension named '%1' (it has: %2)")
                          .arg(name, known.join(QStringLiteral(", ")));
            return false;
        }
    }
    const int64_t batch = m_options.batch.value_or(1);
    auto valueOf = [&](const QString &name, int axis) -> std::optional<int64_t> {
        const auto it = m_options.dims.find(name);
        if (it != m_options.dims.end())
            return it->second;
        if (axis == 0 || batchNames.contains(name))
            return batch;
        return std::nullopt;
    };
    if (m_options.batch && *m_options.batch != 1 && fixedBatch && batchNames.isEmpty()) {
        m_graph->issues.push_back(
            {Severity::Warning,
             tr("the model's inputs have a fixed batch size; the requested batch size %1 was "
                "not applied")
                 .arg(*m_options.batch),
             QString()});
    }

    for (const auto &v : inputs) {
        const QString name = qs(v.name());
        if (name.isEmpty()) {
            m_problem = tr("has a graph input without a name");
            return false;
        }
        if (m_graph->findTensor(name) >= 0)
            continue; // weight also listed as an input (IR < 4 style)
        Tensor tensor;
        tensor.name = name;
        tensor.role = TensorRole::Input;
        if (!v.type().has_tensor_type()) {
            tensor.isTensor = false;
        } else {
            const auto &tt = v.type().tensor_type();
            tensor.type = isKnownElementType(tt.elem_type())
                              ? static_cast<ElementType>(tt.elem_type())
                              : ElementType::Undefined;
            if (tt.has_shape()) {
                tensor.shape.rankKnown = true;
                for (int axis = 0; axis < tt.shape().dim_size(); ++axis) {
                    const auto &d = tt.shape().dim(axis);
                    const QString param = qs(d.dim_param());
                    std::optional<int64_t> value;
                    if (d.has_dim_value())
                        value = d.dim_value();
                    else
                        value = valueOf(param, axis);
                    if (!value && param.isEmpty()) {
                        m_problem = tr("input '%1' has a dimension of unknown size at axis %2, "
                                       "with no name to bind it by")
                                        .arg(name)
                                        .arg(axis);
                        return false;
                    }
                    if (!value) {
                        if (!m_unbound.contains(param))
                            m_unbound.append(param);
                        if (m_unbound.size() == 1) {
                            m_problem = tr("symbolic dimension '%1' of input '%2' (axis %3) "
                                           "needs a value")
                                            .arg(param, name)
                                            .arg(axis);
                        }
                        continue;
                    }
                    if (*value < 0) {
                        m_problem = tr("input '%1' has a negative dimension").arg(name);
                        return false;
                    }
                    if (!param.isEmpty())
                        m_graph->boundDims[param] = *value;
                    tensor.shape.dims.push_back(*value);
                }
            } else {
                m_graph->issues.push_back(
                    {Severity::Warning,
                     tr("input '%1' declares no shape; shapes that depend on it are unknown")
                         .arg(name),
                     name});
            }
        }
        m_graph->inputs.push_back(m_graph->addTensor(std::move(tensor)));
    }
    if (m_unbound.size() > 1) {
        m_problem = tr("symbolic dimensions '%1' of the inputs need values")
                        .arg(m_unbound.join(QStringLiteral("', '")));
    }
    return m_unbound.isEmpty();
}

bool GraphBuilder::failNode(const onnx::NodeProto &node, const QString &what)
{
    const QString label = node.name().empty()
                              ? tr("a %1 node").arg(qs(node.op_type()))
                              : tr("node '%1' (%2)").arg(qs(node.name()), qs(node.op_type()));
    m_problem = label + QLatin1Char(' ') + what;
    return false;
}

bool GraphBuilder::readNodes()
{
    Graph &g = *m_graph;
    const auto &protos = m_model.graph().node();
    QSet<QString> names;
    // Pass 1: every node and the tensors it produces, so inputs may refer forward.
    for (int index = 0; index < protos.size(); ++index) {
        const auto &p = protos[index];
        if (p.op_type().empty())
            return failNode(p, tr("has no operator type"));
        Node node;
        node.opType = qs(p.op_type());
        node.domain = p.domain() == "ai.onnx" ? QString() : qs(p.domain());
        node.fileIndex = index;
        node.name = qs(p.name());
        node.fileName = node.name;
        if (node.name.isEmpty())
            node.name = QStringLiteral("%1_%2").arg(node.opType).arg(index);
        if (names.contains(node.name))
            node.name = QStringLiteral("%1#%2").arg(node.name).arg(index);
        names.insert(node.name);
        if (!g.opsetImports.count(node.domain)) {
            return failNode(
                p, tr("uses domain '%1', for which the model imports no opset").arg(node.domain));
        }
        for (const auto &a : p.attribute()) {
            Attribute attribute;
            QString problem;
            if (!readAttribute(a, &attribute, &problem))
                return failNode(p, tr("attribute '%1' %2").arg(qs(a.name()), problem));
            node.attributes[qs(a.name())] = std::move(attribute);
        }
        const int nodeIndex = static_cast<int>(g.nodes.size());
        for (const auto &o : p.output()) {
            if (o.empty()) {
                node.outputs.push_back(-1); // omitted optional output
                continue;
            }
            const QString name = qs(o);
            const int existing = g.findTensor(name);
            if (existing >= 0) {
                const Tensor &t = g.tensors[existing];
                return failNode(p, t.producer >= 0 ? tr("writes '%1', which node '%2' also writes")
                                                         .arg(name, g.nodes[t.producer].name)
                                                   : tr("writes '%1', which is a graph input or "
                                                        "initializer")
                                                         .arg(name));
            }
            Tensor tensor;
            tensor.name = name;
            tensor.producer = nodeIndex;
            node.outputs.push_back(g.addTensor(std::move(tensor)));
        }
        g.nodes.push_back(std::move(node));
    }
    // Pass 2: resolve inputs, including names read by subgraphs.
    for (int index = 0; index < protos.size(); ++index) {
        const auto &p = protos[index];
        Node &node = g.nodes[index];
        for (const auto &i : p.input()) {
            if (i.empty()) {
                node.inputs.push_back(-1);
                continue;
            }
            const int t = g.findTensor(qs(i));
            if (t < 0) {
                return failNode(p, tr("reads '%1', which no node, graph input or initializer "
                                      "provides")
                                       .arg(qs(i)));
            }
            node.inputs.push_back(t);
        }
        std::set<std::string> free;
        for (const auto &a : p.attribute()) {
            if (a.has_g())
                collectFreeNames(a.g(), &free);
            for (const auto &sub : a.graphs())
                collectFreeNames(sub, &free);
        }
        for (const auto &name : free) {
            const int t = g.findTensor(qs(name));
            if (t < 0) {
                return failNode(
                    p, tr("has a subgraph that reads '%1', which nothing provides").arg(qs(name)));
            }
            node.implicitInputs.push_back(t);
        }
    }
    return true;
}

bool GraphBuilder::readOutputs()
{
    for (const auto &v : m_model.graph().output()) {
        const int t = m_graph->findTensor(qs(v.name()));
        if (t < 0) {
            m_problem = tr("declares graph output '%1', which nothing produces").arg(qs(v.name()));
            return false;
        }
        m_graph->outputs.push_back(t);
    }
    if (m_graph->outputs.empty()) {
        m_graph->issues.push_back(
            {Severity::Warning, tr("the graph declares no outputs"), QString()});
    }
    return true;
}

bool GraphBuilder::sortTopologically()
{
    Graph &g = *m_graph;
    const int count = static_cast<int>(g.nodes.size());
    std::vector<std::vector<int>> successors(count);
    std::vector<int> pending(count, 0);
    for (int n = 0; n < count; ++n) {
        std::set<int> producers;
        auto addEdge = [&](int t) {
            if (t >= 0 && g.tensors[t].producer >= 0)
                producers.insert(g.tensors[t].producer);
        };
        for (int t : g.nodes[n].inputs)
            addEdge(t);
        for (int t : g.nodes[n].implicitInputs)
            addEdge(t);
        for (int p : producers) {
            successors[p].push_back(n);
            ++pending[n];
        }
    }
    // Kahn's algorithm, preferring file order among ready nodes.
    std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
    for (int n = 0; n < count; ++n) {
        if (pending[n] == 0)
            ready.push(n);
    }
    std::vector<int> order;
    order.reserve(count);
    while (!ready.empty()) {
        const int n = ready.top();
        ready.pop();
        order.push_back(n);
        for (int s : successors[n]) {
            if (--pending[s] == 0)
                ready.push(s);
        }
    }
    if (static_cast<int>(order.size()) != count) {
        QStringList stuck;
        for (int n = 0; n < count && stuck.size() < 3; ++n) {
            if (pending[n] > 0)
                stuck.append(QStringLiteral("'%1'").arg(g.nodes[n].name));
        }
        m_problem = tr("has a cycle: node %1 depends on its own output (nodes involved "
                       "include %2)")
                        .arg(stuck.first(), stuck.join(QStringLiteral(", ")));
        return false;
    }
    std::vector<int> newIndex(count);
    std::vector<Node> sorted;
    sorted.reserve(count);
    for (int i = 0; i < count; ++i) {
        newIndex[order[i]] = i;
        sorted.push_back(std::move(g.nodes[order[i]]));
    }
    g.nodes = std::move(sorted);
    for (Tensor &t : g.tensors) {
        if (t.producer >= 0)
            t.producer = newIndex[t.producer];
        t.consumers.clear();
    }
    for (int n = 0; n < count; ++n) {
        std::set<int> read;
        for (int t : g.nodes[n].inputs) {
            if (t >= 0)
                read.insert(t);
        }
        for (int t : g.nodes[n].implicitInputs)
            read.insert(t);
        for (int t : read)
            g.tensors[t].consumers.push_back(n);
    }
    return true;
}

} // namespace layerlens::core
