#include "runtime/runtime_api.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>

#include <mutex>

namespace layerlens::core {

const RuntimeApi *runtimeApi(QString *error)
{
    static std::once_flag once;
    static const RuntimeApi *api = nullptr;
    static QString loadError;
    std::call_once(once, [] {
        const QByteArray env = qgetenv("LAYERLENS_RUNTIME");
        const QString path = !env.isEmpty()
                                 ? QString::fromLocal8Bit(env)
                                 : QDir(QCoreApplication::applicationDirPath())
                                       .filePath(QStringLiteral("../lib/liblayerlens_runtime.so"));
        QLibrary library(path);
        library.setLoadHints(QLibrary::ExportExternalSymbolsHint);
        using Entry = const RuntimeApi *(*)();
        const auto entry = reinterpret_cast<Entry>(library.resolve("layerlens_runtime_api"));
        if (!entry) {
            loadError =
                QCoreApplication::translate("runtime", "cannot load the LibTorch runtime %1: %2")
                    .arg(path, library.errorString());
            return;
        }
        api = entry();
        if (!api || api->abiVersion != kRuntimeAbiVersion) {
            loadError =
                QCoreApplication::translate("runtime", "the LibTorch runtime %1 belongs to another "
                                                       "LayerLens build")
                    .arg(path);
            api = nullptr;
        }
    });
    if (!api && error)
        *error = loadError;
    return api;
}

} // namespace layerlens::core
