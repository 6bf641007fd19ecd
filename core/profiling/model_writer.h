#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace layerlens::core {

// Builds small ONNX models in memory.
class ModelWriter
{
public:
    explicit ModelWriter(uint64_t seed)
        : m_rng(seed)
    {
        m_model.set_ir_version(8);
        m_model.set_producer_name("layerlens-profiler");
        auto *import = m_model.add_opset_import();
        import->set_domain("");
        import->set_version(17);
    }
    void input(const std::string &name, const std::vector<int64_t> &dims)
    {
        auto *v = graph()->add_input();
        v->set_name(name);
        auto *tt = v->mutable_type()->mutable_tensor_type();
        tt->set_elem_type(onnx::TensorProto::FLOAT);
        for (int64_t d : dims)
            tt->mutable_shape()->add_dim()->set_dim_value(d);
    }
    void weight(const std::string &name, const std::vector<int64_t> &dims, float scale = 0.05f)
    {
        int64_t count = 1;
        for (int64_t d : dims)
            count *= d;
        std::vector<float> values(static_cast<size_t>(count));
        std::normal_distribution<float> normal(0.0f, scale);
        for (float &v : values)
            v = normal(m_rng);
        constant(name, dims, values);
    }
    void constant(const std::string &name, const std::vector<int64_t> &dims,
                  const std::vector<float> &values)
    {
        auto *t = graph()->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::FLOAT);
        for (int64_t d : dims)
            t->add_dims(d);
        t->set_raw_data(std::string(reinterpret_cast<const char *>(values.data()),
                                    values.size() * sizeof(float)));
    }
    onnx::NodeProto *node(const std::string &op, const std::vector<std::string> &inputs,
                          const std::string &output)
    {
        auto *n = graph()->add_node();
        n->set_op_type(op);
        n->set_name(op + "_" + std::to_string(graph()->node_size()));
        for (const auto &i : inputs)
            n->add_input(i);
        n->add_output(output);
        return n;
    }
    static void ints(onnx::NodeProto *n, const char *name, const std::vector<int64_t> &values)
    {
        auto *a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INTS);
        for (int64_t v : values)
            a->add_ints(v);
    }
    static void integer(onnx::NodeProto *n, const char *name, int64_t value)
    {
        auto *a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(value);
    }
    void int64s(const std::string &name, const std::vector<int64_t> &values)
    {
        auto *t = graph()->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::INT64);
        t->add_dims(static_cast<int64_t>(values.size()));
        t->set_raw_data(std::string(reinterpret_cast<const char *>(values.data()),
                                    values.size() * sizeof(int64_t)));
    }
    void output(const std::string &name) { graph()->add_output()->set_name(name); }
    onnx::ModelProto &model() { return m_model; }

private:
    onnx::GraphProto *graph() { return m_model.mutable_graph(); }
    onnx::ModelProto m_model;
    std::mt19937 m_rng;
};

} // namespace layerlens::core
