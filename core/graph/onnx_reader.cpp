#include "graph/onnx_reader.h"

#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/stubs/logging.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <climits>
#include <mutex>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

// Feeds protobuf from a QIODevice, so Qt resources work and the file is never
// held in memory whole.
class DeviceInputStream final : public google::protobuf::io::CopyingInputStream
{
public:
    explicit DeviceInputStream(QIODevice *device)
        : m_device(device)
    {}
    int Read(void *buffer, int size) override
    {
        const qint64 n = m_device->read(static_cast<char *>(buffer), size);
        return n < 0 ? -1 : static_cast<int>(n);
    }

private:
    QIODevice *m_device;
};

void silenceProtobufLogging()
{
    // Parse failures are reported through our own messages, not protobuf's log.
    static std::once_flag once;
    std::call_once(once, [] { google::protobuf::SetLogHandler(nullptr); });
}

} // namespace

int maxSupportedOpset()
{
    const auto &ranges = onnx::OpSchemaRegistry::DomainToVersionRange::Instance().Map();
    const auto it = ranges.find(onnx::ONNX_DOMAIN);
    return it == ranges.end() ? 17 : it->second.second;
}

bool readModelProto(const QString &path, onnx::ModelProto *model, int64_t *fileBytes,
                    QString *problem)
{
    silenceProtobufLogging();
    const QFileInfo info(path);
    if (!info.exists()) {
        *problem = tr("no such file");
        return false;
    }
    if (info.isDir()) {
        *problem = tr("is a folder, not an ONNX file");
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = tr("cannot be read: %1").arg(file.errorString());
        return false;
    }
    *fileBytes = file.size();
    if (file.size() == 0) {
        *problem = tr("is empty");
        return false;
    }
    if (file.size() >= INT_MAX) {
        *problem = tr("is %1 bytes, over the 2 GB protobuf limit; ONNX files that large must "
                      "keep their weights in external data files")
                       .arg(file.size());
        return false;
    }

    DeviceInputStream stream(&file);
    google::protobuf::io::CopyingInputStreamAdaptor adaptor(&stream, 1 << 20);
    google::protobuf::io::CodedInputStream coded(&adaptor);
    coded.SetTotalBytesLimit(INT_MAX);
    const bool parsed = model->ParseFromCodedStream(&coded) && coded.ConsumedEntireMessage();
    if (!parsed || file.error() != QFileDevice::NoError) {
        model->Clear();
        *problem = tr("is not a valid ONNX file: its protobuf data is truncated or corrupted");
        return false;
    }
    return true;
}

QString checkModelHeader(const onnx::ModelProto &model)
{
    if (!model.has_graph() || model.ir_version() <= 0) {
        return tr("is not an ONNX model (no IR version or no graph; the protobuf data may be "
                  "corrupted)");
    }
    if (model.ir_version() < 3) {
        return tr("uses ONNX IR version %1, which predates opset imports; LayerLens reads IR "
                  "version 3 and later")
            .arg(model.ir_version());
    }
    if (model.ir_version() > onnx::Version::IR_VERSION) {
        return tr("uses ONNX IR version %1, newer than the newest LayerLens knows (%2)")
            .arg(model.ir_version())
            .arg(static_cast<int>(onnx::Version::IR_VERSION));
    }
    int opset = -1;
    for (const auto &import : model.opset_import()) {
        if (import.domain().empty() || import.domain() == "ai.onnx")
            opset = static_cast<int>(import.version());
    }
    if (opset < 0)
        return tr("declares no opset for the default ONNX domain");
    if (opset < kMinOpset) {
        return tr("uses opset %1; LayerLens reads opsets %2 to %3")
            .arg(opset)
            .arg(kMinOpset)
            .arg(maxSupportedOpset());
    }
    if (opset > maxSupportedOpset()) {
        return tr("uses opset %1, newer than the newest LayerLens knows (%2)")
            .arg(opset)
            .arg(maxSupportedOpset());
    }
    return QString();
}

} // namespace layerlens::core
