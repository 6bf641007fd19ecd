#pragma once

#include <QString>

#include <functional>
#include <vector>

namespace layerlens::core {

// The outcome of one ONNX backend node test on the executor.
struct ConformanceCase
{
    enum class Status
    {
        Passed,
        Failed,
        Unsupported
    };
    QString name; // "test_conv_with_strides_padding"
    QString op;   // operator of its first node
    Status status = Status::Unsupported;
    QString detail; // why it failed or is unsupported; empty when passed
};

struct ConformanceReport
{
    int passed = 0;
    int failed = 0;
    int unsupported = 0;
    std::vector<ConformanceCase> cases;
};

// Tolerances the outputs are compared with (as ONNX's backend tests: |a-b| <=
// atol + rtol * |b|).
struct ConformanceOptions
{
    double rtol = 1e-3;
    double atol = 1e-5;
};

// "passed", "failed", "unsupported".
inline QString conformanceStatusKey(ConformanceCase::Status status)
{
    switch (status) {
    case ConformanceCase::Status::Passed:
        return QStringLiteral("passed");
    case ConformanceCase::Status::Failed:
        return QStringLiteral("failed");
    case ConformanceCase::Status::Unsupported:
        break;
    }
    return QStringLiteral("unsupported");
}

// Runs every test folder under dir (each with model.onnx and test_data_set_*/
// holding input_N.pb and output_N.pb) through the LibTorch executor.
// progress(done, total) may return false to stop early.
ConformanceReport runConformance(const QString &dir, const ConformanceOptions &options = {},
                                 const std::function<bool(int, int)> &progress = {});

} // namespace layerlens::core
