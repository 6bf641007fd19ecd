#include "graph/onnx_tensor.h"

#include <onnx/onnx_pb.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <bit>
#include <cstring>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

// Elements above this are refused as implausible (2^40, a terabyte of bytes).
constexpr int64_t kMaxElements = int64_t(1) << 40;

float halfToFloat(uint16_t h)
{
    const uint32_t sign = (h & 0x8000u) << 16;
    uint32_t exponent = (h >> 10) & 0x1f;
    uint32_t mantissa = h & 0x3ffu;
    uint32_t bits;
    if (exponent == 0) {
        if (mantissa == 0) {
            bits = sign;
        } else { // subnormal: normalise
            exponent = 127 - 15 + 1;
            while ((mantissa & 0x400u) == 0) {
                mantissa <<= 1;
                --exponent;
            }
            bits = sign | (exponent << 23) | ((mantissa & 0x3ffu) << 13);
        }
    } else if (exponent == 0x1f) {
        bits = sign | 0x7f800000u | (mantissa << 13);
    } else {
        bits = sign | ((exponent - 15 + 127) << 23) | (mantissa << 13);
    }
    return std::bit_cast<float>(bits);
}

template<typename T>
T readLittle(const char *p)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
}

template<typename T>
void appendLittle(std::string *out, T v)
{
    out->append(reinterpret_cast<const char *>(&v), sizeof(T));
}

bool checkDims(const onnx::TensorProto &t, std::vector<int64_t> *dims, int64_t *elements,
               QString *problem)
{
    dims->assign(t.dims().begin(), t.dims().end());
    int64_t count = 1;
    for (int64_t d : *dims) {
        if (d < 0) {
            *problem = tr("has a negative dimension (%1)").arg(d);
            return false;
        }
        if (d > 0 && count > kMaxElements / d) {
            *problem = tr("declares an implausible number of elements");
            return false;
        }
        count *= d;
    }
    *elements = count;
    return true;
}

// Number of typed-field entries one element takes (complex numbers take two).
int64_t typedEntriesPerElement(ElementType type)
{
    return type == ElementType::Complex64 || type == ElementType::Complex128 ? 2 : 1;
}

// Converts the typed fields of t (float_data, int32_data...) into raw bytes.
bool typedFieldsToBytes(const onnx::TensorProto &t, ElementType type, int64_t elements,
                        std::string *bytes, bool *present, QString *problem)
{
    const int64_t expected = elements * typedEntriesPerElement(type);
    auto checkCount = [&](int64_t count) {
        *present = count > 0;
        if (count != expected) {
            *problem =
                tr("holds %1 values but its dims declare %2 elements").arg(count).arg(expected);
            return false;
        }
        return true;
    };
    bytes->clear();
    switch (type) {
    case ElementType::Float:
    case ElementType::Complex64:
        if (!checkCount(t.float_data_size()))
            return false;
        for (float v : t.float_data())
            appendLittle(bytes, v);
        return true;
    case ElementType::Double:
    case ElementType::Complex128:
        if (!checkCount(t.double_data_size()))
            return false;
        for (double v : t.double_data())
            appendLittle(bytes, v);
        return true;
    case ElementType::Int64:
        if (!checkCount(t.int64_data_size()))
            return false;
        for (int64_t v : t.int64_data())
            appendLittle(bytes, v);
        return true;
    case ElementType::UInt32:
    case ElementType::UInt64:
        if (!checkCount(t.uint64_data_size()))
            return false;
        for (uint64_t v : t.uint64_data()) {
            if (type == ElementType::UInt32)
                appendLittle(bytes, static_cast<uint32_t>(v));
            else
                appendLittle(bytes, v);
        }
        return true;
    case ElementType::String:
        *present = t.string_data_size() > 0;
        if (t.string_data_size() != elements) {
            *problem = tr("holds %1 strings but its dims declare %2 elements")
                           .arg(t.string_data_size())
                           .arg(elements);
            return false;
        }
        return true;
    default: // int32_data carries every narrower type, fp16 and bf16 as bits
        if (!checkCount(t.int32_data_size()))
            return false;
        for (int32_t v : t.int32_data()) {
            switch (elementSize(type)) {
            case 1:
                appendLittle(bytes, static_cast<uint8_t>(v));
                break;
            case 2:
                appendLittle(bytes, static_cast<uint16_t>(v));
                break;
            default:
                appendLittle(bytes, v);
            }
        }
        return true;
    }
}

