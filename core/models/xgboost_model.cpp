#include "models/xgboost_model.h"

#include <xgboost/c_api.h>

#include <vector>

namespace layerlens::core {

namespace {

QString lastError()
{
    return QString::fromUtf8(XGBGetLastError());
}

std::vector<float> rowMajor(const Matrix &x)
{
    std::vector<float> data(static_cast<size_t>(x.size()));
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        for (Eigen::Index c = 0; c < x.cols(); ++c)
            data[static_cast<size_t>(r * x.cols() + c)] = static_cast<float>(x(r, c));
    }
    return data;
}

} // namespace

XGBoostModel::XGBoostModel(bool forest)
    : m_forest(forest)
{}

XGBoostModel::~XGBoostModel()
{
    reset();
}

void XGBoostModel::reset()
{
    if (m_booster)
        XGBoosterFree(m_booster);
    m_booster = nullptr;
}

bool XGBoostModel::fit(const Matrix &x, const Vector &y, QString *error)
{
    reset();
    if (x.rows() < 2 || x.rows() != y.size()) {
        *error = QStringLiteral("%1 needs at least 2 samples").arg(kind());
        return false;
    }
    const std::vector<float> data = rowMajor(x);
    std::vector<float> labels(y.data(), y.data() + y.size());
    DMatrixHandle matrix = nullptr;
    bool ok = XGDMatrixCreateFromMat(data.data(), x.rows(), x.cols(), NAN, &matrix) == 0 &&
              XGDMatrixSetFloatInfo(matrix, "label", labels.data(), labels.size()) == 0 &&
              XGBoosterCreate(&matrix, 1, &m_booster) == 0;
    const std::vector<std::pair<const char *, const char *>> params =
        m_forest
            ? std::vector<std::pair<const char *, const char *>>{{"objective", "reg:squarederror"},
                                                                 {"booster", "gbtree"},
                                                                 {"num_parallel_tree", "100"},
                                                                 {"subsample", "0.8"},
                                                                 {"colsample_bynode", "0.8"},
                                                                 {"eta", "1"},
                                                                 {"max_depth", "10"},
                                                                 {"seed", "1"},
                                                                 {"nthread", "1"},
                                                                 {"tree_method", "exact"}}
            : std::vector<std::pair<const char *, const char *>>{{"objective", "reg:squarederror"},
                                                                 {"booster", "gbtree"},
                                                                 {"eta", "0.1"},
                                                                 {"max_depth", "6"},
                                                                 {"subsample", "0.9"},
                                                                 {"seed", "1"},
                                                                 {"nthread", "1"},
                                                                 {"tree_method", "exact"}};
    for (const auto &[key, value] : params)
        ok = ok && XGBoosterSetParam(m_booster, key, value) == 0;
    const int rounds = m_forest ? 1 : 300;
    for (int i = 0; ok && i < rounds; ++i)
        ok = XGBoosterUpdateOneIter(m_booster, i, matrix) == 0;
    if (matrix)
        XGDMatrixFree(matrix);
    if (!ok) {
        *error = QStringLiteral("%1: %2").arg(kind(), lastError());
        reset();
        return false;
    }
    m_features = static_cast<int>(x.cols());
    return true;
}

Vector XGBoostModel::predict(const Matrix &x) const
{
    Vector out = Vector::Zero(x.rows());
    if (!m_booster || x.rows() == 0)
        return out;
    const std::vector<float> data = rowMajor(x);
    DMatrixHandle matrix = nullptr;
    bst_ulong length = 0;
    const float *result = nullptr;
    if (XGDMatrixCreateFromMat(data.data(), x.rows(), x.cols(), NAN, &matrix) == 0 &&
        XGBoosterPredict(m_booster, matrix, 0, 0, 0, &length, &result) == 0 &&
        length == static_cast<bst_ulong>(x.rows())) {
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            out[i] = result[i];
    }
    if (matrix)
        XGDMatrixFree(matrix);
    return out;
}

QJsonObject XGBoostModel::toJson() const
{
    bst_ulong length = 0;
    const char *buffer = nullptr;
    QString model;
    if (m_booster &&
        XGBoosterSaveModelToBuffer(m_booster, R"({"format": "json"})", &length, &buffer) == 0)
        model = QString::fromUtf8(buffer, static_cast<qsizetype>(length));
    // XGBoost's JSON verbatim: re-serializing it would turn its floats such as
    // 1.0 into integers, which XGBoost's loader rejects.
    return QJsonObject{{QStringLiteral("kind"), kind()},
                       {QStringLiteral("features"), m_features},
                       {QStringLiteral("format"), QStringLiteral("xgboost-json")},
                       {QStringLiteral("model"), model}};
}

bool XGBoostModel::fromJson(const QJsonObject &json, QString *error)
{
    reset();
    if (json.value(QStringLiteral("format")).toString() != QLatin1String("xgboost-json")) {
        *error = QStringLiteral("%1: not an XGBoost JSON model").arg(kind());
        return false;
    }
    const QByteArray text = json.value(QStringLiteral("model")).toString().toUtf8();
    m_features = json.value(QStringLiteral("features")).toInt();
    if (XGBoosterCreate(nullptr, 0, &m_booster) != 0 ||
        XGBoosterLoadModelFromBuffer(m_booster, text.constData(), text.size()) != 0) {
        *error = QStringLiteral("%1: cannot load the XGBoost model: %2").arg(kind(), lastError());
        reset();
        return false;
    }
    XGBoosterSetParam(m_booster, "nthread", "1");
    return true;
}

} // namespace layerlens::core
