#include "report/network_report.h"

#include "predict/prediction_report.h"
#include "profiling/profiling_spec.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <chrono>
#include <map>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

} // namespace

QString NetworkReport::blockName(int block) const
{
    return core::blockName(*network.graph, blocks()[block]);
}

QString NetworkReport::blockOps(int block) const
{
    return core::blockOps(*network.graph, blocks()[block]);
}

QString shortLayerLabel(const Node &node, int maxChars)
{
    QStringList parts = node.name.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString name;
    if (parts.size() > 1 && parts.last() == node.opType) {
        parts.removeLast();
        // "conv1" says what it is; "layer1.0" needs its operator.
        name = parts.last().contains(node.opType, Qt::CaseInsensitive)
                   ? parts.mid(std::max<qsizetype>(0, parts.size() - 2)).join(QLatin1Char('/'))
                   : parts.last() + QLatin1Char(' ') + node.opType;
    } else {
        name = parts.mid(std::max<qsizetype>(0, parts.size() - 2)).join(QLatin1Char('/'));
    }
    if (name.isEmpty())
        name = node.name;
    if (name.size() > maxChars)
        name = QStringLiteral("...") + name.right(maxChars - 3);
    return name;
}

std::vector<int> reportBatchSweep()
{
    return {1, 2, 4, 8, 16, 32, 64};
}

std::vector<ProfileValidation> profileValidation(const DeviceProfile &profile)
{
    std::vector<ProfileValidation> out;
    for (Target target : allTargets()) {
        ProfileValidation v;
        v.target = targetKey(target);
        double sum = 0;
        for (const ModuleTraining &module : profile.modules) {
            for (const TargetTraining &t : module.targets) {
                if (t.target != target || t.selected < 0)
                    continue;
                const ModelMetrics &m = t.candidates[t.selected].metrics;
                ++v.modules;
                sum += m.mape;
                v.testSamples += m.testSamples;
                if (m.mape >= v.worstMape) {
                    v.worstMape = m.mape;
                    v.worstModule = module.module;
                }
            }
        }
        if (v.modules == 0)
            continue;
        v.meanMape = sum / v.modules;
        out.push_back(v);
    }
    return out;
}

bool buildNetworkReport(const AnalyzedNetwork &network,
                        std::shared_ptr<const DeviceProfile> profile, const QString &profileName,
                        const PredictConfig &config, NetworkReport *report, QString *error,
                        double speedRatio)
{
    if (!network.ok() || !profile) {
        *error = tr("no network or no device profile");
        return false;
    }
    using Clock = std::chrono::steady_clock;
    const ProfilingSpec spec = defaultProfilingSpec();
    const auto start = Clock::now();
    auto predictor = std::make_shared<NetworkPredictor>();
    if (!predictor->prepare(*network.graph, network.analysis, *profile, spec, error))
        return false;
    NetworkReport r;
    r.current = predictor->predict(config);
    for (int b : reportBatchSweep()) {
        PredictConfig c = config;
        c.batch = b;
        r.batchSweep.push_back(predictor->predict(c));
    }
    r.predictMicros = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
    r.speedRatio = speedRatio;
    if (speedRatio != 1) {
        scaleLatency(&r.current, speedRatio);
        for (ConfigPrediction &p : r.batchSweep)
            scaleLatency(&p, speedRatio);
    }
    r.network = network;
    r.profile = std::move(profile);
    r.profileName = profileName;
    r.predictor = predictor;
    r.config = config;
    r.created = QDateTime::currentDateTime();
    r.validation = profileValidation(*r.profile);
    r.blockOfNode.assign(network.graph->nodes.size(), -1);
    const auto &blocks = predictor->blocks();
    for (size_t b = 0; b < blocks.size(); ++b) {
        for (int n : blocks[b].nodes)
            r.blockOfNode[n] = static_cast<int>(b);
    }

    // What a reader must not miss.
    int unmodelled = 0;
    QStringList ops;
    for (size_t b = 0; b < blocks.size(); ++b) {
        if (!blocks[b].module.isEmpty())
            continue;
        unmodelled += static_cast<int>(blocks[b].nodes.size());
        const QString op = r.blockOps(static_cast<int>(b));
        if (!ops.contains(op))
            ops.append(op);
    }
    if (unmodelled > 0)
        r.warnings.append(tr("%1 layer(s) have no model in this profile and count only at the "
                             "per-operator overhead: %2")
                              .arg(unmodelled)
                              .arg(ops.join(QStringLiteral(", "))));
    if (r.current.outOfDistributionBlocks > 0)
        r.warnings.append(tr("%1 layer(s) lie outside the configurations their model was "
                             "trained on; their predictions are extrapolated (marked in the "
                             "table)")
                              .arg(r.current.outOfDistributionBlocks));
    if (speedRatio != 1)
        r.warnings.append(tr("Latencies are scaled by x%1: this machine's speed against the "
                             "profile's at calibration (its speed reference); memory and energy "
                             "are not.")
                              .arg(speedRatio, 0, 'f', 3));
    if (!r.current.energyJ.available)
        r.warnings.append(tr("Energy is unavailable: the profiled device had no energy sensor, "
                             "and LayerLens does not estimate energy without one."));
    if (!network.analysis.totals.complete)
        r.warnings.append(tr("%1 layer(s) have an unknown analytic cost (unsupported operator "
                             "or unknown shape).")
                              .arg(network.analysis.totals.unknownCostLayers));
    if (r.profile->opOverheadSource.isEmpty())
        r.warnings.append(tr("The profile's per-operator overhead is not calibrated; "
                             "'layerlens-cli calibrate' measures it on the target machine."));
    for (const ProfileValidation &v : r.validation) {
        if (v.target == targetKey(Target::Latency) && v.worstMape > 20)
            r.warnings.append(tr("The least accurate latency model (%1) has a held-out error "
                                 "of %2%.")
                                  .arg(v.worstModule)
                                  .arg(v.worstMape, 0, 'f', 1));
    }
    *report = std::move(r);
    return true;
}

bool reportFormatFromName(const QString &name, ReportFormat *format)
{
    static const std::map<QString, ReportFormat> formats = {
        {QStringLiteral("html"), ReportFormat::Html},
        {QStringLiteral("pdf"), ReportFormat::Pdf},
        {QStringLiteral("csv"), ReportFormat::Csv},
        {QStringLiteral("json"), ReportFormat::Json},
        {QStringLiteral("netron"), ReportFormat::Netron},
    };
    const auto it = formats.find(name.toLower());
    if (it == formats.end())
        return false;
    *format = it->second;
    return true;
}

bool reportFormatForPath(const QString &path, ReportFormat *format)
{
    const QString name = QFileInfo(path).fileName().toLower();
    if (name.endsWith(QLatin1String(".netron.json"))) {
        *format = ReportFormat::Netron;
        return true;
    }
    if (name.endsWith(QLatin1String(".htm"))) {
        *format = ReportFormat::Html;
        return true;
    }
    const QString suffix = QFileInfo(name).suffix();
    return !suffix.isEmpty() && reportFormatFromName(suffix, format);
}

} // namespace layerlens::core
