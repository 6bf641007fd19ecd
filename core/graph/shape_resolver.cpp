#include "graph/shape_resolver.h"

#include "graph/constant_folder.h"
#include "graph/onnx_tensor.h"

#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include <QCoreApplication>

#include <unordered_map>

namespace layerlens::core {

namespace {

QString nodeLabel(const Node &node)
{
    return QStringLiteral("'%1' (%2)").arg(node.name, node.qualifiedOpType());
}

} // namespace

struct ShapeResolver::Private
{
    Q_DECLARE_TR_FUNCTIONS(ShapeResolver)

public:
    Private(const onnx::ModelProto &model, Graph &graph)
        : model(model)
        , graph(graph)
        , types(graph.tensors.size())
    {}

    void resolveNode(int index);
    bool tryFold(Node &node);
    void inferWithOnnx(Node &node);
    void applyType(int tensor, const onnx::TypeProto &type);
    void applyDeclared(int tensor);
    void setTypeFromTensor(int tensor);
    void reportUnknownShapes();
    void checkDeclaredOutputs();

    const onnx::ModelProto &model;
    Graph &graph;
    std::vector<std::optional<onnx::TypeProto>> types; // what inference knows, per tensor
    std::unordered_map<std::string, int> opsets;
    onnx::shape_inference::ModelLocalFunctionsMap functions;
    std::unordered_map<std::string, const onnx::TypeProto *> declared; // the file's value_info
};

ShapeResolver::ShapeResolver(const onnx::ModelProto &model, Graph &graph)
    : d(std::make_unique<Private>(model, graph))
{}

ShapeResolver::~ShapeResolver() = default;

void ShapeResolver::run()
{
    for (const auto &import : d->model.opset_import())
        d->opsets[import.domain()] = static_cast<int>(import.version());
    for (const auto &f : d->model.functions())
        d->functions[f.domain() + ":" + f.name()] = &f;
    for (const auto &v : d->model.graph().value_info())
        d->declared[v.name()] = &v.type();
    for (const auto &v : d->model.graph().output())
        d->declared[v.name()] = &v.type();
    for (size_t t = 0; t < d->graph.tensors.size(); ++t) {
        const Tensor &tensor = d->graph.tensors[t];
        if (tensor.role == TensorRole::Weight || tensor.role == TensorRole::Input)
            d->setTypeFromTensor(static_cast<int>(t));
    }
    for (const auto &v : d->model.graph().input()) {
        const int t = d->graph.findTensor(QString::fromStdString(v.name()));
        if (t >= 0 && !d->graph.tensors[t].isTensor)
            d->types[t] = v.type();
    }
    for (size_t n = 0; n < d->graph.nodes.size(); ++n)
        d->resolveNode(static_cast<int>(n));
    d->checkDeclaredOutputs();
    d->reportUnknownShapes();
}

void ShapeResolver::Private::setTypeFromTensor(int t)
{
    const Tensor &tensor = graph.tensors[t];
    if (!tensor.isTensor || tensor.type == ElementType::Undefined)
        return;
    onnx::TypeProto type;
    auto *tt = type.mutable_tensor_type();
    tt->set_elem_type(static_cast<int>(tensor.type));
    if (tensor.shape.rankKnown) {
        auto *shape = tt->mutable_shape();
        for (int64_t dim : tensor.shape.dims) {
            auto *dp = shape->add_dim();
            if (dim >= 0)
                dp->set_dim_value(dim);
        }
    }
    types[t] = std::move(type);
}

void ShapeResolver::Private::applyType(int t, const onnx::TypeProto &type)
{
    Tensor &tensor = graph.tensors[t];
    if (type.value_case() == onnx::TypeProto::VALUE_NOT_SET)
        return;
    if (!type.has_tensor_type()) { // sequence, map or optional
        tensor.isTensor = false;
        types[t] = type;
        return;
    }
    const auto &tt = type.tensor_type();
    tensor.type = isKnownElementType(tt.elem_type()) ? static_cast<ElementType>(tt.elem_type())
                                                     : ElementType::Undefined;
    tensor.shape = Shape();
    if (tt.has_shape()) {
        tensor.shape.rankKnown = true;
        for (const auto &dim : tt.shape().dim()) {
            int64_t value = kUnknownDim;
            if (dim.has_dim_value() && dim.dim_value() >= 0) {
                value = dim.dim_value();
            } else if (dim.has_dim_param()) {
                const auto it = graph.boundDims.find(QString::fromStdString(dim.dim_param()));
                if (it != graph.boundDims.end())
                    value = it->second;
            }
            tensor.shape.dims.push_back(value);
        }
    }
    setTypeFromTensor(t);
    if (!types[t])
        types[t] = type;
}

void ShapeResolver::Private::applyDeclared(int t)
{
    const auto it = declared.find(graph.tensors[t].name.toStdString());
    if (it != declared.end())
        applyType(t, *it->second);
}

void ShapeResolver::Private::resolveNode(int index)
{
    Node &node = graph.nodes[index];
    if (tryFold(node))
        return;
    inferWithOnnx(node);
}

bool ShapeResolver::Private::tryFold(Node &node)
{
    std::vector<FoldInput> inputs;
    for (int t : node.inputs) {
        FoldInput in;
        if (t >= 0) {
            const Tensor &tensor = graph.tensors[t];
            in.present = true;
            in.value = tensor.value.get();
            in.shape = tensor.shape.rankKnown ? &tensor.shape : nullptr;
        }
        inputs.push_back(in);
    }
    // Identity of a weight: the same weight under another name (weight sharing).
    if (node.opType == QLatin1String("Identity") && node.domain.isEmpty() && !inputs.empty() &&
        node.inputs[0] >= 0 && graph.tensors[node.inputs[0]].isConstant() &&
        node.outputs.size() == 1 && node.outputs[0] >= 0) {
        const Tensor &source = graph.tensors[node.inputs[0]];
        Tensor &out = graph.tensors[node.outputs[0]];
        out.role = TensorRole::Constant;
        out.type = source.type;
        out.shape = source.shape;
        out.weight = source.weight;
        out.value = source.value;
        node.folded = true;
        setTypeFromTensor(node.outputs[0]);
        return true;
    }
    if (!canFold(node, inputs))
        return false;
    QString problem;
    const auto values = foldNode(node, graph.opset, inputs, &problem);
    if (!values) {
        if (node.opType == QLatin1String("Constant")) {
            // Too large to keep (a weight held in a Constant node): shape only.
            const Attribute *a = node.attribute(QStringLiteral("value"));
            if (a && a->tensor && node.outputs.size() == 1 && node.outputs[0] >= 0) {
                Tensor &out = graph.tensors[node.outputs[0]];
                out.role = TensorRole::Constant;
                out.type = a->tensor->type;
                out.shape = Shape::of(a->tensor->dims);
                node.folded = true;
                setTypeFromTensor(node.outputs[0]);
                return true;
            }
        }
        if (!problem.isEmpty()) {
            graph.issues.push_back({Severity::Warning,
                                    tr("node %1 could not be evaluated on its constant inputs: %2")
                                        .arg(nodeLabel(node), problem),
                                    node.name});
        }
        return false;
    }
    if (values->size() < node.outputs.size())
        return false;
    for (size_t i = 0; i < node.outputs.size(); ++i) {
        if (node.outputs[i] < 0)
            continue;
        Tensor &out = graph.tensors[node.outputs[i]];
        out.role = TensorRole::Constant;
        out.type = (*values)[i].type;
        out.shape = Shape::of((*values)[i].dims);
        out.value = std::make_shared<const TensorValue>((*values)[i]);
        setTypeFromTensor(node.outputs[i]);
    }
    node.folded = true;
    return true;
}

void ShapeResolver::Private::inferWithOnnx(Node &node)
{
    const onnx::NodeProto &proto = model.graph().node(node.fileIndex);
    onnx::GraphProto mini;
    *mini.add_node() = proto;
    std::vector<int> read(node.inputs);
    read.insert(read.end(), node.implicitInputs.begin(), node.implicitInputs.end());
    std::vector<bool> added(graph.tensors.size(), false);
    bool inputsKnown = true;
    for (int t : read) {
        if (t < 0 || added[t])
            continue;
        added[t] = true;
        const Tensor &tensor = graph.tensors[t];
        if (!types[t]) {
            inputsKnown = false;
            continue;
        }
        auto *input = mini.add_input();
        input->set_name(tensor.name.toStdString());
        *input->mutable_type() = *types[t];
        onnx::TensorProto data;
        if (tensor.value && writeTensorProto(*tensor.value, input->name(), &data))
            *mini.add_initializer() = std::move(data);
    }
    if (inputsKnown) {
        const onnx::ShapeInferenceOptions options(false, 1, false);
        try {
            onnx::shape_inference::InferShapes(&mini, opsets, onnx::OpSchemaRegistry::Instance(),
                                               options, functions);
        } catch (const std::exception &e) {
            graph.issues.push_back({Severity::Warning,
                                    tr("shape inference failed at node %1: %2")
                                        .arg(nodeLabel(node), QString::fromUtf8(e.what())),
                                    node.name});
        }
    }
    std::unordered_map<std::string, const onnx::TypeProto *> inferred;
    for (const auto &v : mini.value_info())
        inferred[v.name()] = &v.type();
    for (int t : node.outputs) {
        if (t < 0)
            continue;
        const auto it = inferred.find(graph.tensors[t].name.toStdString());
        if (it != inferred.end() && it->second->value_case() != onnx::TypeProto::VALUE_NOT_SET)
            applyType(t, *it->second);
        else
            applyDeclared(t);
    }
    const auto opsetIt = opsets.find(proto.domain());
    const bool known =
        opsetIt != opsets.end() &&
        (onnx::OpSchemaRegistry::Schema(proto.op_type(), opsetIt->second, proto.domain()) ||
         functions.count(proto.domain() + ":" + proto.op_type()));
    if (!known) {
        graph.issues.push_back({Severity::Warning,
                                tr("node %1 uses an operator ONNX does not define at this "
                                   "opset; its output shapes come from the file's declarations, "
                                   "if any")
                                    .arg(nodeLabel(node)),
                                node.name});
    }
}

void ShapeResolver::Private::checkDeclaredOutputs()
{
    for (const auto &v : model.graph().output()) {
        const int t = graph.findTensor(QString::fromStdString(v.name()));
        if (t < 0 || !v.type().has_tensor_type() || !v.type().tensor_type().has_shape())
            continue;
        const Tensor &tensor = graph.tensors[t];
        if (!tensor.shape.isConcrete())
            continue;
        const auto &dims = v.type().tensor_type().shape().dim();
        bool differs = dims.size() != static_cast<int>(tensor.shape.dims.size());
        for (int i = 0; !differs && i < dims.size(); ++i) {
            differs = dims[i].has_dim_value() && dims[i].dim_value() != tensor.shape.dims[i];
        }
        if (differs) {
            graph.issues.push_back({Severity::Warning,
                                    tr("graph output '%1' is declared with another shape than "
                                       "the %2 LayerLens computed")
                                        .arg(tensor.name, tensor.shape.toString()),
                                    tensor.name});
        }
    }
}

void ShapeResolver::Private::reportUnknownShapes()
{
    // Report the first node of each chain of unknown shapes; count those after it.
    int downstream = 0;
    for (const Node &node : graph.nodes) {
        bool outputsKnown = true;
        for (int t : node.outputs)
            outputsKnown = outputsKnown && (t < 0 || graph.tensors[t].shape.isConcrete() ||
                                            !graph.tensors[t].isTensor);
        if (outputsKnown)
            continue;
        bool inputsKnown = true;
        for (int t : node.inputs)
            inputsKnown = inputsKnown && (t < 0 || graph.tensors[t].shape.isConcrete() ||
                                          !graph.tensors[t].isTensor);
        if (!inputsKnown) {
            ++downstream;
            continue;
        }
        QStringList shapes;
        for (int t : node.outputs) {
            if (t >= 0)
                shapes.append(graph.tensors[t].shape.toString());
        }
        graph.issues.push_back({Severity::Warning,
                                tr("the output shape of node %1 is not fully known (%2); it "
                                   "depends on data or on an operator LayerLens cannot infer")
                                    .arg(nodeLabel(node), shapes.join(QStringLiteral(", "))),
                                node.name});
    }
    if (downstream > 0) {
        graph.issues.push_back(
            {Severity::Warning,
             QCoreApplication::translate(
                 "ShapeResolver", "%n more node(s) have unknown shapes because their inputs do",
                 nullptr, downstream),
             QString()});
    }
}

} // namespace layerlens::core
