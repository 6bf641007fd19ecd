// Walks ONNX's backend node tests (libonnx-testdata): every model loads or is
// refused with a clear message; loaded models' output shapes match ONNX's
// expected outputs; and the constant folder's values match them too.
#include "graph/analyzed_network.h"
#include "graph/constant_folder.h"
#include "graph/onnx_reader.h"
#include "support/model_builder.h"
#include "support/test_paths.h"

#include <onnx/onnx_pb.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace layerlens;

namespace {

bool readProto(const QString &path, google::protobuf::MessageLite *message)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.readAll();
    return message->ParseFromArray(bytes.constData(), static_cast<int>(bytes.size()));
}

bool inputsConcrete(const onnx::ModelProto &model)
{
    for (const auto &v : model.graph().input()) {
        if (!v.type().has_tensor_type())
            return false;
        for (const auto &d : v.type().tensor_type().shape().dim()) {
            if (!d.has_dim_value())
                return false;
        }
    }
    return true;
}

// Element i of a TensorProto holding numbers, as a double.
std::optional<double> element(const onnx::TensorProto &t, const std::vector<double> &raw, int i)
{
    if (!raw.empty())
        return raw[static_cast<size_t>(i)];
    if (t.int64_data_size() > i)
        return static_cast<double>(t.int64_data(i));
    if (t.int32_data_size() > i)
        return static_cast<double>(t.int32_data(i));
    if (t.float_data_size() > i)
        return t.float_data(i);
    if (t.double_data_size() > i)
        return t.double_data(i);
    return std::nullopt;
}

std::vector<double> decodeRaw(const onnx::TensorProto &t)
{
    std::vector<double> out;
    const std::string &raw = t.raw_data();
    auto take = [&](auto tag) {
        using T = decltype(tag);
        for (size_t i = 0; i + sizeof(T) <= raw.size(); i += sizeof(T)) {
            T v;
            std::memcpy(&v, raw.data() + i, sizeof(T));
            out.push_back(static_cast<double>(v));
        }
    };
    switch (t.data_type()) {
    case onnx::TensorProto::FLOAT:
        take(float());
        break;
    case onnx::TensorProto::DOUBLE:
        take(double());
        break;
    case onnx::TensorProto::INT64:
        take(int64_t());
        break;
    case onnx::TensorProto::INT32:
        take(int32_t());
        break;
    case onnx::TensorProto::BOOL:
    case onnx::TensorProto::UINT8:
        take(uint8_t());
        break;
    case onnx::TensorProto::INT8:
        take(int8_t());
        break;
    case onnx::TensorProto::INT16:
        take(int16_t());
        break;
    case onnx::TensorProto::UINT16:
        take(uint16_t());
        break;
    case onnx::TensorProto::UINT32:
        take(uint32_t());
        break;
    case onnx::TensorProto::UINT64:
        take(uint64_t());
        break;
    default:
        break;
    }
    return out;
}

} // namespace

