#pragma once

#include "models/blas_rows.h"
#include "models/regression_model.h"
#include "profiling/dataset_store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace layerlens::core {

// The numeric view of one module's samples: log(1 + value) of every module
// parameter, analytic feature, thread count and utilization, in a fixed order.
struct FeatureEncoding
{
    Q_DECLARE_TR_FUNCTIONS(FeatureEncoding)

public:
    QStringList names; // "param:batch", "feature:flops", "threads", "utilization"
    // Per name, the smallest and largest encoded value trained on; empty when
    // unknown. A prediction outside them is out of distribution.
    Vector lower;
    Vector upper;
    // Rows on the system BLAS encoded at one thread (set by calibrate where
    // this machine's OpenBLAS pool runs one thread and the base's samples
    // did not say; models/blas_rows.h); encode() applies it, and so must
    // anything that builds rows of its own.
    std::optional<BlasRows> blasRows;

    static FeatureEncoding of(const std::vector<Sample> &samples);
    Eigen::RowVectorXd encode(const Sample &sample) const;
    Matrix encode(const std::vector<Sample> &samples, const std::vector<int> &rows) const;
    // The first feature of an encoded row beyond the trained range by more
    // than 5% of that range (out of distribution), or -1: within it, or the
    // range is unknown. reason, when given, names the feature and its value.
    Eigen::Index outsideRange(const Eigen::RowVectorXd &row, QString *reason = nullptr) const;
    // "feature = value is outside the trained lower to upper" (values decoded).
    static QString outsideRangeText(const QString &feature, double value, double lower,
                                    double upper);
    QJsonObject toJson() const;
    bool fromJson(const QJsonObject &json, QString *error);
};

// The metrics models learn; each on a log scale.
enum class Target
{
    Latency,
    Memory,
    Energy
};
QString targetKey(Target target); // "latency_ms", "memory_bytes", "energy_j"
// The target a key names; false when it names none.
bool targetFromKey(const QString &key, Target *target);
// Every target, in the order models list them.
std::vector<Target> allTargets();
// The target's value in a sample, or a non-positive number when unmeasured.
double targetValue(const Sample &sample, Target target);

// Accuracy and cost of one model on held-out samples.
struct ModelMetrics
{
    double mape = 0;          // mean absolute percentage error, in percent
    double rmse = 0;          // in the target's unit
    double r2 = 0;            // on the log scale
    double within5 = 0;       // share of predictions within ±5%, in percent
    double within10 = 0;      // within ±10%
    double p90 = 0;           // 90th percentile of the absolute percentage error, in percent
    double predictMicros = 0; // per sample
    int64_t sizeBytes = 0;
    int trainSamples = 0;
    int testSamples = 0;

    QJsonObject toJson() const;
};

// Holds out whole configurations (samples with equal module parameters stay
// on one side), about testShare of them, chosen by seed.
void splitByConfiguration(const std::vector<Sample> &samples, double testShare, uint64_t seed,
                          std::vector<int> *train, std::vector<int> *test);

// Metrics of model on x against the true values (not logs).
ModelMetrics evaluateModel(const RegressionModel &model, const Matrix &x, const Vector &truth);

struct Candidate
{
    QString kind;
    ModelMetrics metrics;
};
// [{"kind", metrics...}], as manifests store them.
QJsonArray candidatesToJson(const std::vector<Candidate> &candidates);

// Time/space-efficient selection (Shen et al.): among candidates whose MAPE
// is within `tolerance` points of the best, the one with the lowest predict
// time × size. Returns its index, or -1 when there are none.
int selectCandidate(const std::vector<Candidate> &candidates, double tolerance = 0.5);

struct TrainOptions
{
    QStringList kinds = modelKinds();
    double testShare = 0.2;
    double tolerance = 0.5; // MAPE points
    uint64_t seed = 1;
    int minSamples = 20;
};

// Candidates of every kind for one module and target, evaluated on held-out
// configurations, the selected one refitted on all samples.
struct TargetTraining
{
    Target target = Target::Latency;
    std::vector<Candidate> candidates;
    int selected = -1;
    std::unique_ptr<RegressionModel> model; // the selected kind, fitted on every sample
};

struct ModuleTraining
{
    QString module;
    QString op;
    int samples = 0;
    QString sampleHash; // SHA-256 of the sample ids trained on: unchanged means no retraining
    FeatureEncoding encoding;
    std::vector<TargetTraining> targets;
};

// The module's fitted model of target; null where it has none.
TargetTraining *targetOf(ModuleTraining &m, Target target);
const TargetTraining *targetOf(const ModuleTraining &m, Target target);

// Trains one module's models. False with error when it has too few samples.
bool trainModule(const QString &module, const std::vector<Sample> &samples,
                 const TrainOptions &options, ModuleTraining *out, QString *error);

} // namespace layerlens::core
