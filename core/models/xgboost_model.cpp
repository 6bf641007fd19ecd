#include "models/xgboost_model.h"

#include <xgboost/c_api.h>

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

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

// A booster loaded from XGBoost's JSON model text, freed on scope exit.
class Booster
{
public:
    ~Booster()
    {
        if (handle)
            XGBoosterFree(handle);
    }
    bool load(const QByteArray &text)
    {
        return XGBoosterCreate(nullptr, 0, &handle) == 0 &&
               XGBoosterLoadModelFromBuffer(handle, text.constData(),
                                            static_cast<bst_ulong>(text.size())) == 0;
    }
    BoosterHandle handle = nullptr;
};

} // namespace

XGBoostModel::XGBoostModel(bool forest)
    : m_forest(forest)
{}

XGBoostModel::~XGBoostModel() = default;

void XGBoostModel::reset()
{
    m_features = 0;
    m_model.clear();
    m_nodes.clear();
    m_roots.clear();
    m_baseScore = 0.5f;
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
    Booster booster;
    bool ok = XGDMatrixCreateFromMat(data.data(), x.rows(), x.cols(), NAN, &matrix) == 0 &&
              XGDMatrixSetFloatInfo(matrix, "label", labels.data(), labels.size()) == 0 &&
              XGBoosterCreate(&matrix, 1, &booster.handle) == 0;
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
        ok = ok && XGBoosterSetParam(booster.handle, key, value) == 0;
    const int rounds = m_forest ? 1 : 300;
    for (int i = 0; ok && i < rounds; ++i)
        ok = XGBoosterUpdateOneIter(booster.handle, i, matrix) == 0;
    if (matrix)
        XGDMatrixFree(matrix);
    bst_ulong length = 0;
    const char *buffer = nullptr;
    ok = ok &&
         XGBoosterSaveModelToBuffer(booster.handle, R"({"format": "json"})", &length, &buffer) == 0;
    if (!ok) {
        *error = QStringLiteral("%1: %2").arg(kind(), lastError());
        return false;
    }
    if (!readTrees(QByteArray(buffer, static_cast<qsizetype>(length)), error))
        return false;
    m_features = static_cast<int>(x.cols());
    return true;
}

Vector XGBoostModel::predict(const Matrix &x) const
{
    Vector out = Vector::Zero(x.rows());
    if (m_roots.empty())
        return out;
    // Rows as floats (what XGBoost compares), features the model does not
    // know as missing; then tree by tree, so that each tree stays in cache
    // while every row walks it.
    const auto rows = static_cast<size_t>(x.rows());
    const auto width = static_cast<size_t>(std::max<Eigen::Index>(x.cols(), m_features));
    std::vector<float> data(rows * width, NAN);
    for (size_t r = 0; r < rows; ++r) {
        for (Eigen::Index c = 0; c < x.cols(); ++c)
            data[r * width + size_t(c)] = static_cast<float>(x(Eigen::Index(r), c));
    }
    std::vector<float> sums(rows, 0.0f);
    for (const int32_t root : m_roots) {
        for (size_t r = 0; r < rows; ++r) {
            const float *row = data.data() + r * width;
            const Node *node = &m_nodes[static_cast<size_t>(root)];
            while (node->feature >= 0) {
                const float f = size_t(node->feature) < width ? row[node->feature] : NAN;
                const int32_t next = std::isnan(f) ? (node->defaultLeft ? node->left : node->right)
                                                   : (f < node->value ? node->left : node->right);
                node = &m_nodes[static_cast<size_t>(next)];
            }
            sums[r] += node->value;
        }
    }
    for (size_t r = 0; r < rows; ++r)
        out[Eigen::Index(r)] = m_baseScore + sums[r];
    return out;
}

Vector XGBoostModel::predictWithXGBoost(const Matrix &x, QString *error) const
{
    Vector out = Vector::Zero(x.rows());
    Booster booster;
    if (m_model.isEmpty() || !booster.load(m_model)) {
        *error = QStringLiteral("%1: cannot load the XGBoost model: %2").arg(kind(), lastError());
        return out;
    }
    XGBoosterSetParam(booster.handle, "nthread", "1");
    const std::vector<float> data = rowMajor(x);
    DMatrixHandle matrix = nullptr;
    bst_ulong length = 0;
    const float *result = nullptr;
    if (XGDMatrixCreateFromMat(data.data(), x.rows(), x.cols(), NAN, &matrix) == 0 &&
        XGBoosterPredict(booster.handle, matrix, 0, 0, 0, &length, &result) == 0 &&
        length == static_cast<bst_ulong>(x.rows())) {
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            out[i] = result[i];
    } else {
        *error = QStringLiteral("%1: %2").arg(kind(), lastError());
    }
    if (matrix)
        XGDMatrixFree(matrix);
    return out;
}

