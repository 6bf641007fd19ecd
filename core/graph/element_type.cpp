#include "graph/element_type.h"

namespace layerlens::core {

int64_t elementSize(ElementType type)
{
    switch (type) {
    case ElementType::Bool:
    case ElementType::UInt8:
    case ElementType::Int8:
        return 1;
    case ElementType::UInt16:
    case ElementType::Int16:
    case ElementType::Float16:
    case ElementType::BFloat16:
        return 2;
    case ElementType::Float:
    case ElementType::Int32:
    case ElementType::UInt32:
        return 4;
    case ElementType::Int64:
    case ElementType::UInt64:
    case ElementType::Double:
    case ElementType::Complex64:
        return 8;
    case ElementType::Complex128:
        return 16;
    case ElementType::Undefined:
    case ElementType::String:
        return 0;
    }
    return 0;
}

bool isKnownElementType(int onnxDataType)
{
    return onnxDataType >= 1 && onnxDataType <= 16;
}

bool isFloatingPoint(ElementType type)
{
    return type == ElementType::Float || type == ElementType::Double ||
           type == ElementType::Float16 || type == ElementType::BFloat16;
}

bool isIntegral(ElementType type)
{
    switch (type) {
    case ElementType::Bool:
    case ElementType::UInt8:
    case ElementType::Int8:
    case ElementType::UInt16:
    case ElementType::Int16:
    case ElementType::Int32:
    case ElementType::Int64:
    case ElementType::UInt32:
    case ElementType::UInt64:
        return true;
    default:
        return false;
    }
}

QString elementTypeName(ElementType type)
{
    switch (type) {
    case ElementType::Undefined:
        return QStringLiteral("undefined");
    case ElementType::Float:
        return QStringLiteral("float32");
    case ElementType::UInt8:
        return QStringLiteral("uint8");
    case ElementType::Int8:
        return QStringLiteral("int8");
    case ElementType::UInt16:
        return QStringLiteral("uint16");
    case ElementType::Int16:
        return QStringLiteral("int16");
    case ElementType::Int32:
        return QStringLiteral("int32");
    case ElementType::Int64:
        return QStringLiteral("int64");
    case ElementType::String:
        return QStringLiteral("string");
    case ElementType::Bool:
        return QStringLiteral("bool");
    case ElementType::Float16:
        return QStringLiteral("float16");
    case ElementType::Double:
        return QStringLiteral("float64");
    case ElementType::UInt32:
        return QStringLiteral("uint32");
    case ElementType::UInt64:
        return QStringLiteral("uint64");
    case ElementType::Complex64:
        return QStringLiteral("complex64");
    case ElementType::Complex128:
        return QStringLiteral("complex128");
    case ElementType::BFloat16:
        return QStringLiteral("bfloat16");
    }
    return QStringLiteral("undefined");
}

} // namespace layerlens::core
