#pragma once

#include <QString>

#include <cstdint>

namespace layerlens::core {

// Tensor element types, numbered as ONNX's TensorProto.DataType.
enum class ElementType : int
{
    Undefined = 0,
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Double = 11,
    UInt32 = 12,
    UInt64 = 13,
    Complex64 = 14,
    Complex128 = 15,
    BFloat16 = 16,
};

// Bytes per element; 0 for Undefined and String (whose size is not fixed).
int64_t elementSize(ElementType type);

// True for the ONNX numbers 1..16 above.
bool isKnownElementType(int onnxDataType);

// True for integer and bool types (values held exactly as int64 when folded).
bool isIntegral(ElementType type);

// True for the real floating types (float16, bfloat16, float32, float64).
bool isFloatingPoint(ElementType type);

// ONNX-style lower-case name: "float32", "int64", ...
QString elementTypeName(ElementType type);

} // namespace layerlens::core