class TestNodeCorpus : public QObject
{
    Q_OBJECT

private:
    QStringList m_cases;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QDir node(test::onnxTestData() + QStringLiteral("/node"));
        m_cases = node.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY2(m_cases.size() > 500,
                 qPrintable(QStringLiteral("ONNX node tests not found in %1 (install "
                                           "libonnx-testdata)")
                                .arg(node.path())));
    }

    void everyModelLoadsOrIsRefused()
    {
        int loaded = 0, refused = 0, checkedShapes = 0, unresolved = 0;
        QStringList mismatches;
        QMap<QString, int> reasons;
        for (const QString &name : std::as_const(m_cases)) {
            const QString dir = test::onnxTestData() + QStringLiteral("/node/") + name;
            const QString path = dir + QStringLiteral("/model.onnx");
            const core::AnalyzedNetwork net = core::loadAndAnalyze(path, {});
            if (!net.ok()) {
                ++refused;
                QVERIFY2(net.error.startsWith(path), qPrintable(net.error));
                QVERIFY2(!net.error.contains(QLatin1Char('\n')), qPrintable(net.error));
                reasons[net.error.mid(path.size() + 2).section(QLatin1Char(' '), 0, 3)]++;
                continue;
            }
            ++loaded;
            onnx::ModelProto model;
            if (!readProto(path, &model) || !inputsConcrete(model))
                continue;
            for (size_t i = 0; i < net.graph->outputs.size(); ++i) {
                onnx::TensorProto expected;
                const QString file = dir + QStringLiteral("/test_data_set_0/output_%1.pb").arg(i);
                if (!QFile::exists(file) || !readProto(file, &expected) ||
                    !expected.has_data_type())
                    continue;
                const core::Tensor &out = net.graph->tensors[net.graph->outputs[i]];
                if (!out.shape.isConcrete()) {
                    ++unresolved;
                    continue;
                }
                ++checkedShapes;
                const std::vector<int64_t> dims(expected.dims().begin(), expected.dims().end());
                if (dims != out.shape.dims) {
                    mismatches.append(
                        QStringLiteral("%1: %2 computed, %3 expected")
                            .arg(name, out.shape.toString(), core::Shape::of(dims).toString()));
                }
            }
        }
        qInfo("%d node tests: %d loaded, %d refused with a message", int(m_cases.size()), loaded,
              refused);
        for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
            qInfo("  refused %3d x: %s...", it.value(), qPrintable(it.key()));
        qInfo("output shapes: %d checked against ONNX's expected outputs, %d not concrete "
              "(data-dependent)",
              checkedShapes, unresolved);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY(checkedShapes > 500);
    }

    // For operators the folder evaluates: make the test inputs initializers,
    // load, and compare the folded value with ONNX's expected output.
    void folderMatchesExpectedOutputs()
    {
        int compared = 0;
        QStringList failures;
        for (const QString &name : std::as_const(m_cases)) {
            const QString dir = test::onnxTestData() + QStringLiteral("/node/") + name;
            onnx::ModelProto model;
            if (!readProto(dir + QStringLiteral("/model.onnx"), &model) ||
                model.graph().node_size() != 1 || model.graph().output_size() < 1 ||
                !model.graph().output(0).type().has_tensor_type())
                continue;
            int opset = 0;
            for (const auto &import : model.opset_import())
                opset = import.domain().empty() ? static_cast<int>(import.version()) : opset;
            if (opset < core::kMinOpset)
                continue; // refused, as the first test checks
            core::Node probe;
            probe.opType = QString::fromStdString(model.graph().node(0).op_type());
            probe.domain = QString::fromStdString(model.graph().node(0).domain());
            if (!core::isFoldableOp(probe) || probe.opType == QLatin1String("Constant"))
                continue;
            // Inputs become initializers holding the test's input values.
            bool usable = true;
            auto *graph = model.mutable_graph();
            for (int i = 0; i < graph->input_size() && usable; ++i) {
                onnx::TensorProto value;
                const QString file = dir + QStringLiteral("/test_data_set_0/input_%1.pb").arg(i);
                // Only tensor inputs stored with the model's own element type
                // (the test data keeps bfloat16 as uint16, for one).
                const auto &type = graph->input(i).type();
                usable = type.has_tensor_type() && readProto(file, &value) &&
                         value.data_type() == type.tensor_type().elem_type();
                value.set_name(graph->input(i).name());
                *graph->add_initializer() = value;
            }
            onnx::TensorProto expected;
            if (!usable ||
                !readProto(dir + QStringLiteral("/test_data_set_0/output_0.pb"), &expected) ||
                expected.data_type() != model.graph().output(0).type().tensor_type().elem_type() ||
                expected.data_type() == onnx::TensorProto::FLOAT16 ||
                expected.data_type() == onnx::TensorProto::BFLOAT16)
                continue; // half floats: the folder keeps full precision
            graph->clear_input();
            const QString path = m_dir.filePath(name + QStringLiteral(".onnx"));
            const std::string bytes = model.SerializeAsString();
            QVERIFY(test::writeFile(path, QByteArray(bytes.data(), qsizetype(bytes.size()))));
            const core::AnalyzedNetwork net = core::loadAndAnalyze(path, {});
            if (!net.ok()) {
                failures.append(name + QStringLiteral(": ") + net.error);
                continue;
            }
            const core::Tensor &out = net.graph->tensors[net.graph->outputs[0]];
            if (!out.value)
                continue; // too large to fold, or a type the folder leaves alone
            ++compared;
            const std::vector<int64_t> dims(expected.dims().begin(), expected.dims().end());
            if (out.value->dims != dims) {
                failures.append(QStringLiteral("%1: dims %2, expected %3")
                                    .arg(name, core::Shape::of(out.value->dims).toString(),
                                         core::Shape::of(dims).toString()));
                continue;
            }
            const std::vector<double> raw = decodeRaw(expected);
            for (int64_t i = 0; i < out.value->elementCount(); ++i) {
                const auto want = element(expected, raw, static_cast<int>(i));
                const double got = out.value->real(i);
                if (!want || std::fabs(got - *want) > 1e-4 * std::max(1.0, std::fabs(*want))) {
                    failures.append(QStringLiteral("%1: element %2 is %3, expected %4")
                                        .arg(name)
                                        .arg(i)
                                        .arg(got)
                                        .arg(want ? *want : std::nan("")));
                    break;
                }
            }
        }
        qInfo("constant folder compared with ONNX's expected outputs on %d node tests", compared);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY(compared > 100);
    }
};

QTEST_GUILESS_MAIN(TestNodeCorpus)
#include "tst_node_corpus.moc"
