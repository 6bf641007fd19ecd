#include "models/regression_model.h"

#include "models/calibrated_model.h"
#include "models/knn_model.h"
#include "models/neural_models.h"
#include "models/ridge_model.h"
#include "models/xgboost_model.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace layerlens::core {

namespace {

QJsonArray vectorToJson(const Vector &v)
{
    QJsonArray a;
    for (Eigen::Index i = 0; i < v.size(); ++i)
        a.append(v[i]);
    return a;
}

} // namespace

void Standardizer::fit(const Matrix &x)
{
    mean = x.colwise().mean().transpose();
    scale = ((x.rowwise() - mean.transpose()).array().square().colwise().mean()).sqrt().transpose();
    for (Eigen::Index i = 0; i < scale.size(); ++i) {
        if (!(scale[i] > 1e-12))
            scale[i] = 1.0; // a constant feature: leave it centred
    }
}

Matrix Standardizer::apply(const Matrix &x) const
{
    return (x.rowwise() - mean.transpose()).array().rowwise() / scale.transpose().array();
}

QJsonObject Standardizer::toJson() const
{
    return QJsonObject{{QStringLiteral("mean"), vectorToJson(mean)},
                       {QStringLiteral("scale"), vectorToJson(scale)}};
}

bool Standardizer::fromJson(const QJsonObject &json, QString *error)
{
    const QJsonArray m = json.value(QStringLiteral("mean")).toArray();
    const QJsonArray s = json.value(QStringLiteral("scale")).toArray();
    if (m.isEmpty() || m.size() != s.size()) {
        *error = QStringLiteral("standardizer: mean and scale differ in length");
        return false;
    }
    mean.resize(m.size());
    scale.resize(s.size());
    for (qsizetype i = 0; i < m.size(); ++i) {
        mean[i] = m[i].toDouble();
        scale[i] = s[i].toDouble();
    }
    return true;
}

int64_t RegressionModel::sizeBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact).size();
}

std::unique_ptr<RegressionModel> createModel(const QString &kind)
{
    if (kind == QLatin1String("ridge"))
        return std::make_unique<RidgeModel>(1);
    if (kind == QLatin1String("poly_ridge"))
        return std::make_unique<RidgeModel>(2);
    if (kind == QLatin1String("knn"))
        return std::make_unique<KnnModel>();
    if (kind == QLatin1String("gbt"))
        return std::make_unique<XGBoostModel>(false);
    if (kind == QLatin1String("random_forest"))
        return std::make_unique<XGBoostModel>(true);
    if (kind == QLatin1String("mlp"))
        return std::make_unique<MlpModel>();
    if (kind == QLatin1String("medn"))
        return std::make_unique<MednModel>();
    if (kind == QLatin1String("calibrated"))
        return std::make_unique<CalibratedModel>();
    return nullptr;
}

QStringList modelKinds()
{
    return {QStringLiteral("ridge"), QStringLiteral("poly_ridge"),    QStringLiteral("knn"),
            QStringLiteral("gbt"),   QStringLiteral("random_forest"), QStringLiteral("mlp"),
            QStringLiteral("medn")};
}

} // namespace layerlens::core
