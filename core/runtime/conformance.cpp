#include "runtime/conformance.h"

#include "graph/onnx_loader.h"
#include "graph/onnx_tensor.h"
#include "runtime/aten_convert.h"
#include "runtime/executor.h"

#include <onnx/onnx_pb.h>

#include <QDir>
#include <QFile>

namespace layerlens::core {

namespace {

using Status = ConformanceCase::Status;

// Reads a TensorProto file into a tensor; sets problem when it cannot.
at::Tensor readTensor(const QString &path, ElementType *declared, QString *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot read %1").arg(path);
        return {};
    }
    const QByteArray bytes = file.readAll();
    onnx::TensorProto proto;
    if (!proto.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size()))) {
        *problem = QStringLiteral("%1 is not a tensor").arg(path);
        return {};
    }
    Weight weight;
    std::shared_ptr<const TensorValue> value;
    if (!readInitializer(proto, QFileInfo(path).absolutePath(), true, &weight, &value, problem))
        return {};
    *declared = weight.type;
    if (!scalarTypeOf(weight.type)) {
        *problem = QStringLiteral("test data of type %1").arg(elementTypeName(weight.type));
        return {};
    }
    return tensorFromBytes(weight.type, weight.dims, weight.data);
}

QString compare(const at::Tensor &got, const at::Tensor &want, const ConformanceOptions &o)
{
    if (got.sizes() != want.sizes()) {
        return QStringLiteral("shape %1, expected %2")
            .arg(QString::fromStdString(c10::str(got.sizes())),
                 QString::fromStdString(c10::str(want.sizes())));
    }
    if (want.numel() == 0)
        return QString();
    if (at::isFloatingType(want.scalar_type()) || at::isComplexType(want.scalar_type())) {
        const at::Tensor a = got.to(at::kDouble), b = want.to(at::kDouble);
        const at::Tensor bothNan = at::isnan(a) & at::isnan(b);
        const at::Tensor close = at::isclose(a, b, o.rtol, o.atol, /*equal_nan=*/true) | bothNan;
        if (close.all().item<bool>())
            return QString();
        const at::Tensor diff = at::where(close, at::zeros_like(a), at::abs(a - b));
        return QStringLiteral("values differ (max abs diff %1)").arg(diff.max().item<double>());
    }
    if (!at::equal(got.to(want.scalar_type()), want))
        return QStringLiteral("values differ");
    return QString();
}

ConformanceCase runCase(const QString &dir, const QString &name, const ConformanceOptions &options)
{
    ConformanceCase result;
    result.name = name;
    OnnxLoader loader;
    const auto graph = loader.load(QDir(dir).filePath(QStringLiteral("model.onnx")));
    if (!graph) {
        result.detail = loader.errorString().section(QStringLiteral(": "), 1);
        return result;
    }
    // The operator under test: the first that runs (or the first, when all fold).
    for (const Node &node : graph->nodes) {
        if (!node.folded || result.op.isEmpty())
            result.op = node.qualifiedOpType();
        if (!node.folded)
            break;
    }
    Executor executor;
    if (!executor.prepare(*graph)) {
        if (executor.unsupported().empty()) {
            result.detail = executor.errorString();
        } else {
            result.op = executor.unsupported().front().opType;
            result.detail = executor.unsupported().front().reason;
        }
        return result;
    }
    const QStringList sets =
        QDir(dir).entryList({QStringLiteral("test_data_set_*")}, QDir::Dirs, QDir::Name);
    if (sets.isEmpty()) {
        result.detail = QStringLiteral("no test data");
        return result;
    }
    for (const QString &set : sets) {
        const QDir data(QDir(dir).filePath(set));
        std::vector<at::Tensor> inputs;
        for (size_t i = 0; i < graph->inputs.size(); ++i) {
            ElementType type;
            QString problem;
            at::Tensor t =
                readTensor(data.filePath(QStringLiteral("input_%1.pb").arg(i)), &type, &problem);
            if (!t.defined()) {
                result.detail = problem;
                return result;
            }
            inputs.push_back(t);
        }
        std::vector<at::Tensor> outputs;
        try {
            outputs = executor.run(inputs);
        } catch (const std::exception &e) {
            result.status = Status::Failed;
            result.detail = QString::fromUtf8(e.what());
            return result;
        }
        for (size_t i = 0; i < outputs.size(); ++i) {
            ElementType expectedType;
            QString problem;
            const at::Tensor want = readTensor(data.filePath(QStringLiteral("output_%1.pb").arg(i)),
                                               &expectedType, &problem);
            if (!want.defined()) {
                result.detail = problem;
                return result;
            }
            const ElementType declared = graph->tensors[graph->outputs[i]].type;
            if (declared != ElementType::Undefined && declared != expectedType) {
                result.detail = QStringLiteral("test data stores %1 for a %2 output")
                                    .arg(elementTypeName(expectedType), elementTypeName(declared));
                return result;
            }
            const QString difference = compare(outputs[i], want, options);
            if (!difference.isEmpty()) {
                result.status = Status::Failed;
                result.detail = QStringLiteral("%1, output %2: %3").arg(set).arg(i).arg(difference);
                return result;
            }
        }
    }
    result.status = Status::Passed;
    return result;
}

} // namespace

ConformanceReport runConformance(const QString &dir, const ConformanceOptions &options,
                                 const std::function<bool(int, int)> &progress)
{
    ConformanceReport report;
    QStringList names;
    for (const QString &name : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFile::exists(QDir(dir).filePath(name + QStringLiteral("/model.onnx"))))
            names.append(name);
    }
    for (int i = 0; i < names.size(); ++i) {
        if (progress && !progress(i, static_cast<int>(names.size())))
            break;
        ConformanceCase c = runCase(QDir(dir).filePath(names[i]), names[i], options);
        switch (c.status) {
        case Status::Passed:
            ++report.passed;
            break;
        case Status::Failed:
            ++report.failed;
            break;
        case Status::Unsupported:
            ++report.unsupported;
            break;
        }
        report.cases.push_back(std::move(c));
    }
    return report;
}

} // namespace layerlens::core
