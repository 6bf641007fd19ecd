#include "predict/calibration_probes.h"

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

// A convolution with a ReLU from `in` (`channels` in) to `out` (`outputs`
// channels), `kernel` square, padded to keep the size.
void convolution(ModelWriter &w, const std::string &in, int64_t channels, int64_t outputs,
                 int64_t kernel, const std::string &out)
{
    w.weight(out + "_w", {outputs, channels, kernel, kernel});
    w.weight(out + "_b", {outputs});
    auto *conv = w.node("Conv", {in, out + "_w", out + "_b"}, out + "_c");
    ModelWriter::ints(conv, "kernel_shape", {kernel, kernel});
    ModelWriter::ints(conv, "strides", {1, 1});
    if (kernel > 1) {
        const int64_t pad = kernel / 2;
        ModelWriter::ints(conv, "pads", {pad, pad, pad, pad});
    }
    w.node("Relu", {out + "_c"}, out);
}

// A 1x1 convolution with a ReLU from `in` (channels in) to `out`, as the
// layers around a ShuffleNet block's copies run.
void pointwise(ModelWriter &w, const std::string &in, int64_t channels, const std::string &out)
{
    convolution(w, in, channels, channels, 1, out);
}

// The copy between a convolution that writes its input and one that reads
// its output, as a network runs it: timed alone, a copy skipped what a
// network's step between layers costs (a channel split took 5.9 us alone,
// 9-10 us between convolutions, on 232 channels at 14x14 on a Xeon VM).
QByteArray channelSplit(const Activation &a)
{
    ModelWriter w(1);
    w.input("x", {a.batch, a.channels, a.size, a.size});
    pointwise(w, "x", a.channels, "r");
    const int64_t half = a.channels / 2;
    w.int64s("starts", {0});
    w.int64s("middle", {half});
    w.int64s("ends", {a.channels});
    w.int64s("axes", {1});
    w.node("Slice", {"r", "starts", "middle", "axes"}, "kept");
    w.node("Slice", {"r", "middle", "ends", "axes"}, "branch");
    pointwise(w, "branch", a.channels - half, "b");
    ModelWriter::integer(w.node("Concat", {"kept", "b"}, "y"), "axis", 1);
    w.output("y");
    return QByteArray::fromStdString(w.model().SerializeAsString());
}

QByteArray channelShuffle(const Activation &a)
{
    ModelWriter w(1);
    w.input("x", {a.batch, a.channels, a.size, a.size});
    pointwise(w, "x", a.channels, "r");
    w.int64s("grouped", {a.batch, 2, a.channels / 2, a.size, a.size});
    w.int64s("merged", {a.batch, a.channels, a.size, a.size});
    w.node("Reshape", {"r", "grouped"}, "g");
    ModelWriter::ints(w.node("Transpose", {"g"}, "t"), "perm", {0, 2, 1, 3, 4});
    w.node("Reshape", {"t", "merged"}, "s");
    pointwise(w, "s", a.channels, "y");
    w.output("y");
    return QByteArray::fromStdString(w.model().SerializeAsString());
}

// A SqueezeNet fire module's channels: squeezed, and each expansion's.
struct Fire
{
    int64_t batch, squeeze, expand, size;
};

// Fire modules of SqueezeNet 1.1's stages (at sizes a little apart from its
// own), at batch 1 and 8.
const Fire kFires[] = {{1, 16, 64, 56}, {1, 32, 128, 28}, {1, 48, 192, 14}, {1, 64, 256, 14},
                       {8, 16, 64, 56}, {8, 32, 128, 28}, {8, 48, 192, 14}, {8, 64, 256, 14}};

// The concatenation of a fire module's two expansions (1x1 and 3x3), read
// by the next one's squeeze: where a network concatenates channels, it
// joins what two convolutions just wrote. Networks calibrate runs need not
// hold a concatenation at all, and a concatenation timed alone finds its
// inputs in the caches.
QByteArray fireConcat(const Fire &f)
{
    ModelWriter w(1);
    const int64_t channels = 2 * f.expand;
    w.input("x", {f.batch, channels, f.size, f.size});
    convolution(w, "x", channels, f.squeeze, 1, "s");
    convolution(w, "s", f.squeeze, f.expand, 1, "e1");
    convolution(w, "s", f.squeeze, f.expand, 3, "e3");
    ModelWriter::integer(w.node("Concat", {"e1", "e3"}, "c"), "axis", 1);
    convolution(w, "c", channels, f.squeeze, 1, "y");
    w.output("y");
    return QByteArray::fromStdString(w.model().SerializeAsString());
}

bool writeProbe(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
        *error = QCoreApplication::translate("layerlens::core", "cannot write %1: %2")
                     .arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

QStringList writeCalibrationProbes(const QString &dir, QString *error)
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
            if (!writeProbe(path, bytes, error))
                return {};
            files.append(path);
        }
    }
    for (const Fire &f : kFires) {
        const QString path = QDir(dir).filePath(QStringLiteral("fire-%1x%2x%3x%4x%4.onnx")
                                                    .arg(f.batch)
                                                    .arg(f.squeeze)
                                                    .arg(f.expand)
                                                    .arg(f.size));
        if (!writeProbe(path, fireConcat(f), error))
            return {};
        files.append(path);
    }
    return files;
}

} // namespace layerlens::core
