#pragma once

#include <onnx/onnx_pb.h>

#include <QString>

#include <string>
#include <vector>

namespace layerlens::test {

// Builds small ONNX models in code for tests. Dims are strings: digits give a
// fixed size, anything else a symbolic name ("batch").
class ModelBuilder
{
public:
    explicit ModelBuilder(int opset = 13, int irVersion = 7);

    ModelBuilder &input(const std::string &name, const std::vector<std::string> &dims,
                        int elemType = onnx::TensorProto::FLOAT);
    ModelBuilder &output(const std::string &name);
    // A float initializer holding values (or `count` zeros when values is empty).
    ModelBuilder &weight(const std::string &name, const std::vector<int64_t> &dims,
                         std::vector<float> values = {});
    ModelBuilder &int64s(const std::string &name, const std::vector<int64_t> &dims,
                         const std::vector<int64_t> &values);
    onnx::NodeProto &node(const std::string &op, const std::vector<std::string> &inputs,
                          const std::vector<std::string> &outputs, const std::string &name = {});

    onnx::ModelProto &proto() { return m_model; }
    onnx::GraphProto &graph() { return *m_model.mutable_graph(); }
    // Writes the model to dir/file and returns the path.
    QString save(const QString &dir, const QString &file) const;

private:
    onnx::ModelProto m_model;
};

// Attribute helpers for node(...).
void setInt(onnx::NodeProto &node, const std::string &name, int64_t value);
void setFloat(onnx::NodeProto &node, const std::string &name, float value);
void setString(onnx::NodeProto &node, const std::string &name, const std::string &value);
void setInts(onnx::NodeProto &node, const std::string &name, const std::vector<int64_t> &values);

// Writes bytes to path; returns false on failure.
bool writeFile(const QString &path, const QByteArray &bytes);

} // namespace layerlens::test
