#pragma once

#include "common/issue.h"
#include "graph/element_type.h"
#include "graph/tensor_value.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace layerlens::core {

// A dimension whose size is not known (data-dependent, or inference failed).
inline constexpr int64_t kUnknownDim = -1;

// A tensor's shape: the rank may be unknown; a known rank may hold unknown dims.
struct Shape
{
    bool rankKnown = false;
    std::vector<int64_t> dims;

    static Shape of(std::vector<int64_t> dims) { return Shape{true, std::move(dims)}; }
    // Rank known and every dim concrete.
    bool isConcrete() const;
    // Product of the dims, or -1 unless concrete.
    int64_t elementCount() const;
    // "[1, 3, 224, 224]", "[?, 3]" or "?".
    QString toString() const;
};

// What a value is in the network.
enum class TensorRole
{
    Input,      // graph input the caller feeds
    Weight,     // initializer stored in the file
    Constant,   // output of a node folded at load time (Constant, shape computations)
    Activation, // computed at run time
};

// One value (edge) of the graph.
struct Tensor
{
    QString name;
    TensorRole role = TensorRole::Activation;
    bool isTensor = true; // false for sequences, maps and optionals
    ElementType type = ElementType::Undefined;
    Shape shape;
    int producer = -1;                        // index into Graph::nodes, -1 for inputs and weights
    std::vector<int> consumers;               // indices into Graph::nodes, in topological order
    int weight = -1;                          // index into Graph::weights this tensor is or aliases
    std::shared_ptr<const TensorValue> value; // known value of small constants

    bool isConstant() const { return role == TensorRole::Weight || role == TensorRole::Constant; }
    // Bytes the tensor occupies, or -1 if its shape or element size is unknown.
    int64_t byteSize() const;
};

// An initializer: a weight stored in the file (or in an external data file).
struct Weight
{
    QString name;
    ElementType type = ElementType::Undefined;
    std::vector<int64_t> dims;
    int64_t elements = 0;
    int64_t bytes = 0;
    bool external = false;
    std::string data; // raw little-endian bytes; empty if not kept (see LoadOptions)
};

// A node attribute. Tensor-valued attributes keep their small values only.
struct Attribute
{
    enum class Kind
    {
        Int,
        Float,
        String,
        Ints,
        Floats,
        Strings,
        Tensor,
        Graph,
        Other
    };
    Kind kind = Kind::Other;
    int64_t i = 0;
    double f = 0.0;
    QString s;
    std::vector<int64_t> ints;
    std::vector<double> floats;
    QStringList strings;
    // Tensor attributes: type and dims always; the value when small, else the
    // raw little-endian bytes (a weight held in a Constant node).
    std::shared_ptr<const TensorValue> tensor;
    std::shared_ptr<const std::string> tensorBytes;
};

// One operator instance.
struct Node
{
    QString name;     // unique; generated as "OpType_N" when the file has none
    QString fileName; // the name as the file has it: possibly empty or repeated
    QString opType;
    QString domain;          // "" for the default ONNX domain
    std::vector<int> inputs; // tensor indices; -1 marks an omitted optional input
    std::vector<int> outputs;
    std::vector<int> implicitInputs; // outer-scope tensors its subgraphs read
    std::map<QString, Attribute> attributes;
    bool folded = false; // evaluated at load time; no run-time cost
    int fileIndex = -1;  // position in the file's node list

    const Attribute *attribute(const QString &key) const;
    int64_t attrInt(const QString &key, int64_t fallback) const;
    double attrFloat(const QString &key, double fallback) const;
    QString attrString(const QString &key, const QString &fallback = QString()) const;
    // The ints attribute, or nullopt when absent.
    std::optional<std::vector<int64_t>> attrInts(const QString &key) const;
    // "Conv" or "com.microsoft::FusedConv".
    QString qualifiedOpType() const;
};

// A loaded network: nodes in topological order with every shape the loader
// could determine at the bound dimensions.
struct Graph
{
    QString path;
    QString name;
    QString producer; // "pytorch 1.13.0"
    int64_t irVersion = 0;
    int opset = 0; // of the default ONNX domain
    std::map<QString, int> opsetImports;
    std::map<QString, int64_t> boundDims; // symbolic dimension -> bound value
    int64_t fileBytes = 0;

    std::vector<Node> nodes;
    std::vector<Tensor> tensors;
    std::vector<Weight> weights;
    std::vector<int> inputs;  // tensor indices of graph inputs the caller feeds
    std::vector<int> outputs; // tensor indices of graph outputs
    IssueList issues;

    // Index of the tensor with that name, or -1.
    int findTensor(const QString &name) const { return m_tensorIndex.value(name, -1); }
    // Adds a tensor and indexes it by name; returns its index.
    int addTensor(Tensor tensor);
    // Total elements and bytes of all initializers.
    int64_t weightElements() const;
    int64_t weightBytes() const;
    // Number of nodes evaluated at load time.
    int foldedNodeCount() const;

private:
    QHash<QString, int> m_tensorIndex;
};

} // namespace layerlens::core