// Resolves and checks an external-data reference; returns the file path.
bool externalLocation(const onnx::TensorProto &t, const QString &modelDir, int64_t expectedBytes,
                      QString *filePath, int64_t *offset, QString *problem)
{
    QString location;
    int64_t length = -1;
    *offset = 0;
    for (const auto &entry : t.external_data()) {
        const QString value = QString::fromStdString(entry.value());
        bool ok = true;
        if (entry.key() == "location")
            location = value;
        else if (entry.key() == "offset")
            *offset = value.toLongLong(&ok);
        else if (entry.key() == "length")
            length = value.toLongLong(&ok);
        if (!ok || *offset < 0) {
            *problem = tr("has an invalid external-data %1 '%2'")
                           .arg(QString::fromStdString(entry.key()), value);
            return false;
        }
    }
    if (location.isEmpty()) {
        *problem = tr("says its data is external but names no file");
        return false;
    }
    const QString cleaned = QDir::cleanPath(location);
    if (QDir::isAbsolutePath(cleaned) || cleaned == QStringLiteral("..") ||
        cleaned.startsWith(QStringLiteral("../"))) {
        *problem = tr("names external data '%1' outside the model's folder").arg(location);
        return false;
    }
    *filePath = QDir(modelDir).filePath(cleaned);
    const QFileInfo info(*filePath);
    if (!info.isFile()) {
        *problem = tr("keeps its data in '%1', which does not exist").arg(*filePath);
        return false;
    }
    if (length >= 0 && length != expectedBytes) {
        *problem = tr("declares %1 bytes of external data but its dims need %2")
                       .arg(length)
                       .arg(expectedBytes);
        return false;
    }
    if (*offset + expectedBytes > info.size()) {
        *problem = tr("needs bytes %1 to %2 of '%3', which holds only %4")
                       .arg(*offset)
                       .arg(*offset + expectedBytes)
                       .arg(*filePath)
                       .arg(info.size());
        return false;
    }
    return true;
}

bool readExternalBytes(const QString &filePath, int64_t offset, int64_t size, std::string *bytes,
                       QString *problem)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset)) {
        *problem = tr("cannot read external data '%1': %2").arg(filePath, file.errorString());
        return false;
    }
    bytes->resize(static_cast<size_t>(size));
    if (file.read(bytes->data(), size) != size) {
        *problem = tr("cannot read %1 bytes of external data from '%2'").arg(size).arg(filePath);
        return false;
    }
    return true;
}

} // namespace

std::shared_ptr<const TensorValue>
decodeTensorValue(ElementType type, const std::vector<int64_t> &dims, const std::string &bytes)
{
    const int64_t size = elementSize(type);
    if (size == 0 || type == ElementType::Complex64 || type == ElementType::Complex128)
        return nullptr;
    auto value = std::make_shared<TensorValue>();
    value->type = type;
    value->dims = dims;
    const int64_t count = value->elementCount();
    if (count > kMaxFoldedElements || static_cast<int64_t>(bytes.size()) != count * size)
        return nullptr;
    const char *p = bytes.data();
    for (int64_t i = 0; i < count; ++i, p += size) {
        switch (type) {
        case ElementType::Float:
            value->reals.push_back(readLittle<float>(p));
            break;
        case ElementType::Double:
            value->reals.push_back(readLittle<double>(p));
            break;
        case ElementType::Float16:
            value->reals.push_back(halfToFloat(readLittle<uint16_t>(p)));
            break;
        case ElementType::BFloat16:
            value->reals.push_back(std::bit_cast<float>(uint32_t(readLittle<uint16_t>(p)) << 16));
            break;
        case ElementType::Bool:
            value->ints.push_back(readLittle<uint8_t>(p) != 0 ? 1 : 0);
            break;
        case ElementType::UInt8:
            value->ints.push_back(readLittle<uint8_t>(p));
            break;
        case ElementType::Int8:
            value->ints.push_back(readLittle<int8_t>(p));
            break;
        case ElementType::UInt16:
            value->ints.push_back(readLittle<uint16_t>(p));
            break;
        case ElementType::Int16:
            value->ints.push_back(readLittle<int16_t>(p));
            break;
        case ElementType::Int32:
            value->ints.push_back(readLittle<int32_t>(p));
            break;
        case ElementType::UInt32:
            value->ints.push_back(readLittle<uint32_t>(p));
            break;
        case ElementType::Int64:
            value->ints.push_back(readLittle<int64_t>(p));
            break;
        case ElementType::UInt64:
            value->ints.push_back(static_cast<int64_t>(readLittle<uint64_t>(p)));
            break;
        default:
            return nullptr;
        }
    }
    return value;
}

