#pragma once

#include <QDir>
#include <QString>

namespace layerlens::test {

// Folder of the shared reference networks (../shared/models beside the checkout).
inline QString sharedModel(const QString &file)
{
    const QByteArray env = qgetenv("LAYERLENS_SHARED_MODELS");
    const QString dir =
        env.isEmpty() ? QStringLiteral(LAYERLENS_SHARED_MODELS_DIR) : QString::fromLocal8Bit(env);
    return QDir(dir).filePath(file);
}

// ONNX's backend test data (Debian package libonnx-testdata).
inline QString onnxTestData()
{
    return QStringLiteral(LAYERLENS_ONNX_TESTDATA_DIR);
}

// A built LayerLens program.
inline QString program(const QString &name)
{
    return QDir(QStringLiteral(LAYERLENS_BIN_DIR)).filePath(name);
}

} // namespace layerlens::test