bool XGBoostModel::readTrees(const QByteArray &modelJson, QString *error)
{
    reset();
    const auto fail = [&](const QString &what) {
        *error = QStringLiteral("%1: the XGBoost model %2").arg(kind(), what);
        reset();
        return false;
    };
    QJsonParseError parse;
    const QJsonObject learner = QJsonDocument::fromJson(modelJson, &parse)
                                    .object()
                                    .value(QStringLiteral("learner"))
                                    .toObject();
    if (parse.error != QJsonParseError::NoError)
        return fail(QStringLiteral("is not JSON (%1)").arg(parse.errorString()));
    const QJsonObject booster = learner.value(QStringLiteral("gradient_booster")).toObject();
    const QString objective = learner.value(QStringLiteral("objective"))
                                  .toObject()
                                  .value(QStringLiteral("name"))
                                  .toString();
    if (booster.value(QStringLiteral("name")).toString() != QLatin1String("gbtree") ||
        objective != QLatin1String("reg:squarederror"))
        return fail(QStringLiteral("is not a gbtree regression (%1)").arg(objective));
    bool numeric = false;
    m_baseScore = learner.value(QStringLiteral("learner_model_param"))
                      .toObject()
                      .value(QStringLiteral("base_score"))
                      .toString()
                      .toFloat(&numeric);
    if (!numeric)
        return fail(QStringLiteral("has no base score"));
    const QJsonArray trees =
        booster.value(QStringLiteral("model")).toObject().value(QStringLiteral("trees")).toArray();
    if (trees.isEmpty())
        return fail(QStringLiteral("has no trees"));
    for (const QJsonValue &value : trees) {
        const QJsonObject tree = value.toObject();
        const QJsonArray left = tree.value(QStringLiteral("left_children")).toArray();
        const QJsonArray right = tree.value(QStringLiteral("right_children")).toArray();
        const QJsonArray feature = tree.value(QStringLiteral("split_indices")).toArray();
        const QJsonArray condition = tree.value(QStringLiteral("split_conditions")).toArray();
        const QJsonArray defaultLeft = tree.value(QStringLiteral("default_left")).toArray();
        const QJsonArray splitType = tree.value(QStringLiteral("split_type")).toArray();
        const qsizetype n = left.size();
        if (n == 0 || right.size() != n || feature.size() != n || condition.size() != n ||
            defaultLeft.size() != n)
            return fail(QStringLiteral("has a malformed tree"));
        const auto offset = static_cast<int32_t>(m_nodes.size());
        m_roots.push_back(offset);
        for (qsizetype i = 0; i < n; ++i) {
            const int l = left[i].toInt(), rgt = right[i].toInt();
            const bool leaf = l < 0;
            if (!leaf && (l >= n || rgt < 0 || rgt >= n || l <= i || rgt <= i))
                return fail(QStringLiteral("has a malformed tree"));
            if (!leaf && splitType.size() == n && splitType[i].toInt() != 0)
                return fail(QStringLiteral("uses categorical splits"));
            m_nodes.push_back(
                {leaf ? -1 : feature[i].toInt(), leaf ? -1 : offset + l, leaf ? -1 : offset + rgt,
                 static_cast<float>(condition[i].toDouble()), defaultLeft[i].toInt() != 0});
        }
    }
    m_model = modelJson;
    return true;
}

QJsonObject XGBoostModel::toJson() const
{
    // XGBoost's JSON verbatim: re-serializing it would turn its floats such as
    // 1.0 into integers, which XGBoost's loader rejects.
    return QJsonObject{{QStringLiteral("kind"), kind()},
                       {QStringLiteral("features"), m_features},
                       {QStringLiteral("format"), QStringLiteral("xgboost-json")},
                       {QStringLiteral("model"), QString::fromUtf8(m_model)}};
}

bool XGBoostModel::fromJson(const QJsonObject &json, QString *error)
{
    reset();
    if (json.value(QStringLiteral("format")).toString() != QLatin1String("xgboost-json")) {
        *error = QStringLiteral("%1: not an XGBoost JSON model").arg(kind());
        return false;
    }
    if (!readTrees(json.value(QStringLiteral("model")).toString().toUtf8(), error))
        return false;
    m_features = json.value(QStringLiteral("features")).toInt();
    return true;
}

} // namespace layerlens::core
