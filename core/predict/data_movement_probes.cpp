#include "predict/data_movement_probes.h"

#include "profiling/model_writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace layerlens::core {

namespace {

struct Activation
{
    int64_t batch, channels, size;
};

// Channel counts and sizes of ShuffleNetV2 and similar stages, at batch 1 to 8.
const Activation kActivations[] = {{1, 48, 56},  {1, 116, 28}, {1, 232, 14}, {1, 464, 7},
                                   {4, 116, 28}, {8, 232, 14}, {8, 116, 28}, {8, 48, 56}};

QByteArray channelSplit(const Activation &a)
{
    ModelWriter w(1);
    w.input("x", {a.batch, a.channels, a.size, a.size});
    w.int64s("starts", {0});
    w.int64s("ends", {a.channels / 2});
    w.int64s("axes", {1});
    w.node("Slice", {"x", "starts", "ends", "axes"}, "y");
    w.output("y");
    return QByteArray::fromStdString(w.model().SerializeAsString());
}

QByteArray channelShuffle(const Activation &a)
{
    ModelWriter w(1);
    w.input("x", {a.batch, a.channels, a.size, a.size});
    w.int64s("grouped", {a.batch, 2, a.channels / 2, a.size, a.size});
    w.int64s("merged", {a.batch, a.channels, a.size, a.size});
    w.node("Reshape", {"x", "grouped"}, "g");
    ModelWriter::ints(w.node("Transpose", {"g"}, "t"), "perm", {0, 2, 1, 3, 4});
    w.node("Reshape", {"t", "merged"}, "y");
    w.output("y");
    return QByteArray::fromStdString(w.model().SerializeAsString());
}

} // namespace

QStringList writeDataMovementProbes(const QString &dir, QString *error)
{
    QStringList files;
    if (!QDir().mkpath(dir)) {
        *error = QCoreApplication::translate("layerlens::core", "cannot create %1").arg(dir);
        return {};
    }
    for (const Activation &a : kActivations) {
        const QString shape =
            QStringLiteral("%1x%2x%3x%3").arg(a.batch).arg(a.channels).arg(a.size);
        for (const auto &[kind, bytes] :
             {std::pair{QStringLiteral("split"), channelSplit(a)},
              std::pair{QStringLiteral("shuffle"), channelShuffle(a)}}) {
            const QString path = QDir(dir).filePath(QStringLiteral("%1-%2.onnx").arg(kind, shape));
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
                *error = QCoreApplication::translate("layerlens::core", "cannot write %1: %2")
                             .arg(path, f.errorString());
                return {};
            }
            files.append(path);
        }
    }
    return files;
}

} // namespace layerlens::core