bool readInitializer(onnx::TensorProto &t, const QString &modelDir, bool keepData, Weight *weight,
                     std::shared_ptr<const TensorValue> *value, QString *problem)
{
    weight->name = QString::fromStdString(t.name());
    if (!isKnownElementType(t.data_type())) {
        *problem = tr("has unknown element type %1").arg(t.data_type());
        return false;
    }
    weight->type = static_cast<ElementType>(t.data_type());
    if (!checkDims(t, &weight->dims, &weight->elements, problem))
        return false;
    const int64_t size = elementSize(weight->type);
    weight->bytes = weight->elements * size;
    const bool small = weight->elements <= kMaxFoldedElements;
    const bool wantBytes = keepData || small;

    std::string bytes;
    if (t.data_location() == onnx::TensorProto::EXTERNAL) {
        weight->external = true;
        QString filePath;
        int64_t offset = 0;
        if (!externalLocation(t, modelDir, weight->bytes, &filePath, &offset, problem))
            return false;
        if (wantBytes && !readExternalBytes(filePath, offset, weight->bytes, &bytes, problem))
            return false;
    } else if (t.has_raw_data()) {
        if (weight->type == ElementType::String) {
            *problem = tr("is a string tensor with raw data, which ONNX does not allow");
            return false;
        }
        if (static_cast<int64_t>(t.raw_data().size()) != weight->bytes) {
            *problem = tr("holds %1 bytes of raw data but its dims and type need %2")
                           .arg(t.raw_data().size())
                           .arg(weight->bytes);
            return false;
        }
        if (wantBytes)
            bytes.swap(*t.mutable_raw_data());
        t.clear_raw_data();
    } else {
        bool present = false;
        if (!typedFieldsToBytes(t, weight->type, weight->elements, &bytes, &present, problem)) {
            if (weight->elements > 0 && !present)
                *problem = tr("holds no data for its %1 elements").arg(weight->elements);
            return false;
        }
    }
    if (small && weight->type != ElementType::String)
        *value = decodeTensorValue(weight->type, weight->dims, bytes);
    if (keepData && weight->type != ElementType::String)
        weight->data = std::move(bytes);
    return true;
}

bool readTensorAttribute(const onnx::TensorProto &t, ElementType *type, std::vector<int64_t> *dims,
                         std::shared_ptr<const TensorValue> *value, std::string *largeBytes,
                         QString *problem)
{
    if (!isKnownElementType(t.data_type())) {
        *problem = tr("has unknown element type %1").arg(t.data_type());
        return false;
    }
    *type = static_cast<ElementType>(t.data_type());
    int64_t elements = 0;
    if (!checkDims(t, dims, &elements, problem))
        return false;
    if (t.data_location() == onnx::TensorProto::EXTERNAL) {
        *problem = tr("keeps an attribute tensor in external data, which LayerLens does not read");
        return false;
    }
    if (t.has_raw_data()) {
        if (static_cast<int64_t>(t.raw_data().size()) != elements * elementSize(*type)) {
            *problem = tr("holds %1 bytes of raw data but its dims and type need %2")
                           .arg(t.raw_data().size())
                           .arg(elements * elementSize(*type));
            return false;
        }
        if (elements <= kMaxFoldedElements)
            *value = decodeTensorValue(*type, *dims, t.raw_data());
        else
            *largeBytes = t.raw_data();
        return true;
    }
    std::string bytes;
    bool present = false;
    if (!typedFieldsToBytes(t, *type, elements, &bytes, &present, problem))
        return false;
    if (elements <= kMaxFoldedElements)
        *value = decodeTensorValue(*type, *dims, bytes);
    else
        *largeBytes = std::move(bytes);
    return true;
}

bool writeTensorProto(const TensorValue &value, const std::string &name, onnx::TensorProto *t)
{
    if (value.type == ElementType::Float16 || value.type == ElementType::BFloat16 ||
        !value.isConsistent())
        return false;
    t->set_name(name);
    t->set_data_type(static_cast<int>(value.type));
    for (int64_t d : value.dims)
        t->add_dims(d);
    const int64_t count = value.elementCount();
    switch (value.type) {
    case ElementType::Float:
        for (int64_t i = 0; i < count; ++i)
            t->add_float_data(static_cast<float>(value.real(i)));
        break;
    case ElementType::Double:
        for (int64_t i = 0; i < count; ++i)
            t->add_double_data(value.real(i));
        break;
    case ElementType::Int64:
        for (int64_t i = 0; i < count; ++i)
            t->add_int64_data(value.integer(i));
        break;
    case ElementType::UInt32:
    case ElementType::UInt64:
        for (int64_t i = 0; i < count; ++i)
            t->add_uint64_data(static_cast<uint64_t>(value.integer(i)));
        break;
    case ElementType::Bool:
    case ElementType::UInt8:
    case ElementType::Int8:
    case ElementType::UInt16:
    case ElementType::Int16:
    case ElementType::Int32:
        for (int64_t i = 0; i < count; ++i)
            t->add_int32_data(static_cast<int32_t>(value.integer(i)));
        break;
    default:
        return false;
    }
    return true;
}

} // namespace layerlens::core
