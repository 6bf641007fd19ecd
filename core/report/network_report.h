#pragma once

#include "graph/analyzed_network.h"
#include "models/device_profile.h"
#include "predict/network_predictor.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace layerlens::core {

// The held-out error of a profile's selected models for one target, over
// the modules that have one.
struct ProfileValidation
{
    QString target;  // "latency_ms", "memory_bytes", "energy_j"
    int modules = 0; // modules with a selected model for it
    double meanMape = 0;
    double worstMape = 0;
    QString worstModule;
    int testSamples = 0;
};

// Everything a report shows of one network on one device at one set of
// run-time parameters: the prediction, a batch sweep for the heatmap, the
// profile's validation error, the warnings a reader must see, and how the
// numbers were made. Built once; every report format reads it.
struct NetworkReport
{
    AnalyzedNetwork network;
    std::shared_ptr<const DeviceProfile> profile;
    QString profileName; // "reference-cpu" or the folder
    std::shared_ptr<const NetworkPredictor> predictor;
    PredictConfig config;
    ConfigPrediction current;
    std::vector<ConfigPrediction> batchSweep; // at config's utilization and threads
    std::vector<int> blockOfNode;             // per graph node, its block or -1
    std::vector<ProfileValidation> validation;
    QStringList warnings;
    QDateTime created;
    double predictMicros = 0;
    // Latencies scaled to a machine this many times slower than the
    // profile's at calibration (predict --speed-ratio); 1: as predicted.
    double speedRatio = 1;

    const std::vector<NetworkBlock> &blocks() const { return predictor->blocks(); }
    // The name a reader knows a block by: its first node's.
    QString blockName(int block) const;
    // "Conv+Relu".
    QString blockOps(int block) const;
};

// One layer (a graph node that runs) as the report's table lists it.
struct ReportLayerRow
{
    int node = -1;
    int block = -1;    // its block, or -1
    bool head = false; // the block's first node: it carries the block's prediction
    const BlockPrediction *prediction = nullptr; // set on heads of modelled blocks
    double latencyShare = 0;                     // of the network's latency, 0..1
    QString note; // fused into, no model, out of distribution, unknown cost
};

// The rows of the per-layer table, in graph order.
std::vector<ReportLayerRow> reportLayerRows(const NetworkReport &report);

// A short label for a layer: the last two parts of its path, without a
// trailing part that only repeats the operator ("/layer4/layer4.1/conv1/Conv"
// becomes "layer4.1/conv1"), at most maxChars long.
QString shortLayerLabel(const Node &node, int maxChars = 28);

// The batch sizes the report's heatmap sweeps.
std::vector<int> reportBatchSweep();

// Predicts network on profile at config and collects the rest; latencies
// scaled by speedRatio (scaleLatency), said in the warnings. False with
// *error when the network cannot be segmented for the profile.
bool buildNetworkReport(const AnalyzedNetwork &network,
                        std::shared_ptr<const DeviceProfile> profile, const QString &profileName,
                        const PredictConfig &config, NetworkReport *report, QString *error,
                        double speedRatio = 1);

// Validation error of each target's selected models.
std::vector<ProfileValidation> profileValidation(const DeviceProfile &profile);

// The formats a report file can take.
enum class ReportFormat
{
    Html,
    Pdf,
    Csv,
    Json,
    Netron // Netron's attachment file (signature "netron:attachment")
};

// The format a file name asks for: ".netron.json" is a Netron attachment,
// ".json" the full result, ".html"/".htm", ".pdf", ".csv". False for any
// other extension.
bool reportFormatForPath(const QString &path, ReportFormat *format);
// "html", "pdf", "csv", "json", "netron".
bool reportFormatFromName(const QString &name, ReportFormat *format);

// One row per layer (graph node that runs), every column of the GUI's layer
// table; predicted figures on the first node of each block, the others name
// the block they are fused into.
QString reportToCsv(const NetworkReport &report);

// The full result: network, device and profile with validation error,
// parameters, totals with intervals, per-layer rows, blocks, the batch
// sweep, warnings and method.
QJsonObject reportToJson(const NetworkReport &report);

// Netron's attachment format (metadata.Attachment in Netron's source
// view.js): {"signature": "netron:attachment", "metadata": [...], "metrics":
// [{"kind": "node", "target": NODE_NAME, "name", "value", "type"}...]}.
// Netron shows a node's entries in its sidebar when the file is opened next
// to the model. Nodes without a name cannot be targeted and are skipped.
QJsonObject reportToNetronAttachment(const NetworkReport &report);

// How the HTML is to be read: by a browser (inline SVG plots, full CSS) or
// by QTextDocument for the PDF (plots as <img src="NAME"> resources named
// by reportPlotNames(), simpler CSS).
enum class HtmlFlavor
{
    Browser,
    RichText
};

// The plots a report embeds, by resource name: "heatmap.svg", "breakdown.svg".
QStringList reportPlotNames();
// The SVG text of a plot named by reportPlotNames().
QString reportPlotSvg(const NetworkReport &report, const QString &name);

// A self-contained HTML page: summary, device and profile with validation
// error, totals with intervals, plots, per-layer table, warnings, method.
QString reportToHtml(const NetworkReport &report, HtmlFlavor flavor = HtmlFlavor::Browser);

// Writes report to path in format (all but PDF, which needs QtGui: see
// ui/report). False with an error naming the file.
bool writeTextReport(const NetworkReport &report, ReportFormat format, const QString &path,
                     QString *error);

} // namespace layerlens::core
