#include "support/model_builder.h"

#include <QDir>
#include <QFile>

namespace layerlens::test {

ModelBuilder::ModelBuilder(int opset, int irVersion)
{
    m_model.set_ir_version(irVersion);
    m_model.set_producer_name("layerlens-tests");
    auto *import = m_model.add_opset_import();
    import->set_domain("");
    import->set_version(opset);
    m_model.mutable_graph()->set_name("test");
}

ModelBuilder &ModelBuilder::input(const std::string &name, const std::vector<std::string> &dims,
                                  int elemType)
{
    auto *v = graph().add_input();
    v->set_name(name);
    auto *tt = v->mutable_type()->mutable_tensor_type();
    tt->set_elem_type(elemType);
    auto *shape = tt->mutable_shape();
    for (const std::string &d : dims) {
        auto *dim = shape->add_dim();
        if (!d.empty() && d.find_first_not_of("0123456789") == std::string::npos)
            dim->set_dim_value(std::stoll(d));
        else
            dim->set_dim_param(d);
    }
    return *this;
}

ModelBuilder &ModelBuilder::output(const std::string &name)
{
    graph().add_output()->set_name(name);
    return *this;
}

ModelBuilder &ModelBuilder::weight(const std::string &name, const std::vector<int64_t> &dims,
                                   std::vector<float> values)
{
    int64_t count = 1;
    for (int64_t d : dims)
        count *= d;
    if (values.empty())
        values.assign(static_cast<size_t>(count), 0.5f);
    auto *t = graph().add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    for (int64_t d : dims)
        t->add_dims(d);
    t->set_raw_data(
        std::string(reinterpret_cast<const char *>(values.data()), values.size() * sizeof(float)));
    return *this;
}

ModelBuilder &ModelBuilder::int64s(const std::string &name, const std::vector<int64_t> &dims,
                                   const std::vector<int64_t> &values)
{
    auto *t = graph().add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::INT64);
    for (int64_t d : dims)
        t->add_dims(d);
    for (int64_t v : values)
        t->add_int64_data(v);
    return *this;
}

onnx::NodeProto &ModelBuilder::node(const std::string &op, const std::vector<std::string> &inputs,
                                    const std::vector<std::string> &outputs,
                                    const std::string &name)
{
    auto *n = graph().add_node();
    n->set_op_type(op);
    n->set_name(name.empty() ? op + "_" + std::to_string(graph().node_size()) : name);
    for (const auto &i : inputs)
        n->add_input(i);
    for (const auto &o : outputs)
        n->add_output(o);
    return *n;
}

QString ModelBuilder::save(const QString &dir, const QString &file) const
{
    const QString path = QDir(dir).filePath(file);
    const std::string bytes = m_model.SerializeAsString();
    writeFile(path, QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())));
    return path;
}

static onnx::AttributeProto *addAttribute(onnx::NodeProto &node, const std::string &name,
                                          onnx::AttributeProto::AttributeType type)
{
    auto *a = node.add_attribute();
    a->set_name(name);
    a->set_type(type);
    return a;
}

void setInt(onnx::NodeProto &node, const std::string &name, int64_t value)
{
    addAttribute(node, name, onnx::AttributeProto::INT)->set_i(value);
}

void setFloat(onnx::NodeProto &node, const std::string &name, float value)
{
    addAttribute(node, name, onnx::AttributeProto::FLOAT)->set_f(value);
}

void setString(onnx::NodeProto &node, const std::string &name, const std::string &value)
{
    addAttribute(node, name, onnx::AttributeProto::STRING)->set_s(value);
}

void setInts(onnx::NodeProto &node, const std::string &name, const std::vector<int64_t> &values)
{
    auto *a = addAttribute(node, name, onnx::AttributeProto::INTS);
    for (int64_t v : values)
        a->add_ints(v);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace layerlens::test
